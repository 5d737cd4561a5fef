import type { Node } from '../../source/parse';
import type { Decl, DeclMemo, Expr, FunctionDef, Import, Lowering, Module, Param, Stmt, Target } from '../ir';
import { argsOf, expr, field, intLiteral, named, operatorOf, other, recall, unescape } from './common';

// Java's tree-sitter grammar lowered to the neutral IR (ir.ts).

function typeExpr(n: Node | null): Expr | undefined {
  if (!n) return undefined;
  switch (n.type) {
    case 'type_identifier':
    case 'identifier':
      return { k: 'name', node: n, id: n.text };
    case 'scoped_type_identifier':
    case 'scoped_identifier': {
      const parts = named(n).filter((c) => c.type !== 'annotation' && c.type !== 'marker_annotation');
      if (parts.length === 0) return undefined;
      let e = typeExpr(parts[0]!);
      for (const p of parts.slice(1)) if (e) e = { k: 'member', node: n, obj: e, prop: p.text, propNode: p };
      return e;
    }
    case 'generic_type':
      return typeExpr(n.namedChild(0));
    case 'array_type':
      return undefined;
    default:
      return { k: 'name', node: n, id: n.text };
  }
}

function stringValue(n: Node): string {
  const t = n.text;
  if (t.startsWith('"""')) return t.slice(3, -3).replace(/^[ \t]*\n/, '');
  return unescape(t.slice(1, -1));
}

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'string_literal':
      return { k: 'lit', node: n, value: stringValue(n) };
    case 'character_literal':
      return { k: 'lit', node: n, value: unescape(n.text.slice(1, -1)) };
    case 'decimal_integer_literal':
    case 'hex_integer_literal':
    case 'octal_integer_literal':
    case 'binary_integer_literal': {
      const v = intLiteral(n.text);
      return v === undefined ? other(n, []) : { k: 'lit', node: n, value: v };
    }
    case 'decimal_floating_point_literal':
      return { k: 'lit', node: n, value: Number(n.text.replace(/[fFdD]$/, '')) };
    case 'true':
      return { k: 'lit', node: n, value: true };
    case 'false':
      return { k: 'lit', node: n, value: false };
    case 'null_literal':
      return { k: 'lit', node: n, value: null };
    case 'identifier':
    case 'this':
      return { k: 'name', node: n, id: n.text };
    case 'parenthesized_expression':
      return n.namedChild(0) ? lowerExpr(n.namedChild(0)!) : other(n, []);
    case 'field_access': {
      const obj = field(n, 'object');
      const f = field(n, 'field');
      return obj && f ? { k: 'member', node: n, obj: lowerExpr(obj), prop: f.text, propNode: f } : other(n, []);
    }
    case 'method_invocation': {
      const name = field(n, 'name')!;
      const obj = field(n, 'object');
      const callee: Expr = obj ? { k: 'member', node: n, obj: lowerExpr(obj), prop: name.text, propNode: name } : { k: 'name', node: name, id: name.text };
      return { k: 'call', node: n, callee, nameNode: name, args: argsOf(field(n, 'arguments'), lowerExpr) };
    }
    case 'object_creation_expression': {
      const type = typeExpr(field(n, 'type'));
      const args = argsOf(field(n, 'arguments'), lowerExpr);
      return type ? { k: 'new', node: n, type, args } : other(n, args.map((a) => a.value));
    }
    case 'binary_expression': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      return l && r ? { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(l), r: lowerExpr(r) } : other(n, []);
    }
    case 'unary_expression': {
      const operand = field(n, 'operand');
      if (!operand) return other(n, []);
      return operatorOf(n) === '!' ? { k: 'not', node: n, e: lowerExpr(operand) } : other(n, [lowerExpr(operand)]);
    }
    case 'ternary_expression': {
      const c = field(n, 'condition');
      const t = field(n, 'consequence');
      const f = field(n, 'alternative');
      return c && t && f ? { k: 'cond', node: n, c: lowerExpr(c), t: lowerExpr(t), f: lowerExpr(f) } : other(n, []);
    }
    case 'cast_expression': {
      const v = field(n, 'value');
      return v ? other(n, [lowerExpr(v)]) : other(n, []);
    }
    case 'array_initializer':
      return { k: 'array', node: n, elems: named(n).map(lowerExpr) };
    case 'array_creation_expression': {
      const v = field(n, 'value');
      if (v) return lowerExpr(v);
      // `new byte[16]`: zero-filled, a constant until something writes into it.
      const dims = named(n).find((c) => c.type === 'dimensions_expr');
      const size = dims?.namedChild(0) ? intLiteral(dims.namedChild(0)!.text) : undefined;
      if (size !== undefined && size <= 64) return { k: 'array', node: n, elems: Array.from({ length: size }, () => ({ k: 'lit', node: n, value: 0 }) as Expr) };
      return other(n, dims ? named(dims).map(lowerExpr) : []);
    }
    case 'array_access': {
      const a = field(n, 'array');
      const i = field(n, 'index');
      return a && i ? { k: 'index', node: n, obj: lowerExpr(a), key: lowerExpr(i) } : other(n, []);
    }
    case 'lambda_expression': {
      const body = field(n, 'body');
      const params = paramsOf(field(n, 'parameters'));
      const stmts: Stmt[] = body ? (body.type === 'block' ? block(body) : [{ k: 'return', node: body, e: lowerExpr(body) }]) : [];
      return { k: 'fn', node: n, fn: { node: n, name: '', params, body: stmts } };
    }
    case 'assignment_expression':
      // An assignment inside an expression: evaluated for its calls, its value left unknown.
      return other(n, named(n).slice(1).map(lowerExpr));
    default:
      return other(n, named(n).filter((c) => c.type !== 'comment' && c.type !== 'line_comment' && c.type !== 'block_comment').map(lowerExpr));
  }
}

