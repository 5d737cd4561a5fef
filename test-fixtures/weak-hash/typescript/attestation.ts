import { createHash } from 'crypto';

// "attestation" and a describe() call that is not at the start of a line are not test markers.
export const note = 'describe("x", () => it("y"))';

export function attest(password: string): string {
  // vigil-expect: weak-hash
  return createHash('md5').update(password).digest('hex');
}

export function fingerprint(data: string): string {
  // vigil-ok: weak-hash
  return createHash('sha256').update(data).digest('hex');
}
