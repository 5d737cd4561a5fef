import type { Node } from '../../source/parse';
import type { Arg, Expr, FunctionDef, Import, Lowering, Module, Param, Stmt, Target } from '../ir';
import { expr, field, intLiteral, named, operatorOf, other, unescape } from './common';
import { predefinedConstant } from './phpConstants';

// PHP's tree-sitter grammar lowered to the neutral IR (ir.ts). Namespaces are written with `.`: `\App\Crypto\Hasher`
// is `App.Crypto.Hasher`; `use Vendor\Hash\Digest as D` makes `D::make()` `Vendor.Hash.Digest.make`. Function names
// are case-insensitive in PHP and are lower-cased; a variable keeps its `$`.

function qualified(text: string): string {
  return text.replace(/^\\/, '').replace(/\\/g, '.');
}

function nameExpr(n: Node): Expr {
  // `\Foo\Bar` as a member chain, so imports resolve its first segment.
  const parts = qualified(n.text).split('.');
  let e: Expr = { k: 'name', node: n, id: parts[0]! };
  for (const p of parts.slice(1)) e = { k: 'member', node: n, obj: e, prop: p, propNode: n };
  return e;
}

function stringExpr(n: Node): Expr {
  const parts: Expr[] = [];
  let text = '';
  let pure = true;
  const single = n.type === 'string' && n.text.startsWith("'");
  for (const c of named(n)) {
    if (c.type === 'string_content' || c.type === 'string_value') text += single ? c.text.replace(/\\(['\\])/g, '$1') : unescape(c.text);
    else if (c.type === 'escape_sequence') text += unescape(c.text);
    else {
      pure = false;
      if (text) parts.push({ k: 'lit', node: c, value: text });
      text = '';
      parts.push(lowerExpr(c));
    }
  }
  if (pure) return { k: 'lit', node: n, value: text };
  if (text) parts.push({ k: 'lit', node: n, value: text });
  return { k: 'concat', node: n, parts };
}

function argsOf(list: Node | null): Arg[] {
  if (!list) return [];
  return named(list).flatMap((a): Arg[] => {
    if (a.type !== 'argument') return a.type === 'comment' ? [] : [{ value: lowerExpr(a), node: a }];
    const name = field(a, 'name');
    const value = named(a).filter((c) => c.id !== name?.id).pop();
    if (!value) return [];
    return [name ? { name: name.text, value: lowerExpr(value), node: a } : { value: lowerExpr(value), node: a }];
  });
}

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'string':
    case 'encapsed_string':
      return stringExpr(n);
    case 'integer': {
      const v = intLiteral(n.text);
      return v === undefined ? other(n, []) : { k: 'lit', node: n, value: v };
    }
    case 'float':
      return { k: 'lit', node: n, value: Number(n.text) };
    case 'boolean':
      return { k: 'lit', node: n, value: /^true$/i.test(n.text) };
    case 'null':
      return { k: 'lit', node: n, value: null };
    case 'variable_name':
      return { k: 'name', node: n, id: n.text };
    case 'name':
    case 'qualified_name':
      return nameExpr(n);
    case 'parenthesized_expression':
      return n.namedChild(0) ? lowerExpr(n.namedChild(0)!) : other(n, []);
    case 'member_access_expression':
    case 'nullsafe_member_access_expression':
    case 'class_constant_access_expression':
    case 'scoped_property_access_expression': {
      const o = field(n, 'object') ?? field(n, 'scope') ?? n.namedChild(0);
      const p = field(n, 'name') ?? n.namedChild(1);
      if (!o || !p) return other(n, []);
      const obj: Expr = o.type === 'relative_scope' ? { k: 'name', node: o, id: '$this' } : lowerExpr(o);
      return { k: 'member', node: n, obj, prop: p.text.replace(/^\$/, ''), propNode: p };
    }
    case 'function_call_expression': {
      const fn = field(n, 'function');
      if (!fn) return other(n, []);
      const callee: Expr = fn.type === 'name' || fn.type === 'qualified_name' ? lowerName(fn) : lowerExpr(fn);
      return { k: 'call', node: n, callee, nameNode: fn, args: argsOf(field(n, 'arguments')) };
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression':
    case 'scoped_call_expression': {
      const o = field(n, 'object') ?? field(n, 'scope');
      const name = field(n, 'name');
      if (!o || !name) return other(n, []);
      const obj: Expr = o.type === 'relative_scope' ? { k: 'name', node: o, id: '$this' } : lowerExpr(o);
      return { k: 'call', node: n, callee: { k: 'member', node: n, obj, prop: name.text, propNode: name }, nameNode: name, args: argsOf(field(n, 'arguments')) };
    }
    case 'object_creation_expression': {
      const t = named(n).find((c) => c.type === 'name' || c.type === 'qualified_name');
      const args = argsOf(named(n).find((c) => c.type === 'arguments') ?? null);
      return t ? { k: 'new', node: n, type: nameExpr(t), args } : other(n, args.map((a) => a.value));
    }
    case 'binary_expression': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      if (!l || !r) return other(n, []);
      const op = operatorOf(n);
      return op === '.' ? { k: 'concat', node: n, parts: [lowerExpr(l), lowerExpr(r)] } : { k: 'binary', node: n, op, l: lowerExpr(l), r: lowerExpr(r) };
    }
    case 'unary_op_expression': {
      const a = field(n, 'argument') ?? n.namedChild(0);
      if (!a) return other(n, []);
      return n.text.startsWith('!') ? { k: 'not', node: n, e: lowerExpr(a) } : other(n, [lowerExpr(a)]);
    }
    case 'conditional_expression': {
      const c = field(n, 'condition');
      const t = field(n, 'body');
      const f = field(n, 'alternative');
      return c && t && f ? { k: 'cond', node: n, c: lowerExpr(c), t: lowerExpr(t), f: lowerExpr(f) } : other(n, named(n).map(lowerExpr));
    }
    case 'array_creation_expression':
      return { k: 'new', node: n, type: { k: 'name', node: n, id: 'array' }, args: named(n).map((e): Arg => {
        const parts = named(e);
        if (parts.length === 2 && parts[0]!.type === 'string') {
          const key = stringExpr(parts[0]!);
          return { name: key.k === 'lit' ? String(key.value) : parts[0]!.text, value: lowerExpr(parts[1]!), node: e };
        }
        return { value: parts[0] ? lowerExpr(parts[0]) : other(e, []), node: e };
      }) };
    case 'subscript_expression': {
      const [o, k] = named(n);
      return o && k ? { k: 'index', node: n, obj: lowerExpr(o), key: lowerExpr(k) } : other(n, []);
    }
    case 'comment':
      return other(n, []);
    default:
      return other(n, named(n).filter((c) => c.type !== 'comment').map(lowerExpr));
  }
}

/** A called function's name: case-insensitive, so lower-cased; `\md5` is the global md5. */
function lowerName(n: Node): Expr {
  const q = qualified(n.text);
  if (!q.includes('.')) return { k: 'name', node: n, id: q.toLowerCase() };
  return nameExpr(n);
}

function targetOf(n: Node): Target {
  if (n.type === 'variable_name') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'member_access_expression' || n.type === 'scoped_property_access_expression') {
    const p = field(n, 'name') ?? n.namedChild(1);
    return { kind: 'field', name: p?.text.replace(/^\$/, '') ?? '', node: p ?? n };
  }
  if (n.type === 'subscript_expression') {
    const [o, k] = named(n);
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
    const name = field(p, 'name');
    if (!name) continue;
    const param: Param = { name: name.text, node: name };
    const t = field(p, 'type');
    if (t) param.type = nameExpr(t);
    const d = field(p, 'default_value');
    if (d) param.default = lowerExpr(d);
    out.push(param);
  }
  return out;
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  if (n.type !== 'compound_statement') return stmt(n);
  return named(n).flatMap(stmt);
}

