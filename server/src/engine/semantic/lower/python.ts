import type { Node } from '../../source/parse';
import { wordOccurrences } from '../../source/words';
import type { Arg, DeclMemo, Expr, FunctionDef, Import, Lowering, Module, Param, Stmt, Target } from '../ir';
import { argsOf, expr, field, intLiteral, named, operatorOf, other, recall, unescape } from './common';

// Python's tree-sitter grammar lowered to the neutral IR (ir.ts).

function stringExpr(n: Node): Expr {
  const start = named(n).find((c) => c.type === 'string_start');
  const prefix = (start?.text ?? '').replace(/["']+$/, '').toLowerCase();
  const raw = prefix.includes('r');
  const parts: Expr[] = [];
  let text = '';
  let pure = true;
  for (const c of named(n)) {
    if (c.type === 'string_content' || c.type === 'escape_sequence') text += raw ? c.text : unescape(c.text);
    else if (c.type === 'interpolation') {
      pure = false;
      if (text) parts.push({ k: 'lit', node: c, value: text });
      text = '';
      const e = field(c, 'expression') ?? c.namedChild(0);
      parts.push(e ? lowerExpr(e) : other(c, []));
    }
  }
  if (pure) return { k: 'lit', node: n, value: text };
  if (text) parts.push({ k: 'lit', node: n, value: text });
  return { k: 'concat', node: n, parts };
}

function kwarg(a: Node): Arg | undefined {
  if (a.type !== 'keyword_argument') return undefined;
  const name = field(a, 'name');
  const value = field(a, 'value');
  return name && value ? { name: name.text, value: lowerExpr(value), node: a } : undefined;
}

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'string':
      return stringExpr(n);
    case 'concatenated_string':
      return { k: 'concat', node: n, parts: named(n).map(lowerExpr) };
    case 'integer': {
      const v = intLiteral(n.text);
      return v === undefined ? other(n, []) : { k: 'lit', node: n, value: v };
    }
    case 'float':
      return { k: 'lit', node: n, value: Number(n.text.replace(/_/g, '')) };
    case 'true':
      return { k: 'lit', node: n, value: true };
    case 'false':
      return { k: 'lit', node: n, value: false };
    case 'none':
      return { k: 'lit', node: n, value: null };
    case 'identifier':
      return { k: 'name', node: n, id: n.text };
    case 'parenthesized_expression':
      return n.namedChild(0) ? lowerExpr(n.namedChild(0)!) : other(n, []);
    case 'attribute': {
      const obj = field(n, 'object');
      const a = field(n, 'attribute');
      return obj && a ? { k: 'member', node: n, obj: lowerExpr(obj), prop: a.text, propNode: a } : other(n, []);
    }
    case 'call': {
      const fn = field(n, 'function');
      if (!fn) return other(n, []);
      const args = argsOf(field(n, 'arguments'), lowerExpr, kwarg);
      const callee = lowerExpr(fn);
      const nameNode = fn.type === 'attribute' ? (field(fn, 'attribute') ?? fn) : fn;
      return { k: 'call', node: n, callee, nameNode, args };
    }
    case 'binary_operator': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      if (!l || !r) return other(n, []);
      const op = operatorOf(n);
      if (op === '%' && (l.type === 'string' || l.type === 'concatenated_string')) {
        // `"%s-%s" % (a, b)`: formatting, modelled as a format call on the string.
        const items = r.type === 'tuple' ? named(r) : [r];
        const opNode = n.child(1) ?? n;
        return { k: 'call', node: n, callee: { k: 'member', node: n, obj: lowerExpr(l), prop: 'format', propNode: opNode }, nameNode: opNode, args: items.map((i) => ({ value: lowerExpr(i), node: i })) };
      }
      return { k: 'binary', node: n, op, l: lowerExpr(l), r: lowerExpr(r) };
    }
    case 'boolean_operator': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      return l && r ? { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(l), r: lowerExpr(r) } : other(n, []);
    }
    case 'comparison_operator': {
      const parts = named(n);
      if (parts.length === 2) return { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(parts[0]!), r: lowerExpr(parts[1]!) };
      return other(n, parts.map(lowerExpr));
    }
    case 'not_operator': {
      const a = field(n, 'argument');
      return a ? { k: 'not', node: n, e: lowerExpr(a) } : other(n, []);
    }
    case 'conditional_expression': {
      const [t, c, f] = named(n);
      return t && c && f ? { k: 'cond', node: n, c: lowerExpr(c), t: lowerExpr(t), f: lowerExpr(f) } : other(n, named(n).map(lowerExpr));
    }
    case 'list':
    case 'tuple':
    case 'set':
      return { k: 'array', node: n, elems: named(n).map(lowerExpr) };
    case 'subscript': {
      const v = field(n, 'value');
      const s = field(n, 'subscript');
      return v && s ? { k: 'index', node: n, obj: lowerExpr(v), key: lowerExpr(s) } : other(n, []);
    }
    case 'lambda': {
      const body = field(n, 'body');
      return { k: 'fn', node: n, fn: { node: n, name: '', params: paramsOf(field(n, 'parameters')), body: body ? [{ k: 'return', node: body, e: lowerExpr(body) }] : [] } };
    }
    case 'comment':
      return other(n, []);
    default:
      return other(n, named(n).filter((c) => c.type !== 'comment').map(lowerExpr));
  }
}

