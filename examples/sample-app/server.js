// An Express handler with the mistakes Vigil is built to catch.
const crypto = require('crypto');
const { exec } = require('child_process');
const mysql = require('mysql2');

const db = mysql.createConnection({ host: 'localhost', user: 'app' });

function lookup(req, res) {
  const id = req.query.id;
  db.query(`SELECT * FROM orders WHERE id = ${id}`, (err, rows) => res.json(rows));
}

function etag(body) {
  return crypto.createHash('sha1').update(body).digest('hex');
}

function archive(req) {
  exec('tar czf /tmp/out.tgz ' + req.query.dir);
}

module.exports = { lookup, etag, archive };
