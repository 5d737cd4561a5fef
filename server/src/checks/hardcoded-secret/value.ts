import { createHash } from 'crypto';

// Judging a candidate secret value: entropy, placeholders, references to a secret store, and documented
// example values. Used by the generic layer (a literal keyed to a secret-like name) and, more leniently,
// by the provider layer (a token in a provider's format).

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

function distinctChars(s: string): number {
  return new Set(s).size;
}

/** Longest run of one repeated character. */
function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

// SHA-256 of values published in providers' documentation and emulators (the jwt.io sample token, the
// Azure storage emulator's account key). Stored as hashes so this file carries no secret-shaped strings.
const KNOWN_EXAMPLE_SHA256 = new Set([
  '7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606',
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
]);

export function isKnownExample(value: string): boolean {
  return KNOWN_EXAMPLE_SHA256.has(createHash('sha256').update(value).digest('hex'));
}

/** Registers extra example hashes (tests, and a later user-config allow-list). */
export function addKnownExampleHash(sha256Hex: string): void {
  KNOWN_EXAMPLE_SHA256.add(sha256Hex.toLowerCase());
}

// Markers that make a value a placeholder, a template or a reference to where the real secret lives.
const TEMPLATE = /\$\{|\{\{|\}\}|%\(|%[sdv]|#\{|\$\(|%\{|<[^>]*>|^\$|^%[A-Za-z_]+%$/;
const REFERENCE = /^(?:ENC\(|\{cipher\}|vault:|arn:aws[\w-]*:|ssm:|secretsmanager:|op:\/\/|sm:\/\/|env:|keyvault:|projects\/[^/]+\/secrets\/|!)/i;
const MARKER_WORDS =
  /example|placeholder|changeme|change_me|change-me|changeit|your[_-]?|xxxx|\*\*\*|\.\.\.|replace|dummy|fake|sample|redacted|insert|todo|fixme|notreal|not[_-]a[_-]real|test/i;
const EXACT_PLACEHOLDERS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'token', 'apikey', 'key', 'none', 'null', 'nil', 'undefined',
  'empty', 'default', 'hidden', 'masked', 'removed', 'required', 'optional', 'string', 'value', 'tbd', 'foo', 'bar',
  'foobar', 'admin', 'root', 'guest', 'user', 'username', 'qwerty', 'letmein', 'welcome', 'abc', 'abcdef', 'true', 'false',
]);

/**
 * User and password pairs that documentation uses as the stock example, never as a real login: Oracle's sample
 * schema (`scott`/`tiger`, copied by SQLAlchemy's and many drivers' docs) and the proverbial `hunter2`.
 */
const DOCUMENTED_CREDENTIALS: ReadonlyMap<string, string> = new Map([['scott', 'tiger']]);
const DOCUMENTED_PASSWORDS = new Set(['hunter2']);

export function isDocumentedCredential(user: string, password: string): boolean {
  return DOCUMENTED_CREDENTIALS.get(user.toLowerCase()) === password.toLowerCase() || DOCUMENTED_PASSWORDS.has(password.toLowerCase());
}

/** A value that stands in for a secret rather than being one (generic layer: strict). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (TEMPLATE.test(v) || REFERENCE.test(v) || MARKER_WORDS.test(v)) return true;
  const bare = v.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (EXACT_PLACEHOLDERS.has(bare) || EXACT_PLACEHOLDERS.has(bare.replace(/\d+$/, ''))) return true;
  if (DOCUMENTED_PASSWORDS.has(v.toLowerCase())) return true;
  if (distinctChars(v) <= 2) return true;
  return isKnownExample(v);
}

/**
 * A provider-format token that is plainly not real (provider layer: lenient, because the format itself is strong
 * evidence). Only the documentation markers count here: EXAMPLE, xxxx runs, template syntax, too few distinct characters.
 */
export function isPlaceholderToken(token: string): boolean {
  if (/example|xxxx|\$\{|\{\{|<|\.\.\./i.test(token)) return true;
  if (longestRun(token) >= 8) return true;
  if (token.length >= 16 && distinctChars(token) < 8) return true;
  return isKnownExample(token);
}

/**
 * Identifiers made of words (FlowPasswordRequiredV2, token_sha256_to_refresh): every camelCase or separated piece
 * is a pronounceable word with at most a short number after it. Random tokens break into vowel-less fragments.
 */
function isWordy(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[_.:/-][A-Za-z0-9]+)*$/.test(v)) return false;
  const pieces = v
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p.length > 0)
    .map((p) => p.toLowerCase());
  if (pieces.length < 2) return false;
  return pieces.every((p) => /^[a-z]*[aeiouy][a-z]*\d{0,3}$/.test(p) || /^[a-z]?\d{1,3}$/.test(p));
}

/**
 * Human-readable slugs and feature-flag values (`new-login-flow-2fa`, `spring_sale_2024`, `k8s-deploy-token-v2`):
 * lower-case pieces joined by `-`, `_` or `.`, at least two of them real words of three letters or more, the rest
 * short tags (numbers, `2fa`, `k8s`), and the words carrying most of the text. Random tokens never read like that.
 */
function isSlug(v: string): boolean {
  if (!/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(v)) return false;
  const pieces = v.split(/[-_.]/);
  let words = 0;
  let wordChars = 0;
  for (const p of pieces) {
    if (/^[a-z]{3,15}$/.test(p) && /[aeiouy]/.test(p) && !/[^aeiouy]{5}/.test(p)) {
      words++;
      wordChars += p.length;
    } else if (p.length > 4) return false;
  }
  return words >= 2 && wordChars * 2 >= v.length;
}

/** Share of adjacent letter pairs that switch case: high for random letters, low for words and camelCase. */
function caseSwitchRate(s: string): number {
  let switches = 0;
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1]!;
    const b = s[i]!;
    if ((a >= 'a' && a <= 'z') !== (b >= 'a' && b <= 'z')) switches++;
  }
  return s.length > 1 ? switches / (s.length - 1) : 0;
}

