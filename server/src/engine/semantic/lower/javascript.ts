import type { Node } from '../../source/parse';
import { wordOccurrences } from '../../source/words';
import type { Arg, DeclMemo, Expr, FunctionDef, Import, Lowering, Module, Param, Stmt, Target } from '../ir';
import { argsOf, expr, field, intLiteral, named, operatorOf, other, recall, unescape } from './common';

// JavaScript and TypeScript (with JSX) lowered to the neutral IR (ir.ts). A module is named by its specifier
// without `node:`: `import { createHash as h } from 'node:crypto'` makes `h` stand for `crypto.createHash`, and so
// do `const { createHash: h } = require('crypto')` and `import * as c from 'crypto'; c.createHash`.

function stringValue(n: Node): string {
  return unescape(n.text.slice(1, -1));
}

const FUNCTIONS = new Set(['function_expression', 'function', 'arrow_function', 'generator_function', 'function_declaration', 'generator_function_declaration', 'method_definition']);

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'string':
      return { k: 'lit', node: n, value: stringValue(n) };
    case 'template_string': {
      const parts: Expr[] = [];
      for (const c of named(n)) {
        if (c.type === 'string_fragment' || c.type === 'escape_sequence') parts.push({ k: 'lit', node: c, value: unescape(c.text) });
        else if (c.type === 'template_substitution') parts.push(c.namedChild(0) ? lowerExpr(c.namedChild(0)!) : other(c, []));
      }
      if (parts.every((p) => p.k === 'lit')) return { k: 'lit', node: n, value: parts.map((p) => (p.k === 'lit' ? String(p.value) : '')).join('') };
      return { k: 'concat', node: n, parts };
    }
    case 'number': {
      const v = intLiteral(n.text) ?? Number(n.text.replace(/_/g, ''));
      return Number.isFinite(v) ? { k: 'lit', node: n, value: v } : other(n, []);
    }
    case 'true':
      return { k: 'lit', node: n, value: true };
    case 'false':
      return { k: 'lit', node: n, value: false };
    case 'null':
    case 'undefined':
      return { k: 'lit', node: n, value: null };
    case 'identifier':
    case 'this':
    case 'shorthand_property_identifier':
      return { k: 'name', node: n, id: n.text };
    case 'parenthesized_expression':
    case 'non_null_expression':
    case 'as_expression':
    case 'satisfies_expression':
    case 'type_assertion':
    case 'await_expression':
      return n.namedChild(0) ? (n.type === 'await_expression' || n.type === 'parenthesized_expression' || n.type === 'non_null_expression' ? lowerExpr(n.namedChild(0)!) : lowerExpr(n.namedChild(0)!)) : other(n, []);
    case 'member_expression': {
      const o = field(n, 'object');
      const p = field(n, 'property');
      return o && p ? { k: 'member', node: n, obj: lowerExpr(o), prop: p.text, propNode: p } : other(n, []);
    }
    case 'subscript_expression': {
      const o = field(n, 'object');
      const i = field(n, 'index');
      if (o && i?.type === 'string') return { k: 'member', node: n, obj: lowerExpr(o), prop: stringValue(i), propNode: i };
      return o && i ? { k: 'index', node: n, obj: lowerExpr(o), key: lowerExpr(i) } : other(n, []);
    }
    case 'call_expression': {
      const fn = field(n, 'function');
      if (!fn) return other(n, []);
      // `require('crypto').createHash(..)`: the module itself.
      const m = required(n);
      if (m) return { k: 'name', node: n, id: m };
      const nameNode = fn.type === 'member_expression' ? (field(fn, 'property') ?? fn) : fn;
      return { k: 'call', node: n, callee: lowerExpr(fn), nameNode, args: argsOf(field(n, 'arguments'), lowerExpr) };
    }
    case 'new_expression': {
      const c = field(n, 'constructor');
      const args = argsOf(field(n, 'arguments'), lowerExpr);
      return c ? { k: 'new', node: n, type: lowerExpr(c), args } : other(n, args.map((a) => a.value));
    }
    case 'binary_expression': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      return l && r ? { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(l), r: lowerExpr(r) } : other(n, []);
    }
    case 'unary_expression': {
      const a = field(n, 'argument');
      if (!a) return other(n, []);
      return operatorOf(n) === '!' ? { k: 'not', node: n, e: lowerExpr(a) } : other(n, [lowerExpr(a)]);
    }
    case 'ternary_expression': {
      const c = field(n, 'condition');
      const t = field(n, 'consequence');
      const f = field(n, 'alternative');
      return c && t && f ? { k: 'cond', node: n, c: lowerExpr(c), t: lowerExpr(t), f: lowerExpr(f) } : other(n, []);
    }
    case 'array':
      return { k: 'array', node: n, elems: named(n).map(lowerExpr) };
    case 'object':
      // Object literals: each property is a named argument of an anonymous constructor, so `{ secret: x }`
      // records where x lands and `{ rejectUnauthorized: false }` can be read by a matcher.
      return { k: 'new', node: n, type: { k: 'name', node: n, id: 'Object' }, args: named(n).flatMap((p): Arg[] => {
        if (p.type === 'pair') {
          const key = field(p, 'key');
          const value = field(p, 'value');
          if (!key || !value) return [];
          return [{ name: key.type === 'string' ? stringValue(key) : key.text, value: lowerExpr(value), node: p }];
        }
        if (p.type === 'shorthand_property_identifier') return [{ name: p.text, value: lowerExpr(p), node: p }];
        return [{ value: lowerExpr(p), node: p }];
      }) };
    case 'assignment_expression':
      return other(n, named(n).slice(1).map(lowerExpr));
    case 'comment':
      return other(n, []);
    default:
      if (FUNCTIONS.has(n.type)) return { k: 'fn', node: n, fn: fnOf(n) };
      return other(n, named(n).filter((c) => c.type !== 'comment').map(lowerExpr));
  }
}

