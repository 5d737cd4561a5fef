import { createHash } from 'crypto';

describe('token', () => {
  it('keeps the legacy digest', () => {
    // vigil-demoted: weak-hash
    const token: string = createHash('md5').update('password').digest('hex');
    // vigil-ok: weak-hash
    const modern: string = createHash('sha256').update('password').digest('hex');
    expect(token).not.toEqual(modern);
  });
});