function fnOf(n: Node): FunctionDef {
  return { node: n, name: field(n, 'name')?.text ?? '', params: () => paramsOf(field(n, 'parameters')), body: () => block(field(n, 'body')) };
}

function consts(n: Node): Stmt[] {
  return named(n).filter((c) => c.type === 'const_element').flatMap((c): Stmt[] => {
    const [name, value] = named(c);
    return name && value ? [{ k: 'let', node: c, target: { kind: 'field', name: name.text, node: name }, value: lowerExpr(value), final: true }] : [];
  });
}

/** Properties with a default (`private $key = '...'`, `static $k`): fields, read as `$this->key` or `self::$k`. */
function properties(n: Node): Stmt[] {
  return named(n).filter((c) => c.type === 'property_element').flatMap((c): Stmt[] => {
    const name = field(c, 'name');
    const value = field(c, 'default_value');
    return name && value ? [{ k: 'let', node: c, target: { kind: 'field', name: name.text.replace(/^\$/, ''), node: name }, value: lowerExpr(value) }] : [];
  });
}

/** `define('KEY', 'v')` declares the constant `KEY`, as `const KEY = 'v'` does; the call stays a call. */
function defined(call: Node): Stmt[] {
  const fn = field(call, 'function');
  if (fn?.type !== 'name' || fn.text.toLowerCase() !== 'define') return [];
  const [name, value] = argsOf(field(call, 'arguments'));
  if (!name || !value || name.name || name.value.k !== 'lit' || typeof name.value.value !== 'string') return [];
  return [{ k: 'let', node: call, target: { kind: 'name', name: name.value.value, node: name.node }, value: value.value, final: true }];
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'compound_statement':
      return block(n);
    case 'expression_statement': {
      const e = n.namedChild(0);
      if (!e) return [];
      if (e.type === 'assignment_expression' || e.type === 'augmented_assignment_expression') {
        const l = field(e, 'left');
        const r = field(e, 'right');
        if (l && r) return [{ k: 'let', node: e, target: targetOf(l), value: lowerExpr(r), op: operatorOf(e) === '.=' ? '+=' : operatorOf(e) }];
      }
      if (e.type === 'function_call_expression') return [...defined(e), expr(lowerExpr(e))];
      return [expr(lowerExpr(e))];
    }
    case 'const_declaration':
      return consts(n);
    case 'if_statement': {
      const c = field(n, 'condition');
      const alts = n.childrenForFieldName('alternative').filter((x): x is Node => x !== null);
      const otherwise = alts.flatMap((a) => (a.type === 'else_if_clause' ? [{ k: 'if', node: a, cond: field(a, 'condition') ? lowerExpr(field(a, 'condition')!) : other(a, []), then: block(field(a, 'body')), else: [] } as Stmt] : block(field(a, 'body'))));
      return [{ k: 'if', node: n, cond: c ? lowerExpr(c) : other(n, []), then: block(field(n, 'body')), else: otherwise }];
    }
    case 'while_statement':
    case 'do_statement':
    case 'for_statement':
    case 'foreach_statement':
      return [{ k: 'loop', node: n, head: [], body: block(field(n, 'body')) }];
    case 'try_statement': {
      const out = block(field(n, 'body'));
      const arms = named(n).filter((c) => c.type === 'catch_clause').map((c) => block(field(c, 'body')));
      if (arms.length) out.push({ k: 'branch', node: n, arms });
      return out;
    }
    case 'return_statement': {
      const e = n.namedChild(0);
      return [e ? { k: 'return', node: n, e: lowerExpr(e) } : { k: 'return', node: n }];
    }
    case 'function_definition':
    case 'method_declaration':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'class_declaration':
    case 'trait_declaration':
    case 'interface_declaration':
    case 'enum_declaration':
      return [{ k: 'class', node: n, name: field(n, 'name')?.text ?? '', body: () => {
        const body = field(n, 'body');
        return body ? named(body).flatMap((m) => (m.type === 'const_declaration' ? consts(m) : m.type === 'property_declaration' ? properties(m) : m.type === 'method_declaration' ? stmt(m) : [])) : [];
      } }];
    case 'namespace_definition': {
      const body = field(n, 'body');
      return body ? block(body) : [];
    }
    case 'php_tag':
    case 'text_interpolation':
    case 'comment':
    case 'namespace_use_declaration':
    case 'break_statement':
    case 'continue_statement':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

function usesOf(root: Node): Import[] {
  const out: Import[] = [];
  const visit = (n: Node): void => {
    for (const c of named(n)) {
      if (c.type === 'namespace_definition') {
        const body = field(c, 'body');
        if (body) visit(body);
      } else if (c.type === 'namespace_use_declaration') {
        const group = named(c).find((x) => x.type === 'namespace_name' || x.type === 'namespace_use_group');
        const prefix = group?.type === 'namespace_name' ? `${qualified(group.text)}.` : '';
        const clauses = [...named(c), ...named(c).filter((x) => x.type === 'namespace_use_group').flatMap(named)].filter((x) => x.type === 'namespace_use_clause');
        for (const u of clauses) {
          const target = named(u).find((x) => x.type === 'qualified_name' || x.type === 'name');
          if (!target) continue;
          const alias = field(u, 'alias');
          const q = prefix + qualified(target.text);
          const local = alias?.text ?? q.slice(q.lastIndexOf('.') + 1);
          // `use function hash as h`: functions are looked up lower-cased.
          out.push({ local: /\bfunction\b/.test(c.text.slice(0, 20)) ? local.toLowerCase() : local, qualified: /\bfunction\b/.test(c.text.slice(0, 20)) ? q.toLowerCase() : q });
        }
      }
    }
  };
  visit(root);
  return out;
}

export const php: Lowering = {
  lower(root: Node): Module {
    return { imports: usesOf(root), wildcards: [], body: named(root).flatMap(stmt) };
  },
  predefined: predefinedConstant,
};
