const crypto = require('crypto');

function issueReset(user) {
  // vigil-expect: insecure-random
  user.resetToken = crypto.randomUUID();
  // vigil-expect: insecure-random
  const sessionId = 'sess-' + Math.floor(Math.random() * 1e16);
  // vigil-ok: insecure-random
  const retryDelayMs = Math.floor(Math.random() * 1000);
  // vigil-ok: insecure-random
  const tokenLength = 8 + Math.floor(Math.random() * 8);
  return { sessionId, retryDelayMs, tokenLength };
}

function generatePassword(len) {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < len; i++) {
    // vigil-expect: insecure-random
    out += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return out;
}

const makeNonce = () =>
  // vigil-expect: insecure-random
  crypto.randomUUID();

function setCookie(res) {
  // vigil-expect: insecure-random
  res.cookie('session_id', String(Math.random()), { httpOnly: true });
  // vigil-ok: insecure-random
  res.cookie('theme', Math.random() > 0.5 ? 'dark' : 'light');
}

function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    // vigil-ok: insecure-random
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

// vigil-ok: insecure-random
const resetToken = crypto.randomUUID();
// vigil-ok: insecure-random
const color = { hue: Math.random() * 360, label: 'token' };
// vigil-ok: insecure-random
console.log('generated token', Math.random());

module.exports = { issueReset, generatePassword, makeNonce, setCookie, shuffle, resetToken, color };
