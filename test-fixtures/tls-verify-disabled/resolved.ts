import { Agent } from 'node:https';

const ALLOW_SELF_SIGNED: boolean = false;

export function makeAgent(): Agent {
  // vigil-expect: tls-verify-disabled
  return new Agent({ rejectUnauthorized: ALLOW_SELF_SIGNED });
}

export function strictAgent(): Agent {
  const rejectUnauthorized = true;
  // vigil-ok: tls-verify-disabled
  return new Agent({ rejectUnauthorized });
}
