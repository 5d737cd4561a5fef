import type { Node } from '../../engine/source/parse';
import { wordIndexOf } from '../../engine/source/words';
import { argumentNodes } from '../shared/calls';
import { enclosingClass } from '../shared/ast';
import { assignedName, calleeText, chainAbove, enclosingScope, isCall } from './tree';
import { weakAlgorithmOfString } from './algo';
import { recordsFacts, treeFact } from '../../engine/incremental/documentFacts';

// Following a digest one step beyond its own statement, for use.ts: the value stored in a local or a field is
// read somewhere else (`h = md5(); h.update(x); return h.hexdigest()`, `self.sha = sha1(script)` read by
// `evalsha(self.sha, ..)`), and a returned digest is used where the function is called (`etag =
// self.compute_etag()`). Those later places say what the digest is for, as the first statement would have.
// They may lie in other functions than the finding: in an editor session the statements read there are recorded
// as a fact of the tree (documentFacts.ts), so an edit to a caller or to a field's reader re-runs the analysis.

const MEMBERISH = /^(attribute|member_expression|selector_expression|member_access_expression|field_access|member_call_expression|scoped_property_access_expression|member_access_expression|element_reference)$/;
const READ_TYPES = new Set(['identifier', 'attribute', 'member_expression', 'field_access', 'instance_variable', 'member_access_expression', 'variable_name', 'selector_expression', 'member_call_expression', 'scoped_property_access_expression', 'property_access_expression']);
/** Methods that feed a hasher object: a read through them is input, not a use of the digest. */
const FEEDS = /^(update|write|Write|WriteString|update_with|append|TransformBlock|hash_update|reset|Reset|copy|<<)$/;
/** Methods that finish a hasher object and hand out its digest. */
const FINISHES = /^(digest|hexdigest|base64digest|Sum|sum|finalize|final|hexDigest|doFinal|ComputeHash|to_s|hash_final)$/;

/** The field spellings whose reads are spread over the class: `self.x`, `this.x`, `@x`, `$this->x`. */
const FIELD = /^(self\.|this\.|@|\$this->)\w+$/;

function rootOf(n: Node): Node {
  let r = n;
  while (r.parent) r = r.parent;
  return r;
}

/** The nodes of the file where `test` holds among those around an occurrence of `word` (up to three levels up). */
function nodesAt(root: Node, word: string, test: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const seen = new Set<number>();
  // The engine's word index (words.ts): a lookup per occurrence, not a walk of the whole tree per finding and
  // per recorded fact. A PHP variable's word follows its `$`.
  const idx = wordIndexOf(root.tree);
  const dollar = idx.at(`$${word}`);
  const at = dollar.length === 0 ? idx.at(word) : [...idx.at(word), ...dollar.map((o) => o + 1)].sort((a, b) => a - b);
  for (const p of at) {
    let n: Node | null = root.descendantForIndex(p, p + word.length);
    for (let up = 0; n && up < 4; up++, n = n.parent) {
      if (test(n)) {
        if (!seen.has(n.id)) out.push(n);
        seen.add(n.id);
        break;
      }
    }
  }
  return out;
}

/** The word a read of `name` is found by: its last identifier (`sha` of `self.sha`, `x` of `@x`). */
function lastWord(name: string): string {
  return /([A-Za-z_]\w*)\W*$/.exec(name)?.[1] ?? name;
}

export type Use = { kind: 'value'; node: Node } | { kind: 'unknown' };

/** The name of the method called on `read` (`h` of `h.update(x)`, `$h->x()`), if `read` is a receiver. */
function methodOn(read: Node): { name: string; call?: Node } | undefined {
  const p = read.parent;
  if (!p) return undefined;
  if (MEMBERISH.test(p.type) && p.namedChild(0)?.startIndex === read.startIndex && p.namedChild(0)?.endIndex === read.endIndex) {
    const name = p.namedChildren[p.namedChildren.length - 1]?.text ?? '';
    const gp = p.parent;
    if (gp && isCall(gp) && gp.startIndex === p.startIndex) return { name, call: gp };
    if (isCall(p)) return { name: p.childForFieldName('name')?.text ?? name, call: p };
    return { name };
  }
  // Ruby and Java: the receiver is a child of the call itself.
  if (isCall(p) && (p.childForFieldName('receiver') ?? p.childForFieldName('object'))?.startIndex === read.startIndex) {
    const name = (p.childForFieldName('method') ?? p.childForFieldName('name'))?.text ?? '';
    return { name, call: p };
  }
  return undefined;
}

/** Reads of the variable or field `target` (the left side the digest was stored in), each as the use it makes. */
export function usesOfStored(target: Node): Use[] {
  const name = target.text;
  const field = FIELD.test(name);
  const scope = field ? (enclosingClass(target) ?? rootOf(target)) : enclosingScope(target);
  const isRead = (n: Node): boolean => READ_TYPES.has(n.type) && n.text === name;
  if (field) depend(target, `weak-hash-field-reads/${name}`, lastWord(name), isRead);
  // The statement storing it: a name read on its right (`sha1 := sha1.New()`, the package) is not the variable yet.
  const store = storingStatement(target);
  const out: Use[] = [];
  for (const n of nodesAt(rootOf(target), lastWord(name), isRead)) {
    if (out.length >= 20) break;
    if (n.startIndex < scope.startIndex || n.endIndex > scope.endIndex) continue;
    if (n.startIndex >= store.startIndex && n.endIndex <= store.endIndex) continue;
    // A member named like it (`x` of `obj.x`), another assignment to it: no read.
    if (memberName(n) || isAssignedTo(n)) continue;
    const m = methodOn(n);
    if (m && FEEDS.test(m.name)) continue;
    if (m?.call && FINISHES.test(m.name)) out.push({ kind: 'value', node: chainAbove(m.call).top });
    else if (m?.call) out.push({ kind: 'unknown' });
    else out.push({ kind: 'value', node: n });
  }
  return out;
}

