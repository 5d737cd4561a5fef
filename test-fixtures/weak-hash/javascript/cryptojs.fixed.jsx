import CryptoJS from 'crypto-js';

export function Avatar({ email }) {
  // Gravatar-style hash of an e-mail address
  // vigil-expect: weak-hash
  const id = CryptoJS.SHA256(email.trim().toLowerCase()).toString();
  return <img src={`/avatar/${id}`} alt="" />;
}

export function legacyToken(payload) {
  // vigil-expect: weak-hash
  return CryptoJS.SHA256(payload).toString(CryptoJS.enc.Hex);
}

export function loginHash(password) {
  // vigil-expect: weak-hash
  return CryptoJS.MD5(password).toString();
}

export function signed(payload, key) {
  // vigil-ok: weak-hash
  return CryptoJS.HmacMD5(payload, key).toString();
}

export function strong(payload) {
  // vigil-ok: weak-hash
  return CryptoJS.SHA256(payload).toString();
}

export function Label() {
  // vigil-ok: weak-hash
  return <p className="md5-label">MD5 and SHA1 are shown for legacy files only</p>;
}
