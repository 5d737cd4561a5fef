import type { Node } from '../../engine/source/parse';
import { mentionsPassword } from './algo';
import { argumentNodes, argumentsOf } from '../shared/calls';

// Syntax-tree questions the weak-hash rule asks about one hashing call, across the eight grammars:
// what data reaches the hasher (for the password heuristic) and whether the call only feeds an HMAC or a KDF.

const CALL_TYPES = new Set([
  'call', // python, ruby
  'call_expression', // js, ts, go
  'method_invocation', // java
  'invocation_expression', // c#
  'object_creation_expression', // c#, java
  'function_call_expression', // php
  'member_call_expression', // php
  'scoped_call_expression', // php
]);

const FUNCTION_TYPES = new Set([
  'function_definition',
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'method_declaration',
  'constructor_declaration',
  'local_function_statement',
  'lambda_expression',
  'func_literal',
  'anonymous_function',
  'method',
  'singleton_method',
  'lambda',
]);

const STATEMENT_END = new Set(['block', 'statement_list', 'module', 'program', 'source_file', 'compilation_unit', 'body_statement', 'class_body', 'declaration_list', 'compound_statement']);

export function isCall(n: Node): boolean {
  return CALL_TYPES.has(n.type);
}

/** The text of a call before its arguments: `hmac.new`, `OpenSSL::HMAC.hexdigest`, `new HMACSHA1`. */
export function calleeText(call: Node): string {
  const args = argumentsOf(call);
  const text = call.text;
  return (args ? text.slice(0, args.startIndex - call.startIndex) : text).trim();
}

/** The innermost function around a node, or the root for module-level code. */
export function enclosingScope(node: Node): Node {
  let n: Node | null = node.parent;
  let last = node;
  while (n) {
    if (FUNCTION_TYPES.has(n.type)) return n;
    last = n;
    n = n.parent;
  }
  return last;
}

/**
 * The calls chained onto `call`: `hashlib.md5(x).update(y).hexdigest()`, `MD5.Create().ComputeHash(b)`.
 * Returns the outermost call of the chain and the calls along the way (excluding `call` itself).
 */
export function chainAbove(call: Node): { top: Node; chained: Node[] } {
  const chained: Node[] = [];
  let cur = call;
  for (;;) {
    const p = cur.parent;
    if (!p) break;
    // java / ruby / php: the call is the `object` / `receiver` of the next call directly.
    if (isCall(p)) {
      chained.push(p);
      cur = p;
      continue;
    }
    // js / python / go / c#: a member node between the two calls.
    const gp = p.parent;
    const memberish = /^(attribute|member_expression|selector_expression|member_access_expression|field_access)$/.test(p.type);
    if (memberish && gp && isCall(gp) && gp.childForFieldName('function')?.startIndex === p.startIndex) {
      chained.push(gp);
      cur = gp;
      continue;
    }
    break;
  }
  return { top: cur, chained };
}

/** The variable a value is stored in (`h = md5()`, `var h = ...`, `h := ...`, `$h = ...`, `using (MD5 h = ...)`). */
export function assignedName(value: Node): Node | undefined {
  let v = value;
  // Go and Python wrap the sides of an assignment in lists; C# `await` and parentheses do not change the variable.
  while (v.parent && /^(expression_list|parenthesized_expression|await_expression|equals_value_clause)$/.test(v.parent.type)) v = v.parent;
  const p = v.parent;
  if (!p) return undefined;
  switch (p.type) {
    case 'assignment':
    case 'assignment_expression':
    case 'short_var_declaration':
    case 'assignment_statement': {
      const left = p.childForFieldName('left');
      if (!left || left.startIndex === v.startIndex) return undefined;
      return left.type === 'expression_list' ? left.namedChild(0) ?? undefined : left;
    }
    case 'variable_declarator':
      return p.childForFieldName('name') ?? p.namedChild(0) ?? undefined;
    default:
      return undefined;
  }
}