function storingStatement(target: Node): Node {
  for (let p: Node | null = target.parent, depth = 0; p && depth < 4; p = p.parent, depth++) {
    if (/assignment|short_var_declaration|variable_declarat|lexical_declaration/.test(p.type)) return p;
  }
  return target;
}

/** `digest` of `h.digest()`, `x` of `obj.x`: a member's name, not a read of a variable spelled the same. */
function memberName(n: Node): boolean {
  const p = n.parent;
  return p !== null && MEMBERISH.test(p.type) && p.namedChild(0)?.startIndex !== n.startIndex;
}

function isAssignedTo(n: Node): boolean {
  const p = n.parent;
  if (!p || !/assignment|short_var_declaration/.test(p.type)) return false;
  const left = p.childForFieldName('left') ?? p.namedChild(0);
  return left !== null && left.startIndex === n.startIndex && left.endIndex === n.endIndex;
}

const FUNCTION_NAMED = /^(function_definition|function_declaration|method_declaration|method_definition|method|singleton_method)$/;

/** Calls in the file of the function `fn` (by its name), outside the function itself. */
export function callSitesOf(fn: Node): Node[] {
  if (!FUNCTION_NAMED.test(fn.type)) return [];
  const name = fn.childForFieldName('name')?.text;
  if (!name) return [];
  const calls = (n: Node): boolean => isCall(n) && lastSegment(calleeText(n)) === name;
  depend(fn, `weak-hash-call-sites/${name}`, name, calls);
  // Ruby: a call without arguments or parentheses is a bare identifier (`schema_sha1` alone is rare; skipped).
  return nodesAt(rootOf(fn), name, calls)
    .filter((n) => !(n.startIndex >= fn.startIndex && n.endIndex <= fn.endIndex))
    .slice(0, 20);
}

const STATEMENT_PARENTS = new Set(['block', 'statement_list', 'module', 'program', 'source_file', 'compilation_unit', 'class_body', 'declaration_list', 'compound_statement', 'body_statement', 'block_body']);

/** The statement around `n`: what a use there reads, including where the value goes. */
function statementOf(n: Node): Node {
  let s = n;
  while (s.parent && !STATEMENT_PARENTS.has(s.parent.type)) s = s.parent;
  return s;
}

/**
 * Records, in an editor session, the statements of the file where `test` holds around an occurrence of `word`
 * (the calls of a function, the reads of a field): what this finding learnt from other functions. Nothing is
 * computed in a CLI scan.
 */
function depend(at: Node, key: string, word: string, test: (n: Node) => boolean): void {
  if (!recordsFacts(at)) return;
  treeFact(at, key, (root) => nodesAt(root, word, test).map((n) => statementOf(n).text).sort().join('\n'), String);
}

function lastSegment(callee: string): string {
  return callee.split(/\.|->|::|\?\./).pop()?.trim() ?? '';
}

const LITERALS = /^(string|string_literal|interpreted_string_literal|raw_string_literal|encapsed_string|string_content|string_fragment|integer|integer_literal|int_literal|float|decimal_integer_literal|number|true|false|boolean|boolean_literal|null|none|nil|concatenated_string|binary_expression|parenthesized_expression|escape_sequence)$/;

/** A literal or an operator over literals: no name at all reaches it (`'mac-key'`, `b"x" + b"y"`, `true`). */
function literal(n: Node): boolean {
  if (!LITERALS.test(n.type)) return false;
  if (/string|encapsed/.test(n.type) && n.namedChildren.some((c) => c !== null && /interpolation|variable|expression|identifier/.test(c.type))) return false;
  return n.namedChildren.every((c) => c === null || c.type === 'comment' || literal(c));
}

/** A string literal naming an algorithm (`'sha1'`, `"MD5"`): the factory's choice, not data. */
function algorithmName(n: Node): boolean {
  return /string/.test(n.type) && weakAlgorithmOfString(n.text.replace(/^[a-z]*['"`]+|['"`]+$/gi, '')) !== undefined;
}

/**
 * The digest is of constant data: every data input of the call and of the calls chained onto it is a literal, and
 * there is some, or there is none and the chain finishes the digest at once (`md5().hexdigest()`). Nothing secret
 * and nothing an attacker chose goes in, so there is no collision or preimage to gain. A hasher object fed later
 * (`h = md5(b"x"); h.update(data)`) is not constant.
 */
export function constantDigest(call: Node): boolean {
  const { top, chained } = chainAbove(call);
  const inputs = [call, ...chained].flatMap((c) => argumentNodes(c)).filter((a) => !algorithmName(a));
  if (!inputs.every(literal)) return false;
  const finished = chained.some((c) => FINISHES.test(lastSegment(calleeText(c))));
  if (inputs.length === 0) return finished;
  if (finished) return true;
  const stored = assignedName(top);
  return !stored || !fedLater(stored);
}

function fedLater(target: Node): boolean {
  const scope = enclosingScope(target);
  const stack = [scope];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (READ_TYPES.has(n.type) && n.text === target.text && n.startIndex > target.endIndex && !memberName(n)) {
      const m = methodOn(n);
      if (m && FEEDS.test(m.name)) return true;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}
