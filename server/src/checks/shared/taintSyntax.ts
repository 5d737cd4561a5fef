import type { Node } from '../../engine/source/parse';
import { argumentNodes } from './calls';
import { INTERPOLATION_TYPES, isConstantExpression } from './constants';

// The shapes of expressions the taint engine reads, across the eight grammars: the one file here that knows which
// node type is a call, a member access or an element read. Everything else works on these shapes.

export type Shape =
  | { kind: 'call'; path: string; name: string; receiver: Node | null; args: Node[] }
  | { kind: 'new'; path: string; args: Node[] }
  | { kind: 'member'; path: string; object: Node; property: string }
  | { kind: 'index'; object: Node; index: Node | null }
  | { kind: 'name'; name: string }
  /** A value built from its parts: concatenation, interpolation, formatting, collection literals, branches. */
  | { kind: 'union'; parts: Node[]; built: boolean }
  | { kind: 'dict'; pairs: { key: Node | null; value: Node }[] }
  | { kind: 'clean' }
  | { kind: 'other' };

const CALLS = new Set(['call', 'call_expression', 'method_invocation', 'invocation_expression', 'function_call_expression', 'member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression']);
const NEWS = new Set(['object_creation_expression', 'new_expression', 'implicit_object_creation_expression']);
const MEMBERS = new Set(['field_access', 'attribute', 'member_expression', 'selector_expression', 'member_access_expression', 'nullsafe_member_access_expression', 'scoped_property_access_expression']);
const INDEXES = new Set(['array_access', 'subscript', 'subscript_expression', 'index_expression', 'element_access_expression', 'element_reference']);
const NAMES = new Set(['identifier', 'variable_name', 'instance_variable', 'constant', 'name', 'this', 'self', 'shorthand_property_identifier']);
const WRAPPERS = new Set(['parenthesized_expression', 'cast_expression', 'await_expression', 'as_expression', 'non_null_expression', 'satisfies_expression', 'type_assertion', 'type_assertion_expression', 'argument', 'keyword_argument', 'spread_element', 'list_splat', 'splat_argument', 'checked_expression', 'postfix_unary_expression']);
const TYPE_AFTER = new Set(['as_expression', 'satisfies_expression', 'non_null_expression']);
const BINARIES = new Set(['binary_expression', 'binary_operator', 'binary']);
const CONCAT = new Set(['+', '.', '<<', '%', '..']);
const BRANCHES = new Set(['ternary_expression', 'conditional_expression', 'conditional']);
const COLLECTIONS = new Set(['array', 'list', 'tuple', 'set', 'array_initializer', 'array_creation_expression', 'initializer_expression', 'collection_expression', 'composite_literal', 'literal_value', 'array_creation', 'expression_list', 'concatenated_string', 'list_comprehension', 'generator_expression']);
const DICTS = new Set(['dictionary', 'object', 'hash']);
const STRINGS = new Set(['string', 'template_string', 'encapsed_string', 'interpolated_string_expression', 'heredoc', 'subshell', 'shell_command_expression', 'string_literal']);
const NEVER_TAINTED = new Set(['lambda', 'lambda_expression', 'arrow_function', 'function_expression', 'function', 'func_literal', 'anonymous_function', 'anonymous_function_creation_expression', 'do_block', 'block', 'block_argument', 'instanceof_expression', 'typeof_expression', 'sizeof_expression', 'not_operator', 'boolean_operator', 'comparison_operator', 'class_literal', 'update_expression']);

/** Whitespace dropped, `?.`, `->`, `::` and `?->` written as `.`: the form source paths are written in. */
export function normalisePath(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?->|->|::|\?\./g, '.');
}

function field(n: Node, ...names: string[]): Node | null {
  for (const f of names) {
    const c = n.childForFieldName(f);
    if (c) return c;
  }
  return null;
}

