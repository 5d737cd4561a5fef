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
 * Constructions a hash object parameterises whose security does not rest on collision resistance: RSA-OAEP and its
 * MGF1 mask (`rsa.EncryptOAEP(sha1.New(), ..)`, `padding.MGF1(hashes.SHA1())`).
 */
const CONSTRUCTIONS = /(^|_)(oaep|encrypt_oaep|decrypt_oaep|mgf1)(_|$)/;

/**
 * Calls that take the digest as key material (`$hmac->setKey(sha1($k, true))`, `$cipher->setIV(..)`): a key must be
 * unpredictable, which rests on preimage resistance that MD5 and SHA-1 keep; a collision gives nobody a key.
 */
const KEY_MATERIAL = /^(set_key|set_iv)$/;

/** A test's assertion: the digest is the oracle a test compares with, not a value anything trusts. */
const ASSERTION = /^(assert|expect|should)(_|$)/;

/** Calls that ask a hasher about its shape only (`md5.New().Size()`): no digest of anything is computed. */
const SHAPE_ONLY = /^(Size|BlockSize|getDigestLength|digest_size|block_size|getAlgorithm)$/;

/** Node Buffer reads of 32 bits or fewer off the digest (`digest().readUInt32BE(0) % shards`): a hash-table slot. */
const SLOT_READS = /^readU?Int(8|16|32)(BE|LE)?$/;

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

/**
 * Words that say a digest guards something, read from what it hashes, where it goes and the function computing it:
 * a secret, a token, a signature, a login, a session id, a reset or remember-me link, a licence. `key` alone is
 * not one (a cache key, a map key), `secret_key` and `api_key` are.
 */
const SECURITY_ROLES = /(^|_)(secret|secrets|token|tokens|sign|signed|signature|signatures|sig|auth|authenticate|authentication|authenticator|authorization|login|nonce|csrf|xsrf|otp|totp|hotp|api_?key|apikey|private_?key|secret_?key|signing_?key|credential|credentials|verify|verification|verifier|integrity|tamper|seal|license|licence|remember|reset|session_?id|session_?key|sessid|cookie|salt)(_|$)/;

/**
 * Calls that compare digests in constant time: the code treats the digest as a secret or a proof. A plain `==` says
 * less (a lock file's content hash compared to detect a change), so it is no evidence.
 */
const COMPARES = /(^|_)(hash_equals|compare_digest|secure_compare|fixed_length_secure_compare|timing_safe_equal|constant_time_compare)$/;

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
  /** The calls it is passed through. */
  calls: Node[];
  /** It is reduced to a hash-table slot: an index of a map, 32 bits or fewer (see SLOT_FORMATS). */
  slot: boolean;
}

function destinations(start: Node): Destinations {
  const words: string[] = [];
  const callees: string[] = [];
  let path = false;
  let stored: Node | undefined;
  let returned = false;
  let slot = false;
  const calls: Node[] = [];
  let n = start;
  for (let depth = 0; depth < 12 && n.parent; depth++) {
    const p: Node = n.parent;
    if (STOP.has(p.type)) break;
    // Ruby: the last statement of a method body is what the method returns.
    if (p.type === 'body_statement') {
      returned = lastOfBody(n);
      break;
    }
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
    // Python's `assert produced.hexdigest() == consumed.hexdigest()`: a test's oracle, like assertEqual.
    if (p.type === 'assert_statement') callees.push('assert');
    // The key of a map or array element (`$autoloads[md5($name)] = ..`): a slot, whatever is stored there.
    if (SUBSCRIPTS.has(p.type) && (p.childForFieldName('index') ?? p.childForFieldName('subscript') ?? p.namedChild(1))?.startIndex === n.startIndex) slot = true;
    // Cut to a few hex digits or bytes: anyone finds a collision of 32 bits by trying, whatever the algorithm.
    if (SUBSCRIPTS.has(p.type) && (p.namedChild(0)?.startIndex === n.startIndex) && shortSlice(p)) slot = true;
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
      calls.push(p);
      if (shortening(p, callee)) slot = true;
    }
    if (CONCAT.test(p.type) && !CONCAT.test(p.parent?.type ?? '')) {
      // The whole concatenation at once: `$dir . '/tmp-' . md5($x) . '.zip'` nests its pieces to the left.
      const pieces = concatPieces(p);
      if (pieces.some(pathLike) && !pieces.some(queryLike)) path = true;
    } else if (p.namedChildren.some((c) => c !== null && c.startIndex !== n.startIndex && pathLike(c))) path = true;
    n = p;
  }
  return { words, callees, path, returned, calls, slot, ...(stored ? { stored } : {}) };
}

