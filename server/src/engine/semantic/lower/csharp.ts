import type { Node } from '../../source/parse';
import type { Arg, Expr, FunctionDef, Import, Lowering, Module, Param, Stmt, Target } from '../ir';
import { argsOf, expr, field, intLiteral, named, operatorOf, other, same, unescape } from './common';

// C#'s tree-sitter grammar lowered to the neutral IR (ir.ts).

function typeExpr(n: Node | null): Expr | undefined {
  if (!n) return undefined;
  switch (n.type) {
    case 'identifier':
      return { k: 'name', node: n, id: n.text };
    case 'qualified_name': {
      const q = typeExpr(field(n, 'qualifier'));
      const name = field(n, 'name');
      return q && name ? { k: 'member', node: n, obj: q, prop: name.type === 'generic_name' ? (name.namedChild(0)?.text ?? name.text) : name.text, propNode: name } : undefined;
    }
    case 'generic_name':
      return n.namedChild(0) ? { k: 'name', node: n, id: n.namedChild(0)!.text } : undefined;
    case 'alias_qualified_name':
      return typeExpr(field(n, 'name'));
    case 'nullable_type':
      return typeExpr(n.namedChild(0));
    case 'implicit_type':
    case 'array_type':
      return undefined;
    default:
      return { k: 'name', node: n, id: n.text };
  }
}

function stringValue(n: Node): string {
  if (n.type === 'verbatim_string_literal') return n.text.slice(2, -1).replace(/""/g, '"');
  if (n.type === 'raw_string_literal') return n.text.replace(/^"+|"+$/g, '');
  return unescape(n.text.replace(/^"|"(u8)?$/g, ''));
}

function namedArg(a: Node): Arg | undefined {
  if (a.type !== 'argument') return undefined;
  const name = field(a, 'name');
  const value = named(a).filter((c) => !same(c, name)).pop();
  if (!value) return undefined;
  return name ? { name: name.text, value: lowerExpr(value), node: a } : { value: lowerExpr(value), node: a };
}