function targetOf(n: Node): Target {
  if (n.type === 'identifier') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'member_expression') {
    const p = field(n, 'property');
    return { kind: 'field', name: p?.text ?? '', node: p ?? n };
  }
  if (n.type === 'subscript_expression') {
    const o = field(n, 'object');
    const i = field(n, 'index');
    const t: Target = { kind: 'index', name: i?.type === 'string' ? stringValue(i) : '', node: i ?? n };
    if (o) t.obj = lowerExpr(o);
    if (i) t.key = lowerExpr(i);
    return t;
  }
  return { kind: 'index', name: '', node: n };
}

function declarators(n: Node): Stmt[] {
  const final = n.text.startsWith('const');
  const out: Stmt[] = [];
  for (const d of named(n)) {
    if (d.type !== 'variable_declarator') continue;
    const name = field(d, 'name');
    const value = field(d, 'value');
    if (!name) continue;
    if (name.type === 'object_pattern' || name.type === 'array_pattern') {
      for (const p of named(name)) {
        const id = p.type === 'pair_pattern' ? field(p, 'value') : p.type === 'shorthand_property_identifier_pattern' || p.type === 'identifier' ? p : null;
        if (id) out.push({ k: 'let', node: d, target: { kind: 'name', name: id.text, node: id }, value: value ? other(value, [lowerExpr(value)]) : other(d, []) });
      }
      continue;
    }
    const s: Stmt = { k: 'let', node: d, target: { kind: 'name', name: name.text, node: name }, final };
    if (value) s.value = lowerExpr(value);
    out.push(s);
  }
  return out;
}

function paramsOf(n: Node | null): Param[] {
  if (!n) return [];
  if (n.type === 'identifier') return [{ name: n.text, node: n }];
  const out: Param[] = [];
  for (const p of named(n)) {
    const inner = p.type === 'required_parameter' || p.type === 'optional_parameter' ? (field(p, 'pattern') ?? p) : p;
    const name = inner.type === 'assignment_pattern' ? field(inner, 'left') : inner;
    if (!name || name.type !== 'identifier') continue;
    const param: Param = { name: name.text, node: name };
    const d = inner.type === 'assignment_pattern' ? field(inner, 'right') : field(p, 'value');
    if (d) param.default = lowerExpr(d);
    out.push(param);
  }
  return out;
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  if (n.type !== 'statement_block') return stmt(n);
  return named(n).flatMap(stmt);
}

