// Vigil fixture: string literals used as signing and encryption keys. Every value is fake.
const jwt = require('jsonwebtoken');
const crypto = require('crypto');
const session = require('express-session');

// vigil-expect: hardcoded-secret
const token = jwt.sign(payload, 'secret');
// vigil-ok: hardcoded-secret
const token2 = jwt.sign(payload, process.env.JWT_SECRET);
// vigil-expect: hardcoded-secret
jwt.verify(token, "k3y-vigil-fixture", { algorithms: ['HS256'] });
// vigil-ok: hardcoded-secret
jwt.verify(token, `${process.env.JWT_SECRET}`);
// vigil-expect: hardcoded-secret
const mac = crypto.createHmac('sha256', 'hmac-vigil-fixture').update(body).digest('hex');
// vigil-ok: hardcoded-secret
const mac2 = crypto.createHmac('sha256', hmacKey).update(body).digest('hex');
// vigil-expect: hardcoded-secret
const cipher = crypto.createCipheriv('aes-256-gcm', '0123456789abcdef0123456789abcdef', iv);
// vigil-ok: hardcoded-secret
const cipher2 = crypto.createCipheriv('aes-256-gcm', key, iv);
// vigil-expect: hardcoded-secret
app.use(session({ secret: 'keyboard cat', resave: false }));
// vigil-ok: hardcoded-secret
app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));
