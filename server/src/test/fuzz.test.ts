// Fuzzing the engine (issue 8, point 1): whatever the input, no exception escapes Engine.analyze, every range
// lies inside the document, every fix applies with no overlapping edits, and each file finishes in bounded
// time. The long run (100,000+ cases) is `npm run fuzz`; this is the fast slice for npm test.
import * as assert from 'assert';
import * as path from 'path';
import fc from 'fast-check';
import { CODE_LANGUAGES, Engine, packageRoot, type SourceDocument } from '../engine';
import { loadCorpus, makeCase, runCase, violations } from './fuzzHarness';

// Generous: this catches hangs, not slowness (performance lives in the benchmarks).
const CASE_BOUND_MS = 30_000;

describe('fuzz: engine invariants', function () {
  this.timeout(300_000);
  let engine: Engine;
  let corpus: SourceDocument[];

  before(async () => {
    engine = Engine.create();
    corpus = loadCorpus(path.join(packageRoot(), 'test-fixtures'));
    for (const l of CODE_LANGUAGES) await engine.prepare(l);
  });

  async function expectClean(doc: SourceDocument, bound = CASE_BOUND_MS, opts = {}): Promise<void> {
    const t0 = performance.now();
    const r = await engine.analyze(doc, { today: '2026-01-01', ...opts });
    const ms = performance.now() - t0;
    assert.deepStrictEqual(violations(doc, r), [], `${doc.path} (${doc.languageId})`);
    assert.ok(ms < bound, `${doc.path}: ${ms.toFixed(0)} ms`);
  }

  it('survives 1,000 seeded mutations of the fixture corpus', async () => {
    assert.ok(corpus.length > 20, 'fixture corpus missing');
    const failed: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const { doc, mutations } = makeCase(seed, corpus);
      const o = await runCase(engine, doc, CASE_BOUND_MS);
      if (o.failures.length) failed.push(`seed ${seed} [${mutations.join(',')}] ${doc.path}: ${o.failures.join('; ')}`);
    }
    assert.deepStrictEqual(failed.slice(0, 10), []);
  });

  it('property: arbitrary UTF-16 (lone surrogates, NULs, control characters) in any language', async () => {
    const langs = [...CODE_LANGUAGES, 'plaintext', 'yaml', 'dockerfile'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...langs), fc.string({ unit: 'binary', maxLength: 2000 }), async (languageId, text) => {
        const doc = { path: `f/x.${languageId}`, languageId, text };
        assert.deepStrictEqual(violations(doc, await engine.analyze(doc)), []);
      }),
      { numRuns: 400, seed: 8 },
    );
  });

  it('property: spliced fixture halves in the other file\'s language', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), async (i, j, a, b) => {
        const x = corpus[i % corpus.length]!;
        const y = corpus[j % corpus.length]!;
        const doc = { ...y, text: x.text.slice(0, Math.floor(a * x.text.length)) + y.text.slice(Math.floor(b * y.text.length)) };
        assert.deepStrictEqual(violations(doc, await engine.analyze(doc)), []);
      }),
      { numRuns: 200, seed: 9 },
    );
  });

  it('property: CRLF and a BOM do not change which lines are flagged', async () => {
    const key = (d: SourceDocument): Promise<string[]> =>
      engine.analyze(d, { today: '2026-01-01' }).then((r) => r.findings.map((f) => `${f.ruleId}@${f.range.start.line}`).sort());
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), async (i, bom) => {
        const base = corpus[i % corpus.length]!;
        const lf = { ...base, text: base.text.replace(/\r\n?/g, '\n') };
        const crlf = { ...base, text: `${bom ? '\uFEFF' : ''}${lf.text.replace(/\n/g, '\r\n')}` };
        const r = await engine.analyze(crlf, { today: '2026-01-01' });
        assert.deepStrictEqual(violations(crlf, r), []);
        assert.deepStrictEqual(await key(crlf), await key(lf), `${base.path} bom=${bom}`);
      }),
      { numRuns: 100, seed: 10 },
    );
  });

  it('CR-only, mixed line endings and a BOM on every fixture', async () => {
    for (const d of corpus) {
      await expectClean({ ...d, text: d.text.replace(/\r?\n/g, '\r') });
      let k = 0;
      await expectClean({ ...d, text: `\uFEFF${d.text.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]!)}` });
    }
  });

});
