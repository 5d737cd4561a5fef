import type { Node } from '../../engine/source/parse';
import { argumentNodes, argumentsOf } from '../shared/calls';
import { calleeText, chainAbove, enclosingScope, hashedTexts, isCall } from './tree';
import { callSitesOf, constantDigest, usesOfStored, type Use } from './follow';

// Where a weak digest goes decides whether its weakness matters. Mature code uses MD5 and SHA-1 mostly to name
// things: cache keys, temporary and shard file names, dedup slots, content references of its own data.
// Nobody gains from forging a collision there (the worst case is a cache miss), so a digest whose value is
// evidently such a name is not reported. The evidence is read from the value's use, never from the algorithm:
// the name it is stored under, the key or keyword it is passed as, the functions it is passed through, the
// path text it is concatenated into; and an enclosing function named as an HMAC or a KDF. A digest of nothing but a
// clock or a unique id (`md5(uniqid())`) is a name too: there is no secret or attacker data in it to protect.

/** Words of a destination that say "this digest is a name or a cache validator" (snake_case words joined). */
const NAME_ROLES = /(^|_)(cache|cached|guid|uuid|slot|namespace|suffix|prefix|file_?name|file|path|path_?name|dir|directory|folder|tmp|temp|temp_?file|temporary|shard|dedup|deduplication|reference|checksum|shasum|storage|bucket|content_?hash|etag|content_md5|web_?socket_accept|evalsha)(_|$)/;

/**
 * Words of a call the digest is only shown through: a log line, a console message. Nothing reads it back to
 * decide anything.
 */
const DISPLAY_ROLES = /(^|_)(write_error|print|println|printf|puts|log|debug|warn|warning)(_|$)/;

/**
 * Words of the enclosing function that say the digest is an HMAC or KDF internal (a hand-written HMAC's inner and
 * outer hashes, EVP_BytesToKey). Function names say nothing more: a function named `cache_key`, `etag` or
 * `fingerprint` is a general helper whose callers decide the use, so it stays reported.
 */
const FUNCTION_ROLES = /(^|_)(hmac|pbkdf\d*|hkdf|kdf)(_|$)/;

/** Calls whose result is unique but holds no secret and no outside data. */
const UNIQUE_ONLY = /^\\?(uniqid|microtime|hrtime|time|mt_rand|rand|lcg_value|getmypid|spl_object_hash|spl_object_id)\s*\(.*\)$|^__(FILE|DIR)__$/s;

const ASSIGNMENTS = new Set(['assignment', 'assignment_expression', 'augmented_assignment', 'augmented_assignment_expression', 'short_var_declaration', 'assignment_statement', 'operator_assignment']);
const KEYED = new Set(['pair', 'keyed_element', 'array_element_initializer', 'keyword_argument']);
const RETURNS = new Set(['return_statement', 'return']);
const STOP = new Set(['block', 'statement_list', 'module', 'program', 'source_file', 'compilation_unit', 'class_body', 'declaration_list', 'compound_statement']);
const FUNCTIONS = /^(function_definition|function_declaration|method_declaration|method_definition|method|singleton_method|function_expression|arrow_function|func_literal|anonymous_function|local_function_statement|constructor_declaration)$/;

