const { expect } = require('chai');
const crypto = require('crypto');

// No test folder or name, but the file requires chai: test code.
describe('legacy tokens', () => {
  it('hashes', () => {
    // vigil-demoted: weak-hash
    const token = crypto.createHash('sha1').update('password').digest('hex');
    // vigil-ok: weak-hash
    expect(token).to.have.length(40);
  });
});