/** The callee of a call as a node (`request.getParameter`, `os.getenv`), when the grammar has one. */
function calleeParts(n: Node): { path: string; name: string; receiver: Node | null } {
  const t = n.type;
  if (t === 'method_invocation' || t === 'member_call_expression' || t === 'nullsafe_member_call_expression' || t === 'scoped_call_expression') {
    const obj = field(n, 'object', 'scope');
    const name = field(n, 'name')?.text ?? '';
    return { path: normalisePath(`${obj ? `${obj.text}.` : ''}${name}`), name, receiver: obj };
  }
  if (t === 'call' && n.childForFieldName('method')) {
    // ruby
    const recv = n.childForFieldName('receiver');
    const name = n.childForFieldName('method')!.text;
    return { path: normalisePath(`${recv ? `${recv.text}.` : ''}${name}`), name, receiver: recv };
  }
  const fn = field(n, 'function');
  if (!fn) return { path: '', name: '', receiver: null };
  if (MEMBERS.has(fn.type)) {
    const obj = field(fn, 'object', 'operand', 'expression');
    const prop = field(fn, 'property', 'attribute', 'field', 'name')?.text ?? '';
    return { path: normalisePath(fn.text), name: prop, receiver: obj };
  }
  return { path: normalisePath(fn.text), name: fn.text.replace(/^.*[.\\]/, ''), receiver: null };
}

/** The interpolated expressions of a string literal (`${x}`, `{x}`, `#{x}`, PHP `$x`). */
export function interpolatedParts(node: Node): Node[] {
  const out: Node[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_substitution' || c.type === 'interpolation') {
      const inner = c.childForFieldName('expression') ?? c.namedChildren.find((k) => k !== null && !/brace|format|alignment/.test(k.type)) ?? null;
      if (inner) out.push(inner);
    } else if (c.type === 'heredoc_body' || c.type === 'string_content') {
      out.push(...interpolatedParts(c));
    } else if (INTERPOLATION_TYPES.has(c.type)) {
      out.push(c);
    }
  }
  return out;
}

