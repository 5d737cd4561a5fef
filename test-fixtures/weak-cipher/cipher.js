const crypto = require('crypto');

function legacy(key, iv, data) {
  // vigil-expect: weak-cipher
  const des = crypto.createCipheriv('des-ede3-cbc', key, iv);
  // vigil-expect: weak-cipher
  const ecb = crypto.createCipheriv('aes-128-ecb', key, null);
  // vigil-expect: weak-cipher
  const bf = crypto.createDecipheriv("bf-cbc", key, iv);
  return [des.update(data), ecb.update(data), bf];
}

function fixedIv(key, data) {
  // vigil-expect: weak-cipher
  const a = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  // vigil-expect: weak-cipher
  const b = crypto.createCipheriv('aes-256-cbc', key, '0123456789abcdef');
  // vigil-expect: weak-cipher
  const c = crypto.createCipher('aes-256-cbc', 'passphrase');
  return [a.update(data), b.update(data), c];
}

function good(key, data) {
  const iv = crypto.randomBytes(12);
  // vigil-ok: weak-cipher
  const gcm = crypto.createCipheriv('aes-256-gcm', key, iv);
  // vigil-ok: weak-cipher
  const cbc = crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));
  // vigil-ok: weak-cipher
  const chacha = crypto.createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
  // vigil-ok: weak-cipher
  const label = 'des-ede3-cbc';
  // vigil-ok: weak-cipher
  const desk = crypto.createHash('sha256').update('des').digest();
  // vigil-ok: weak-cipher
  const decoy = { createCipher(a, b) { return a + b; } };
  return [gcm.update(data), gcm.getAuthTag(), cbc, chacha, label, desk, decoy];
}

module.exports = { legacy, fixedIv, good };
