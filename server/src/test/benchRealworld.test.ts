// The label bookkeeping of `npm run bench:realworld` (bench/realworldLabels.mjs): a label must follow its finding
// across line moves and whitespace changes, go away when the line's code or the rule changes, count once per
// fingerprint, and a malformed label file must stop the run with the line at fault rather than skew precision.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT, tmpDir } from './cliHelpers';

// The bench modules are untyped JavaScript: what they return is `any` here.
const bench = (name: string): Promise<any> => import(pathToFileURL(path.join(ROOT, 'bench', name)).href);

describe('bench:realworld labels', () => {
  it('fingerprints by package, path, rule and the line text with whitespace collapsed', async () => {
    const { fingerprintOf } = await bench('realworldLabels.mjs');
    const base = fingerprintOf('python3-django', 'django/db/x.py', 'sql-injection', 'cursor.execute(sql % t)');
    assert.strictEqual(fingerprintOf('python3-django', 'django/db/x.py', 'sql-injection', '    cursor.execute(sql  %  t)  '), base);
    assert.notStrictEqual(fingerprintOf('python3-django', 'django/db/x.py', 'sql-injection', 'cursor.execute(sql % u)'), base);
    assert.notStrictEqual(fingerprintOf('python3-django', 'django/db/x.py', 'code-injection', 'cursor.execute(sql % t)'), base);
    assert.notStrictEqual(fingerprintOf('python3-flask', 'django/db/x.py', 'sql-injection', 'cursor.execute(sql % t)'), base);
    assert.match(base, /^[0-9a-f]{16}$/);
  });

  it('counts precision per rule once per fingerprint, only for findings of the run', async () => {
    const { precisionRows } = await bench('realworldLabels.mjs');
    const labels = new Map([
      ['a', { key: 'a', rule: 'weak-hash', label: 'TP', reason: 'r' }],
      ['b', { key: 'b', rule: 'weak-hash', label: 'FP', reason: 'r' }],
      ['c', { key: 'c', rule: 'xss', label: 'FP', reason: 'r' }],
      ['gone', { key: 'gone', rule: 'xss', label: 'TP', reason: 'no longer reported' }],
    ]);
    const findings = [
      { key: 'a', ruleId: 'weak-hash' },
      { key: 'a', ruleId: 'weak-hash' },
      { key: 'b', ruleId: 'weak-hash' },
      { key: 'c', ruleId: 'xss' },
      { key: 'unlabelled', ruleId: 'xss' },
    ];
    const rows = precisionRows(findings, labels);
    assert.deepStrictEqual(rows.get('weak-hash'), { n: 2, tp: 1, fp: 1, precision: 0.5 });
    assert.deepStrictEqual(rows.get('xss'), { n: 1, tp: 0, fp: 1, precision: 0 });
    assert.deepStrictEqual(rows.get('*'), { n: 3, tp: 1, fp: 2, precision: 1 / 3 });
  });

  it('rejects a label without a reason or with an unknown verdict, naming the line', async () => {
    const { loadLabels } = await bench('realworldLabels.mjs');
    const dir = tmpDir('rw-labels-');
    const file = path.join(dir, 'labels.jsonl');
    const good = JSON.stringify({ key: 'k1', rule: 'xss', label: 'FP', reason: 'escaped first' });
    fs.writeFileSync(file, `${good}\n\n`);
    assert.strictEqual(loadLabels(file).get('k1').label, 'FP');
    fs.writeFileSync(file, `${good}\n${JSON.stringify({ key: 'k2', rule: 'xss', label: 'TP', reason: ' ' })}\n`);
    assert.throws(() => loadLabels(file), /labels\.jsonl:2: needs key, rule, label/);
    fs.writeFileSync(file, `${JSON.stringify({ key: 'k3', rule: 'xss', label: 'maybe', reason: 'x' })}\n`);
    assert.throws(() => loadLabels(file), /labels\.jsonl:1:/);
    fs.writeFileSync(file, '{"key":\n');
    assert.throws(() => loadLabels(file), /labels\.jsonl:1: not JSON/);
    assert.strictEqual(loadLabels(path.join(dir, 'missing.jsonl')).size, 0);
  });

  it('keeps every committed label well-formed', async () => {
    const { loadLabels, LABELS_FILE } = await bench('realworldLabels.mjs');
    const labels = loadLabels(path.join(ROOT, LABELS_FILE));
    assert.ok(labels.size >= 150, `at least 150 labels, found ${labels.size}`);
  });
});
