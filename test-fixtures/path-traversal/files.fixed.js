const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
const ROOT = '/srv/files';
const LEGACY = false;

app.get('/file', (req, res) => {
  const name = req.query.name;
  // vigil-expect: path-traversal
  res.sendFile(path.join(ROOT, path.basename(name)));
});

app.get('/safe', (req, res) => {
  // vigil-ok: path-traversal
  res.sendFile(path.join(ROOT, path.basename(req.query.name)));
});

app.post('/upload', (req, res) => {
  const { filename } = req.body;
  // vigil-expect: path-traversal
  fs.writeFileSync(`${ROOT}/${path.basename(String(filename))}`, req.body.content);
  let target = req.params.id;
  target = 'latest.json';
  // vigil-ok: path-traversal
  fs.readFileSync(path.join(ROOT, target));
});

app.get('/list', (req, res) => {
  const parts = [ROOT];
  parts.push(req.query.dir);
  // vigil-expect: path-traversal
  fs.readdirSync(parts.join('/'));
  const names = { user: req.query.name, fixed: 'index.html' };
  // vigil-ok: path-traversal
  fs.readFileSync(path.join(ROOT, names.fixed));
});

function load(file) {
  // vigil-expect: path-traversal
  return fs.readFileSync(path.join(ROOT, path.basename(file)), 'utf8');
}

app.get('/helper', (req, res) => {
  res.send(load(req.headers['x-file']));
  res.send(load('about.html'));
});

app.get('/dead', (req, res) => {
  let name = 'index.html';
  if (LEGACY) {
    name = req.query.name;
  }
  // vigil-ok: path-traversal
  res.sendFile(path.join(ROOT, name));
});

function remove(dir) {
  // vigil-ok: path-traversal
  fs.rmSync(path.join(ROOT, 'cache'));
}
