import React from 'react';

export async function digestOf(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  // vigil-expect: weak-hash
  return crypto.subtle.digest('SHA-1', bytes);
}

export async function viaWindow(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  // vigil-expect: weak-hash
  return window.crypto.subtle.digest("SHA-1", bytes);
}

export async function strongDigest(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  // vigil-ok: weak-hash
  return crypto.subtle.digest('SHA-256', bytes);
}

export async function importMacKey(raw: ArrayBuffer): Promise<CryptoKey> {
  // an HMAC key with SHA-1 is not a bare digest
  // vigil-ok: weak-hash
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
}

export function Checksum({ value }: { value: string }) {
  // vigil-ok: weak-hash
  return <span title="md5 checksum">{value}</span>;
}
