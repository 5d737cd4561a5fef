import type { Node } from '../../engine/source/parse';

// Does a name say that its value is a secret (token, password, nonce...)? Used by insecure-random to report a
// weak random value only where it becomes one, not every Math.random() in a game or a retry jitter.

/** Words that name a secret on their own. */
const SECRET_WORDS = new Set([
  'token',
  'tokens',
  'password',
  'passwords',
  'passwd',
  'pwd',
  'passphrase',
  'passcode',
  'secret',
  'secrets',
  'nonce',
  'salt',
  'otp',
  'totp',
  'hotp',
  'csrf',
  'xsrf',
  'apikey',
  'sessionid',
  'sessionkey',
  'sessiontoken',
  'iv',
]);

/** `<qualifier> key|id|code|pin` pairs that name a secret, where the last word alone does not (cacheKey, userId, zipCode). */
const QUALIFIED: Record<string, Set<string>> = {
  key: new Set(['api', 'secret', 'private', 'encryption', 'encrypt', 'signing', 'sign', 'auth', 'access', 'session', 'crypto', 'hmac', 'aes', 'master', 'jwt']),
  id: new Set(['session']),
  code: new Set(['reset', 'verification', 'verify', 'confirmation', 'confirm', 'activation', 'auth', 'otp', 'sms', 'invite', 'invitation', 'recovery', 'security', 'login', 'mfa', 'twofa', 'access', 'unlock']),
  pin: new Set(['reset', 'verification', 'verify', 'sms', 'login', 'mfa', 'security', 'access']),
};

/** A name ending in one of these describes something about a secret, not the secret (tokenLength, saltRounds). */
const NOT_SECRET_LAST = new Set([
  'count', 'length', 'len', 'size', 'index', 'idx', 'delay', 'timeout', 'interval', 'ttl', 'expiry', 'expires',
  'expiration', 'position', 'pos', 'offset', 'color', 'colour', 'width', 'height', 'ratio', 'rounds', 'iterations',
  'type', 'label', 'prefix', 'suffix', 'column', 'limit', 'max', 'min', 'jitter', 'weight', 'chance', 'probability',
  'percent', 'retries', 'attempts', 'order', 'sort', 'bucket', 'shard', 'slot', 'port', 'angle', 'speed', 'duration',
  'age', 'score', 'field', 'header', 'name', 'url', 'path', 'format', 'alphabet', 'chars', 'charset', 'regex', 'pattern',
]);

/** Splits camelCase, PascalCase, snake_case, kebab-case and dotted names into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (NOT_SECRET_LAST.has(words[words.length - 1]!)) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (SECRET_WORDS.has(w)) return true;
    const quals = QUALIFIED[w];
    if (quals && i > 0 && quals.has(words[i - 1]!)) return true;
  }
  return false;
}

/** The name an assignment target, declarator, hash key or parameter stands for (`user.resetToken` → `resetToken`). */
export function targetName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'property_identifier':
    case 'private_property_identifier':
    case 'shorthand_property_identifier':
    case 'field_identifier':
    case 'name':
    case 'constant':
    case 'instance_variable':
    case 'class_variable':
    case 'global_variable':
    case 'hash_key_symbol':
    case 'simple_symbol':
    case 'variable_name':
      return node.text.replace(/^[$@:]+/, '');
    case 'string':
    case 'string_literal':
    case 'interpreted_string_literal':
    case 'raw_string_literal':
    case 'encapsed_string':
      return node.text.replace(/^[@$]?['"`]+|['"`]+$/g, '');
    default:
      break;
  }
  // Member access and subscripts: the last named part carries the meaning (`$this->token`, `session[:token]`).
  const fieldNames = ['property', 'attribute', 'field', 'name', 'method', 'index', 'subscript'];
  for (const f of fieldNames) {
    const c = node.childForFieldName(f);
    if (c) return targetName(c);
  }
  const kids = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const last = kids[kids.length - 1];
  return last && last !== node ? targetName(last) : undefined;
}
