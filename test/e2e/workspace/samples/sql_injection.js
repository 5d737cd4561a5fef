// Order lookups (fixture for Vigil's editor tests).
async function getOrder(db, req) {
  // vigil-expect: sql-injection
  return db.query('SELECT * FROM orders WHERE id = ' + req.params.id);
}

async function getInvoice(db, req) {
  // vigil-expect: sql-injection
  return db.query(`SELECT * FROM invoices WHERE customer = '${req.query.customer}'`);
}

async function getOrderSafely(db, req) {
  // vigil-ok: sql-injection
  return db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
}

module.exports = { getOrder, getInvoice, getOrderSafely };