function targetOf(n: Node): Target {
  if (n.type === 'identifier') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'field_access') {
    const f = field(n, 'field');
    const obj = field(n, 'object');
    return { kind: obj?.type === 'this' ? 'field' : 'field', name: f?.text ?? '', node: f ?? n };
  }
  if (n.type === 'array_access') {
    const a = field(n, 'array');
    const i = field(n, 'index');
    const t: Target = { kind: 'index', name: '', node: n };
    if (a) t.obj = lowerExpr(a);
    if (i) t.key = lowerExpr(i);
    return t;
  }
  return { kind: 'index', name: '', node: n };
}

function declarators(n: Node, isField: boolean): Stmt[] {
  const type = typeExpr(field(n, 'type'));
  const mods = named(n).find((c) => c.type === 'modifiers')?.text ?? '';
  const final = /\bfinal\b/.test(mods);
  const out: Stmt[] = [];
  for (const d of named(n)) {
    if (d.type !== 'variable_declarator') continue;
    const name = field(d, 'name');
    const value = field(d, 'value');
    if (!name) continue;
    const s: Stmt = { k: 'let', node: d, target: { kind: isField ? 'field' : 'name', name: name.text, node: name }, final };
    if (type) s.type = type;
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
    const name = p.type === 'identifier' ? p : field(p, 'name');
    if (!name) continue;
    const param: Param = { name: name.text, node: name };
    const t = typeExpr(field(p, 'type'));
    if (t) param.type = t;
    out.push(param);
  }
  return out;
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  if (n.type !== 'block') return stmt(n);
  return named(n).flatMap((c) => stmt(c));
}

const isPrivate = (n: Node): boolean => /\bprivate\b/.test(named(n).find((c) => c.type === 'modifiers')?.text ?? '');

/** `known`: the method's name and whether it is private, from the previous tree's memo. */
function fnOf(n: Node, known?: Decl): FunctionDef {
  const def: FunctionDef = { node: n, name: known?.name ?? field(n, 'name')?.text ?? '', params: () => paramsOf(field(n, 'parameters')), body: () => block(field(n, 'body')) };
  if (known ? known.private : isPrivate(n)) def.private = true;
  return def;
}

const METHODS = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration']);
const privacy = (n: Node, d: Decl): void => {
  if (isPrivate(n)) d.private = true;
};

/** A class's members; a method's type, name and privacy may come from the previous tree's memo (ir.ts DeclMemo). */
function classBody(n: Node | null, memo?: DeclMemo): Stmt[] {
  if (!n) return [];
  const out: Stmt[] = [];
  for (const m of named(n)) {
    const d = recall(memo, m, METHODS, privacy);
    if (d.type === 'field_declaration' || d.type === 'constant_declaration') out.push(...declarators(m, true));
    else if (METHODS.has(d.type)) out.push({ k: 'func', fn: fnOf(m, d) });
    else if (d.type === 'static_initializer' || d.type === 'block') out.push({ k: 'func', fn: { node: m, name: '', params: [], body: named(m).flatMap(block) } });
    else out.push(...stmt(m, memo));
  }
  return out;
}