function targetOf(n: Node): Target {
  if (n.type === 'identifier') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'attribute') {
    const a = field(n, 'attribute');
    return { kind: 'field', name: a?.text ?? '', node: a ?? n };
  }
  if (n.type === 'subscript') {
    const v = field(n, 'value');
    const s = field(n, 'subscript');
    const key = s?.type === 'string' ? stringExpr(s) : undefined;
    const t: Target = { kind: 'index', name: key?.k === 'lit' && typeof key.value === 'string' ? key.value : '', node: s ?? n };
    if (v) t.obj = lowerExpr(v);
    if (s) t.key = lowerExpr(s);
    return t;
  }
  return { kind: 'index', name: '', node: n };
}

function assignment(n: Node): Stmt[] {
  const l = field(n, 'left');
  const r = field(n, 'right');
  if (!l) return [];
  const type = field(n, 'type');
  if (l.type === 'pattern_list' || l.type === 'tuple_pattern' || l.type === 'list_pattern') {
    const targets = named(l);
    const values = r && (r.type === 'expression_list' || r.type === 'tuple') ? named(r) : [];
    return targets.map((t, i) => {
      const v = values.length === targets.length ? lowerExpr(values[i]!) : r ? other(r, i === 0 ? [lowerExpr(r)] : []) : undefined;
      const s: Stmt = { k: 'let', node: n, target: targetOf(t) };
      if (v) s.value = v;
      return s;
    });
  }
  const s: Stmt = { k: 'let', node: n, target: targetOf(l), op: n.type === 'augmented_assignment' ? operatorOf(n) : '=' };
  if (r) s.value = lowerExpr(r);
  if (type) s.type = lowerExpr(type);
  // ALL_CAPS module names are constants by convention; the evaluator treats them like any module name.
  return [s];
}

function paramsOf(n: Node | null): Param[] {
  if (!n) return [];
  const out: Param[] = [];
  for (const p of named(n)) {
    const name = p.type === 'identifier' ? p : (field(p, 'name') ?? named(p).find((c) => c.type === 'identifier'));
    if (!name) continue;
    const param: Param = { name: name.text, node: name };
    const t = field(p, 'type');
    if (t) param.type = lowerExpr(t);
    const d = field(p, 'value');
    if (d) param.default = lowerExpr(d);
    out.push(param);
  }
  return out;
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  return named(n).flatMap(stmt);
}

function fnOf(n: Node, known?: string): FunctionDef {
  const name = known ?? field(n, 'name')?.text ?? '';
  const def: FunctionDef = { node: n, name, params: () => paramsOf(field(n, 'parameters')), body: () => block(field(n, 'body')) };
  if (/^_[^_]/.test(name)) def.private = true;
  return def;
}

function ifChain(cond: Node | null, consequence: Node | null, alternatives: Node[], node: Node): Stmt {
  const [first, ...rest] = alternatives;
  let otherwise: Stmt[] = [];
  if (first?.type === 'elif_clause') otherwise = [ifChain(field(first, 'condition'), field(first, 'consequence'), rest, first)];
  else if (first?.type === 'else_clause') otherwise = block(field(first, 'body') ?? first.namedChild(0));
  return { k: 'if', node, cond: cond ? lowerExpr(cond) : other(node, []), then: block(consequence), else: otherwise };
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'expression_statement':
      return named(n).flatMap((e) => (e.type === 'assignment' || e.type === 'augmented_assignment' ? assignment(e) : [expr(lowerExpr(e))]));
    case 'if_statement':
      return [ifChain(field(n, 'condition'), field(n, 'consequence'), n.childrenForFieldName('alternative').filter((x): x is Node => x !== null), n)];
    case 'while_statement': {
      const c = field(n, 'condition');
      const s: Stmt = { k: 'loop', node: n, head: [], body: block(field(n, 'body')) };
      if (c) s.cond = lowerExpr(c);
      return [s];
    }
    case 'for_statement': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      const head: Stmt[] = l && r ? [{ k: 'let', node: n, target: targetOf(l), value: other(r, [lowerExpr(r)]) }] : [];
      return [{ k: 'loop', node: n, head, body: block(field(n, 'body')) }];
    }
    case 'with_statement': {
      const out: Stmt[] = [];
      for (const clause of named(n).filter((c) => c.type === 'with_clause')) {
        for (const item of named(clause)) {
          const v = field(item, 'value') ?? item.namedChild(0);
          if (!v) continue;
          if (v.type === 'as_pattern') {
            const value = v.namedChild(0);
            const alias = field(v, 'alias')?.namedChild(0);
            if (value && alias) out.push({ k: 'let', node: v, target: targetOf(alias), value: lowerExpr(value) });
            else if (value) out.push(expr(lowerExpr(value)));
          } else out.push(expr(lowerExpr(v)));
        }
      }
      return [...out, ...block(field(n, 'body'))];
    }
    case 'try_statement': {
      const out = block(field(n, 'body'));
      const arms = named(n).filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause').map((c) => named(c).filter((x) => x.type === 'block').flatMap(block));
      if (arms.length) out.push({ k: 'branch', node: n, arms });
      for (const c of named(n)) if (c.type === 'else_clause' || c.type === 'finally_clause') out.push(...named(c).flatMap((x) => (x.type === 'block' ? block(x) : [])));
      return out;
    }
    case 'match_statement': {
      const body = field(n, 'body');
      const arms = body ? named(body).map((c) => block(field(c, 'consequence'))) : [];
      return [{ k: 'branch', node: n, arms }];
    }
    case 'function_definition':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'class_definition':
      return [{ k: 'class', node: n, name: field(n, 'name')?.text ?? '', body: () => block(field(n, 'body')) }];
    case 'decorated_definition': {
      const d = field(n, 'definition');
      return d ? stmt(d) : [];
    }
    case 'return_statement': {
      const e = n.namedChild(0);
      return [e ? { k: 'return', node: n, e: lowerExpr(e) } : { k: 'return', node: n }];
    }
    case 'block':
      return block(n);
    case 'import_statement':
    case 'import_from_statement':
    case 'future_import_statement':
    case 'comment':
    case 'pass_statement':
    case 'break_statement':
    case 'continue_statement':
    case 'global_statement':
    case 'nonlocal_statement':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

