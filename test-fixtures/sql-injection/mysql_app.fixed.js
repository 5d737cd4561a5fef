const mysql = require('mysql2');
const { Sequelize } = require('sequelize');

const db = mysql.createConnection({ host: 'localhost' });
const sequelize = new Sequelize('sqlite::memory:');
const MAX_ROWS = 100;

function findUser(req, res) {
  // vigil-expect: sql-injection
  db.query("SELECT * FROM users WHERE name = ?", [req.query.name], (err, rows) => res.json(rows));
}

function findUserSafe(req, res) {
  // vigil-ok: sql-injection
  db.query('SELECT * FROM users WHERE name = ?', [req.query.name], (err, rows) => res.json(rows));
}

async function byEmail(email) {
  // vigil-expect: sql-injection
  const [rows] = await db.promise().execute(`SELECT id FROM users WHERE email = ?`, [email]);
  return rows;
}

async function byCity(city) {
  const sql = 'SELECT id FROM shops WHERE city = ' + "'" + city + "'";
  // vigil-expect: sql-injection
  return db.promise().query(sql);
}

async function report(day) {
  // vigil-expect: sql-injection
  return sequelize.query(`SELECT total FROM daily WHERE day = ?`, { replacements: [day] });
}

async function reportSafe(day) {
  // vigil-ok: sql-injection
  return sequelize.query('SELECT total FROM daily WHERE day = ?', { replacements: [day] });
}

function constantsOnly() {
  // vigil-ok: sql-injection
  db.query('SELECT id FROM users ' + 'WHERE active = 1');
  // vigil-ok: sql-injection
  db.query(`SELECT id FROM users LIMIT ${MAX_ROWS}`);
}

function numbers(page) {
  // vigil-ok: sql-injection
  db.query('SELECT id FROM users LIMIT 20 OFFSET ' + Number(page));
}

function lookalikes($, selector, cache, http, logger, id) {
  // vigil-ok: sql-injection
  $(selector).find('.row-' + id);
  // vigil-ok: sql-injection
  cache.get('user:' + id);
  // vigil-ok: sql-injection
  http.get('/api/select?from=' + id);
  // vigil-ok: sql-injection
  logger.execute('flush ' + id);
  // vigil-ok: sql-injection
  document.querySelector('select#' + id);
}

function sortBy(column) {
  // vigil-expect: sql-injection
  db.query('SELECT id FROM users ORDER BY ' + column);
}