function lowerExpr(n: Node): Expr {
  switch (n.type) {
    case 'string_literal':
    case 'verbatim_string_literal':
    case 'raw_string_literal':
      return { k: 'lit', node: n, value: stringValue(n) };
    case 'character_literal':
      return { k: 'lit', node: n, value: unescape(n.text.slice(1, -1)) };
    case 'integer_literal': {
      const v = intLiteral(n.text);
      return v === undefined ? other(n, []) : { k: 'lit', node: n, value: v };
    }
    case 'real_literal':
      return { k: 'lit', node: n, value: Number(n.text.replace(/[fFdDmM]$/, '')) };
    case 'boolean_literal':
      return { k: 'lit', node: n, value: n.text === 'true' };
    case 'null_literal':
      return { k: 'lit', node: n, value: null };
    case 'interpolated_string_expression': {
      const parts: Expr[] = [];
      for (const c of named(n)) {
        if (c.type === 'string_content') parts.push({ k: 'lit', node: c, value: n.text.startsWith('$@') || n.text.startsWith('@$') ? c.text : unescape(c.text) });
        else if (c.type === 'interpolation') {
          const e = named(c).find((x) => x.type !== 'interpolation_brace' && x.type !== 'interpolation_alignment_clause' && x.type !== 'interpolation_format_clause');
          parts.push(e ? lowerExpr(e) : other(c, []));
        }
      }
      return { k: 'concat', node: n, parts };
    }
    case 'identifier':
    case 'this_expression':
    case 'this':
      return { k: 'name', node: n, id: n.type === 'identifier' ? n.text : 'this' };
    case 'parenthesized_expression':
      return n.namedChild(0) ? lowerExpr(n.namedChild(0)!) : other(n, []);
    case 'member_access_expression': {
      const e = field(n, 'expression');
      const name = field(n, 'name');
      if (!name) return other(n, []);
      const obj: Expr = e ? lowerExpr(e) : { k: 'name', node: n, id: 'this' };
      const prop = name.type === 'generic_name' ? (name.namedChild(0)?.text ?? name.text) : name.text;
      return { k: 'member', node: n, obj, prop, propNode: name };
    }
    case 'qualified_name':
    case 'generic_name':
      return typeExpr(n) ?? other(n, []);
    case 'invocation_expression': {
      const fn = field(n, 'function');
      if (!fn) return other(n, []);
      const callee = lowerExpr(fn);
      const nameNode = fn.type === 'member_access_expression' ? (field(fn, 'name') ?? fn) : fn;
      return { k: 'call', node: n, callee, nameNode, args: argsOf(field(n, 'arguments'), lowerExpr, namedArg) };
    }
    case 'object_creation_expression': {
      const type = typeExpr(field(n, 'type'));
      const args = argsOf(field(n, 'arguments'), lowerExpr, namedArg);
      return type ? { k: 'new', node: n, type, args } : other(n, args.map((a) => a.value));
    }
    case 'binary_expression': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      return l && r ? { k: 'binary', node: n, op: operatorOf(n), l: lowerExpr(l), r: lowerExpr(r) } : other(n, []);
    }
    case 'prefix_unary_expression': {
      const a = n.namedChild(0);
      if (!a) return other(n, []);
      return n.text.startsWith('!') ? { k: 'not', node: n, e: lowerExpr(a) } : other(n, [lowerExpr(a)]);
    }
    case 'conditional_expression': {
      const c = field(n, 'condition');
      const t = field(n, 'consequence');
      const f = field(n, 'alternative');
      return c && t && f ? { k: 'cond', node: n, c: lowerExpr(c), t: lowerExpr(t), f: lowerExpr(f) } : other(n, []);
    }
    case 'cast_expression': {
      const v = field(n, 'value');
      return v ? other(n, [lowerExpr(v)]) : other(n, []);
    }
    case 'initializer_expression':
      return { k: 'array', node: n, elems: named(n).map(lowerExpr) };
    case 'array_creation_expression':
    case 'implicit_array_creation_expression': {
      const init = named(n).find((c) => c.type === 'initializer_expression');
      if (init) return lowerExpr(init);
      // `new byte[16]`: zero-filled, a constant until something writes into it.
      const type = field(n, 'type');
      const rank = named(type ?? n).find((c) => c.type === 'array_rank_specifier');
      const sizeNode = rank?.namedChild(0);
      const size = sizeNode ? intLiteral(sizeNode.text) : undefined;
      if (size !== undefined && size <= 64) return { k: 'array', node: n, elems: Array.from({ length: size }, () => ({ k: 'lit', node: n, value: 0 }) as Expr) };
      // `new byte[aes.BlockSize / 8]`: zeros of a length the program computes, as constant as `new byte[16]`.
      if (sizeNode && /^(byte|System\.Byte|Byte)$/.test(type ? (field(type, 'type')?.text ?? '') : '')) return { k: 'array', node: n, elems: [], size: lowerExpr(sizeNode) };
      return other(n, sizeNode ? [lowerExpr(sizeNode)] : []);
    }
    case 'element_access_expression': {
      const e = field(n, 'expression');
      const s = field(n, 'subscript');
      const key = s ? named(s)[0]?.namedChild(0) : undefined;
      return e ? { k: 'index', node: n, obj: lowerExpr(e), key: key ? lowerExpr(key) : other(n, []) } : other(n, []);
    }
    case 'lambda_expression':
    case 'anonymous_method_expression': {
      const body = field(n, 'body') ?? named(n).find((c) => c.type === 'block');
      const stmts: Stmt[] = body ? (body.type === 'block' ? block(body) : [{ k: 'return', node: body, e: lowerExpr(body) }]) : [];
      return { k: 'fn', node: n, fn: { node: n, name: '', params: paramsOf(field(n, 'parameters')), body: stmts } };
    }
    case 'assignment_expression':
      return other(n, named(n).slice(1).map(lowerExpr));
    case 'comment':
      return other(n, []);
    default:
      return other(n, named(n).filter((c) => c.type !== 'comment').map(lowerExpr));
  }
}