/** Where `imports` looks: the module, and `if`/`try` blocks there (`try: import x`, `if TYPE_CHECKING:`). */
const IMPORT_GUARDS = new Set(['if_statement', 'try_statement', 'block', 'else_clause', 'except_clause', 'elif_clause']);

/**
 * The import statements of the module, also those guarded by `try:` / `if TYPE_CHECKING:` (they still name the
 * module), in document order; none inside a function or class. Found from the word `import` in the file's word
 * index rather than by a walk of every module-level statement on every keystroke.
 */
function importStatements(root: Node): Node[] {
  const out: Node[] = [];
  let last = -1;
  for (const p of wordOccurrences(root.tree, 'import')) {
    const stmt = root.descendantForIndex(p, p + 'import'.length)?.parent;
    if (!stmt || (stmt.type !== 'import_statement' && stmt.type !== 'import_from_statement') || stmt.startIndex <= last) continue;
    let guarded = true;
    for (let a = stmt.parent; a && guarded && a.id !== root.id; a = a.parent) guarded = IMPORT_GUARDS.has(a.type);
    if (!guarded || stmt.parent === null) continue;
    out.push(stmt);
    last = stmt.startIndex;
  }
  return out;
}

function imports(root: Node, out: Import[], wildcards: string[]): void {
  const dotted = (n: Node): string => n.text.replace(/\s+/g, '');
  for (const n of importStatements(root)) {
    if (n.type === 'import_statement') {
      for (const c of n.childrenForFieldName('name')) {
        if (!c) continue;
        if (c.type === 'aliased_import') {
          const name = field(c, 'name');
          const alias = field(c, 'alias');
          if (name && alias) out.push({ local: alias.text, qualified: dotted(name) });
        } else {
          const q = dotted(c);
          // `import os.path` binds `os`.
          out.push({ local: q.split('.')[0]!, qualified: q.split('.')[0]! });
        }
      }
    } else if (n.type === 'import_from_statement') {
      const mod = field(n, 'module_name');
      if (!mod) continue;
      const m = dotted(mod);
      if (named(n).some((c) => c.type === 'wildcard_import')) wildcards.push(m);
      for (const c of n.childrenForFieldName('name')) {
        if (!c) continue;
        if (c.type === 'aliased_import') {
          const name = field(c, 'name');
          const alias = field(c, 'alias');
          if (name && alias) out.push({ local: alias.text, qualified: `${m}.${dotted(name)}` });
        } else out.push({ local: dotted(c), qualified: `${m}.${dotted(c)}` });
      }
    }
  }
}

const DECLARES = new Set(['function_definition', 'class_definition']);

/** A module-level statement; a definition's type and name may come from the previous tree's memo. */
function topStmt(n: Node, memo: DeclMemo | undefined): Stmt[] {
  const d = recall(memo, n, DECLARES);
  if (d.type === 'function_definition') return [{ k: 'func', fn: fnOf(n, d.name) }];
  if (d.type === 'class_definition') return [{ k: 'class', node: n, name: d.name ?? '', body: () => block(field(n, 'body')) }];
  return stmt(n);
}

export const python: Lowering = {
  lower(root: Node, memo?: DeclMemo): Module {
    const out: Import[] = [];
    const wildcards: string[] = [];
    imports(root, out, wildcards);
    return { imports: out, wildcards, body: named(root).flatMap((n) => topStmt(n, memo)) };
  },
  constructorCall: (name) => /^[A-Z][a-z]/.test(name),
  repeats: true,
};
