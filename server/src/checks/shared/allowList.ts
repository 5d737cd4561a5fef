import type { Node } from '../../engine/source/parse';
import { isConstantExpression } from './constants';
import { enclosingFunction, fileConstantValue, isFunctionNode, operatorText, shadowedByParameter, unwrapParens, writesBefore } from './ast';
import { argumentNodes, calleeText } from './calls';
import { declarationSites } from './declarations';
import { treeFact } from '../../engine/incremental/documentFacts';
import { indexedTypes, isLargeScope, ownNodesOfTypes, ScopeCache } from './functionNodes';

// Values taken from a fixed set: a name checked against a constant list, set or map before it is used
// (`if col in ALLOWED_COLUMNS`, `if (!SORTS.includes(dir)) return`, `raise unless %w[asc desc].include?(dir)`),
// or compared with constants (`dir === 'asc' || dir === 'desc'`). Read by safeValues.ts.

const COLLECTION_LITERALS = new Set([
  'array', 'list', 'tuple', 'set', 'dictionary', 'object', 'hash', 'string_array', 'symbol_array',
  'array_creation_expression', 'composite_literal', 'array_initializer', 'initializer_expression',
  'implicit_array_creation_expression', 'collection_expression', 'array_expression',
]);

/** Children of a literal collection that hold its elements (pairs, Go keyed elements, PHP initialisers). */
const ELEMENT_WRAPPERS = new Set([
  'pair', 'keyed_element', 'literal_element', 'literal_value', 'array_element_initializer', 'array_initializer',
  'initializer_expression', 'element', 'expression_list', 'dictionary_splat', 'hash_key_symbol',
]);

/** Calls that build a collection from their (constant) arguments or give the keys / values of a constant one. */
const COLLECTION_CALL = /(^|\.)(Set|set|frozenset|tuple|list|of|asList|copyOf|freeze|keys|values|entries|array_keys|array_values|unmodifiableList|unmodifiableSet|unmodifiableMap|Object\.keys|Object\.values|Object\.freeze|ImmutableSet\.of|ImmutableList\.of)$/;

const MEMBERSHIP_METHOD = /^(includes|has|contains|containsKey|include\?|member\?|key\?|has_key\?|Contains|ContainsKey|hasOwnProperty|ContainsValue)$/;

const VALIDATION_METHOD = /^(isdigit|isdecimal|isnumeric|isalnum|isidentifier|isInteger|isSafeInteger)$/;
const VALIDATION_CALL = /^(is_numeric|ctype_digit|ctype_alnum|Number\.isInteger|Number\.isSafeInteger)$/;
/** An anchored pattern of word characters only: `^[a-z_]+$`, `\A\d+\z`. */
const IDENTIFIER_PATTERN = /^\/?(\^|\\A)(\[[\w\\.-]*\]|\\d|\\w|[a-z])[+*]?(\{\d+(,\d*)?\})?(\$|\\z|\\Z)\/?[a-z]*$/;

function isTypeNode(n: Node): boolean {
  return /(^|_)type(_identifier)?$|^(dimensions|generic_name|predefined_type|type_arguments)$/.test(n.type);
}

function elementsConstant(n: Node, depth: number): boolean {
  for (const c of n.namedChildren) {
    if (!c || c.type === 'comment' || isTypeNode(c)) continue;
    // Ruby %w[a b] words: constant unless interpolated (%W[#{x}]).
    if (c.type === 'bare_string' || c.type === 'bare_symbol') {
      if (c.namedChildren.some((k) => k !== null && k.type === 'interpolation')) return false;
      continue;
    }
    if (ELEMENT_WRAPPERS.has(c.type)) {
      if (c.namedChildCount > 0 && !elementsConstant(c, depth + 1)) return false;
      continue;
    }
    if (!isConstantExpression(c) && !isConstantCollection(c, depth + 1)) return false;
  }
  return true;
}

/** True when `node` is a list, set or map whose elements are all constants (or an ALL_CAPS name for one). */
function isEmptyCollection(raw: Node): boolean {
  const node = unwrapParens(raw);
  if (COLLECTION_LITERALS.has(node.type)) return node.namedChildren.every((c) => c === null || c.type === 'comment');
  return false;
}

