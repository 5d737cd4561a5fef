import * as assert from 'assert';
import fc from 'fast-check';
import { commonAffixes } from '../engine/source/textDiff';

// commonAffixes compares blocks of characters before single ones (textDiff.ts): whatever the texts, it must give
// what a character-by-character diff gives, at every block boundary and with the prefix and suffix overlapping.

function reference(a: string, b: string): { prefix: number; suffix: number } {
  const min = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < min && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < min - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

describe('commonAffixes', () => {
  it('equals a character-by-character diff for edits anywhere in texts of up to 20,000 characters', () => {
    // Few distinct characters, so repeated runs make the suffix and prefix compete for the same characters.
    const text = fc.integer({ min: 0, max: 20_000 }).chain((n) => fc.tuple(fc.constant(n), fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é', '😀'), maxLength: 40 })));
    fc.assert(
      fc.property(text, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 5000 }), fc.string({ maxLength: 30 }), ([n, seed], at, del, insert) => {
        const base = seed.length === 0 ? 'x'.repeat(n) : seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
        const i = Math.floor(at * base.length);
        const edited = base.slice(0, i) + insert + base.slice(Math.min(base.length, i + del));
        assert.deepStrictEqual(commonAffixes(base, edited), reference(base, edited));
        assert.deepStrictEqual(commonAffixes(edited, base), reference(edited, base));
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });

  it('handles equal, empty and wholly different texts', () => {
    const long = 'abc'.repeat(3000);
    assert.deepStrictEqual(commonAffixes(long, long), { prefix: long.length, suffix: 0 });
    assert.deepStrictEqual(commonAffixes('', long), { prefix: 0, suffix: 0 });
    assert.deepStrictEqual(commonAffixes('x'.repeat(5000), 'y'.repeat(5000)), { prefix: 0, suffix: 0 });
    // A block boundary inside a surrogate pair still counts UTF-16 units, as the parser's offsets do.
    assert.deepStrictEqual(commonAffixes(`${'a'.repeat(15)}😀b`, `${'a'.repeat(15)}😁b`), reference(`${'a'.repeat(15)}😀b`, `${'a'.repeat(15)}😁b`));
  });
});
