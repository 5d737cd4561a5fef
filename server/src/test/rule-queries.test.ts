import * as assert from 'assert';
import { Engine } from '../engine';
import { loadGrammar } from '../engine/source/parse';
import { buildCombinedQuery } from '../engine/match/combined';
import { CODE_LANGUAGES } from '../engine/types';

// Queries are compiled lazily, per language, the first time a file of that language is seen. This test
// compiles every built-in query for every language it names, so a bad node name fails CI, not a user's editor.
describe('rule queries', () => {
  const engine = Engine.create();
  for (const lang of CODE_LANGUAGES) {
    it(`every query compiles for ${lang}`, async () => {
      const language = await loadGrammar(lang);
      const combined = buildCombinedQuery(engine.rules, lang, language, lang);
      assert.deepStrictEqual(combined.errors.map((e) => e.message), []);
      combined.query?.delete();
    });
  }
});