export type SecretKind = 'password' | 'key';

const HTTP_SCHEME = /^(?:Bearer|Basic|Token|Bot)\s+/i;

/** Strips an HTTP authorization scheme (`Bearer x`) so the credential itself is judged. */
export function credentialPart(value: string): string {
  return value.replace(HTTP_SCHEME, '');
}

/**
 * Whether a literal keyed to a secret-like name looks like a real secret. Passwords may be short and human-made;
 * keys and tokens must be long and random-looking. Returns the reason it is not, or undefined when it is.
 */
export function rejectValue(raw: string, kind: SecretKind): string | undefined {
  const v = credentialPart(raw.trim());
  if (v.length === 0) return 'empty';
  if (/\s/.test(v)) return 'prose';
  if (isPlaceholder(v)) return 'placeholder';
  if (/:\/\//.test(v) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) return 'url or path';
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return 'email address';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return 'environment variable name';
  if (/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+$/.test(v) && !/\d/.test(v)) return 'dotted reference';
  if (/^\d+$/.test(v) && v.length < 16) return 'number';
  if (/^[A-Za-z]+$/.test(v) && (v.length < 24 || caseSwitchRate(v) < 0.3)) return 'plain word';
  // A value that names the secret it stands for ([type=password], my-secret-token) describes rather than holds it.
  if (/passw(?:or)?d|secret|token|api[_-]?key/i.test(v)) return 'names a secret';
  if (/^[~^<>=v]{0,2}\d+(?:\.\d+)+(?:[-+][\w.]+)?$/.test(v)) return 'version';
  // Leading and trailing underscores mark private keys of a hash or session (`_auth_user_id`), not randomness.
  if (isWordy(v.replace(/^_+|_+$/g, ''))) return 'identifier';
  if (isSlug(v)) return 'slug';
  // Identifiers and word lists (refresh_token, client-secret, Auth.Token.Missing): constants that name a secret.
  if (/^[A-Za-z]+(?:[_.:/ -][A-Za-z]+)+$/.test(v)) return 'identifier';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  const h = shannonEntropy(v);
  if (kind === 'password') {
    if (v.length < 6) return 'too short';
    if (h < 2.2) return 'low entropy';
    return undefined;
  }
  if (v.length < 12) return 'too short';
  if (classes < 2) return 'one character class';
  if (h < 3.0) return 'low entropy';
  return undefined;
}
