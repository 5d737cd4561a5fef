import type { Node } from '../../source/parse';
import type { Expr, FunctionDef, Import, Lowering, Module, Param, Stmt, Target } from '../ir';
import { argsOf, expr, field, intLiteral, named, operatorOf, other, unescape } from './common';

// Go's tree-sitter grammar lowered to the neutral IR (ir.ts). A package is named by its import path:
// `md5.Sum` under `import "crypto/md5"` is `crypto/md5.Sum`, and so is `m.Sum` under `import m "crypto/md5"`.

function typeExpr(n: Node | null): Expr | undefined {
  if (!n) return undefined;
  switch (n.type) {
    case 'type_identifier':
    case 'identifier':
    case 'package_identifier':
      return { k: 'name', node: n, id: n.text };
    case 'qualified_type': {
      const pkg = field(n, 'package');
      const name = field(n, 'name');
      return pkg && name ? { k: 'member', node: n, obj: { k: 'name', node: pkg, id: pkg.text }, prop: name.text, propNode: name } : undefined;
    }
    case 'pointer_type':
      return typeExpr(n.namedChild(0));
    case 'generic_type':
      return typeExpr(field(n, 'type'));
    default:
      return undefined;
  }
}

function stringValue(n: Node): string {
  if (n.type === 'raw_string_literal') return n.text.slice(1, -1);
  return unescape(n.text.slice(1, -1));
}

/** `make([]byte, n[, cap])`: n zero bytes, a constant until something writes into them (a static IV or key). */
function zeroFilled(n: Node, fn: Node): Expr | undefined {
  if (fn.type !== 'identifier' || fn.text !== 'make') return undefined;
  const [type, size] = named(field(n, 'arguments') ?? n).filter((c) => c.type !== 'comment');
  const element = type?.type === 'slice_type' ? field(type, 'element') : null;
  if (!size || !element || (element.text !== 'byte' && element.text !== 'uint8')) return undefined;
  return { k: 'array', node: n, elems: [], size: lowerExpr(size) };
}

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return { k: 'lit', node: n, value: stringValue(n) };
    case 'rune_literal':
      return { k: 'lit', node: n, value: unescape(n.text.slice(1, -1)) };
    case 'int_literal': {
      const v = intLiteral(n.text);
      return v === undefined ? other(n, []) : { k: 'lit', node: n, value: v };
    }
    case 'float_literal':
      return { k: 'lit', node: n, value: Number(n.text.replace(/_/g, '')) };
    case 'true':
      return { k: 'lit', node: n, value: true };
    case 'false':
      return { k: 'lit', node: n, value: false };
    case 'nil':
      return { k: 'lit', node: n, value: null };
    case 'identifier':
    case 'package_identifier':
    case 'field_identifier':
      return { k: 'name', node: n, id: n.text };
    case 'parenthesized_expression':
      return n.namedChild(0) ? lowerExpr(n.namedChild(0)!) : other(n, []);
    case 'selector_expression': {
      const o = field(n, 'operand');
      const f = field(n, 'field');
      return o && f ? { k: 'member', node: n, obj: lowerExpr(o), prop: f.text, propNode: f } : other(n, []);
    }
    case 'call_expression': {
      const fn = field(n, 'function');
      if (!fn) return other(n, []);
      const buffer = zeroFilled(n, fn);
      if (buffer) return buffer;
      const nameNode = fn.type === 'selector_expression' ? (field(fn, 'field') ?? fn) : fn;
      return { k: 'call', node: n, callee: lowerExpr(fn), nameNode, args: argsOf(field(n, 'arguments'), lowerExpr) };
    }
    case 'type_conversion_expression': {
      // `[]byte("k")`, `string(b)`: the value converted.
      const v = field(n, 'operand');
      return v ? lowerExpr(v) : other(n, []);
    }
    case 'composite_literal': {
      const body = field(n, 'body');
      const type = field(n, 'type');
      const t = typeExpr(type);
      // A keyed element's value is its second part (`InsecureSkipVerify: skip` holds skip's value).
      const keyed = (e: Node): Expr => {
        const v = named(e)[1]?.namedChild(0);
        return v ? lowerExpr(v) : other(e, []);
      };
      const elems = body ? named(body).map((e) => (e.type === 'literal_element' && e.namedChild(0) ? lowerExpr(e.namedChild(0)!) : e.type === 'keyed_element' ? keyed(e) : lowerExpr(e))) : [];
      // `&tls.Config{...}` and `Struct{...}` construct the type; `[]byte{1, 2}` is an array.
      if (t) return { k: 'new', node: n, type: t, args: body ? named(body).map((e, i) => ({ value: elems[i]!, node: e, ...(e.type === 'keyed_element' && e.namedChild(0) ? { name: e.namedChild(0)!.text } : {}) })) : [] };
      return { k: 'array', node: n, elems };
    }
    case 'binary_expression': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      return l && r ? { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(l), r: lowerExpr(r) } : other(n, []);
    }
    case 'unary_expression': {
      const a = field(n, 'operand');
      if (!a) return other(n, []);
      if (operatorOf(n) === '!') return { k: 'not', node: n, e: lowerExpr(a) };
      // `&T{...}`: the value itself.
      return operatorOf(n) === '&' ? lowerExpr(a) : other(n, [lowerExpr(a)]);
    }
    case 'index_expression': {
      const o = field(n, 'operand');
      const i = field(n, 'index');
      return o && i ? { k: 'index', node: n, obj: lowerExpr(o), key: lowerExpr(i) } : other(n, []);
    }
    case 'func_literal':
      return { k: 'fn', node: n, fn: { node: n, name: '', params: paramsOf(field(n, 'parameters')), body: block(field(n, 'body')) } };
    case 'comment':
      return other(n, []);
    default:
      return other(n, named(n).filter((c) => c.type !== 'comment').map(lowerExpr));
  }
}