function fnOf(n: Node, known?: string): FunctionDef {
  const lowerBody = (): Stmt[] => {
    const body = field(n, 'body');
    return body ? (body.type === 'statement_block' ? block(body) : [{ k: 'return', node: body, e: lowerExpr(body) }]) : [];
  };
  const params = (): Param[] => paramsOf(field(n, 'parameters') ?? field(n, 'parameter'));
  return { node: n, name: known ?? field(n, 'name')?.text ?? '', params, body: lowerBody };
}

function classMembers(body: Node | null): Stmt[] {
  const members: Stmt[] = [];
  for (const m of body ? named(body) : []) {
    if (m.type === 'method_definition') members.push({ k: 'func', fn: fnOf(m) });
    else if (m.type === 'field_definition' || m.type === 'public_field_definition') {
      const name = field(m, 'property') ?? field(m, 'name');
      const value = field(m, 'value');
      if (name && value) members.push({ k: 'let', node: m, target: { kind: 'field', name: name.text, node: name }, value: lowerExpr(value) });
    }
  }
  return members;
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'statement_block':
      return block(n);
    case 'lexical_declaration':
    case 'variable_declaration':
      return declarators(n);
    case 'expression_statement': {
      const e = n.namedChild(0);
      if (!e) return [];
      if (e.type === 'assignment_expression' || e.type === 'augmented_assignment_expression') {
        const l = field(e, 'left');
        const r = field(e, 'right');
        if (l && r) return [{ k: 'let', node: e, target: targetOf(l), value: lowerExpr(r), op: operatorOf(e) }];
      }
      return [expr(lowerExpr(e))];
    }
    case 'if_statement': {
      const c = field(n, 'condition');
      const alt = field(n, 'alternative');
      return [{ k: 'if', node: n, cond: c ? lowerExpr(c) : other(n, []), then: block(field(n, 'consequence')), else: alt ? named(alt).flatMap(stmt) : [] }];
    }
    case 'while_statement':
    case 'do_statement': {
      const c = field(n, 'condition');
      const s: Stmt = { k: 'loop', node: n, head: [], body: block(field(n, 'body')) };
      if (c && n.type === 'while_statement') s.cond = lowerExpr(c);
      return [s];
    }
    case 'for_statement': {
      const init = field(n, 'initializer');
      const head = init ? stmt(init) : [];
      const c = field(n, 'condition');
      const s: Stmt = { k: 'loop', node: n, head, body: block(field(n, 'body')) };
      if (c && c.type !== 'empty_statement') s.cond = lowerExpr(c.type === 'expression_statement' && c.namedChild(0) ? c.namedChild(0)! : c);
      return [s];
    }
    case 'for_in_statement': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      const head: Stmt[] = l && r && l.type === 'identifier' ? [{ k: 'let', node: n, target: targetOf(l), value: other(r, [lowerExpr(r)]) }] : r ? [expr(lowerExpr(r))] : [];
      return [{ k: 'loop', node: n, head, body: block(field(n, 'body')) }];
    }
    case 'try_statement': {
      const out = block(field(n, 'body'));
      const h = field(n, 'handler');
      if (h) out.push({ k: 'branch', node: n, arms: [block(field(h, 'body'))] });
      const fin = field(n, 'finalizer');
      if (fin) out.push(...named(fin).flatMap(block));
      return out;
    }
    case 'switch_statement': {
      const v = field(n, 'value');
      const body = field(n, 'body');
      const arms = body ? named(body).map((c) => c.childrenForFieldName('body').filter((x): x is Node => x !== null).flatMap(stmt)) : [];
      return [...(v ? [expr(lowerExpr(v))] : []), { k: 'branch', node: n, arms }];
    }
    case 'return_statement': {
      const e = n.namedChild(0);
      return [e ? { k: 'return', node: n, e: lowerExpr(e) } : { k: 'return', node: n }];
    }
    case 'function_declaration':
    case 'generator_function_declaration':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'class_declaration':
    case 'class': {
      const members = (): Stmt[] => classMembers(field(n, 'body'));
      return [{ k: 'class', node: n, name: field(n, 'name')?.text ?? '', body: members }];
    }
    case 'export_statement': {
      const d = field(n, 'declaration');
      if (d) return stmt(d);
      const v = field(n, 'value');
      return v ? [expr(lowerExpr(v))] : [];
    }
    case 'labeled_statement':
      return field(n, 'body') ? stmt(field(n, 'body')!) : [];
    case 'import_statement':
    case 'comment':
    case 'break_statement':
    case 'continue_statement':
    case 'empty_statement':
    case 'type_alias_declaration':
    case 'interface_declaration':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

