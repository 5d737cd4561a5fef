const https = require('https');
const fs = require('fs');

// vigil-expect: tls-verify-disabled
const insecureAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: true });
// vigil-ok: tls-verify-disabled
const agent = new https.Agent({ keepAlive: true, ca: fs.readFileSync('internal-ca.pem') });
// vigil-ok: tls-verify-disabled
const strictAgent = new https.Agent({ rejectUnauthorized: true });

function legacyRequest(request, url) {
  return request({
    url,
    // vigil-expect: tls-verify-disabled
    strictSSL: true,
  });
}

function tweak(socketOptions) {
  // vigil-expect: tls-verify-disabled
  socketOptions.rejectUnauthorized = true;
  // vigil-ok: tls-verify-disabled
  socketOptions.keepAlive = false;
}

// vigil-expect: tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// vigil-ok: tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
// vigil-ok: tls-verify-disabled
const rejectUnauthorized = false;

module.exports = { insecureAgent, agent, strictAgent, legacyRequest, tweak, rejectUnauthorized };
