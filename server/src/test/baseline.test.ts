import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BaselineError, loadBaseline } from '../project/baseline';
import { demoRepo, json, tmpDir, vigil } from './cliHelpers';

describe('baseline', () => {
  it('round trip: write, rescan shows 0 new; moved lines stay baselined; a new finding shows 1', () => {
    const dir = demoRepo({ 'a.txt': 'x\nDEMO_TOKEN_1\n', 'b/c.txt': 'DEMO_TOKEN_2\nDEMO_TOKEN_2\n' });
    const w = vigil(['baseline'], { cwd: dir });
    assert.strictEqual(w.status, 0, w.stderr);
    assert.match(w.stderr, /Wrote 3 findings to \.vigil-baseline\.json/);
    const file = JSON.parse(fs.readFileSync(path.join(dir, '.vigil-baseline.json'), 'utf8')) as { findings: { fingerprint: string; ruleId: string; path: string }[] };
    assert.deepStrictEqual(file.findings.filter((f) => f.ruleId === 'demo-token').map((f) => f.path), ['a.txt', 'b/c.txt', 'b/c.txt']);
    assert.ok(!JSON.stringify(file).includes('DEMO_TOKEN'), 'the baseline stores fingerprints, not code');

    const scan = (): ReturnType<typeof vigil> => vigil(['scan', '--baseline', '.vigil-baseline.json', '--format', 'json', '--fail-on', 'warning'], { cwd: dir });
    let r = scan();
    assert.strictEqual(r.status, 0, r.stdout);
    assert.strictEqual(json(r).findings.length, 0);
    assert.strictEqual(json(r).summary.baselined, 3);

    fs.writeFileSync(path.join(dir, 'a.txt'), '\n\n\nx\n\nDEMO_TOKEN_1\n');
    r = scan();
    assert.strictEqual(json(r).findings.length, 0, 'moving lines keeps the fingerprint');

    fs.appendFileSync(path.join(dir, 'a.txt'), 'DEMO_TOKEN_3\n');
    r = scan();
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(json(r).findings.map((f) => [f.path, f.line]), [['a.txt', 7]]);
    assert.match(vigil(['scan', '--baseline', '.vigil-baseline.json'], { cwd: dir }).stdout, /1 finding .*3 in baseline/);
  });

  it('the same fingerprints as the engine reports in json', () => {
    const dir = demoRepo({ 'a.txt': 'DEMO_TOKEN_1\n' });
    vigil(['baseline', '--output', 'base.json'], { cwd: dir });
    const base = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8')) as { findings: { fingerprint: string }[] };
    const rep = json(vigil(['scan', '--format', 'json'], { cwd: dir }));
    assert.deepStrictEqual(base.findings.map((f) => f.fingerprint).sort(), rep.findings.map((f) => f.fingerprint).sort());
  });

  it('a missing or broken baseline is a one-line error with exit 2', () => {
    const dir = demoRepo({ 'a.txt': 'x\n', 'bad.json': '{ nope', 'wrong.json': '{"version": 7}' });
    for (const [file, msg] of [['missing.json', /cannot read baseline/], ['bad.json', /not valid JSON/], ['wrong.json', /not a Vigil baseline/]] as const) {
      const r = vigil(['scan', '--baseline', file], { cwd: dir });
      assert.strictEqual(r.status, 2, file);
      assert.match(r.stderr, msg);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1);
    }
  });

  it('loadBaseline rejects entries without a fingerprint', () => {
    const f = path.join(tmpDir(), 'b.json');
    fs.writeFileSync(f, JSON.stringify({ version: 1, findings: [{ ruleId: 'x', path: 'a' }] }));
    assert.throws(() => loadBaseline(f), (e: unknown) => e instanceof BaselineError && /entry 0/.test((e as Error).message));
  });
});
