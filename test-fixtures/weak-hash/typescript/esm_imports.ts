import crypto from 'crypto';
import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';

export function cacheKey(input: string): string {
  // vigil-expect: weak-hash
  return crypto.createHash('md5').update(input).digest('hex');
}

export function contentId(input: Buffer): string {
  // vigil-expect: weak-hash
  return nodeCrypto.createHash('sha1').update(input).digest('hex');
}

export function named(input: Buffer): string {
  // vigil-expect: weak-hash
  const hasher = createHash('MD5');
  return hasher.update(input).digest('hex');
}

export function hashPwd(pwd: string): string {
  // vigil-expect: weak-hash
  return createHash('sha1').update(pwd).digest('hex');
}

export function signed(key: string, input: string): string {
  // vigil-ok: weak-hash
  return createHmac('sha1', key).update(input).digest('hex');
}

export function strong(input: string): string {
  // vigil-ok: weak-hash
  return createHash('sha384').update(input).digest('hex');
}

export function md5Label(md5: string): string {
  // a parameter named md5 is not a hash call
  // vigil-ok: weak-hash
  return `md5:${md5}`;
}

interface Hasher {
  createHash(kind: string): string;
}

export function dynamicKind(h: Hasher, kind: string): string {
  // vigil-ok: weak-hash
  return h.createHash(kind);
}