const moduleName = (spec: string): string => spec.replace(/^node:/, '').replace(/\//g, '.');

/** `require('m')` / `require("m")`: the module name, or undefined. */
function required(n: Node | null): string | undefined {
  if (!n || n.type !== 'call_expression' || field(n, 'function')?.text !== 'require') return undefined;
  const arg = field(n, 'arguments')?.namedChild(0);
  return arg?.type === 'string' ? moduleName(stringValue(arg)) : undefined;
}

/**
 * The module-level statements that may import: those holding the word `import` or `require`, found from the
 * file's word index (in document order) rather than by a walk of every module-level statement on every keystroke.
 */
function importCandidates(root: Node): Node[] {
  const starts = new Set<number>();
  const out: Node[] = [];
  for (const word of ['import', 'require']) {
    for (const p of wordOccurrences(root.tree, word)) {
      let n: Node | null = root.descendantForIndex(p, p + word.length);
      while (n && n.parent && n.parent.id !== root.id) n = n.parent;
      if (!n || !n.parent || starts.has(n.startIndex)) continue;
      starts.add(n.startIndex);
      out.push(n);
    }
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

function importsOf(root: Node): Import[] {
  const out: Import[] = [];
  for (const n of importCandidates(root)) {
    if (n.type === 'import_statement') {
      const src = field(n, 'source');
      if (!src) continue;
      const m = moduleName(stringValue(src));
      const clause = named(n).find((c) => c.type === 'import_clause');
      for (const c of clause ? named(clause) : []) {
        if (c.type === 'identifier') out.push({ local: c.text, qualified: m });
        else if (c.type === 'namespace_import' && c.namedChild(0)) out.push({ local: c.namedChild(0)!.text, qualified: m });
        else if (c.type === 'named_imports') {
          for (const s of named(c)) {
            const name = field(s, 'name');
            const alias = field(s, 'alias');
            if (name) out.push({ local: (alias ?? name).text, qualified: `${m}.${name.text}` });
          }
        }
      }
    } else if (n.type === 'lexical_declaration' || n.type === 'variable_declaration') {
      for (const d of named(n)) {
        if (d.type !== 'variable_declarator') continue;
        const value = field(d, 'value');
        const m = required(value) ?? (value?.type === 'member_expression' ? required(field(value, 'object')) : undefined);
        const name = field(d, 'name');
        if (!m || !name) continue;
        const base = value?.type === 'member_expression' ? `${m}.${field(value, 'property')?.text ?? ''}` : m;
        if (name.type === 'identifier') out.push({ local: name.text, qualified: base });
        else if (name.type === 'object_pattern') {
          for (const p of named(name)) {
            if (p.type === 'shorthand_property_identifier_pattern') out.push({ local: p.text, qualified: `${base}.${p.text}` });
            else if (p.type === 'pair_pattern') {
              const k = field(p, 'key');
              const v = field(p, 'value');
              if (k && v) out.push({ local: v.text, qualified: `${base}.${k.text}` });
            }
          }
        }
      }
    }
  }
  return out;
}

const DECLARES = new Set(['function_declaration', 'generator_function_declaration', 'class_declaration']);

/** A module-level statement; a declaration's type and name may come from the previous tree's memo. */
function topStmt(n: Node, memo: DeclMemo | undefined): Stmt[] {
  const d = recall(memo, n, DECLARES);
  if (d.type === 'function_declaration' || d.type === 'generator_function_declaration') return [{ k: 'func', fn: fnOf(n, d.name) }];
  if (d.type === 'class_declaration') return [{ k: 'class', node: n, name: d.name ?? '', body: () => classMembers(field(n, 'body')) }];
  return stmt(n);
}

export const javascript: Lowering = {
  lower(root: Node, memo?: DeclMemo): Module {
    const imports = importsOf(root);
    const bound = new Set(imports.map((i) => i.local));
    // The bindings that import a module are imports, not variables.
    const body = named(root).flatMap((n) => topStmt(n, memo)).filter((s) => !(s.k === 'let' && s.target.kind === 'name' && bound.has(s.target.name)));
    return { imports, wildcards: [], body };
  },
};