function targetOf(n: Node): Target {
  if (n.type === 'identifier') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'selector_expression') {
    const f = field(n, 'field');
    return { kind: 'field', name: f?.text ?? '', node: f ?? n };
  }
  if (n.type === 'index_expression') {
    const o = field(n, 'operand');
    const i = field(n, 'index');
    const key = i ? lowerExpr(i) : undefined;
    const t: Target = { kind: 'index', name: key?.k === 'lit' && typeof key.value === 'string' ? key.value : '', node: i ?? n };
    if (o) t.obj = lowerExpr(o);
    if (key) t.key = key;
    return t;
  }
  return { kind: 'index', name: '', node: n };
}

/** `a, b := x, y` and `var a T = x`: one `let` per name; with a single call on the right, only the first is its value. */
function lets(node: Node, targets: Node[], values: Node[], type?: Expr, final?: boolean, op?: string): Stmt[] {
  return targets.map((t, i) => {
    const v = values.length === targets.length ? values[i] : i === 0 ? values[0] : undefined;
    const s: Stmt = { k: 'let', node, target: targetOf(t) };
    if (v) s.value = lowerExpr(v);
    else if (values[0]) s.value = other(values[0], []);
    if (type) s.type = type;
    if (final) s.final = true;
    if (op && op !== '=' && op !== ':=') s.op = op;
    return s;
  });
}

const list = (n: Node | null): Node[] => (n ? (n.type === 'expression_list' ? named(n) : [n]) : []);

function specs(n: Node, final: boolean): Stmt[] {
  const out: Stmt[] = [];
  for (const spec of named(n)) {
    if (spec.type !== 'var_spec' && spec.type !== 'const_spec') {
      if (spec.type === 'var_spec_list') out.push(...specs(spec, final));
      continue;
    }
    const names = spec.childrenForFieldName('name').filter((x): x is Node => x !== null);
    out.push(...lets(spec, names, list(field(spec, 'value')), typeExpr(field(spec, 'type')), final));
  }
  return out;
}

function paramsOf(n: Node | null): Param[] {
  if (!n) return [];
  const out: Param[] = [];
  for (const p of named(n)) {
    const t = typeExpr(field(p, 'type'));
    for (const name of p.childrenForFieldName('name')) {
      if (!name) continue;
      const param: Param = { name: name.text, node: name };
      if (t) param.type = t;
      out.push(param);
    }
  }
  return out;
}

/**
 * `type Box struct { aead cipher.AEAD }`: a class whose fields have their declared types, so `b.aead.Seal(..)` on a
 * `b *Box` is `crypto/cipher.AEAD.Seal` (methods are declared outside the struct, on its receiver).
 */
function structOf(spec: Node): Stmt[] {
  const name = spec.type === 'type_spec' ? field(spec, 'name') : null;
  const struct = field(spec, 'type');
  if (!name || struct?.type !== 'struct_type') return [];
  const body = (): Stmt[] =>
    named(struct).flatMap((list) => named(list)).flatMap((f): Stmt[] => {
      const type = typeExpr(field(f, 'type'));
      if (f.type !== 'field_declaration' || !type) return [];
      return f.childrenForFieldName('name').flatMap((x): Stmt[] => (x ? [{ k: 'let', node: f, target: { kind: 'field', name: x.text, node: x }, type }] : []));
    });
  return [{ k: 'class', node: spec, name: name.text, body }];
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  return named(n).flatMap((c) => (c.type === 'statement_list' ? named(c).flatMap(stmt) : stmt(c)));
}

