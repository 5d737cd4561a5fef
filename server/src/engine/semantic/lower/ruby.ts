import type { Node } from '../../source/parse';
import type { Arg, Expr, FunctionDef, Lowering, Module, Param, Stmt, Target } from '../ir';
import { argsOf, expr, field, intLiteral, named, operatorOf, other, unescape } from './common';

// Ruby's tree-sitter grammar lowered to the neutral IR (ir.ts). Constants are namespaces: `::OpenSSL::Digest::MD5`
// is `OpenSSL.Digest.MD5`, and `X.new(..)` constructs an X.

function stringExpr(n: Node): Expr {
  const parts: Expr[] = [];
  let text = '';
  let pure = true;
  const single = n.text.startsWith("'");
  for (const c of named(n)) {
    if (c.type === 'string_content') text += single ? c.text.replace(/\\(['\\])/g, '$1') : unescape(c.text);
    else if (c.type === 'escape_sequence') text += unescape(c.text);
    else if (c.type === 'interpolation') {
      pure = false;
      if (text) parts.push({ k: 'lit', node: c, value: text });
      text = '';
      const e = c.namedChild(0);
      parts.push(e ? lowerExpr(e) : other(c, []));
    }
  }
  if (pure) return { k: 'lit', node: n, value: text };
  if (text) parts.push({ k: 'lit', node: n, value: text });
  return { k: 'concat', node: n, parts };
}

function pairArg(a: Node): Arg | undefined {
  if (a.type !== 'pair') return undefined;
  const key = field(a, 'key');
  const value = field(a, 'value');
  if (!key || !value) return undefined;
  return { name: key.text.replace(/^:|:$/g, '').replace(/^["']|["']$/g, ''), value: lowerExpr(value), node: a };
}

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'string':
      return stringExpr(n);
    case 'simple_symbol':
      return { k: 'lit', node: n, value: n.text.slice(1) };
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
    case 'nil':
      return { k: 'lit', node: n, value: null };
    case 'identifier':
    case 'constant':
    case 'instance_variable':
    case 'class_variable':
    case 'global_variable':
    case 'self':
      return { k: 'name', node: n, id: n.type === 'self' ? 'self' : n.text };
    case 'scope_resolution': {
      const scope = field(n, 'scope');
      const name = field(n, 'name');
      if (!name) return other(n, []);
      return scope ? { k: 'member', node: n, obj: lowerExpr(scope), prop: name.text, propNode: name } : { k: 'name', node: name, id: name.text };
    }
    case 'parenthesized_statements':
      return n.namedChild(0) ? lowerExpr(n.namedChild(0)!) : other(n, []);
    case 'call': {
      const recv = field(n, 'receiver');
      const method = field(n, 'method');
      const args = argsOf(field(n, 'arguments'), lowerExpr, pairArg);
      // A block (`do |x| ... end`, `{ |x| ... }`) is the call's last argument: a function over its parameters.
      const blk = field(n, 'block');
      if (blk) args.push({ value: { k: 'fn', node: blk, fn: { node: blk, name: '', params: () => paramsOf(field(blk, 'parameters')), body: () => block(field(blk, 'body')) } }, node: blk });
      if (!method) return other(n, recv ? [lowerExpr(recv)] : []);
      if (recv && method.text === 'new') return { k: 'new', node: n, type: lowerExpr(recv), args };
      const callee: Expr = recv ? { k: 'member', node: n, obj: lowerExpr(recv), prop: method.text, propNode: method } : { k: 'name', node: method, id: method.text };
      return { k: 'call', node: n, callee, nameNode: method, args };
    }
    case 'binary': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      return l && r ? { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(l), r: lowerExpr(r) } : other(n, []);
    }
    case 'unary': {
      const a = field(n, 'operand');
      if (!a) return other(n, []);
      return /^(!|not)/.test(n.text) ? { k: 'not', node: n, e: lowerExpr(a) } : other(n, [lowerExpr(a)]);
    }
    case 'conditional': {
      const c = field(n, 'condition');
      const t = field(n, 'consequence');
      const f = field(n, 'alternative');
      return c && t && f ? { k: 'cond', node: n, c: lowerExpr(c), t: lowerExpr(t), f: lowerExpr(f) } : other(n, []);
    }
    case 'array':
      return { k: 'array', node: n, elems: named(n).map(lowerExpr) };
    case 'hash':
      return { k: 'new', node: n, type: { k: 'name', node: n, id: 'Hash' }, args: named(n).map((p) => pairArg(p) ?? { value: lowerExpr(p), node: p }) };
    case 'element_reference': {
      const o = field(n, 'object');
      const k = named(n)[1];
      return o && k ? { k: 'index', node: n, obj: lowerExpr(o), key: lowerExpr(k) } : other(n, []);
    }
    case 'comment':
      return other(n, []);
    default:
      return other(n, named(n).filter((c) => c.type !== 'comment').map(lowerExpr));
  }
}

function targetOf(n: Node): Target {
  if (n.type === 'identifier' || n.type === 'constant' || n.type === 'global_variable') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'instance_variable' || n.type === 'class_variable') return { kind: 'field', name: n.text.replace(/^@+/, ''), node: n };
  if (n.type === 'call') {
    const m = field(n, 'method');
    return { kind: 'field', name: m?.text ?? '', node: m ?? n };
  }
  if (n.type === 'element_reference') {
    const o = field(n, 'object');
    const k = named(n)[1];
    const key = k ? lowerExpr(k) : undefined;
    const t: Target = { kind: 'index', name: key?.k === 'lit' && typeof key.value === 'string' ? key.value : '', node: k ?? n };
    if (o) t.obj = lowerExpr(o);
    if (key) t.key = key;
    return t;
  }
  return { kind: 'index', name: '', node: n };
}

function paramsOf(n: Node | null): Param[] {
  if (!n) return [];
  const out: Param[] = [];
  for (const p of named(n)) {
    const name = p.type === 'identifier' ? p : field(p, 'name');
    if (!name) continue;
    const param: Param = { name: name.text, node: name };
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

/** A method's body; its last expression is its return value. */
function methodBody(n: Node): Stmt[] {
  const body = block(field(n, 'body'));
  const last = body[body.length - 1];
  if (last?.k === 'expr') body[body.length - 1] = { k: 'return', node: last.e.node, e: last.e };
  return body;
}

function fnOf(n: Node): FunctionDef {
  return { node: n, name: field(n, 'name')?.text ?? '', params: () => paramsOf(field(n, 'parameters')), body: () => methodBody(n) };
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'body_statement':
    case 'then':
    case 'else':
    case 'begin':
    case 'do':
      return block(n);
    case 'assignment':
    case 'operator_assignment': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      if (!l || !r) return [];
      const s: Stmt = { k: 'let', node: n, target: targetOf(l), value: lowerExpr(r), op: operatorOf(n) };
      if (l.type === 'constant') s.final = true;
      return [s];
    }
    case 'if':
    case 'unless': {
      const c = field(n, 'condition');
      const cond = c ? lowerExpr(c) : other(n, []);
      const alt = field(n, 'alternative');
      const otherwise = alt ? (alt.type === 'elsif' ? stmt(alt) : block(alt)) : [];
      return [{ k: 'if', node: n, cond: n.type === 'unless' ? { k: 'not', node: n, e: cond } : cond, then: block(field(n, 'consequence')), else: otherwise }];
    }
    case 'elsif': {
      const c = field(n, 'condition');
      const alt = field(n, 'alternative');
      return [{ k: 'if', node: n, cond: c ? lowerExpr(c) : other(n, []), then: block(field(n, 'consequence')), else: alt ? (alt.type === 'elsif' ? stmt(alt) : block(alt)) : [] }];
    }
    case 'while':
    case 'until':
    case 'for':
      return [{ k: 'loop', node: n, head: [], body: block(field(n, 'body')) }];
    case 'case': {
      const v = field(n, 'value');
      const arms = named(n).filter((c) => c.type === 'when' || c.type === 'else').map((c) => (c.type === 'when' ? block(field(c, 'body')) : block(c)));
      return [...(v ? [expr(lowerExpr(v))] : []), { k: 'branch', node: n, arms }];
    }
    case 'return': {
      const e = n.namedChild(0);
      const inner = e?.type === 'argument_list' ? e.namedChild(0) : e;
      return [inner ? { k: 'return', node: n, e: lowerExpr(inner) } : { k: 'return', node: n }];
    }
    case 'method':
    case 'singleton_method':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'class':
    case 'module':
    case 'singleton_class':
      return [{ k: 'class', node: n, name: field(n, 'name')?.text ?? '', body: () => block(field(n, 'body')) }];
    case 'comment':
    case 'rescue':
    case 'ensure':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

export const ruby: Lowering = {
  lower(root: Node): Module {
    return { imports: [], wildcards: [], body: block(root) };
  },
  // A local is assigned before it is read; a lower-case name nothing assigned is a method called without parentheses.
  implicitCall: (name) => /^[a-z_][A-Za-z0-9_]*[?!]?$/.test(name),
  repeats: true,
};
