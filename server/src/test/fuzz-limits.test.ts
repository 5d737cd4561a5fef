// Limits (issue 8, point 1): inputs at the extremes a linter meets in the wild. Each must finish with every
// invariant intact and within a generous bound (hangs, not speed: speed lives in the benchmarks).
import * as assert from 'assert';
import * as path from 'path';
import { CODE_LANGUAGES, Engine, packageRoot, type SourceDocument } from '../engine';
import { loadCorpus, makeCase, violations } from './fuzzHarness';

const CASE_BOUND_MS = 30_000;

describe('fuzz: extreme inputs', function () {
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

  it('a 10 MB single line: skipped by default, and analysed within the bound when the size limit is lifted', async function () {
    const unit = 'x = hashlib.md5(password); token = "AKIAIOSFODNN7EXAMPLE"; ';
    const text = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    this.timeout(150_000);
    const skipped = await engine.analyze({ path: 'big.py', languageId: 'python', text });
    assert.match(skipped.skipped ?? '', /size limit/);
    // Python runs both the parser and the regex rules over the whole line.
    await expectClean({ path: 'big.py', languageId: 'python', text }, 120_000, { maxFileSize: Infinity });
  });

  it('a 1,000,000-line file with the size limit lifted', async function () {
    this.timeout(150_000);
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
