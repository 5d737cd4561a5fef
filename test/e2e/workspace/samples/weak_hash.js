// Response fingerprints (fixture for Vigil's editor tests).
const crypto = require('crypto');

function etag(body) {
  // vigil-expect: weak-hash
  return crypto.createHash('md5').update(body).digest('hex');
}

function strongEtag(body) {
  return crypto.createHash('sha256').update(body).digest('hex');
}

module.exports = { etag, strongEtag };
