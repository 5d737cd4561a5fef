// Vigil fixture: ES imports of jsonwebtoken and node:crypto; keys held in constants. Every value is fake.
import jwt from 'jsonwebtoken';
import * as J from 'jsonwebtoken';
import { createHmac } from 'node:crypto';

const K = 'Tz2-vigil-fixture';

export function sign(payload: object): string {
  // vigil-expect: hardcoded-secret
  return jwt.sign(payload, K);
}

export function check(t: string): unknown {
  // vigil-expect: hardcoded-secret
  return J.verify(t, K);
}

export function mac(body: string): string {
  // vigil-expect: hardcoded-secret
  return createHmac('sha256', Buffer.from(K)).update(body).digest('hex');
}

export function literal(t: string): unknown {
  // vigil-expect: hardcoded-secret
  return J.verify(t, 'Yx9-vigil-fixture');
}

export function withKey(payload: object, key: string): string {
  // vigil-ok: hardcoded-secret
  return jwt.sign(payload, key);
}

export function fromEnv(t: string): unknown {
  const k = process.env.JWT_KEY ?? '';
  // vigil-ok: hardcoded-secret
  return J.verify(t, k);
}
