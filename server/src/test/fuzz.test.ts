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

  it('survives 2,000 seeded mutations of the fixture corpus', async () => {
    assert.ok(corpus.length > 20, 'fixture corpus missing');
    const failed: string[] = [];
    for (let seed = 1; seed <= 2000; seed++) {
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
      { numRuns: 300, seed: 9 },
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
      { numRuns: 200, seed: 10 },
    );
  });

  it('a 10 MB single line: skipped by default, and analysed within the bound when the size limit is lifted', async () => {
    const unit = 'x = hashlib.md5(password); token = "AKIAIOSFODNN7EXAMPLE"; ';
    const text = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    const skipped = await engine.analyze({ path: 'big.py', languageId: 'python', text });
    assert.match(skipped.skipped ?? '', /size limit/);
    // Python runs both the parser and the regex rules over the whole line.
    await expectClean({ path: 'big.py', languageId: 'python', text }, 120_000, { maxFileSize: Infinity });
  });

  it('a 1,000,000-line file with the size limit lifted', async () => {
    const text = 'import hashlib\n' + 'x = 1 # md5 password\n'.repeat(1_000_000);
    await expectClean({ path: 'long.py', languageId: 'python', text }, 120_000, { maxFileSize: Infinity });
  });

  it('10,000-deep nesting in every code language', async () => {
    const depth = 10_000;
    const brackets = [['(', ')'], ['[', ']'], ['{', '}']] as const;
    for (const [i, languageId] of CODE_LANGUAGES.entries()) {
      // PHP code starts after its open tag; without it the whole file is inline HTML.
      const php = languageId === 'php' ? '<?php ' : '';
      const [open, close] = brackets[i % brackets.length]!;
      const nested = `${open.repeat(depth)}md5(x)${close.repeat(depth)}`;
      await expectClean({ path: `deep.${languageId}`, languageId, text: `${php}x = ${nested}\n` });
      await expectClean({ path: `deep-open.${languageId}`, languageId, text: `${php}x = ${open.repeat(depth)}\n` });
      const ifs = Array.from({ length: 2000 }, (_v, i) => `${' '.repeat(i)}if a:\n`).join('') + `${' '.repeat(2000)}hashlib.md5(x)\n`;
      await expectClean({ path: `deep-if.${languageId}`, languageId, text: php + ifs });
    }
  });

  it('CR-only, mixed line endings and a BOM on every fixture', async () => {
    for (const d of corpus) {
      await expectClean({ ...d, text: d.text.replace(/\r?\n/g, '\r') });
      let k = 0;
      await expectClean({ ...d, text: `\uFEFF${d.text.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]!)}` });
    }
  });

  it('memory stays bounded: repeated analyses do not grow the heap', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    const sample = (): number => {
      gc?.();
      return process.memoryUsage().rss;
    };
    const run = async (from: number): Promise<void> => {
      for (let seed = from; seed < from + 150; seed++) await engine.analyze(makeCase(seed, corpus).doc);
    };
    await run(10_000);
    const before = sample();
    for (let round = 0; round < 3; round++) await run(10_000);
    const grown = (sample() - before) / 1024 / 1024;
    assert.ok(grown < 200, `RSS grew by ${grown.toFixed(0)} MB over 450 repeated analyses`);
  });
});
