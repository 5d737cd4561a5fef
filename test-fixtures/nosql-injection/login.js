const express = require('express');
const { MongoClient } = require('mongodb');
const User = require('./models/user');

const app = express();
const client = new MongoClient('mongodb://localhost');
const users = client.db('app').collection('users');

app.post('/login', async (req, res) => {
  // vigil-expect: nosql-injection
  const user = await User.findOne({ name: req.body.name, password: req.body.password });
  res.json(user);
});

app.post('/login-destructured', async (req, res) => {
  const { name, password } = req.body;
  // vigil-expect: nosql-injection
  const user = await users.findOne({ name, password });
  // vigil-ok: nosql-injection
  const safe = await users.findOne({ name: String(name), password: { $eq: password } });
  res.json(user || safe);
});

app.get('/search', async (req, res) => {
  // vigil-expect: nosql-injection
  const found = await users.find(req.query).toArray();
  // vigil-expect: nosql-injection
  const byName = await users.find({ name: req.query.name }).toArray();
  // vigil-expect: nosql-injection
  const matched = await users.find({ name: { $regex: req.query.q } }).toArray();
  // vigil-ok: nosql-injection
  const exact = await users.find({ name: { $regex: escapeRegExp(req.query.q) } }).toArray();
  // vigil-ok: nosql-injection
  const byAge = await users.find({ age: parseInt(req.query.age, 10) }).toArray();
  res.json({ found, byName, matched, exact, byAge });
});

app.get('/where', async (req, res) => {
  // vigil-expect: nosql-injection
  const rows = await users.find({ $where: "this.name == '" + req.query.name + "'" }).toArray();
  // vigil-ok: nosql-injection
  const fixed = await users.find({ $where: 'this.visits > this.limit' }).toArray();
  // vigil-ok: nosql-injection
  const orm = await User.findOne({ where: { name: req.body.name } });
  // vigil-ok: nosql-injection
  const item = [1, 2, 3].find((x) => x === req.body.n);
  res.json({ rows, fixed, orm, item });
});

function escapeRegExp(s) {
  return String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