/**
 * Calls in `scope` indexed by receiver (`h` of `h.update(pw)`, `$h->x()`) and by first argument
 * (`hash_update($h, $pw)`). Built once per scope and tree: looking the calls up per finding used to walk the
 * scope per finding, which made a file with thousands of findings quadratic.
 */
const callIndexes = new WeakMap<object, Map<string, Map<string, Node[]>>>();
const RECEIVER = /^(.+?)\s*(\.|->|\?\.)\s*\w+$/;

function callIndex(scope: Node): Map<string, Node[]> {
  let perTree = callIndexes.get(scope.tree);
  if (!perTree) {
    perTree = new Map();
    callIndexes.set(scope.tree, perTree);
  }
  const key = `${scope.startIndex}:${scope.endIndex}`;
  let index = perTree.get(key);
  if (index) return index;
  index = new Map();
  const add = (name: string | undefined, n: Node, seen: Set<string>): void => {
    if (name === undefined || seen.has(name)) return;
    seen.add(name);
    const list = index!.get(name);
    if (list) list.push(n);
    else index!.set(name, [n]);
  };
  const stack = [scope];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isCall(n)) {
      const seen = new Set<string>();
      add(RECEIVER.exec(calleeText(n))?.[1], n, seen);
      add(argumentNodes(n)[0]?.text, n, seen);
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  perTree.set(key, index);
  return index;
}

/** Descendant calls of `scope` whose receiver is the variable `name` or that take it as first argument. */
function callsOnVariable(scope: Node, name: string): Node[] {
  return callIndex(scope).get(name) ?? [];
}

/**
 * True when what the hashing call digests looks like a password: the call's own arguments, arguments of calls
 * chained onto it, and arguments of calls on the variable a hasher object is stored in
 * (`h = md5(); h.update(password)`). A fast hash is the wrong tool for passwords whatever the algorithm.
 */
export function hashesPassword(call: Node, skip?: Node): boolean {
  return hashedTexts(call, skip).some(mentionsPassword);
}

/**
 * The texts of what the hashing call digests: its own arguments, arguments of calls chained onto it, and
 * arguments of calls on the variable a hasher object is stored in (`h = md5(); h.update(password)`).
 */
export function hashedTexts(call: Node, skip?: Node): string[] {
  const texts: string[] = [];
  const take = (c: Node): void => {
    for (const a of argumentNodes(c)) if (!skip || a.startIndex !== skip.startIndex) texts.push(a.text);
  };
  take(call);
  const { top, chained } = chainAbove(call);
  chained.forEach(take);
  // The variable the result lands in is not looked at: `password_reset_token = sha1(random)` hashes no password.
  const target = chained.length === 0 ? assignedName(top) : undefined;
  if (target) for (const c of callsOnVariable(enclosingScope(top), target.text)) take(c);
  return texts;
}

/**
 * True when the call only parameterises an HMAC or a key-derivation function (`OpenSSL::HMAC.digest(
 * OpenSSL::Digest.new('sha1'), ..)`, `hmac.New(func() hash.Hash { return md5.New() }, key)`): HMAC-MD5 and
 * HMAC-SHA1 are not broken by collisions, and PBKDF2 with SHA-1 is a separate (weak iteration) concern.
 */
export function insideHmacOrKdf(call: Node): boolean {
  let n: Node | null = call.parent;
  let depth = 0;
  while (n && depth < 12 && !STATEMENT_END.has(n.type)) {
    if (isCall(n) && /hmac|pbkdf|hkdf/i.test(calleeText(n))) return true;
    n = n.parent;
    depth++;
  }
  return false;
}

/** Python's `usedforsecurity=False` keyword (3.9+): the caller declares a non-security use. */
export function declaresNonSecurityUse(call: Node): boolean {
  return argumentNodes(call).some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'usedforsecurity' && a.childForFieldName('value')?.text === 'False');
}

/** The nearest ancestor (or self) of one of `types`. */
export function ancestorOfType(node: Node, types: string[]): Node | undefined {
  let n: Node | null = node;
  while (n) {
    if (types.includes(n.type)) return n;
    n = n.parent;
  }
  return undefined;
}
