// Callback parameters of iteration methods hold the elements of what they iterate.
const express = require('express');
const mysql = require('mysql');

const app = express();
const db = mysql.createConnection({});

app.post('/purge', (req, res) => {
  req.body.owners.forEach((owner) => {
    // vigil-expect: sql-injection
    db.query("DELETE FROM carts WHERE owner = '" + owner + "'");
  });
  const total = req.body.ids.reduce((sum, id) => {
    // vigil-expect: sql-injection
    db.query(`UPDATE carts SET seen = 1 WHERE id = ${id}`);
    return sum + 1;
  }, 0);
  ['carts', 'sessions'].forEach((table) => {
    // vigil-ok: sql-injection
    db.query('DELETE FROM ' + table + ' WHERE expired = 1');
  });
  // vigil-ok: sql-injection
  [1, 2].map((tier) => db.query('SELECT * FROM carts WHERE tier = ' + tier));
  res.json({ total });
});
