import * as assert from 'assert';
import fc from 'fast-check';
import { Engine } from '../engine';
import { KeywordIndex } from '../engine/match/keywords';
import { keywordsReusing, type KeywordScan } from '../engine/incremental/keywordReuse';

// The editor rescans a document's keywords only around an edit (keywordReuse.ts): after any sequence of edits the
// answer must equal a scan of the whole text, including keywords that overlap the edit or each other.

const index = new KeywordIndex(Engine.create().rules);

describe('keyword scan reuse', () => {
  it('equals a whole-text scan after random edit sequences', () => {
    const pieces = ['md5', 'execute', 'cursor', 'x', ' ', '\n', 'exec', 'hashlib', 'eval(', 'd5', 'sha', 'random', 'password'];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 8 }), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start.join('');
        const holder: { keywordScan: KeywordScan | undefined } = { keywordScan: undefined };
        keywordsReusing(index, text, holder);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert.join('') + text.slice(Math.min(text.length, at + e.del));
          assert.deepStrictEqual([...keywordsReusing(index, text, holder)].sort(), [...index.find(text)].sort(), JSON.stringify(text));
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