/** snake_case, camelCase and `$this->a['b']` spellings to lower-case words. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function functionName(node: Node): string | undefined {
  const scope = enclosingScope(node);
  return FUNCTIONS.test(scope.type) ? scope.childForFieldName('name')?.text : undefined;
}

/** A string piece of the concatenation around the digest that reads as a file path (`'/tmp-'`, `'.php'`). */
function pathLike(n: Node): boolean {
  if (!/string|encapsed/.test(n.type)) return false;
  const s = n.text.replace(/^[a-z]*['"`]|['"`]$/gi, '');
  // A URL or query (`?sig=`, `https:`) is not a file name: a digest there may well be a signature.
  return (s.includes('/') && !/[?=&:]/.test(s)) || /^\.[a-z0-9]{1,5}$/i.test(s);
}

/** Destination names of the value `start` and path text around it, walking out to its statement. */
interface Destinations {
  words: string[];
  /** Words of the calls it is passed through, nearest first. */
  callees: string[];
  path: boolean;
  /** The variable or field it is stored in, when it is. */
  stored?: Node;
  /** It is what its function returns. */
  returned: boolean;
}

function destinations(start: Node): Destinations {
  const words: string[] = [];
  const callees: string[] = [];
  let path = false;
  let stored: Node | undefined;
  let returned = false;
  let n = start;
  for (let depth = 0; depth < 12 && n.parent; depth++) {
    const p: Node = n.parent;
    if (STOP.has(p.type)) break;
    if (ASSIGNMENTS.has(p.type)) {
      const left = p.childForFieldName('left') ?? p.namedChild(0);
      if (left && left.startIndex !== n.startIndex) {
        words.push(...wordsOf(left.text));
        stored = left.type === 'expression_list' ? (left.namedChild(0) ?? undefined) : left;
      }
      break;
    }
    if (p.type === 'variable_declarator') {
      const name = p.childForFieldName('name') ?? p.namedChild(0);
      words.push(...wordsOf(name?.text ?? ''));
      if (name) stored = name;
      break;
    }
    if (KEYED.has(p.type)) {
      const key = p.childForFieldName('key') ?? p.childForFieldName('name') ?? p.namedChild(0);
      if (key && key.startIndex !== n.startIndex) {
        words.push(...wordsOf(key.text));
        break;
      }
    }
    // Returned: the function's name says the use, but only in FUNCTION_ROLES' strict sense (see there).
    if (RETURNS.has(p.type)) {
      returned = true;
      break;
    }
    // Passed through a call (`substr(..)`, `storage_path(..)`, `$cache->setNamespace(..)`): its name is a use too.
    const args = isCall(p) ? argumentsOf(p) : null;
    if (args && n.startIndex >= args.startIndex && n.endIndex <= args.endIndex) {
      const callee = calleeText(p).split(/\.|->|::/).pop() ?? '';
      words.push(...wordsOf(callee));
      callees.push(wordsOf(callee).join('_'));
    }
    if (CONCAT.test(p.type) && !CONCAT.test(p.parent?.type ?? '')) {
      // The whole concatenation at once: `$dir . '/tmp-' . md5($x) . '.zip'` nests its pieces to the left.
      const pieces = concatPieces(p);
      if (pieces.some(pathLike) && !pieces.some(queryLike)) path = true;
    } else if (p.namedChildren.some((c) => c !== null && c.startIndex !== n.startIndex && pathLike(c))) path = true;
    n = p;
  }
  // An expression-bodied function (Ruby's last statement, a lambda) returns the value too.
  if (!returned && !stored && lastOfBody(n)) returned = true;
  return { words, callees, path, returned, ...(stored ? { stored } : {}) };
}

const CONCAT = /^(binary_expression|binary_operator|concatenated_string|string_concatenation|binary)$/;

/** The operands of a chain of binary operators (string pieces and the rest). */
function concatPieces(n: Node): Node[] {
  if (!CONCAT.test(n.type)) return [n];
  return n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').flatMap(concatPieces);
}

function queryLike(n: Node): boolean {
  return /string|encapsed/.test(n.type) && /[?=&]/.test(n.text);
}

/** The statement is the last one of a Ruby method or block body, so its value is returned. */
function lastOfBody(stmt: Node): boolean {
  const body = stmt.parent;
  if (!body || body.type !== 'body_statement' || !/^(method|singleton_method)$/.test(body.parent?.type ?? '')) return false;
  const kids = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return kids[kids.length - 1]?.startIndex === stmt.startIndex;
}

/**
 * The value at `top` is evidently a name: by its destination, a path it is built into, a display call. A path is
 * evidence only at the digest itself: a variable that later goes into a URL (`/avatar/${id}`) may be an identifier
 * that matters, and only a role word says otherwise.
 */
function namedUse(d: Destinations, depth: number): boolean {
  return (depth === 0 && d.path) || NAME_ROLES.test(d.words.join('_')) || (d.callees.length > 0 && DISPLAY_ROLES.test(d.callees[0]!));
}

/**
 * The same question one step further (follow.ts): where the variable or field the digest is stored in is read,
 * where the function returning it is called. Every such use must be a name, and there must be one: a helper
 * nobody in the file calls (`def etag(body)`) stays reported, its callers elsewhere decide.
 */
function namedLater(d: Destinations, top: Node, depth: number): boolean {
  if (depth >= 2) return false;
  let uses: Use[] = [];
  if (d.stored) uses = usesOfStored(d.stored);
  else if (d.returned) {
    const fn = enclosingScope(top);
    uses = callSitesOf(fn).map((c) => ({ kind: 'value' as const, node: chainAbove(c).top }));
  }
  return uses.length > 0 && uses.every((u) => u.kind === 'value' && namedValue(u.node, depth + 1));
}

function namedValue(top: Node, depth: number): boolean {
  const d = destinations(top);
  return namedUse(d, depth) || namedLater(d, top, depth);
}

/** True when the digest computed by `call` is evidently a name, cache validator or HMAC/KDF internal. */
export function nonSecurityUse(call: Node): boolean {
  const { top, chained } = chainAbove(call);
  const inputs = [call, ...chained].flatMap((c) => argumentNodes(c)).map((a) => a.text.trim());
  const hashed = argumentNodes(call).map((a) => a.text.trim());
  if (hashed.length > 0 && hashed.every((t) => UNIQUE_ONLY.test(t)) && inputs.length > 0) return true;
  if (constantDigest(call)) return true;
  const fn = functionName(call);
  if (fn !== undefined && FUNCTION_ROLES.test(wordsOf(fn).join('_'))) return true;
  return namedValue(top, 0);
}

/** Words of a server's challenge in a challenge-response proof. */
const CHALLENGE = /(^|[^a-z])(challenge|c?nonce|scramble|magic)([^a-z]|$)/i;

/**
 * The digest mixes a secret with the peer's challenge (POP3 APOP, HTTP Digest, MySQL's scramble, Twisted PB): a
 * challenge-response proof that the protocol prescribes. Forging it needs a preimage, not a collision; the
 * weakness, if any, is the protocol's, and it is not one a change of hash in this code can fix.
 */
export function challengeResponse(call: Node): boolean {
  return hashedTexts(call).some((t) => CHALLENGE.test(t));
}
