const express = require('express');
const path = require('path');

const PLUGINS = ['csv', 'pdf'];
const app = express();

app.get('/plugin', async (req, res) => {
  // vigil-expect: unsafe-reflection
  const plugin = require(req.query.plugin);
  // vigil-expect: unsafe-reflection
  const mod = await import(`./plugins/${req.params.name}.js`);
  res.json({ plugin, mod });
});

app.get('/plugin-safe', async (req, res) => {
  const name = req.query.plugin;
  if (!PLUGINS.includes(name)) return res.sendStatus(400);
  // vigil-ok: unsafe-reflection
  const plugin = require(`./plugins/${name}`);
  // vigil-ok: unsafe-reflection
  const helper = require(path.join(__dirname, 'helper'));
  // vigil-ok: unsafe-reflection
  const lib = await import('./lib.js');
  res.json({ plugin, helper, lib });
});