function targetOf(n: Node): Target {
  if (n.type === 'identifier') return { kind: 'name', name: n.text, node: n };
  if (n.type === 'member_access_expression') {
    const name = field(n, 'name');
    return { kind: 'field', name: name?.text ?? '', node: name ?? n };
  }
  if (n.type === 'element_access_expression') {
    const e = field(n, 'expression');
    const s = field(n, 'subscript');
    const keyNode = s ? named(s)[0]?.namedChild(0) : undefined;
    const key = keyNode ? lowerExpr(keyNode) : undefined;
    const t: Target = { kind: 'index', name: key?.k === 'lit' && typeof key.value === 'string' ? key.value : '', node: keyNode ?? n };
    if (e) t.obj = lowerExpr(e);
    if (key) t.key = key;
    return t;
  }
  return { kind: 'index', name: '', node: n };
}

function declaration(n: Node | undefined, isField: boolean, final: boolean): Stmt[] {
  if (!n) return [];
  const type = typeExpr(field(n, 'type'));
  const out: Stmt[] = [];
  for (const d of named(n)) {
    if (d.type !== 'variable_declarator') continue;
    const name = field(d, 'name') ?? d.namedChild(0);
    if (!name) continue;
    const valueNode = named(d).find((c) => !same(c, name) && c.type !== 'bracketed_argument_list');
    const value = valueNode?.type === 'equals_value_clause' ? valueNode.namedChild(0) : valueNode;
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
    const name = field(p, 'name') ?? (p.type === 'identifier' ? p : null);
    if (!name) continue;
    const param: Param = { name: name.text, node: name };
    const t = typeExpr(field(p, 'type'));
    if (t) param.type = t;
    const d = named(p).find((c) => !same(c, name) && !same(c, field(p, 'type')) && c.type !== 'modifier' && c.type !== 'attribute_list');
    if (d) param.default = lowerExpr(d.type === 'equals_value_clause' ? (d.namedChild(0) ?? d) : d);
    out.push(param);
  }
  return out;
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  if (n.type !== 'block') return stmt(n);
  return named(n).flatMap(stmt);
}

function fnOf(n: Node): FunctionDef {
  const lowerBody = (): Stmt[] => {
    const body = field(n, 'body') ?? named(n).find((c) => c.type === 'arrow_expression_clause');
    return body?.type === 'arrow_expression_clause' ? (body.namedChild(0) ? [{ k: 'return', node: body, e: lowerExpr(body.namedChild(0)!) } as Stmt] : []) : block(body ?? null);
  };
  const mods = named(n).filter((c) => c.type === 'modifier').map((c) => c.text);
  const def: FunctionDef = { node: n, name: field(n, 'name')?.text ?? '', params: () => paramsOf(field(n, 'parameters')), body: lowerBody };
  // A C# member without an access modifier is private.
  if (n.type === 'method_declaration' && !mods.some((m) => m === 'public' || m === 'protected' || m === 'internal')) def.private = true;
  return def;
}

