const nodeCrypto = require('node:crypto');
const { createCipheriv: encrypter } = require('crypto');

const LEGACY_ALG = 'des-ede3-cbc';
const ZERO_IV = Buffer.alloc(16);

function legacy(key, data) {
  // vigil-expect: weak-cipher
  const a = nodeCrypto.createCipheriv(LEGACY_ALG, key, nodeCrypto.randomBytes(8));
  const mode = 'ecb';
  // vigil-expect: weak-cipher
  const b = encrypter(`aes-128-${mode}`, key, null);
  // vigil-expect: weak-cipher
  const c = encrypter('aes-256-cbc', key, ZERO_IV);
  const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  // vigil-expect: weak-cipher
  const d = nodeCrypto.createDecipheriv('aes-256-cbc', key, iv);
  // vigil-expect: weak-cipher
  const e = nodeCrypto.createCipheriv('aes-128-cbc', key, new Uint8Array(16));
  // vigil-ok: weak-cipher
  const f = nodeCrypto.createCipheriv('aes-128-cbc', key, nodeCrypto.getRandomValues(new Uint8Array(16)));
  return [a.update(data), b, c, d, e, f];
}

function quiet(key, data) {
  let alg = 'rc4';
  alg = 'aes-256-gcm';
  // vigil-ok: weak-cipher
  const a = nodeCrypto.createCipheriv(alg, key, nodeCrypto.randomBytes(12));
  if (false) {
    // vigil-ok: weak-cipher
    nodeCrypto.createCipheriv('des-cbc', key, nodeCrypto.randomBytes(8));
  }
  const iv = Buffer.alloc(16);
  nodeCrypto.randomFillSync(iv);
  // vigil-ok: weak-cipher
  const b = nodeCrypto.createCipheriv('aes-256-cbc', key, iv);
  // vigil-ok: weak-cipher
  const label = { cipher: 'des-ede3-cbc' };
  return [a.update(data), b, label];
}

function fromCaller(key, ivHex) {
  // vigil-ok: weak-cipher
  return nodeCrypto.createCipheriv('aes-256-ctr', key, Buffer.from(ivHex, 'hex'));
}

module.exports = { legacy, quiet, fromCaller };
