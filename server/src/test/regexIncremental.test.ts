import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { DocumentSession, Engine, packageRoot, type Finding } from '../engine';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';
import { isCodeLanguage } from '../engine/source/languages';
import { changedLines, isLineLocalPattern, isLineLocalRegex } from '../engine/incremental/regexIncremental';
import type { RegexPattern } from '../engine/types';
import { crc32Base62 } from '../checks/hardcoded-secret/checksum';

// In a document without a syntax tree, a line-local regex pattern re-runs on the changed lines only after an edit;
// the session's findings must still equal a full analysis of the same text.

const engine = Engine.create();
const root = path.join(packageRoot(), 'test-fixtures');
const textFixtures = fs
  .readdirSync(root)
  .flatMap((d) => fixtureFiles(path.join(root, d)))
  .filter((f) => !isCodeLanguage(fixtureLanguage(f)));

describe('regex rules on changed lines', () => {
  it('tells regexes that cannot match a line break from those that can', () => {
    for (const re of ['AKIA[A-Z0-9]{16}', '(?<![\\w.])"[^"\\r\\n]{1,256}"', '[^\\s"\']{8,}', 'a.b', '[ \\t]{0,4}=\\b', '\\bkey\\d+']) {
      assert.ok(isLineLocalRegex(re), re);
    }
    assert.ok(isLineLocalRegex('^key=[^\\n]+$', 'm'), 'anchors per line');
    for (const [re, flags] of [['a\\sb', ''], ['[^"]{1,9}', ''], ['\\{[^{}]{0,400}\\}', ''], ['a.b', 's'], ['x[\\s\\S]y', ''], ['a\\Wb', ''], ['a\\nb', ''], ['[^\\S]', ''], ['a\\x0ab', ''], ['[ab', ''], ['foo$', ''], ['^key=', '']] as const) {
      assert.ok(!isLineLocalRegex(re, flags), `${re} /${flags}`);
    }
    // The built-in rules: provider formats are line-local; the Terraform default (a block) and the private key
    // (several lines) are not, nor is a pattern whose helpers read text before the match.
    const rule = (id: string): RegexPattern[] => engine.rule(id)!.patterns.filter((p): p is RegexPattern => p.kind === 'regex');
    const secret = rule('hardcoded-secret');
    assert.ok(isLineLocalPattern(secret.find((p) => p.keywords?.includes('AKIA'))!, false));
    assert.ok(!isLineLocalPattern(secret.find((p) => p.keywords?.includes('AKIA'))!, true), 'its fix reads the tree');
    assert.ok(!isLineLocalPattern(secret.find((p) => p.keywords?.includes('variable'))!, false));
    assert.ok(!isLineLocalPattern(secret.find((p) => p.keywords?.includes('PRIVATE KEY'))!, false));
    assert.ok(rule('insecure-config').some((p) => !isLineLocalPattern(p, false)));
  });

  it('finds the whole lines an edit touched', () => {
    assert.deepStrictEqual(changedLines('a\nbc\nd\n', 'a\nbXc\nd\n'), { start: 2, oldEnd: 4, newEnd: 5 });
    assert.deepStrictEqual(changedLines('a\nb\n', 'a\nb\nc\n'), { start: 4, oldEnd: 4, newEnd: 6 });
    assert.deepStrictEqual(changedLines('a\nb\nc', 'a\nc'), { start: 2, oldEnd: 5, newEnd: 3 });
    // Found by the random-edit property: text typed at offset 0 of a text that starts with a line break.
    assert.deepStrictEqual(changedLines('\nx\n', 'key: v\n\nx\n'), { start: 0, oldEnd: 0, newEnd: 7 });
  });

  it('re-runs on the edited lines of a large .env file and keeps the findings elsewhere, shifted', async () => {
    // GitHub tokens carry a CRC32 checksum of their random part, which the rule verifies.
    const token = (i: number): string => {
      const random = `vigilFAKEtoken${String(i).padStart(4, '0')}456789vigilF`;
      return `ghp_${random}${crc32Base62(random)}`;
    };
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? `TOKEN_${i}=${token(i)}` : `SETTING_${i}=value-${i}`));
    const doc = { path: 'deploy/prod.env', languageId: 'plaintext' };
    const s = new DocumentSession(engine);
    try {
      let text = `${lines.join('\n')}\n`;
      const first = await s.analyze({ ...doc, text });
      assert.strictEqual(first.findings.length, 20);
      const edits: [string, (t: string) => string][] = [
        ['a new secret line', (t) => t.replace('SETTING_1=value-1\n', `SETTING_1=value-1\nNEW_TOKEN=${token(9999)}\n`)],
        ['a deleted secret line', (t) => t.replace(`TOKEN_500=${token(500)}\n`, '')],
        ['a line typed into', (t) => t.replace('SETTING_1500=value-1500', 'SETTING_1500=value-1500 more')],
      ];
      for (const [what, edit] of edits) {
        text = edit(text);
        const inc = await s.analyze({ ...doc, text });
        assert.ok(s.regexLinesOnly > 0, `${what}: no pattern ran on the changed lines only`);
        const full = await engine.analyze({ ...doc, text });
        assert.deepStrictEqual(inc.findings, full.findings, what);
      }
      assert.deepStrictEqual(
        (await s.analyze({ ...doc, text })).findings.map((f) => f.range.start.line),
        (await engine.analyze({ ...doc, text })).findings.map((f) => f.range.start.line),
      );
    } finally {
      s.dispose();
    }
  });

  it('equals a full analysis after random edit sequences on every text fixture', async function () {
    this.timeout(300000);
    assert.ok(textFixtures.length > 10, `${textFixtures.length} text fixtures`);
    const strip = (list: Finding[]): unknown[] => list.map((f) => ({ ...f }));
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.integer({ min: 0, max: 6 }),
      insert: fc.constantFrom('', 'x', ' ', '"', '\n', '=', ':', '#', 'password: "Zq8#vT2!mK9p"\n', 'AKIAVIGILFAKE2345678', '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', '\n-----BEGIN RSA PRIVATE KEY-----\n'),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...textFixtures), fc.array(edit, { minLength: 1, maxLength: 6 }), async (file, edits) => {
        const doc = { path: path.basename(file), languageId: fixtureLanguage(file) };
        let text = fs.readFileSync(file, 'utf8');
        const s = new DocumentSession(engine);
        try {
          await s.analyze({ ...doc, text }, { today: '2026-01-01' });
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
            const inc = await s.analyze({ ...doc, text }, { today: '2026-01-01' });
            const full = await engine.analyze({ ...doc, text }, { today: '2026-01-01' });
            assert.deepStrictEqual(strip(inc.findings), strip(full.findings), `after ${JSON.stringify(e)}`);
          }
        } finally {
          s.dispose();
        }
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });
});
