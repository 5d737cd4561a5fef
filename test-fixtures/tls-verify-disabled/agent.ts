import * as tls from 'tls';

export function connect(host: string): tls.TLSSocket {
  // vigil-expect: tls-verify-disabled
  return tls.connect({ host, port: 443, 'rejectUnauthorized': false });
}

export function connectStrict(host: string, ca: Buffer): tls.TLSSocket {
  // vigil-ok: tls-verify-disabled
  return tls.connect({ host, port: 443, ca });
}

// vigil-expect: tls-verify-disabled
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0";
// vigil-ok: tls-verify-disabled
process.env['NODE_EXTRA_CA_CERTS'] = '/etc/ssl/internal-ca.pem';
