import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Engine, LineIndex, applyEdits, applyFixes, loadRuleFile, loadRules, maskSecret, parseSuppressions } from '../engine';
import { parseAnnotations } from '../project/fixtureCheck';
import { normaliseOffsetEdits } from '../engine/match/fixes';

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
}

const GOOD_RULE = `id: demo-rule
title: Demo rule
severity: warning
confidence: high
cwe: [1]
message: "demo finding {{finding}} here"
docs: "Long enough documentation text for the schema."
patterns:
  - languages: [text]
    regex: 'DEMO_[0-9]+'
`;

describe('LineIndex', () => {
  it('treats \\n, \\r\\n and \\r as line ends (LSP semantics)', () => {
    const li = new LineIndex('a\r\nb\rc\nd');
    assert.strictEqual(li.lineCount, 4);
    assert.deepStrictEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepStrictEqual(li.positionAt(5), { line: 2, character: 0 });
    assert.strictEqual(li.lineText(1), 'b');
    assert.strictEqual(li.offsetAt({ line: 3, character: 0 }), 7);
  });
  it('counts UTF-16 code units and clamps out-of-range positions', () => {
    const li = new LineIndex('x😀y\nz');
    assert.deepStrictEqual(li.positionAt(3), { line: 0, character: 3 });
    assert.strictEqual(li.offsetAt({ line: 0, character: 99 }), 4);
    assert.strictEqual(li.offsetAt({ line: 99, character: 0 }), 6);
  });
  it('finds the same line starts with and without \\r in the text (two ways of building the index)', () => {
    const reference = (text: string): number[] => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
      }
      return starts;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n', '😀', ' '), maxLength: 60 }), (text) => {
        const li = new LineIndex(text);
        const starts = reference(text);
        assert.strictEqual(li.lineCount, starts.length, JSON.stringify(text));
        starts.forEach((s, line) => assert.strictEqual(li.lineStart(line), s, JSON.stringify(text)));
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });
});

describe('rule loading', () => {
  it('loads a valid rule file', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'demo-rule.yaml'), GOOD_RULE);
    const { rules, errors } = loadRules([d]);
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(rules[0]!.id, 'demo-rule');
    assert.strictEqual(rules[0]!.patterns[0]!.kind, 'regex');
  });
  it('reports a schema error with file and line, and still loads the other rules', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'demo-rule.yaml'), GOOD_RULE);
    fs.writeFileSync(path.join(d, 'bad-rule.yaml'), GOOD_RULE.replace('demo-rule', 'bad-rule').replace('severity: warning', 'severity: loud'));
    const { rules, errors } = loadRules([d]);
    assert.deepStrictEqual(rules.map((r) => r.id), ['demo-rule']);
    assert.strictEqual(errors.length, 1);
    assert.ok(errors[0]!.file.endsWith('bad-rule.yaml'));
    assert.strictEqual(errors[0]!.line, 3);
    assert.match(errors[0]!.message, /severity/);
  });
  it('reports YAML syntax errors with a line', () => {
    const { errors } = loadRuleFile('<inline>', 'id: x\ntitle: [unclosed\n');
    assert.ok(errors.length > 0);
    assert.ok(errors[0]!.line !== undefined);
  });
  it('rejects an invalid regex and an id that does not match the file name', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'demo-rule.yaml'), GOOD_RULE.replace("'DEMO_[0-9]+'", "'DEMO_(['"));
    fs.writeFileSync(path.join(d, 'other-name.yaml'), GOOD_RULE);
    const { rules, errors } = loadRules([d]);
    assert.strictEqual(rules.length, 0);
    assert.ok(errors.some((e) => /invalid regex/.test(e.message) && e.line === 10));
    assert.ok(errors.some((e) => /must match the file name/.test(e.message)));
  });
  it('rejects a predicate written outside the parentheses of its pattern, which would filter nothing', () => {
    // tree-sitter compiles `[(a) (b)] @x\n(#match? @x "...")` as two patterns: the alternation runs unfiltered.
    const d = tmpDir();
    const query = (q: string): string =>
      GOOD_RULE.replace("  - languages: [text]\n    regex: 'DEMO_[0-9]+'\n", `  - languages: [java]\n    query: |\n${q.split('\n').map((l) => `      ${l}`).join('\n')}\n`);
    fs.writeFileSync(path.join(d, 'demo-rule.yaml'), query('[(method_invocation name: (identifier) @fn)\n (object_creation_expression type: (type_identifier) @fn)] @finding\n(#match? @fn "^(exec|run)$")'));
    const stray = loadRules([d]);
    assert.strictEqual(stray.rules.length, 0);
    assert.ok(stray.errors.some((e) => /predicate outside the parentheses/.test(e.message) && e.line === 10), JSON.stringify(stray.errors));
    // The same predicate inside the group, or a `#` inside a string or a comment, is fine.
    fs.writeFileSync(path.join(d, 'demo-rule.yaml'), query('([(method_invocation name: (identifier) @fn)\n  (object_creation_expression type: (type_identifier) @fn)] @finding\n (#match? @fn "^(#exec|run)$"))\n; (#not-a-predicate)'));
    const wrapped = loadRules([d]);
    assert.deepStrictEqual(wrapped.errors, []);
    assert.strictEqual(wrapped.rules.length, 1);
  });
});

