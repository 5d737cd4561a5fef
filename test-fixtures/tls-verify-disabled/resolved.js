const https = require('https');

const VERIFY = false;

function insecure(url) {
  // vigil-expect: tls-verify-disabled
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: VERIFY });
  const rejectUnauthorized = process.env.NODE_ENV === 'production' ? true : false;
  // vigil-expect: tls-verify-disabled
  return https.get(url, { agent, rejectUnauthorized });
}

function legacy(request, url, opts) {
  const strict = false;
  // vigil-expect: tls-verify-disabled
  return request({ url, strictSSL: strict, ...opts });
}

function quiet(url) {
  let verify = false;
  verify = true;
  // vigil-ok: tls-verify-disabled
  const a = new https.Agent({ rejectUnauthorized: verify });
  const debug = false;
  // vigil-ok: tls-verify-disabled
  const b = new https.Agent({ rejectUnauthorized: debug ? false : true });
  // vigil-ok: tls-verify-disabled
  const c = new https.Agent({ rejectUnauthorized: process.env.TLS_STRICT !== 'no' });
  // vigil-ok: tls-verify-disabled
  const d = { label: 'rejectUnauthorized', value: VERIFY };
  return [a, b, c, d, url];
}

module.exports = { insecure, legacy, quiet };

const strictSSL = false;
// vigil-ok: tls-verify-disabled
exports.options = { strictSSL };

const ZERO = '0';
function devOnly(socketOptions, allow) {
  const reject = false;
  // vigil-expect: tls-verify-disabled
  socketOptions.rejectUnauthorized = reject;
  // vigil-expect: tls-verify-disabled
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = ZERO;
  // vigil-ok: tls-verify-disabled
  socketOptions.rejectUnauthorized = allow;
  const one = 1;
  // vigil-ok: tls-verify-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = one;
  if (false) {
    // vigil-ok: tls-verify-disabled
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = ZERO;
  }
}
module.exports.devOnly = devOnly;
