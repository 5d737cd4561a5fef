import type { SecretKind } from './value';

// Whether a variable, key or parameter name says "this holds a secret", and the environment variable the
// quick fix reads instead. Names are split into words first (dbPassword, DB_PASSWORD, db-password, db.password
// all give [db, password]) so that `passenger`, `bypass` or `keyboard` never look secret.

/** Strips sigils and quotes ($x, @x, :x, "x"), then splits camelCase, snake_case, kebab-case and dotted names. */
export function nameWords(name: string): string[] {
  const bare = name.replace(/^[\s"'`$@:&*]+|[\s"'`:]+$/g, '');
  return bare
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'pw', 'pword']);
const SECRET_WORDS = new Set([
  'secret', 'token', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'authtoken', 'accesstoken', 'refreshtoken',
  'credential', 'credentials', 'creds', 'cred', 'auth', 'authorization', 'bearer', 'clientsecret', 'signingkey',
  'encryptionkey', 'masterkey', 'sessionkey', 'webhooksecret', 'connectionstring', 'connstr',
]);
// `key` alone is too common (cache key, sort key); it is secret only after one of these.
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'signing', 'encryption', 'master', 'auth', 'session', 'hmac', 'jwt', 'client', 'app', 'license', 'subscription', 'account', 'storage', 'shared']);
// A last word that makes the name about the secret rather than the secret itself (password_url, token_type).
const META_SUFFIXES = new Set([
  'url', 'uri', 'endpoint', 'path', 'file', 'filename', 'dir', 'directory', 'field', 'label', 'name', 'names', 'id', 'ids',
  'type', 'types', 'mode', 'length', 'len', 'size', 'count', 'max', 'min', 'regex', 'pattern', 'format', 'template', 'message',
  'msg', 'hint', 'prompt', 'placeholder', 'prefix', 'suffix', 'param', 'parameter', 'policy', 'expiry', 'expires',
  'expiration', 'ttl', 'timeout', 'enabled', 'required', 'hash', 'hashed', 'digest', 'checksum', 'env', 'var', 'variable',
  'prop', 'property', 'setting', 'column', 'col', 'attr', 'attribute', 'input', 'selector', 'xpath', 'class', 'style',
  'route', 'version', 'provider', 'strategy', 'store', 'location', 'kind', 'method', 'methods', 'scheme', 'scope', 'scopes',
  'audience', 'issuer', 'algorithm', 'alg', 'generator', 'validator', 'error', 'errors', 'reset', 'link', 'button', 'text',
  'title', 'description', 'desc', 'header', 'cookie', 'storage', 'ref', 'reference', 'arn', 'mount', 'volume', 'label',
  'service', 'manager', 'helper', 'policy', 'rotation', 'question', 'answer', 'status', 'state', 'sent', 'used', 'valid',
  'invalid', 'enabled', 'disabled', 'icon', 'img', 'image', 'color', 'colour', 'width', 'height', 'index', 'idx', 'key',
  // Feature flags and slugs name a switch or a page about the secret (auth_token_flag, password_reset_slug).
  'slug', 'flag', 'flags', 'feature', 'features', 'experiment',
  // A format's magic marker or banner (OPENSSH_AUTH_MAGIC = b"openssh-key-v1\0") identifies a file format.
  'magic', 'marker', 'banner',
]);
// Names that look secret but are not: public keys, pagination and CSRF form tokens, lexer tokens.
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'pub', 'next', 'page', 'continuation', 'cancellation', 'cancel', 'csrf', 'xsrf', 'lexer', 'parser', 'sync', 'cursor', 'nonce', 'no', 'forgot', 'reset', 'confirm', 'old', 'new', 'show', 'toggle', 'compass', 'bypass']);

/** The kind of secret a name announces, or undefined when it announces none. */
export function secretKindOfName(name: string): SecretKind | undefined {
  const words = nameWords(name);
  if (words.length === 0 || words.length > 8) return undefined;
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return undefined;
  const last = words[words.length - 1]!;
  const keyIsSecret = last === 'key' && words.length >= 2 && KEY_QUALIFIERS.has(words[words.length - 2]!);
  if (!keyIsSecret && META_SUFFIXES.has(last) && words.length > 1) return undefined;
  if (words.some((w) => PASSWORD_WORDS.has(w))) return 'password';
  if (keyIsSecret) return 'key';
  // Setter calls (setPassword) and words like `dbpassword` written as one word.
  if (words.some((w) => SECRET_WORDS.has(w) || /^(?:\w*password|\w*passwd|\w*secret|\w*token|apikey|\w*privatekey|\w*accesskey)$/.test(w))) {
    return words.some((w) => /passw/.test(w)) ? 'password' : 'key';
  }
  return undefined;
}

const RESERVED_ENV = new Set(['PATH', 'HOME', 'USER', 'SHELL', 'LANG', 'TERM', 'OLDPWD', 'HOSTNAME', 'TMPDIR']);

/** UPPER_SNAKE environment variable name for a variable name: dbPassword and db-password give DB_PASSWORD. */
export function envVarName(name: string): string {
  let words = nameWords(name);
  // A setter's `set` (Java setPassword) is not part of what is being set.
  if (words.length > 1 && words[0] === 'set') words = words.slice(1);
  const out = words.join('_').toUpperCase();
  if (out.length === 0) return 'SECRET';
  // Names the shell already uses for something else (PWD is the working directory).
  if (out === 'PWD' || out === 'PASS' || out === 'PW') return 'PASSWORD';
  if (RESERVED_ENV.has(out)) return `${out}_SECRET`;
  return /^\d/.test(out) ? `SECRET_${out}` : out;
}