function members(n: Node | null): Stmt[] {
  if (!n) return [];
  const out: Stmt[] = [];
  for (const m of named(n)) {
    const mods = named(m).filter((c) => c.type === 'modifier').map((c) => c.text);
    if (m.type === 'field_declaration') out.push(...declaration(named(m).find((c) => c.type === 'variable_declaration'), true, mods.includes('const') || mods.includes('readonly')));
    else if (m.type === 'method_declaration' || m.type === 'constructor_declaration' || m.type === 'local_function_statement') out.push({ k: 'func', fn: fnOf(m) });
    else if (m.type === 'property_declaration') {
      const name = field(m, 'name');
      const value = field(m, 'value');
      const arrow = named(m).find((c) => c.type === 'arrow_expression_clause')?.namedChild(0);
      if (name && value) out.push({ k: 'let', node: m, target: { kind: 'field', name: name.text, node: name }, value: lowerExpr(value) });
      // `string ApiKey => ...`: a getter, whose value is its return.
      else if (name && arrow) out.push({ k: 'func', fn: { node: m, name: name.text, params: [], body: [{ k: 'return', node: arrow, e: lowerExpr(arrow) }] } });
    } else out.push(...stmt(m));
  }
  return out;
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'block':
      return block(n);
    case 'local_declaration_statement': {
      const mods = named(n).filter((c) => c.type === 'modifier').map((c) => c.text);
      return declaration(named(n).find((c) => c.type === 'variable_declaration'), false, mods.includes('const'));
    }
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
      const init = field(n, 'initializer');
      const head = init ? (init.type === 'variable_declaration' ? declaration(init, false, false) : [expr(lowerExpr(init))]) : [];
      const c = field(n, 'condition');
      const s: Stmt = { k: 'loop', node: n, head, body: block(field(n, 'body')) };
      if (c) s.cond = lowerExpr(c);
      return [s];
    }
    case 'foreach_statement': {
      const l = field(n, 'left');
      const r = field(n, 'right');
      const head: Stmt[] = l && r ? [{ k: 'let', node: n, target: targetOf(l), value: other(r, [lowerExpr(r)]) }] : [];
      return [{ k: 'loop', node: n, head, body: block(field(n, 'body')) }];
    }
    case 'using_statement': {
      const decl = named(n).find((c) => c.type === 'variable_declaration');
      return [...declaration(decl, false, false), ...block(field(n, 'body'))];
    }
    case 'try_statement': {
      const out = block(field(n, 'body'));
      const arms = named(n).filter((c) => c.type === 'catch_clause').map((c) => block(field(c, 'body')));
      if (arms.length) out.push({ k: 'branch', node: n, arms });
      const fin = named(n).find((c) => c.type === 'finally_clause');
      if (fin) out.push(...named(fin).flatMap(block));
      return out;
    }
    case 'switch_statement': {
      const v = field(n, 'value');
      const body = field(n, 'body');
      const arms = body ? named(body).map((s) => named(s).filter((x) => x.type !== 'case_switch_label' && x.type !== 'default_switch_label' && x.type !== 'constant_pattern').flatMap(stmt)) : [];
      return [...(v ? [expr(lowerExpr(v))] : []), { k: 'branch', node: n, arms }];
    }
    case 'return_statement': {
      const e = n.namedChild(0);
      return [e ? { k: 'return', node: n, e: lowerExpr(e) } : { k: 'return', node: n }];
    }
    case 'class_declaration':
    case 'struct_declaration':
    case 'record_declaration':
    case 'interface_declaration':
      return [{ k: 'class', node: n, name: field(n, 'name')?.text ?? '', body: () => members(field(n, 'body')) }];
    case 'namespace_declaration':
    case 'file_scoped_namespace_declaration':
      return members(field(n, 'body') ?? n);
    case 'declaration_list':
      return members(n);
    case 'method_declaration':
    case 'local_function_statement':
      return [{ k: 'func', fn: fnOf(n) }];
    case 'global_statement':
      return named(n).flatMap(stmt);
    case 'using_directive':
    case 'comment':
    case 'break_statement':
    case 'continue_statement':
    case 'identifier':
    case 'qualified_name':
    case 'modifier':
    case 'attribute_list':
      return [];
    default:
      return [expr(lowerExpr(n))];
  }
}

function usings(root: Node, imports: Import[], wildcards: string[]): void {
  for (const n of named(root)) {
    if (n.type === 'using_directive') {
      const alias = field(n, 'name');
      const target = named(n).find((c) => !same(c, alias) && (c.type === 'qualified_name' || c.type === 'identifier'));
      if (!target) continue;
      const q = target.text.replace(/\s+/g, '');
      if (alias) imports.push({ local: alias.text, qualified: q });
      else if (/\bstatic\b/.test(n.text)) wildcards.push(q);
      else wildcards.push(q);
    } else if (n.type === 'namespace_declaration' || n.type === 'file_scoped_namespace_declaration' || n.type === 'declaration_list') {
      usings(field(n, 'body') ?? n, imports, wildcards);
    }
  }
}

export const csharp: Lowering = {
  lower(root: Node): Module {
    const imports: Import[] = [];
    const wildcards: string[] = [];
    usings(root, imports, wildcards);
    return { imports, wildcards, body: named(root).flatMap(stmt) };
  },
};
