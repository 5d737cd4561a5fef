// Vigil fixture: literals that reach a signing or encryption key parameter through a variable, a constant or a
// conversion, whatever the names. Every value is fake.
const jsonwebtoken = require('jsonwebtoken');
const { sign: issue, verify } = require('jsonwebtoken');
const nodeCrypto = require('node:crypto');
const { createHmac } = require('crypto');
const session = require('express-session');
const cookieSession = require('cookie-session');

const K = 'Wq7-vigil-fixture';
const BYTES = Buffer.from(K, 'utf8');

function token(payload) {
  const k = 'Lm4-vigil-fixture';
  // vigil-expect: hardcoded-secret
  return jsonwebtoken.sign(payload, k, { algorithm: 'HS256' });
}

function check(t) {
  // vigil-expect: hardcoded-secret
  verify(t, K);
  // vigil-expect: hardcoded-secret
  return issue({ sub: 1 }, BYTES);
}

function mac(body) {
  // vigil-expect: hardcoded-secret
  return createHmac('sha256', K).update(body).digest('hex');
}

function seal(data, iv) {
  // vigil-expect: hardcoded-secret
  const c = nodeCrypto.createCipheriv('aes-256-gcm', Buffer.from(K), iv);
  // vigil-expect: hardcoded-secret
  const d = nodeCrypto.createDecipheriv('aes-256-gcm', BYTES, iv);
  return [c, d, data];
}

// vigil-expect: hardcoded-secret
app.use(session({ secret: K, resave: false }));
// vigil-expect: hardcoded-secret
app.use(cookieSession({ name: 's', secret: K }));

// Written at the call under another import name, or converted there: one finding each.
// vigil-expect: hardcoded-secret
issue({ sub: 2 }, 'Ab1-vigil-fixture');
// vigil-expect: hardcoded-secret
jsonwebtoken.sign({ sub: 3 }, Buffer.from('Cd2-vigil-fixture', 'utf8'));
// vigil-expect: hardcoded-secret
createHmac('sha256', 'Ef3-vigil-fixture');
// vigil-expect: hardcoded-secret
app.use(session({ secret: 'Gh4-vigil-fixture' }));
// vigil-ok: hardcoded-secret
issue({ sub: 4 }, '${JWT_KEY}');
// vigil-ok: hardcoded-secret
createHmac('sha256', 'vault:secret/data/app#hmac');

// Keys from the environment, configuration or the caller are no findings.
const E = process.env.JWT_KEY;
function fromEnv(payload, t, given) {
  // vigil-ok: hardcoded-secret
  jsonwebtoken.sign(payload, E);
  // vigil-ok: hardcoded-secret
  verify(t, `${process.env.JWT_KEY}`);
  // vigil-ok: hardcoded-secret
  createHmac('sha256', given);
  // vigil-ok: hardcoded-secret
  nodeCrypto.createCipheriv('aes-256-gcm', Buffer.from(given, 'hex'), t);
  // vigil-ok: hardcoded-secret
  app.use(session({ secret: config.sessionSecret }));
  const placeholder = '${SESSION_SECRET}';
  // vigil-ok: hardcoded-secret
  return issue(payload, placeholder);
}
