const mysql = require('mysql2');

const db = mysql.createConnection({ host: 'localhost' });
const SORTS = ['name', 'price'];
const allowedDirections = new Set(['ASC', 'DESC']);

function list(req, res) {
  const sort = req.query.sort;
  if (!SORTS.includes(sort)) return res.status(400).end();
  // vigil-ok: sql-injection
  db.query(`SELECT * FROM items ORDER BY ${sort}`, (err, rows) => res.json(rows));
}

function listDirection(req, res) {
  const dir = allowedDirections.has(req.query.dir) ? req.query.dir : 'ASC';
  const limit = parseInt(req.query.limit, 10);
  // vigil-ok: sql-injection
  db.query(`SELECT * FROM items ORDER BY price ${dir === 'DESC' ? 'DESC' : 'ASC'} LIMIT ${limit}`, (err, rows) => res.json(rows));
  // vigil-expect: sql-injection
  db.query(`SELECT * FROM items ORDER BY price ${req.query.dir}`, (err, rows) => res.json(rows));
}

function byTable(req, res) {
  const table = req.query.table;
  // vigil-ok: sql-injection
  db.query('SELECT * FROM ' + db.escapeId(table), (err, rows) => res.json(rows));
  // vigil-ok: sql-injection
  db.query('SELECT * FROM items WHERE name = ' + mysql.escape(req.query.name), (err, rows) => res.json(rows));
  if (table === 'items' || table === 'orders') {
    // vigil-ok: sql-injection
    db.query('SELECT * FROM ' + table, (err, rows) => res.json(rows));
  }
  // vigil-expect: sql-injection
  db.query('SELECT * FROM ' + table, (err, rows) => res.json(rows));
}

function counts(rows, res) {
  // vigil-ok: sql-injection
  db.query(`SELECT * FROM items LIMIT ${rows.length}`, (err, r) => res.json(r));
}