export function isConstantCollection(raw: Node, depth = 0): boolean {
  const node = unwrapParens(raw);
  if (depth > 4) return false;
  if (isConstantExpression(node)) return true;
  const t = node.type;
  if (COLLECTION_LITERALS.has(t)) return elementsConstant(node, depth);
  if (t === 'new_expression' || t === 'object_creation_expression' || /call/.test(t) || t === 'method_invocation') {
    const callee = t === 'new_expression' ? (node.childForFieldName('constructor')?.text ?? '') : calleeText(node);
    if (!COLLECTION_CALL.test(callee.replace(/^new\s*/, ''))) return false;
    const recv = node.childForFieldName('receiver') ?? node.childForFieldName('object') ?? node.childForFieldName('function')?.childForFieldName('object');
    if (recv && /\.(keys|values|freeze|entries)$/.test(callee) && !isConstantCollection(recv, depth + 1)) return false;
    return argumentNodes(node).every((a) => isConstantExpression(a) || isConstantCollection(a, depth + 1));
  }
  if (t === 'identifier' || t === 'variable_name') {
    const writes = writesBefore(node, node.text);
    // An empty local collection is an allow-list only once something fills it, and what fills it is not known here
    // (`hosts = []; hosts.push(input)`).
    if (writes.length > 0) return writes.every((w) => w.kind === 'set' && !isEmptyCollection(w.value) && isConstantCollection(w.value, depth + 1));
    if (shadowedByParameter(node, node.text)) return false;
    const name = node.text;
    // A fact of the whole file, recorded for the incremental analysis (documentFacts.ts).
    return treeFact(
      node,
      `constant-collection/${name}`,
      (root) => {
        const constant = fileConstantValue(root, name) ?? packageVar(root, name);
        return constant !== undefined && isConstantCollection(constant, depth + 1);
      },
      String,
      { outsideFunctions: true, deserialize: (v) => v === 'true' },
    );
  }
  return false;
}

const GO_VAR = new Set(['var_spec']);

/** Go keeps its allow-lists in package-level `var` maps and slices: the value of a single-name `var x = ...`. */
function packageVar(root: Node, name: string): Node | undefined {
  const sites = declarationSites(root, name, GO_VAR);
  if (sites.length !== 1) return undefined;
  const names = sites[0]!.childrenForFieldName('name');
  const value = sites[0]!.childForFieldName('value');
  return names.length === 1 && value?.namedChildCount === 1 ? (value.namedChild(0) ?? undefined) : undefined;
}

type Polarity = 'pos' | 'neg' | undefined;

function flip(p: Polarity): Polarity {
  return p === 'pos' ? 'neg' : p === 'neg' ? 'pos' : undefined;
}

function isName(n: Node | null | undefined, name: string): boolean {
  return Boolean(n && unwrapParens(n).text === name);
}

/** `name` compared for equality with a constant: `dir === 'asc'`, `$d == "desc"`. */
function equalityOf(n: Node, name: string, ops: RegExp): boolean {
  const u = unwrapParens(n);
  if (!/^(binary_expression|binary|comparison_operator|binary_operator)$/.test(u.type)) return false;
  if (!ops.test(operatorText(u).trim())) return false;
  const kids = u.namedChildren.filter((c): c is Node => c !== null);
  if (kids.length !== 2) return false;
  return (isName(kids[0], name) && isConstantExpression(kids[1])) || (isName(kids[1], name) && isConstantExpression(kids[0]));
}

/** Every leaf of an `op` chain (`a || b || c`) satisfies `leaf`. */
function chainAll(n: Node, op: RegExp, leaf: (x: Node) => boolean): boolean {
  const u = unwrapParens(n);
  if (/^(binary_expression|binary|boolean_operator)$/.test(u.type) && op.test(operatorText(u).trim())) {
    const l = u.childForFieldName('left');
    const r = u.childForFieldName('right');
    return Boolean(l && r && chainAll(l, op, leaf) && chainAll(r, op, leaf));
  }
  return leaf(u);
}

const OR = /^(\|\||or)$/;
const AND = /^(&&|and)$/;

