const axios = require('axios');
const express = require('express');

const app = express();
const BASE = 'https://api.example.com';

app.get('/proxy', async (req, res) => {
  // vigil-expect: ssrf
  const r = await fetch(req.query.url);
  res.send(await r.text());
});

app.get('/avatar', async (req, res) => {
  const { host } = req.query;
  // vigil-expect: ssrf
  const r = await axios.get(`http://${host}/avatar.png`);
  // vigil-ok: ssrf
  const s = await axios.get(`${BASE}/avatar/${encodeURIComponent(req.query.id)}`);
  res.send(r.data + s.data);
});

app.get('/status', async (req, res) => {
  let url = req.query.url;
  url = `${BASE}/status`;
  // vigil-ok: ssrf
  const r = await fetch(url);
  res.send(await r.text());
});

function notify(target) {
  // vigil-expect: ssrf
  return fetch(target, { method: 'POST' });
}

app.post('/hooks', (req, res) => {
  notify(req.body.callback);
  notify(BASE + '/internal');
  res.end();
});

app.get('/page', async (req, res) => {
  const page = parseInt(req.query.page, 10);
  // vigil-ok: ssrf
  const r = await fetch(`${BASE}/list?page=${page}`);
  res.send(await r.text());
});
