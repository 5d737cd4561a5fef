import express from 'express';

const app = express();
const FALLBACK = '/';

app.get('/login', (req, res) => {
  // vigil-expect: open-redirect
  res.redirect(req.query.next as string);
});

app.get('/moved', (req, res) => {
  const to = req.query.to as string;
  // vigil-expect: open-redirect
  res.redirect(301, to);
  // vigil-ok: open-redirect
  res.redirect(301, FALLBACK);
});

function sendHome(res: express.Response, where: string) {
  // vigil-expect: open-redirect
  res.setHeader('Location', where);
}

app.get('/home', (req, res) => {
  sendHome(res, req.headers['referer'] as string);
  sendHome(res, '/');
  let next = req.query.next as string;
  next = '/dashboard';
  // vigil-ok: open-redirect
  res.redirect(next);
});

export function browser() {
  const params = new URLSearchParams(window.location.search);
  // vigil-expect: open-redirect
  window.location.href = params.get('return') ?? '/';
  // vigil-ok: open-redirect
  window.location.href = '/signed-out';
}
