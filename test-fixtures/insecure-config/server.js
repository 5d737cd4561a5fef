const express = require('express');
const cors = require('cors');
const session = require('express-session');
const jwt = require('jsonwebtoken');

const app = express();
// vigil-expect: insecure-config
app.use(cors({ origin: true, credentials: true }));
// vigil-ok: insecure-config
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// vigil-ok: insecure-config
app.use(cors({ origin: '*' }));

app.use(session({
  secret: process.env.SESSION_SECRET,
  // vigil-expect: insecure-config
  cookie: { secure: false, maxAge: 3600000 },
}));

app.get('/login', (req, res) => {
  // vigil-expect: insecure-config
  res.cookie('session', req.sessionID, { httpOnly: false, secure: true });
  // vigil-ok: insecure-config
  res.cookie('XSRF-TOKEN', req.csrfToken(), { httpOnly: false, secure: true });
  // vigil-ok: insecure-config
  res.cookie('session', req.sessionID, { httpOnly: true, secure: true });
  res.end();
});

app.get('/api', (req, res) => {
  // vigil-expect: insecure-config
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end();
});

function verify(token, key) {
  // vigil-expect: insecure-config
  return jwt.verify(token, key, { algorithms: ['none'] });
}

function verifySafe(token, key) {
  // vigil-ok: insecure-config
  return jwt.verify(token, key, { algorithms: ['RS256'] });
}

function toggle(widget) {
  // vigil-ok: insecure-config
  widget.configure({ secure: false, visible: true });
}
