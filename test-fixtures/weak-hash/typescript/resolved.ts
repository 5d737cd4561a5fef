import { createHash as digestOf } from 'node:crypto';
import * as nodeCrypto from 'crypto';

const LEGACY = 'md5';

export function etag(body: string): string {
  // vigil-expect: weak-hash
  return digestOf(LEGACY).update(body).digest('hex');
}

export function configured(body: string): string {
  const algorithm = process.env.ETAG_ALGORITHM ?? 'sha1';
  // vigil-expect: weak-hash
  return nodeCrypto.createHash(algorithm).update(body).digest('hex');
}

export function strong(body: string): string {
  let algorithm = 'md5';
  algorithm = 'sha256';
  // vigil-ok: weak-hash
  return nodeCrypto.createHash(algorithm).update(body).digest('hex');
}

class Hasher {
  createHash(name: string): string {
    return name;
  }
}

export function lookalike(h: Hasher): string {
  // vigil-ok: weak-hash
  return h.createHash('md5');
}
