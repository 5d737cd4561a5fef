import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { sarifValidator } from './sarifSchema';
import { FINGERPRINT_KEY, SRCROOT, sarifRegion, type SarifLog } from '../cli/sarif';
import { ROOT, demoRepo, tmpDir, vigil, writeFiles } from './cliHelpers';

const validate = sarifValidator();

function sarif(args: string[], cwd = ROOT): SarifLog {
  const r = vigil(['scan', ...args, '--format', 'sarif'], { cwd });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as SarifLog;
}

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('sarif', () => {
  it('schema check can fail: a result without a message is rejected', () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] };
    assert.strictEqual(validate(bad), false);
  });

  it('scan of test-fixtures is valid SARIF 2.1.0 with what GitHub code scanning reads', () => {
    // A copy: the repository's own .vigilignore keeps test-fixtures/ out of its self-scan.
    const base = tmpDir('vigil-sarif-fixtures-');
    fs.cpSync(path.join(ROOT, 'test-fixtures'), path.join(base, 'test-fixtures'), { recursive: true });
    const log = sarif(['test-fixtures', '--root', '.'], base);
    assertValid(log);
    const run = log.runs[0]!;
    assert.strictEqual(run.tool.driver.name, 'Vigil');
    assert.strictEqual(run.columnKind, 'utf16CodeUnits');
    assert.match(run.originalUriBaseIds[SRCROOT].uri, /^file:\/\/.*\/$/);
    const weak = run.tool.driver.rules.find((r) => r.id === 'weak-hash')!;
    assert.ok(weak.shortDescription.text && weak.fullDescription.text && weak.help.markdown.includes('## Why it is risky'));
    assert.match(weak.helpUri, /^https:\/\/.*weak-hash/);
    assert.ok(weak.properties.tags.includes('security'));
    assert.ok(weak.properties.tags.includes('external/cwe/cwe-328'));
    assert.strictEqual(weak.properties.precision, 'high');
    assert.match(weak.properties['security-severity'], /^\d+\.\d$/);
    const res = run.results.find((r) => r.ruleId === 'weak-hash' && r.locations[0].physicalLocation.artifactLocation.uri.startsWith('test-fixtures/weak-hash/'))!;
    assert.ok(res, 'a weak-hash finding in its own fixtures');
    assert.strictEqual(res.locations[0].physicalLocation.artifactLocation.uriBaseId, SRCROOT);
    assert.strictEqual(run.tool.driver.rules[res.ruleIndex].id, 'weak-hash');
    assert.match(res.partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{32}$/);
    const fixed = run.results.find((r) => r.fixes?.length);
    assert.ok(fixed, 'some fixture finding carries a fix');
    const rep = fixed.fixes[0].artifactChanges[0].replacements[0];
    assert.ok(rep.deletedRegion.startLine >= 1 && typeof rep.insertedContent.text === 'string');
    assert.deepStrictEqual(fixed.fixes[0].artifactChanges[0].artifactLocation, fixed.locations[0].physicalLocation.artifactLocation);
  });

  it('result regions are 1-based with an exclusive end column', () => {
    const dir = demoRepo({ 'r.txt': 'first\nab DEMO_TOKEN_12 cd\n' });
    const res = sarif([], dir).runs[0]!.results.find((r) => r.ruleId === 'demo-token')!;
    assert.deepStrictEqual(res.locations[0].physicalLocation, {
      artifactLocation: { uri: 'r.txt', uriBaseId: SRCROOT },
      region: { startLine: 2, startColumn: 4, endLine: 2, endColumn: 17 },
    });
    assert.strictEqual(res.level, 'warning');
    assert.strictEqual(res.message.text, 'Demo finding of demo-token; replace it with the approved value.');
  });

  it('records in-source suppressions with their justification', () => {
    const dir = demoRepo({ 's.txt': 'DEMO_TOKEN_1 # vigil-ignore demo-token -- fixture data\nDEMO_TOKEN_2\n' });
    const log = sarif([], dir);
    assertValid(log);
    const mine = log.runs[0]!.results.filter((r) => r.ruleId === 'demo-token');
    assert.deepStrictEqual(mine.map((r) => r.suppressions), [[{ kind: 'inSource', status: 'accepted', justification: 'fixture data' }], undefined]);
  });

  it('skipped files are tool notifications, paths with spaces are URI-encoded', () => {
    const dir = demoRepo({ 'my dir/a b.txt': 'DEMO_TOKEN_1\n', 'big.txt': 'x'.repeat(300) }, 'maxFileSize: 100\n');
    const log = sarif([], dir);
    assertValid(log);
    const run = log.runs[0]!;
    assert.ok(run.results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'my%20dir/a%20b.txt'));
    const n = run.invocations[0].toolExecutionNotifications as { message: { text: string } }[];
    assert.ok(n.some((x) => /size limit/.test(x.message.text)));
  });

  it('region conversion: 0-based LSP to 1-based SARIF with exclusive end column', () => {
    assert.deepStrictEqual(sarifRegion({ start: { line: 0, character: 0 }, end: { line: 2, character: 4 } }), { startLine: 1, startColumn: 1, endLine: 3, endColumn: 5 });
  });

  it('shards: all N shards merged with `vigil merge` equal one run', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`p${i % 5}/f${i}.txt`] = i % 2 ? `DEMO_TOKEN_${i}\nx\nDEMO_TOKEN_${i}\n` : 'clean\n';
    files['big.txt'] = 'y'.repeat(300);
    const dir = demoRepo(files, 'maxFileSize: 200\n');
    const whole = sarif([], dir);
    const parts: string[] = [];
    const counts: number[] = [];
    const outDir = tmpDir('vigil-shards-');
    for (let i = 1; i <= 3; i++) {
      const out = path.join(outDir, `shard${i}.sarif`);
      const r = vigil(['scan', '--shard', `${i}/3`, '--format', 'sarif', '--output', out], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      parts.push(out);
      counts.push((JSON.parse(fs.readFileSync(out, 'utf8')) as SarifLog).runs[0]!.results.length);
    }
    assert.ok(counts.every((c) => c > 0 && c < whole.runs[0]!.results.length), `every shard has part of the work: ${counts}`);
    const m = vigil(['merge', ...parts], { cwd: dir });
    assert.strictEqual(m.status, 0, m.stderr);
    const merged = JSON.parse(m.stdout) as SarifLog;
    assertValid(merged);
    assert.deepStrictEqual(merged, whole);
  });

  it('merge rejects a file that is not SARIF (exit 2)', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'x.sarif': '{"version":"1.0"}' });
    const r = vigil(['merge', 'x.sarif'], { cwd: dir });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /x\.sarif is not a SARIF 2\.1\.0 log/);
  });
});
