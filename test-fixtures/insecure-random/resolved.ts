import { random as lodashRandom } from 'lodash';

const rnd: () => number = Math.random;

export function csrf(): string {
  // vigil-expect: insecure-random
  return 'c' + rnd().toString(36);
}

export function makeSessionId(prefix: string): string {
  // vigil-expect: insecure-random
  const n = lodashRandom(1e9, 9e9);
  return `${prefix}-${n}`;
}

export function jitterMs(): number {
  // vigil-ok: insecure-random
  return lodashRandom(0, 250);
}

export function deadCode(user: { passwordResetCode?: string }): void {
  const legacy = false;
  if (legacy) {
    // vigil-ok: insecure-random
    user.passwordResetCode = String(Math.random());
  }
}
