import * as assert from 'assert';
import fc from 'fast-check';
import { WordIndex } from '../engine/source/words';

// The editor derives each tree's word index from the previous one and the edit (words.ts): after any sequence of
// edits, every word's offsets must equal those of an index built from the whole text, and those of the regex
// the helpers ran before (a whole word: no identifier character, `$` included, on either side).

const pieces = ['md5', 'sha', 'x', '$x', '$', ' ', '\n', '(', '.', 'self', 'Sha', 'md', '5', '_', 'a$b', '->', '9'];
const probes = ['md5', 'sha', 'Sha', 'x', '$x', '$', 'self', 'md', '5', 'a$b', 'md5sha', 'x$x', '_', 'a', 'b'];

function byRegex(text: string, word: string, flags = ''): number[] {
  const re = new RegExp(`(?<![\\w$])${word.replace(/[$]/g, '\\$')}(?![\\w$])`, `g${flags}`);
  return [...text.matchAll(re)].map((m) => m.index!);
}

/** The edit as the editor computes it: the common prefix and suffix of the two texts. */
function diff(a: string, b: string): [number, number, number] {
  const min = Math.min(a.length, b.length);
  let s = 0;
  while (s < min && a[s] === b[s]) s++;
  let k = 0;
  while (k < min - s && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return [s, a.length - k, b.length - k];
}

describe('word index', () => {
  it('derived after random edit sequences equals an index of the whole text and the whole-word regex', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 6 }), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(edit, { minLength: 1, maxLength: 45 }), (start, edits) => {
        let text = start.join('');
        let idx = WordIndex.of(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const next = text.slice(0, at) + e.insert.join('') + text.slice(Math.min(text.length, at + e.del));
          const [s, oldEnd, newEnd] = diff(text, next);
          idx = next === text ? idx : WordIndex.derived(idx, next, s, oldEnd, newEnd);
          text = next;
          const fresh = WordIndex.of(text);
          for (const w of probes) {
            assert.deepStrictEqual(idx.at(w), fresh.at(w), `${w} in ${JSON.stringify(text)}`);
            assert.deepStrictEqual(idx.at(w), byRegex(text, w), `${w} by regex in ${JSON.stringify(text)}`);
            assert.deepStrictEqual(idx.atIgnoringCase(w), byRegex(text, w, 'i'), `${w} in any case in ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('folds a long chain of edits into a fresh index', () => {
    let text = 'a b c';
    let idx = WordIndex.of(text);
    for (let i = 0; i < 100; i++) {
      const next = `${text} w${i}`;
      idx = WordIndex.derived(idx, next, text.length, text.length, next.length);
      text = next;
    }
    assert.ok(idx.depth <= 32, `depth ${idx.depth}`);
    assert.deepStrictEqual(idx.at('w99'), [text.length - 3]);
    assert.deepStrictEqual(idx.at('b'), [2]);
  });
});
