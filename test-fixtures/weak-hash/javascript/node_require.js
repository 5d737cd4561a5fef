const crypto = require('crypto');
const { createHash, createHmac } = require('node:crypto');

function etag(body) {
  // vigil-expect: weak-hash
  return crypto.createHash('md5').update(body).digest('hex');
}

function fingerprint(buf) {
  // vigil-expect: weak-hash
  return createHash("sha1").update(buf).digest('base64');
}

function inline(buf) {
  // vigil-expect: weak-hash
  return require('crypto').createHash(`md4`).update(buf).digest('hex');
}

function openSslAlias(buf) {
  // vigil-expect: weak-hash
  return crypto.createHash('RSA-SHA1').update(buf).digest('hex');
}

function oneShot(buf) {
  // Node 21.7+ one-shot helper
  // vigil-expect: weak-hash
  return crypto.hash('sha1', buf);
}

function savePassword(user, password) {
  // vigil-expect: weak-hash
  user.hash = crypto.createHash('md5').update(password).digest('hex');
}

function savePasswordLater(user) {
  // vigil-expect: weak-hash
  const h = createHash('sha1');
  h.update(user.passwd);
  return h.digest('hex');
}

function strong(buf) {
  // vigil-ok: weak-hash
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function mac(key, buf) {
  // HMAC-MD5 is fine as a MAC
  // vigil-ok: weak-hash
  return createHmac('md5', key).update(buf).digest('hex');
}

function macSha1(key, buf) {
  // vigil-ok: weak-hash
  return crypto.createHmac('sha1', key).update(buf).digest('hex');
}

function fromVariable(algorithm, buf) {
  // the algorithm is not known here
  // vigil-ok: weak-hash
  return crypto.createHash(algorithm).update(buf).digest('hex');
}

function md5sum(buf) {
  // vigil-ok: weak-hash
  return crypto.createHash('sha512').update(buf).digest('hex');
}

function usesLocalHelper(buf) {
  // vigil-ok: weak-hash
  return md5sum(buf);
}

// vigil-ok: weak-hash
const note = "createHash('md5') was replaced";

function strongOneShot(buf) {
  // vigil-ok: weak-hash
  return crypto.hash('sha256', buf);
}

module.exports = { etag, fingerprint, inline, openSslAlias, oneShot, savePassword, savePasswordLater, strong, mac, macSha1, fromVariable, usesLocalHelper, note, strongOneShot };