function fnOf(n: Node): FunctionDef {
  const params = paramsOf(field(n, 'parameters'));
  if (n.type === 'method_declaration') params.unshift(...paramsOf(field(n, 'receiver')));
  return { node: n, name: field(n, 'name')?.text ?? '', params, body: () => block(field(n, 'body')) };
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'block':
    case 'statement_list':
      return block(n);
    case 'short_var_declaration':
    case 'assignment_statement':
      return lets(n, list(field(n, 'left')), list(field(n, 'right')), undefined, false, operatorOf(n));
    case 'var_declaration':
      return specs(n, false);
    case 'const_declaration':
      return specs(n, true);
    case 'expression_statement':
      return n.namedChild(0) ? [expr(lowerExpr(n.namedChild(0)!))] : [];
    case 'if_statement': {
      const init = field(n, 'initializer');
      const c = field(n, 'condition');
      return [...(init ? stmt(init) : []), { k: 'if', node: n, cond: c ? lowerExpr(c) : other(n, []), then: block(field(n, 'consequence')), else: block(field(n, 'alternative')) }];
    }
    case 'for_statement': {
      const clause = named(n).find((c) => c.type === 'for_clause' || c.type === 'range_clause');
      const head: Stmt[] = [];
      let cond: Expr | undefined;
      if (clause?.type === 'for_clause') {
        const init = field(clause, 'initializer');
        if (init) head.push(...stmt(init));
        const c = field(clause, 'condition');
        if (c) cond = lowerExpr(c);
      } else if (clause?.type === 'range_clause') {
        const r = field(clause, 'right');
        const l = field(clause, 'left');
        if (r && l) head.push(...lets(clause, list(l), [], undefined, false), expr(lowerExpr(r)));
      } else {
        const c = named(n).find((x) => x.type !== 'block' && x.type !== 'comment');
        if (c) cond = lowerExpr(c);
      }
      const s: Stmt = { k: 'loop', node: n, head, body: block(field(n, 'body')) };
      if (cond) s.cond = cond;
      return [s];
    }
    case 'expression_switch_statement':
    case 'type_switch_statement':
    case 'select_statement': {
      const v = field(n, 'value');
      const arms = named(n).filter((c) => /case|default_case|communication_case/.test(c.type)).map((c) => named(c).filter((x) => x.type === 'statement_list').flatMap(block));
      return [...(v ? [expr(lowerExpr(v))] : []), { k: 'branch', node: n, arms }];
    }
    case 'return_statement': {
      const e = n.namedChild(0);
      const first = e ? list(e)[0] : undefined;
      return [first ? { k: 'return', node: n, e: lowerExpr(first) } : { k: 'return', node: n }];
    }
    case 'defer_statement':
    case 'go_statement':
    case 'labeled_statement':
      return named(n).flatMap((c) => (c.type === 'label_name' ? [] : c.type.endsWith('statement') || c.type === 'block' ? stmt(c) : [expr(lowerExpr(c))]));
    case 'function_declaration':
    case 'method_declaration':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'type_declaration':
      return named(n).flatMap(structOf);
    case 'comment':
    case 'package_clause':
    case 'import_declaration':
    case 'break_statement':
    case 'continue_statement':
    case 'inc_statement':
    case 'dec_statement':
    case 'empty_statement':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

function importsOf(root: Node): Import[] {
  const out: Import[] = [];
  const visit = (n: Node): void => {
    for (const c of named(n)) {
      if (c.type === 'import_spec_list' || c.type === 'import_declaration') visit(c);
      else if (c.type === 'import_spec') {
        const p = field(c, 'path');
        if (!p) continue;
        const path = stringValue(p);
        const name = field(c, 'name');
        const segments = path.split('/');
        // `math/rand/v2` is package rand; `gopkg.in/yaml.v3` is yaml.
        let last = segments[segments.length - 1] ?? path;
        if (/^v\d+$/.test(last) && segments.length > 1) last = segments[segments.length - 2]!;
        last = last.replace(/\.v\d+$/, '').replace(/^go-/, '');
        const local = name && name.text !== '_' && name.text !== '.' ? name.text : last;
        out.push({ local, qualified: path });
      }
    }
  };
  for (const c of named(root)) if (c.type === 'import_declaration') visit(c);
  return out;
}

export const go: Lowering = {
  lower(root: Node): Module {
    return { imports: importsOf(root), wildcards: [], body: named(root).flatMap(stmt) };
  },
};