const SUBSCRIPTS = new Set(['subscript', 'subscript_expression', 'element_reference', 'index_expression', 'element_access_expression', 'array_access']);
/** `unpack` formats that read one integer of 32 bits or fewer from the front (PHP, Ruby, Python struct). */
const SLOT_FORMATS = /^['"]?[<>=!@]?[iIlLNVnvsScC]/;

/** `d[:8]`, `d[0:4]`: a slice from the start to at most 8 characters. */
function shortSlice(sub: Node): boolean {
  const m = /\[\s*(?:0\s*)?:\s*(\d+)\s*\]$/.exec(sub.text);
  return m !== null && Number(m[1]) <= 8;
}

/** `unpack('N', $d)`, `struct.unpack('<I', d[:4])`, `substr($d, 0, 8)`: the call keeps 32 bits or fewer. */
function shortening(call: Node, callee: string): boolean {
  const args = argumentNodes(call);
  if (/^unpack(_from)?$/.test(callee)) return args[0] !== undefined && SLOT_FORMATS.test(args[0].text);
  if (/^(substr|mb_substr)$/.test(callee)) return args[1]?.text === '0' && args[2] !== undefined && /^\d+$/.test(args[2].text) && Number(args[2].text) <= 8;
  return false;
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
  return (depth === 0 && d.path) || d.slot || NAME_ROLES.test(d.words.join('_')) || (d.callees.length > 0 && DISPLAY_ROLES.test(d.callees[0]!)) || d.callees.some((c) => CONSTRUCTIONS.test(c) || ASSERTION.test(c) || KEY_MATERIAL.test(c));
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
  if (chained.some((c) => { const m = calleeText(c).split(/\.|->|::/).pop() ?? ''; return SHAPE_ONLY.test(m) || SLOT_READS.test(m); })) return true;
  const fn = functionName(call);
  if (fn !== undefined && FUNCTION_ROLES.test(wordsOf(fn).join('_'))) return true;
  return namedValue(top, 0);
}

/** Words of a server's challenge in a challenge-response proof. */
const CHALLENGE = /(^|[^a-z])(challenge|c?nonce|scramble|magic)([^a-z]|$)/i;

/** The texts a local was assigned in `scope` (`seed = self.magic + password`), for data assembled first. */
function assignedTexts(scope: Node, name: string): string[] {
  const out: string[] = [];
  const stack = [scope];
  while (stack.length > 0 && out.length < 8) {
    const n = stack.pop()!;
    if (ASSIGNMENTS.has(n.type) || n.type === 'variable_declarator') {
      const left = n.childForFieldName('left') ?? n.childForFieldName('name') ?? n.namedChild(0);
      const right = n.childForFieldName('right') ?? n.childForFieldName('value') ?? n.namedChild(1);
      if (left?.text === name && right) out.push(right.text);
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}

function mixesChallenge(call: Node): boolean {
  const texts = hashedTexts(call);
  if (texts.some((t) => CHALLENGE.test(t))) return true;
  const scope = enclosingScope(call);
  return texts.some((t) => /^[$@]?\w+$/.test(t.trim()) && assignedTexts(scope, t.trim()).some((x) => CHALLENGE.test(x)));
}

const HASHING = /md5|sha1?\b|sha1|digest/i;

/** Where the digest goes, and where it goes from there (its stored variable's reads, its function's callers). */
function reach(top: Node, depth: number): Destinations[] {
  const d = destinations(top);
  if (depth >= 2) return [d];
  let next: Node[] = [];
  if (d.stored) next = usesOfStored(d.stored).flatMap((u) => (u.kind === 'value' ? [u.node] : []));
  else if (d.returned) next = callSitesOf(enclosingScope(top)).map((c) => chainAbove(c).top);
  return [d, ...next.flatMap((n) => reach(n, depth + 1))];
}

/**
 * The digest mixes a secret with the peer's challenge (POP3 APOP, HTTP Digest, MySQL's scramble, Twisted PB): a
 * challenge-response proof that the protocol prescribes. Forging it needs a preimage, not a collision; the
 * weakness, if any, is the protocol's, and it is not one a change of hash in this code can fix. The data may be
 * assembled in a local first; and a digest that is itself hashed into such a proof (HTTP Digest's HA1 and HA2)
 * is part of it.
 */
export function challengeResponse(call: Node): boolean {
  if (mixesChallenge(call)) return true;
  return reach(chainAbove(call).top, 0).some((d) => d.calls.some((c) => c.startIndex !== call.startIndex && HASHING.test(calleeText(c)) && mixesChallenge(c)));
}

/**
 * The digest evidently guards something: what it hashes, where it goes (one step further too: its stored variable's
 * reads, its function's callers) or the function computing it names a secret, token, signature or login
 * (SECURITY_ROLES), or it is compared in constant time (COMPARES). A weak digest without such evidence
 * is still reported, as a note to review (info): mature code uses MD5 and SHA-1 mostly for formats and names that a
 * protocol fixes, and at warning those would bury the digests that protect something.
 */
export function securityUse(call: Node): boolean {
  if (hashedTexts(call).some((t) => SECURITY_ROLES.test(wordsOf(t).join('_')))) return true;
  const fn = functionName(call);
  if (fn !== undefined && SECURITY_ROLES.test(wordsOf(fn).join('_'))) return true;
  return reach(chainAbove(call).top, 0).some((d) => SECURITY_ROLES.test(d.words.join('_')) || d.callees.some((c) => COMPARES.test(c)));
}

/** Where a password's digest goes that makes it a cipher key or IV (EVP_BytesToKey: `key = md5(passphrase + salt)`). */
const KEY_DESTINATION = /(^|_)(key|keys|iv|symkey|enc_?key|dec_?key|cipher_?key|key_?data|derived_?key|kek)(_|$)/;

/**
 * A password's digest becomes a cipher key (legacy PEM and PuTTY key files, OpenSSL's EVP_BytesToKey): a
 * key-derivation function the file format prescribes. One fast round is a weak KDF, so it stays reported, as a
 * note: the fix is a newer format (bcrypt-pbkdf, scrypt), not a different hash here. A key named for a secret role
 * (`api_key`, `secret_key`) is a token made from a password, not a KDF.
 */
export function derivesKey(call: Node): boolean {
  const ds = reach(chainAbove(call).top, 0);
  return ds.some((d) => KEY_DESTINATION.test(d.words.join('_'))) && !ds.some((d) => SECURITY_ROLES.test(d.words.join('_')));
}

/**
 * The digest goes straight into a call named for the same algorithm and something more (`checkMD5Password(md5(pw))`,
 * `sha1_verify(..)`): an API whose protocol fixes the algorithm, so a different hash here would only break it.
 * A bare hash function (`md5(md5(pw))`) is no such API.
 */
export function prescribedByCallee(call: Node, algo: string): boolean {
  const word = algo.toLowerCase().replace(/[^a-z0-9]/g, '');
  const callee = destinations(chainAbove(call).top).callees[0];
  if (!callee) return false;
  const words = callee.split('_');
  return words.length > 1 && words.includes(word);
}
