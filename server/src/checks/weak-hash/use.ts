import type { Node } from '../../engine/source/parse';
import { argumentNodes, argumentsOf } from '../shared/calls';
import { calleeText, chainAbove, enclosingScope, hashedTexts, isCall } from './tree';

// Where a weak digest goes decides whether its weakness matters. Mature code uses MD5 and SHA-1 mostly to name
// things: cache keys, temporary and shard file names, dedup slots, content references of its own data.
// Nobody gains from forging a collision there (the worst case is a cache miss), so a digest whose value is
// evidently such a name is not reported. The evidence is read from the value's use, never from the algorithm:
// the name it is stored under, the key or keyword it is passed as, the functions it is passed through, the
// path text it is concatenated into; and an enclosing function named as an HMAC or a KDF. A digest of nothing but a
// clock or a unique id (`md5(uniqid())`) is a name too: there is no secret or attacker data in it to protect.

/** Words of a destination that say "this digest is a name or a cache validator" (snake_case words joined). */
const NAME_ROLES = /(^|_)(cache|cached|guid|uuid|slot|namespace|suffix|prefix|file_?name|file|path|path_?name|dir|directory|folder|tmp|temp|temp_?file|temporary|shard|dedup|deduplication|reference|checksum|shasum|storage|bucket|content_?hash)(_|$)/;

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
function destinations(start: Node): { words: string[]; path: boolean } {
  const words: string[] = [];
  let path = false;
  let n = start;
  for (let depth = 0; depth < 12 && n.parent; depth++) {
    const p: Node = n.parent;
    if (STOP.has(p.type)) break;
    if (ASSIGNMENTS.has(p.type)) {
      const left = p.childForFieldName('left') ?? p.namedChild(0);
      if (left && left.startIndex !== n.startIndex) words.push(...wordsOf(left.text));
      break;
    }
    if (p.type === 'variable_declarator') {
      words.push(...wordsOf((p.childForFieldName('name') ?? p.namedChild(0))?.text ?? ''));
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
    if (RETURNS.has(p.type)) break;
    // Passed through a call (`substr(..)`, `storage_path(..)`, `$cache->setNamespace(..)`): its name is a use too.
    const args = isCall(p) ? argumentsOf(p) : null;
    if (args && n.startIndex >= args.startIndex && n.endIndex <= args.endIndex) {
      const callee = calleeText(p).split(/\.|->|::/).pop() ?? '';
      words.push(...wordsOf(callee));
    }
    if (p.namedChildren.some((c) => c !== null && c.startIndex !== n.startIndex && pathLike(c))) path = true;
    n = p;
  }
  return { words, path };
}

/** True when the digest computed by `call` is evidently a name, cache validator or HMAC/KDF internal. */
export function nonSecurityUse(call: Node): boolean {
  const { top, chained } = chainAbove(call);
  const inputs = [call, ...chained].flatMap((c) => argumentNodes(c)).map((a) => a.text.trim());
  const hashed = argumentNodes(call).map((a) => a.text.trim());
  if (hashed.length > 0 && hashed.every((t) => UNIQUE_ONLY.test(t)) && inputs.length > 0) return true;
  const d = destinations(top);
  if (d.path || NAME_ROLES.test(d.words.join('_'))) return true;
  const fn = functionName(call);
  return fn !== undefined && FUNCTION_ROLES.test(wordsOf(fn).join('_'));
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