/** A direct test that `name` belongs to a constant set (true means it does). */
function isMembershipTest(n: Node, name: string): Polarity {
  const t = n.type;
  if (t === 'comparison_operator' || t === 'binary_expression' || t === 'binary_operator') {
    const op = operatorText(n).trim();
    const kids = n.namedChildren.filter((c): c is Node => c !== null);
    // Python `x in ALLOWED` / `x not in ALLOWED`; JavaScript `key in MAP`.
    if (kids.length === 2 && isName(kids[0], name) && isConstantCollection(kids[1]!)) {
      if (/^in$/.test(op)) return 'pos';
      if (/^not\s+in$/.test(op) || (t === 'comparison_operator' && /\bnot\s+in\b/.test(n.text.slice(kids[0]!.endIndex - n.startIndex, kids[1]!.startIndex - n.startIndex)))) return 'neg';
    }
  }
  if (/call|method_invocation/.test(t)) {
    const callee = calleeText(n);
    const args = argumentNodes(n);
    const last = callee.split(/\.|->|::/).pop() ?? '';
    const recv = n.childForFieldName('receiver') ?? n.childForFieldName('object') ?? n.childForFieldName('function')?.childForFieldName('object') ?? n.childForFieldName('function')?.childForFieldName('operand') ?? null;
    if (MEMBERSHIP_METHOD.test(last) && recv && args.length === 1 && isName(args[0], name) && isConstantCollection(recv)) return 'pos';
    // Ruby `dir.in?(%w[asc desc])`
    if (last === 'in?' && recv && isName(recv, name) && args.length === 1 && isConstantCollection(args[0]!)) return 'pos';
    if (/^(in_array|array_key_exists)$/.test(callee) && args.length >= 2 && isName(args[0], name) && isConstantCollection(args[1]!)) return 'pos';
    if (/^(slices\.Contains|Object\.hasOwn|_\.includes|lodash\.includes)$/.test(callee) && args.length === 2 && isName(args[1], name) && isConstantCollection(args[0]!)) return 'pos';
    if (VALIDATION_METHOD.test(last) && recv && isName(recv, name) && args.length === 0) return 'pos';
    if (VALIDATION_CALL.test(callee) && args.length === 1 && isName(args[0], name)) return 'pos';
    // /^[a-z_]+$/.test(x), re.fullmatch(r"\w+", x), preg_match('/^\d+$/', $x)
    const pattern = (p: Node | undefined): boolean => Boolean(p && IDENTIFIER_PATTERN.test(p.text.replace(/^r?["']|["']$/g, '')));
    if (last === 'test' && recv && args.length === 1 && isName(args[0], name) && pattern(recv)) return 'pos';
    if (/^(re\.fullmatch|re\.match|preg_match)$/.test(callee) && args.length >= 2 && isName(args[1], name) && pattern(args[0])) return 'pos';
  }
  return undefined;
}

/** What a condition being true (`pos`) or false (`neg`) says about `name` belonging to a constant set. */
export function polarity(raw: Node, name: string, depth = 0): Polarity {
  const n = unwrapParens(raw);
  if (depth > 8) return undefined;
  const direct = isMembershipTest(n, name);
  if (direct) return direct;
  if (chainAll(n, OR, (x) => equalityOf(x, name, /^(==|===|eq\?|eql\?)$/))) return 'pos';
  if (chainAll(n, AND, (x) => equalityOf(x, name, /^(!=|!==)$/))) return 'neg';
  const t = n.type;
  if (/^(unary_expression|unary|not_operator|unary_op_expression|prefix_unary_expression)$/.test(t) && /^(!|not)$/.test(operatorText(n).trim())) {
    const arg = n.childForFieldName('argument') ?? n.childForFieldName('operand') ?? n.namedChild(n.namedChildCount - 1);
    return arg ? flip(polarity(arg, name, depth + 1)) : undefined;
  }
  if (/^(binary_expression|binary|boolean_operator)$/.test(t)) {
    const op = operatorText(n).trim();
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return undefined;
    const ps = [polarity(l, name, depth + 1), polarity(r, name, depth + 1)];
    // a && member: true implies member. !a || !member: false implies member.
    if (AND.test(op) && ps.includes('pos')) return 'pos';
    if (OR.test(op) && ps.includes('neg')) return 'neg';
  }
  return undefined;
}

function within(inner: Node, outer: Node | null | undefined): boolean {
  return Boolean(outer && inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex);
}

const EXIT_TYPES = new Set(['return_statement', 'raise_statement', 'throw_statement', 'break_statement', 'continue_statement', 'exit_statement', 'return', 'break', 'next', 'throw_expression', 'retry']);
const EXIT_CALL = /^(raise|fail|exit|die|abort|panic|os\.Exit|sys\.exit|halt|abort!|redirect|redirect_to|head|render_404|not_found)$/;
const BLOCKS = new Set(['statement_block', 'block', 'compound_statement', 'then', 'body_statement', 'do', 'statement_list', 'expression_statement', 'else_clause', 'else']);

/** The branch ends the function, loop or request: return, raise, throw, exit, die, panic. */
function exits(branch: Node | null | undefined, depth = 0): boolean {
  if (!branch || depth > 4) return false;
  if (EXIT_TYPES.has(branch.type)) return true;
  if (BLOCKS.has(branch.type)) {
    const kids = branch.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return kids.length > 0 && exits(kids[kids.length - 1], depth + 1);
  }
  if (/call|method_invocation/.test(branch.type)) {
    const callee = calleeText(branch);
    return EXIT_CALL.test(callee) || (branch.type === 'call' && EXIT_CALL.test(branch.childForFieldName('method')?.text ?? ''));
  }
  if (branch.type === 'identifier' && /^(raise|exit|abort)$/.test(branch.text)) return true;
  // Ruby `render ... and return`
  if (/^(binary|boolean_operator)$/.test(branch.type) && /^(and|&&)$/.test(operatorText(branch).trim())) return exits(branch.childForFieldName('right'), depth + 1);
  return false;
}

const IF_TYPES = indexedTypes(['if_statement', 'if', 'elif_clause', 'else_if_clause', 'if_modifier', 'unless', 'unless_modifier', 'ternary_expression', 'conditional_expression', 'conditional', 'assert_statement']);

function branchesOf(n: Node): { cond: Node | null; then: Node | null; else: Node | null; negate: boolean } {
  const negate = n.type === 'unless' || n.type === 'unless_modifier';
  const cond = n.childForFieldName('condition');
  const then = n.childForFieldName('consequence') ?? n.childForFieldName('body');
  const alt = n.childForFieldName('alternative');
  if (n.type === 'conditional_expression' && !cond) {
    // Python `a if c else b`
    const kids = n.namedChildren.filter((c): c is Node => c !== null);
    return { cond: kids[1] ?? null, then: kids[0] ?? null, else: kids[2] ?? null, negate };
  }
  if (n.type === 'assert_statement') return { cond: n.namedChild(0), then: null, else: null, negate };
  return { cond, then, else: alt, negate };
}

const checksByScope = new ScopeCache<readonly Node[]>();

/** The conditionals of a function (once per tree and function: every use of every name asks for them). */
function checksIn(fn: Node): readonly Node[] {
  // At a module's top level, no check inside a function can guard the use: walk past them (cheaper too).
  return checksByScope.of(fn, () => (fn.parent === null && isLargeScope(fn) ? ownNodesOfTypes(fn, IF_TYPES) : fn.descendantsOfType([...IF_TYPES]).filter((n): n is Node => n !== null)));
}

/**
 * True when the use of `name` at `use` only runs once `name` is known to be one of a constant set: inside the
 * branch of a check, or after a check whose other branch leaves (`if x not in ALLOWED: raise`), with no write
 * to the name in between.
 */
export function guardedByAllowList(use: Node, name: string): boolean {
  const fn = enclosingFunction(use);
  const writes = writesBefore(use, name);
  const lastWrite = writes.length > 0 ? writes[writes.length - 1]!.node.endIndex : -1;
  // Enclosing checks: the use sits in the branch taken when the name is allowed.
  for (let p: Node | null = use.parent; p && !isFunctionNode(p); p = p.parent) {
    if (p.startIndex < lastWrite) break;
    if (IF_TYPES.has(p.type)) {
      const b = branchesOf(p);
      if (!b.cond || within(use, b.cond) || !b.cond.text.includes(name)) continue;
      let pol = polarity(b.cond, name);
      if (b.negate) pol = flip(pol);
      if (pol === 'pos' && within(use, b.then)) return true;
      if (pol === 'neg' && within(use, b.else)) return true;
    }
    if (/^(binary_expression|binary|boolean_operator)$/.test(p.type) && AND.test(operatorText(p).trim())) {
      const l = p.childForFieldName('left');
      if (l && !within(use, l) && polarity(l, name) === 'pos') return true;
    }
  }
  // Earlier checks in the function that leave when the name is not allowed.
  for (const g of checksIn(fn)) {
    if (g.endIndex > use.startIndex || g.startIndex < lastWrite) continue;
    // The check must be on every path to the use: its parent block encloses the use.
    if (!within(use, g.parent)) continue;
    if (enclosingFunction(g).startIndex !== fn.startIndex) continue;
    const b = branchesOf(g);
    if (!b.cond || !b.cond.text.includes(name)) continue;
    let pol = polarity(b.cond, name);
    if (b.negate) pol = flip(pol);
    if (g.type === 'assert_statement' && pol === 'pos') return true;
    if (pol === 'neg' && exits(b.then)) return true;
    if (pol === 'pos' && b.else && exits(b.else)) return true;
  }
  return false;
}
