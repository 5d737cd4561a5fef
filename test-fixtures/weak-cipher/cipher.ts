import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function seal(key: Buffer, data: Buffer): Buffer[] {
  // vigil-expect: weak-cipher
  const c = createCipheriv('rc4', key, '');
  // vigil-ok: weak-cipher
  const iv = randomBytes(12);
  // vigil-ok: weak-cipher
  const g = createCipheriv('aes-256-gcm', key, iv);
  return [c.update(data), g.update(data), g.final(), g.getAuthTag()];
}

export function open(key: Buffer, data: Buffer, iv: Buffer): Buffer {
  // vigil-expect: weak-cipher
  const d = createDecipheriv('aes-256-ctr', key, Buffer.from('00000000000000000000000000000000', 'hex'));
  // vigil-ok: weak-cipher
  const e = createDecipheriv('aes-256-ctr', key, iv);
  return Buffer.concat([d.update(data), e.update(data)]);
}