/** What kind of expression `n` is, for the taint engine. */
export function shapeOf(n: Node): Shape {
  const t = n.type;
  // A member or a name may be a source first (`request.GET` reads like a constant); taint.ts checks them itself.
  if (!MEMBERS.has(t) && !NAMES.has(t) && isConstantExpression(n)) return { kind: 'clean' };
  if (NEVER_TAINTED.has(t)) return t === 'block' || t === 'do_block' ? { kind: 'other' } : { kind: 'clean' };
  if (t === 'call' && !n.childForFieldName('arguments') && n.childForFieldName('receiver') && n.childForFieldName('method')) {
    // Ruby reads attributes with calls: `post.title` is a member read, not a call on the post.
    return { kind: 'member', path: normalisePath(n.text), object: n.childForFieldName('receiver')!, property: n.childForFieldName('method')!.text };
  }
  if (CALLS.has(t)) {
    const c = calleeParts(n);
    return { kind: 'call', ...c, args: argumentNodes(n) };
  }
  if (NEWS.has(t)) {
    const type = field(n, 'type', 'constructor') ?? n.namedChild(0);
    return { kind: 'new', path: normalisePath(type?.text ?? ''), args: argumentNodes(n) };
  }
  if (MEMBERS.has(t)) {
    const object = field(n, 'object', 'operand', 'expression', 'scope') ?? n.namedChild(0);
    const prop = field(n, 'property', 'attribute', 'field', 'name') ?? n.namedChild(n.namedChildCount - 1);
    if (!object) return { kind: 'other' };
    return { kind: 'member', path: normalisePath(n.text), object, property: prop?.text ?? '' };
  }
  if (INDEXES.has(t)) {
    const object = field(n, 'array', 'value', 'object', 'operand', 'expression') ?? n.namedChild(0);
    const index = field(n, 'index', 'subscript') ?? (n.namedChildCount > 1 ? n.namedChild(1) : null);
    if (!object) return { kind: 'other' };
    return { kind: 'index', object, index };
  }
  if (NAMES.has(t)) return { kind: 'name', name: n.text };
  if (WRAPPERS.has(t)) {
    // TypeScript's `x as T`, `x satisfies T`, `x!` put the value first; casts name it `value`.
    const inner = TYPE_AFTER.has(t) ? n.namedChild(0) : (field(n, 'value', 'expression') ?? n.namedChild(n.namedChildCount - 1));
    return inner ? { kind: 'union', parts: [inner], built: false } : { kind: 'other' };
  }
  if (t === 'unary_expression' || t === 'unary_operator' || t === 'unary') {
    // Negation and the like give numbers or booleans; PHP's error-silencing `@` keeps the value.
    const op = n.child(0)?.text ?? '';
    const inner = n.namedChild(n.namedChildCount - 1);
    return op === '@' && inner ? { kind: 'union', parts: [inner], built: false } : { kind: 'clean' };
  }
  if (BINARIES.has(t)) {
    const op = n.childForFieldName('operator')?.text ?? n.child(1)?.text ?? '';
    const l = n.childForFieldName('left') ?? n.namedChild(0);
    const r = n.childForFieldName('right') ?? n.namedChild(1);
    if (!l || !r) return { kind: 'other' };
    // `a || b` and `a ?? b` pass either side on (JS defaults: `req.query.x || "dflt"`); other operators give
    // numbers or booleans, which cannot carry syntax.
    if (op === '||' || op === '??' || op === 'or') return { kind: 'union', parts: [l, r], built: false };
    return CONCAT.has(op) ? { kind: 'union', parts: [l, r], built: true } : { kind: 'clean' };
  }
  if (BRANCHES.has(t)) {
    const cons = field(n, 'consequence');
    const alt = field(n, 'alternative');
    if (cons && alt) return { kind: 'union', parts: [cons, alt], built: false };
    // python `a if c else b`: children are a, c, b
    const kids = n.namedChildren.filter((c): c is Node => c !== null);
    return { kind: 'union', parts: kids.length === 3 ? [kids[0]!, kids[2]!] : kids.slice(1), built: false };
  }
  if (STRINGS.has(t)) return { kind: 'union', parts: interpolatedParts(n), built: true };
  if (COLLECTIONS.has(t)) return { kind: 'union', parts: n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment'), built: false };
  if (DICTS.has(t)) {
    const pairs: { key: Node | null; value: Node }[] = [];
    for (const c of n.namedChildren) {
      if (!c) continue;
      const v = c.childForFieldName('value');
      if (v) pairs.push({ key: c.childForFieldName('key'), value: v });
      else if (c.type !== 'comment') pairs.push({ key: null, value: c });
    }
    return { kind: 'dict', pairs };
  }
  return { kind: 'other' };
}

/** The text of a constant key (`"b"`, `'b'`, `:b`, `2`), or undefined when the key is computed. */
export function constantKey(n: Node | null | undefined): string | undefined {
  if (!n || !isConstantExpression(n)) return undefined;
  const t = n.text.trim();
  if (/^[A-Z][A-Z0-9_]*$/.test(t)) return undefined;
  return t.replace(/^[:'"`]|['"`]$/g, '');
}

/** The key of a collection literal's entry: a constant, or a bare name (`{ user: x }`, Ruby `user: x`). */
export function dictKey(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  if (/^(property_identifier|identifier|hash_key_symbol|simple_symbol|field_identifier)$/.test(n.type)) return n.text.replace(/^:/, '');
  return constantKey(n);
}

/** Function-like nodes the engine summarises, with their name (undefined for anonymous functions). */
export function functionName(fn: Node): string | undefined {
  const name = fn.childForFieldName('name');
  if (name) return name.text;
  // const f = (x) => ...; f = function (x) {...}
  const p = fn.parent;
  if (p?.type === 'variable_declarator' || p?.type === 'assignment_expression') return (p.childForFieldName('name') ?? p.childForFieldName('left'))?.text;
  return undefined;
}

const PARAMETER_TYPES = new Set(['formal_parameter', 'spread_parameter', 'parameter', 'parameter_declaration', 'variadic_parameter_declaration', 'required_parameter', 'optional_parameter', 'typed_parameter', 'default_parameter', 'typed_default_parameter', 'simple_parameter', 'variadic_parameter', 'property_promotion_parameter', 'optional_parameter', 'keyword_parameter', 'splat_parameter', 'identifier', 'assignment_pattern', 'rest_pattern', 'list_splat_pattern', 'dictionary_splat_pattern']);

/** How many arguments a function takes (a destructured parameter is one). */
export function arityOf(fn: Node): number {
  let n = 0;
  for (const p of parametersOf(fn)) n = Math.max(n, p.index + 1);
  return n;
}

export interface Parameter {
  name: string;
  index: number;
  node: Node;
}

/** The parameters of a function node, in order, with the names they bind. */
export function parametersOf(fn: Node): Parameter[] {
  const list = fn.childForFieldName('parameters') ?? fn.namedChildren.find((c) => c !== null && /parameters$|parameter_list$/.test(c.type)) ?? null;
  if (!list) {
    // an arrow function with one bare parameter: `x => ...`
    const p = fn.childForFieldName('parameter');
    return p ? [{ name: p.text, index: 0, node: p }] : [];
  }
  // Java's and C#'s lambda with one bare parameter: `v -> ..`, `v => ..`.
  if (list.type === 'identifier') return [{ name: list.text, index: 0, node: list }];
  const out: Parameter[] = [];
  let pos = 0;
  for (const c of list.namedChildren) {
    if (c && (c.type === 'object_pattern' || c.type === 'array_pattern')) {
      // ({ comment, user }) => ...: each bound name is (part of) the same argument.
      for (const k of c.descendantsOfType(['shorthand_property_identifier_pattern', 'identifier'])) if (k) out.push({ name: k.text, index: pos, node: k });
      pos++;
      continue;
    }
    if (!c || !PARAMETER_TYPES.has(c.type)) continue;
    const nameNode =
      c.type === 'identifier'
        ? c
        : (c.childForFieldName('name') ?? c.childForFieldName('pattern') ?? c.childForFieldName('left') ?? c.namedChildren.find((k) => k !== null && (k.type === 'identifier' || k.type === 'variable_name')) ?? null);
    if (!nameNode) continue;
    const name = nameNode.type === 'variable_declarator' ? (nameNode.childForFieldName('name')?.text ?? nameNode.text) : nameNode.text;
    // Python's `self` / `cls` are the object, not a caller's argument.
    if (pos === 0 && (name === 'self' || name === 'cls') && fn.type === 'function_definition' && !name.startsWith('$')) continue;
    out.push({ name, index: pos++, node: c });
  }
  return out;
}

/**
 * Iteration methods whose callback receives each element of the receiver, with the callback's parameter that holds
 * it: `xs.each { |x| }`, `xs.forEach((x) => ..)`, `list.forEach(x -> ..)`, `xs.reduce((acc, x) => ..)`.
 */
const ITERATORS: Readonly<Record<string, number>> = {
  each: 0, each_with_index: 0, each_with_object: 0, map: 0, collect: 0, flat_map: 0, filter_map: 0, select: 0, filter: 0, reject: 0,
  find: 0, detect: 0, find_all: 0, sort_by: 0, group_by: 0, partition: 0, min_by: 0, max_by: 0, sum: 0, 'any?': 0, 'all?': 0,
  forEach: 0, flatMap: 0, some: 0, every: 0, findIndex: 0, findLast: 0, anyMatch: 0, allMatch: 0, noneMatch: 0, peek: 0,
  ForEach: 0, Select: 0, Where: 0, SelectMany: 0, Any: 0, All: 0, First: 0, FirstOrDefault: 0,
  reduce: 1, inject: 1, Aggregate: 1,
};

/**
 * The collection whose elements the parameter `index` of the callback `fn` receives, when `fn` is the block or
 * the function argument of an iteration method (`params[:ids].each do |id|`, `req.body.items.forEach((item) => ..)`).
 */
export function iteratedInto(fn: Node, index: number): Node | undefined {
  // The call around: a Ruby block's parent; a callback's argument list's (C# wraps each in an `argument`).
  let call: Node | null = fn.parent;
  for (let up = 0; call && up < 3 && !CALLS.has(call.type); up++) call = call.parent;
  if (!call || !CALLS.has(call.type)) return undefined;
  const block = call.childForFieldName('block');
  const passed = block?.id === fn.id || argumentNodes(call).some((a) => a.id === fn.id || (a.type === 'argument' && a.namedChild(0)?.id === fn.id));
  if (!passed) return undefined;
  const c = calleeParts(call);
  const at = Object.hasOwn(ITERATORS, c.name) ? ITERATORS[c.name] : undefined;
  return at === index ? (c.receiver ?? undefined) : undefined;
}
