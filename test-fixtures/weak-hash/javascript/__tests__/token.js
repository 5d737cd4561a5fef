const crypto = require('crypto');

test('legacy token still verifies', () => {
  // vigil-demoted: weak-hash
  const token = crypto.createHash('md5').update('password').digest('hex');
  // vigil-ok: weak-hash
  const modern = crypto.createHash('sha256').update('password').digest('hex');
  expect(token).not.toBe(modern);
});