/** `memo`: for the declarations of classes (classBody), when `n` is a node of the tree being lowered. */
function stmt(n: Node, memo?: DeclMemo): Stmt[] {
  switch (n.type) {
    case 'block':
      return block(n);
    case 'local_variable_declaration':
      return declarators(n, false);
    case 'expression_statement': {
      const e = n.namedChild(0);
      if (!e) return [];
      if (e.type === 'assignment_expression') {
        const l = field(e, 'left');
        const r = field(e, 'right');
        if (l && r) return [{ k: 'let', node: e, target: targetOf(l), value: lowerExpr(r), op: operatorOf(e) }];
      }
      return [expr(lowerExpr(e))];
    }
    case 'if_statement': {
      const c = field(n, 'condition');
      return [{ k: 'if', node: n, cond: c ? lowerExpr(c) : other(n, []), then: block(field(n, 'consequence')), else: block(field(n, 'alternative')) }];
    }
    case 'while_statement':
    case 'do_statement': {
      const c = field(n, 'condition');
      const s: Stmt = { k: 'loop', node: n, head: [], body: block(field(n, 'body')) };
      if (c && n.type === 'while_statement') s.cond = lowerExpr(c);
      return [s];
    }
    case 'for_statement': {
      const head: Stmt[] = [];
      for (const i of n.childrenForFieldName('init')) if (i) head.push(...(i.type === 'local_variable_declaration' ? declarators(i, false) : [expr(lowerExpr(i))]));
      const c = field(n, 'condition');
      const s: Stmt = { k: 'loop', node: n, head, body: block(field(n, 'body')) };
      if (c) s.cond = lowerExpr(c);
      return [s];
    }
    case 'enhanced_for_statement': {
      const v = field(n, 'value');
      const name = field(n, 'name');
      const head: Stmt[] = name && v ? [{ k: 'let', node: n, target: { kind: 'name', name: name.text, node: name }, value: other(v, [lowerExpr(v)]) }] : [];
      return [{ k: 'loop', node: n, head, body: block(field(n, 'body')) }];
    }
    case 'try_statement':
    case 'try_with_resources_statement': {
      const out: Stmt[] = [];
      const res = field(n, 'resources');
      if (res) {
        for (const r of named(res)) {
          const name = field(r, 'name');
          const value = field(r, 'value');
          if (name && value) {
            const s: Stmt = { k: 'let', node: r, target: { kind: 'name', name: name.text, node: name }, value: lowerExpr(value) };
            const t = typeExpr(field(r, 'type'));
            if (t) s.type = t;
            out.push(s);
          } else out.push(expr(lowerExpr(r)));
        }
      }
      // The body may stop at any statement: the catch clauses start from either state, so they are arms
      // met with the state after the body.
      out.push(...block(field(n, 'body')));
      const arms = named(n).filter((c) => c.type === 'catch_clause').map((c) => block(field(c, 'body')));
      if (arms.length) out.push({ k: 'branch', node: n, arms });
      const fin = named(n).find((c) => c.type === 'finally_clause');
      if (fin) out.push(...named(fin).flatMap(block));
      return out;
    }
    case 'switch_expression':
    case 'switch_statement': {
      const c = field(n, 'condition');
      const body = field(n, 'body');
      const arms = body ? named(body).map((g) => named(g).filter((x) => x.type !== 'switch_label').flatMap((c) => stmt(c))) : [];
      return [...(c ? [expr(lowerExpr(c))] : []), { k: 'branch', node: n, arms }];
    }
    case 'return_statement': {
      const e = n.namedChild(0);
      return [e ? { k: 'return', node: n, e: lowerExpr(e) } : { k: 'return', node: n }];
    }
    case 'synchronized_statement':
    case 'labeled_statement':
      return named(n).flatMap((c) => (c.type === 'block' ? block(c) : c.type === 'identifier' ? [] : stmt(c)));
    case 'class_declaration':
    case 'interface_declaration':
    case 'enum_declaration':
    case 'record_declaration':
    case 'local_class_declaration': {
      const inner = (): Stmt[] => {
        const body = field(n, 'body');
        return body?.type === 'enum_body' ? named(body).flatMap((c) => (c.type === 'enum_body_declarations' ? classBody(c, memo) : [])) : classBody(body, memo);
      };
      return [{ k: 'class', node: n, name: field(n, 'name')?.text ?? '', body: inner }];
    }
    case 'method_declaration':
    case 'constructor_declaration':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'line_comment':
    case 'block_comment':
    case 'comment':
    case 'package_declaration':
    case 'import_declaration':
    case 'break_statement':
    case 'continue_statement':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

function importOf(n: Node, imports: Import[], wildcards: string[]): void {
  const path = named(n).find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
  if (!path) return;
  const q = path.text.replace(/\s+/g, '');
  if (named(n).some((c) => c.type === 'asterisk') || /\*\s*;?\s*$/.test(n.text)) {
    wildcards.push(q);
    return;
  }
  imports.push({ local: q.slice(q.lastIndexOf('.') + 1), qualified: q });
}

export const java: Lowering = {
  lower(root: Node, memo?: DeclMemo): Module {
    const imports: Import[] = [];
    const wildcards: string[] = [];
    const body: Stmt[] = [];
    for (const c of named(root)) {
      if (c.type === 'import_declaration') importOf(c, imports, wildcards);
      else body.push(...stmt(c, memo));
    }
    return { imports, wildcards, body };
  },
};