describe('suppression comments', () => {
  const text = [
    'x = 1  # vigil-ignore weak-hash, sql-injection until 2030-01-01 -- legacy API',
    '// vigil-ignore-next-line hardcoded-secret',
    'y = 2',
    's = "vigil-ignore weak-hash"',
    '# vigil-ignore until 2020-01-01',
    '/* vigil-ignore weak-hash until 2020-13-45 */',
  ].join('\n');
  const sups = parseSuppressions(text, new LineIndex(text));
  it('parses rule lists, expiry and reason', () => {
    assert.deepStrictEqual(sups[0]!.ruleIds, ['weak-hash', 'sql-injection']);
    assert.strictEqual(sups[0]!.until, '2030-01-01');
    assert.strictEqual(sups[0]!.reason, 'legacy API');
    assert.strictEqual(sups[0]!.targetLine, 0);
  });
  it('targets the next line for vigil-ignore-next-line', () => {
    assert.strictEqual(sups[1]!.targetLine, 2);
    assert.deepStrictEqual(sups[1]!.ruleIds, ['hardcoded-secret']);
  });
  it('ignores the marker inside a string literal', () => {
    assert.ok(!sups.some((s) => s.line === 3));
  });
  it('reads only the comment openers of the document\'s language', () => {
    const ts = ['const help = `', '  --include-suppressed   findings silenced by vigil-ignore comments', '`;', 'x(); // vigil-ignore weak-hash', ''].join('\n');
    assert.deepStrictEqual(parseSuppressions(ts, new LineIndex(ts), 'typescript').map((s) => [s.line, s.ruleIds]), [[3, ['weak-hash']]]);
    // Without a language, `--` may open a comment (SQL, Lua): both count.
    assert.deepStrictEqual(parseSuppressions(ts, new LineIndex(ts)).map((s) => s.line), [1, 3]);
    const py = ['print("-- vigil-ignore sql-injection")', 'x = 1  # vigil-ignore weak-hash', 'y = 2  // vigil-ignore weak-hash', ''].join('\n');
    assert.deepStrictEqual(parseSuppressions(py, new LineIndex(py), 'python').map((s) => s.line), [1]);
  });
  it('flags a comment without a rule and an invalid date', () => {
    assert.match(sups.find((s) => s.line === 4)!.problem!, /names no rule/);
    assert.match(sups.find((s) => s.line === 5)!.problem!, /invalid date/);
  });
});

describe('engine', () => {
  const d = tmpDir();
  fs.writeFileSync(path.join(d, 'demo-rule.yaml'), GOOD_RULE);
  fs.writeFileSync(
    path.join(d, 'boom-rule.yaml'),
    // A helper that throws at match time (its pattern is no regex). An unknown helper name no longer gets this
    // far: the loader refuses it (helperCheck.test.ts).
    GOOD_RULE.replace('demo-rule', 'boom-rule').replace("regex: 'DEMO_[0-9]+'", "regex: 'DEMO'\n    where:\n      - helper: textMatches\n        options: { pattern: '(' }"),
  );
  const engine = Engine.create({ ruleDirs: [d] });
  const doc = (text: string, p = 'a.txt') => ({ path: p, languageId: 'plaintext', text });

  it('finds, suppresses, and reports expired suppressions', async () => {
    const text = 'DEMO_1\nDEMO_2 # vigil-ignore demo-rule\nDEMO_3 # vigil-ignore demo-rule until 2020-01-01\n';
    const r = await engine.analyze(doc(text), { today: '2026-01-01', disabledRules: ['boom-rule'] });
    assert.deepStrictEqual(r.findings.map((f) => f.range.start.line), [0, 2]);
    assert.match(r.findings[1]!.message, /expired on 2020-01-01/);
    assert.ok(r.notes.some((n) => n.code === 'suppression-expired'));
    const all = await engine.analyze(doc(text), { today: '2026-01-01', includeSuppressed: true, disabledRules: ['boom-rule'] });
    assert.strictEqual(all.findings.filter((f) => f.suppression).length, 1);
  });
  it('reports an unknown rule id in a suppression', async () => {
    const r = await engine.analyze(doc('x # vigil-ignore no-such-rule\n'), {});
    assert.ok(r.notes.some((n) => n.code === 'unknown-rule-in-suppression' && /no-such-rule/.test(n.message)));
  });
  it('isolates a failing rule: the others still run and the failure names the rule', async () => {
    const r = await engine.analyze(doc('DEMO_1\n'));
    assert.strictEqual(r.findings.filter((f) => f.ruleId === 'demo-rule').length, 1);
    assert.ok(r.notes.some((n) => n.code === 'rule-error' && /boom-rule/.test(n.message)));
  });
  it('keeps fingerprints stable when lines move, distinct for repeated code', async () => {
    const a = await engine.analyze(doc('DEMO_1\nDEMO_1\n'), { disabledRules: ['boom-rule'] });
    const b = await engine.analyze(doc('\n\n// moved\nDEMO_1\nDEMO_1\n'), { disabledRules: ['boom-rule'] });
    assert.deepStrictEqual(a.findings.map((f) => f.fingerprint), b.findings.map((f) => f.fingerprint));
    assert.notStrictEqual(a.findings[0]!.fingerprint, a.findings[1]!.fingerprint);
  });
  it('skips binary and oversized documents without throwing', async () => {
    assert.match((await engine.analyze(doc('DEMO_1\u0000\u0001'))).skipped!, /binary/);
    assert.match((await engine.analyze(doc('DEMO_1 '.repeat(10)), { maxFileSize: 20 })).skipped!, /size limit/);
  });
  it('applies severity overrides and the confidence threshold', async () => {
    const r = await engine.analyze(doc('DEMO_1'), { severityOverrides: { 'demo-rule': 'error' }, disabledRules: ['boom-rule'] });
    assert.strictEqual(r.findings[0]!.severity, 'error');
    const none = await engine.analyze(doc('DEMO_1'), { minimumConfidence: 'high', disabledRules: ['boom-rule'] });
    assert.strictEqual(none.findings.length, 1);
  });
  it('survives half-typed code and unknown languages', async () => {
    const real = Engine.create();
    const r = await real.analyze({ path: 'x.py', languageId: 'python', text: 'import hashlib\nhashlib.md5(\n  def (' });
    assert.ok(Array.isArray(r.findings));
    const u = await real.analyze({ path: 'x.zz', languageId: 'cobol', text: 'MOVE A TO B.' });
    assert.ok(Array.isArray(u.findings));
  });
});

