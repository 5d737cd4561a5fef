// Naming of weak hash algorithms for the weak-hash rule: which spellings mean MD2/MD4/MD5/SHA-1, and what the
// SHA-256 spelling is in the same style. Kept apart from the tree helpers so it can be unit-tested as plain strings.

export type WeakAlgorithm = 'MD2' | 'MD4' | 'MD5' | 'SHA-1';

/**
 * Algorithm names as strings passed to a factory (`createHash("md5")`, `getInstance("SHA-1")`, `hash('sha1', ..)`),
 * compared after lower-casing. Includes OpenSSL's aliases because Node and Ruby hand the name to OpenSSL.
 * `sha` is SHA-1 in Java's provider and SHA-0 in old OpenSSL builds: weak either way.
 */
const STRING_NAMES: Record<string, WeakAlgorithm> = {
  md2: 'MD2',
  md4: 'MD4',
  md5: 'MD5',
  'rsa-md5': 'MD5',
  'ssl3-md5': 'MD5',
  'md5-sha1': 'MD5',
  md5withrsaencryption: 'MD5',
  sha: 'SHA-1',
  sha1: 'SHA-1',
  'sha-1': 'SHA-1',
  sha_1: 'SHA-1',
  'rsa-sha1': 'SHA-1',
  'ssl3-sha1': 'SHA-1',
  sha1withrsaencryption: 'SHA-1',
};

/** The weak algorithm a string literal's content names, or undefined (sha256, hmac names, anything else). */
export function weakAlgorithmOfString(content: string): WeakAlgorithm | undefined {
  return STRING_NAMES[content.trim().toLowerCase()];
}

/**
 * The weak algorithm an API member name refers to: `md5Hex`, `getSha1Digest`, `MD5`, `SHA1Managed`, `shaHex`.
 * `sha` must not be followed by a digit other than 1 (sha256Hex, SHA384 are fine).
 */
const NAME_PART = /md5|md4|md2|sha-?_?1(?!\d)|sha(?![-_]?\d)/i;

export function weakAlgorithmOfName(name: string): WeakAlgorithm | undefined {
  const m = NAME_PART.exec(name);
  if (!m) return undefined;
  const part = m[0].toLowerCase();
  if (part.startsWith('md')) return part.toUpperCase() as WeakAlgorithm;
  return 'SHA-1';
}

/** Spells `sha256` in the case style of `sample`: `MD5` → `SHA256`, `Md5` → `Sha256`, `md5` → `sha256`. */
function sha256Like(sample: string): string {
  if (sample === sample.toUpperCase()) return 'SHA256';
  if (sample[0] === sample[0]!.toUpperCase()) return 'Sha256';
  return 'sha256';
}

/** Renames the weak part of an API member to SHA-256: `md5Hex` → `sha256Hex`, `getMd5Digest` → `getSha256Digest`. */
export function renameToSha256(name: string): string | undefined {
  const m = NAME_PART.exec(name);
  if (!m) return undefined;
  return name.slice(0, m.index) + sha256Like(m[0]) + name.slice(m.index + m[0].length);
}

/**
 * The SHA-256 name for a string argument, in the convention of the API (`style`) and the case of the original:
 * `dash` → `SHA-256` (Java, WebCrypto), `plain` → `sha256` / `SHA256` (OpenSSL-style names).
 */
export function sha256String(original: string, style: 'dash' | 'plain'): string {
  if (style === 'dash') return 'SHA-256';
  return original === original.toUpperCase() && /[A-Z]/.test(original) ? 'SHA256' : 'sha256';
}

/**
 * Identifier segments for the password heuristic: `userPassword` → user, password; `PWD_HASH` → pwd, hash.
 * Splits on anything that is not a letter or digit, and on lower-to-upper case changes.
 */
export function nameSegments(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((s) => s.length > 0)
    .map((s) => s.toLowerCase());
}

const PASSWORD_SEGMENTS = new Set(['pw', 'pwd', 'pword', 'passwd', 'password', 'passwords', 'passphrase', 'passcode']);
// Substrings that mean a password even inside a run-together name (`newpassword`); `pwd` and `pw` only as a
// whole segment, because as substrings they occur in unrelated words.
const PASSWORD_SUBSTRING = /pass(?:word|wd|phrase)/i;

/** True when some name in `text` suggests a password: `password`, `user.passwd`, `params["pwd"]`, `newPw`. */
export function mentionsPassword(text: string): boolean {
  if (PASSWORD_SUBSTRING.test(text)) return true;
  return nameSegments(text).some((s) => PASSWORD_SEGMENTS.has(s));
}
