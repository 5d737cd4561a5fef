import type { Const } from '../ir';

// Constants PHP's bundled extensions define, by value, for the names a file uses without defining them. mcrypt's
// cipher and mode constants are the strings libmcrypt names them by (`MCRYPT_DES` is 'des'), and a call may pass
// either spelling: `mcrypt_encrypt('des', ..)` is `mcrypt_encrypt(MCRYPT_DES, ..)`. With their values known, a
// constant reaches a rule through a variable, `define()` or a class constant like any other string.

const MCRYPT: Record<string, string> = {
  MCRYPT_3DES: 'tripledes',
  MCRYPT_TRIPLEDES: 'tripledes',
  MCRYPT_DES: 'des',
  MCRYPT_RC2: 'rc2',
  MCRYPT_ARCFOUR: 'arcfour',
  MCRYPT_ARCFOUR_IV: 'arcfour-iv',
  MCRYPT_BLOWFISH: 'blowfish',
  MCRYPT_BLOWFISH_COMPAT: 'blowfish-compat',
  MCRYPT_CAST_128: 'cast-128',
  MCRYPT_CAST_256: 'cast-256',
  MCRYPT_CRYPT: 'crypt',
  MCRYPT_ENIGNA: 'crypt',
  MCRYPT_GOST: 'gost',
  MCRYPT_IDEA: 'idea',
  MCRYPT_LOKI97: 'loki97',
  MCRYPT_MARS: 'mars',
  MCRYPT_PANAMA: 'panama',
  MCRYPT_RC6: 'rc6',
  MCRYPT_RIJNDAEL_128: 'rijndael-128',
  MCRYPT_RIJNDAEL_192: 'rijndael-192',
  MCRYPT_RIJNDAEL_256: 'rijndael-256',
  MCRYPT_SAFER64: 'safer-sk64',
  MCRYPT_SAFER128: 'safer-sk128',
  MCRYPT_SAFERPLUS: 'saferplus',
  MCRYPT_SERPENT: 'serpent',
  MCRYPT_SKIPJACK: 'skipjack',
  MCRYPT_THREEWAY: 'threeway',
  MCRYPT_TWOFISH: 'twofish',
  MCRYPT_WAKE: 'wake',
  MCRYPT_XTEA: 'xtea',
  MCRYPT_MODE_CBC: 'cbc',
  MCRYPT_MODE_CFB: 'cfb',
  MCRYPT_MODE_ECB: 'ecb',
  MCRYPT_MODE_NOFB: 'nofb',
  MCRYPT_MODE_OFB: 'ofb',
  MCRYPT_MODE_STREAM: 'stream',
};

/** The value of a constant an extension predefines, for a name the file does not define itself. */
export function predefinedConstant(name: string): Const | undefined {
  return Object.hasOwn(MCRYPT, name) ? MCRYPT[name] : undefined;
}