describe('edits and fixes', () => {
  it('applies non-overlapping edits and rejects overlapping ones', () => {
    const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
    assert.strictEqual(applyEdits('abc\ndef', [{ range: r(1, 0, 1, 1), newText: 'D' }, { range: r(0, 0, 0, 1), newText: 'A' }]), 'Abc\nDef');
    assert.throws(() => applyEdits('abcdef', [{ range: r(0, 0, 0, 3), newText: '' }, { range: r(0, 2, 0, 4), newText: '' }]));
    assert.strictEqual(normaliseOffsetEdits([{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }], 10), undefined);
  });
  it('skips a fix that overlaps an earlier one when applying all fixes', () => {
    const r = (s: number, e: number) => ({ start: { line: 0, character: s }, end: { line: 0, character: e } });
    const out = applyFixes('abcdef', [
      { title: 'a', applicability: 'safe', edits: [{ range: r(0, 3), newText: 'X' }] },
      { title: 'b', applicability: 'safe', edits: [{ range: r(2, 4), newText: 'Y' }] },
    ]);
    assert.deepStrictEqual(out, { text: 'Xdef', applied: 1, skipped: 1 });
  });
});

describe('masking', () => {
  it('shows at most the first 4 and last 2 characters', () => {
    const secret = 'sk_live_abcdefghijklmnopqrstuvwx';
    const m = maskSecret(secret);
    assert.ok(!m.includes(secret.slice(4, -2)));
    assert.strictEqual(m.slice(0, 4), 'sk_l');
    assert.ok(m.endsWith('wx'));
    assert.strictEqual(maskSecret('short'), '********');
  });
});

describe('fixture annotations', () => {
  it('target the next code line, skipping stacked annotations and next-line suppressions', () => {
    const t = '# vigil-expect: a\n# vigil-ok: b, c\nx\n# vigil-ok: a\n# vigil-ignore-next-line a\ny\n';
    assert.deepStrictEqual(parseAnnotations(t), [
      { kind: 'expect', ruleId: 'a', line: 2 },
      { kind: 'ok', ruleId: 'b', line: 2 },
      { kind: 'ok', ruleId: 'c', line: 2 },
      { kind: 'ok', ruleId: 'a', line: 5 },
    ]);
  });
});

describe('superseding rules', () => {
  it('a specific rule silences a general one on an overlapping span, and only there', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
    fs.writeFileSync(path.join(d, 'demo-rule.yaml'), GOOD_RULE);
    fs.writeFileSync(
      path.join(d, 'special-rule.yaml'),
      GOOD_RULE.replace('demo-rule', 'special-rule').replace("regex: 'DEMO_[0-9]+'", "regex: 'DEMO_1'").replace('cwe: [1]', 'cwe: [1]\nsupersedes: [demo-rule]'),
    );
    const engine = Engine.create({ ruleDirs: [d] });
    const r = await engine.analyze({ path: 'a.txt', languageId: 'plaintext', text: 'DEMO_1\nDEMO_2\n' });
    assert.deepStrictEqual(r.findings.map((f) => `${f.ruleId}@${f.range.start.line}`), ['special-rule@0', 'demo-rule@1']);
  });
});
