// `vigil report` and `vigil scan --format summary`: the numbers (tallies, densities, trend, time to fix) checked
// against the scan they came from. The page in a browser is checked by scripts/e2e/report.mjs.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { analyse, type Snapshot } from '../cli/report/history';
import { fromHtml } from '../cli/report/inputs';
import { expiryBucket, folderOf, tallies, type ReportData } from '../cli/report/stats';
import { SECRET_VALUE, demoRepo, git, tmpDir, vigil } from './cliHelpers';

interface Island {
  data: ReportData;
  tallies: ReturnType<typeof tallies>;
  history: ReturnType<typeof analyse>;
}

function island(html: string): Island {
  const m = fromHtml(html);
  assert.ok(m, 'the report has a data island');
  return m as unknown as Island;
}

function report(args: string[], cwd: string): { html: string; data: Island } {
  const out = path.join(tmpDir('vigil-report-'), 'report.html');
  const r = vigil(['report', ...args, '--output', out], { cwd });
  assert.strictEqual(r.status, 0, r.stderr);
  const html = fs.readFileSync(out, 'utf8');
  return { html, data: island(html) };
}

function commit(repo: string, date: string, msg: string): void {
  git(repo, 'add', '-A');
  const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const r = spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', 'commit', '-qm', msg], { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
}

const snap = (label: string, date: string, fps: string[]): Snapshot => ({ label, date, findings: fps.map((fingerprint) => ({ fingerprint, ruleId: 'r', path: `${fingerprint}.txt`, severity: 'warning' as const })) });

describe('report: numbers', function () {
  // Each test runs the CLI several times; on a loaded 2-core machine one run can take 10 s.
  this.timeout(300_000);
  it('time to fix counts only findings that appeared and disappeared inside the history', () => {
    const h = analyse('git', '', [
      snap('c1', '2026-01-01T00:00:00Z', ['old']),
      snap('c2', '2026-01-03T00:00:00Z', ['old', 'a', 'b']),
      snap('c3', '2026-01-04T00:00:00Z', ['b']),
      snap('c4', '2026-01-09T00:00:00Z', []),
    ]);
    assert.deepStrictEqual(h.fixed.map((f) => [f.path, f.introduced, f.removed, f.days]), [['a.txt', 'c2', 'c3', 1], ['b.txt', 'c2', 'c4', 6]]);
    assert.strictEqual(h.openAtStart, 1);
    assert.strictEqual(h.mttrDays, 3.5);
    assert.strictEqual(h.medianDays, 3.5);
    assert.deepStrictEqual(h.points.map((p) => p.counts.warning), [1, 3, 1, 0]);
  });

  it('folders are the first segment below the shared prefix; expiry buckets are relative to today', () => {
    assert.strictEqual(folderOf('app/src/x', 'app'), 'src');
    assert.strictEqual(folderOf('app', 'app'), '.');
    assert.strictEqual(folderOf('lib/a', ''), 'lib');
    assert.deepStrictEqual(['2026-01-01', '2026-02-10', '2027-01-01', undefined].map((d) => expiryBucket(d, '2026-02-01')), ['expired', 'within 30 days', 'later', 'no expiry']);
  });

  it('trend and MTTR from the git history of the scanned files, from any folder', () => {
    const repo = demoRepo({ 'src/a.txt': 'DEMO_TOKEN_1\n' });
    git(repo, 'init', '-q');
    commit(repo, '2026-01-01T00:00:00Z', 'one');
    fs.writeFileSync(path.join(repo, 'src', 'b.txt'), 'x = DEMO_TOKEN_2\n');
    commit(repo, '2026-01-05T00:00:00Z', 'two');
    fs.writeFileSync(path.join(repo, 'src', 'b.txt'), 'x = fromEnvironment()\n');
    commit(repo, '2026-01-08T00:00:00Z', 'three');
    fs.writeFileSync(path.join(repo, 'README.txt'), 'docs\n');
    commit(repo, '2026-01-10T00:00:00Z', 'four');
    const { data } = report([repo], tmpDir());
    assert.strictEqual(data.history.source, 'git');
    assert.deepStrictEqual(data.history.points.map((p) => p.counts.warning), [1, 2, 1, 1]);
    assert.deepStrictEqual(data.history.fixed.map((f) => [f.ruleId, f.path, f.days]), [['demo-token', 'src/b.txt', 3]]);
    assert.strictEqual(data.history.mttrDays, 3);
    assert.strictEqual(data.history.openAtStart, 1);
    const bounded = report([repo, '--history-commits', '2'], tmpDir()).data;
    assert.strictEqual(bounded.history.points.length, 2);
  });

  it('charts count what the JSON scan reports; --from SARIF and JSON give the same numbers; secrets stay masked', () => {
    const repo = demoRepo({
      'src/a.txt': 'DEMO_TOKEN_1\nDEMO_TOKEN_2 # vigil-ignore demo-token until 2999-01-01 -- test data\n',
      'lib/b.txt': `k = ${SECRET_VALUE}\nplain\nplain\n`,
    });
    const { html, data } = report(['--history-commits', '0'], repo);
    assert.ok(!html.includes(SECRET_VALUE), 'the secret is masked');
    const scan = JSON.parse(vigil(['scan', '--format', 'json', '--include-suppressed', '--fail-on', 'none'], { cwd: repo }).stdout) as { findings: { ruleId: string; severity: string; suppression?: unknown }[] };
    const open = scan.findings.filter((f) => !f.suppression);
    assert.strictEqual(data.tallies.open, open.length);
    assert.deepStrictEqual(Object.fromEntries(data.tallies.byRule.map((r) => [r.key, r.count])), { 'demo-secret': 1, 'demo-token': 1 });
    assert.deepStrictEqual(data.tallies.byStatus.map((r) => r.count), [2, 0, 1]);
    assert.deepStrictEqual(data.tallies.suppressionsByReason, [{ key: 'test data', count: 1 }]);
    assert.deepStrictEqual(data.tallies.suppressionsByExpiry, [{ key: 'later', count: 1 }]);
    const folders = Object.fromEntries(data.tallies.byFolder.map((r) => [r.key, [r.count, r.lines, r.density]]));
    assert.deepStrictEqual(folders.src, [1, 2, 500]);
    assert.deepStrictEqual(folders.lib, [1, 3, 333.33]);
    // Every chart's bars add up to its total, and the severity chart's total is the open findings.
    for (const m of html.matchAll(/<svg class="chart" data-chart="(\w+)" data-total="(\d+)"[\s\S]*?<\/svg>/g)) {
      const sum = [...m[0].matchAll(/class="bar" data-key="[^"]*" data-value="(\d+)"/g)].reduce((n, b) => n + Number(b[1]), 0);
      assert.strictEqual(sum, Number(m[2]), `chart ${m[1]}`);
      if (m[1] === 'bySeverity') assert.strictEqual(Number(m[2]), open.length);
    }
    const out = tmpDir();
    fs.writeFileSync(path.join(out, 'scan.sarif'), vigil(['scan', '--format', 'sarif', '--fail-on', 'none'], { cwd: repo }).stdout);
    fs.writeFileSync(path.join(out, 'scan.json'), vigil(['scan', '--format', 'json', '--include-suppressed', '--fail-on', 'none'], { cwd: repo }).stdout);
    for (const f of ['scan.sarif', 'scan.json']) {
      const t = report(['--from', path.join(out, f)], tmpDir()).data.tallies;
      assert.deepStrictEqual([t.open, t.byRule, t.byFolder, t.byStatus], [data.tallies.open, data.tallies.byRule, data.tallies.byFolder, data.tallies.byStatus], f);
    }
  });

  it('a folder of earlier reports gives the trend (--history-dir)', () => {
    const repo = demoRepo({ 'a.txt': 'DEMO_TOKEN_1\nDEMO_TOKEN_2\n' });
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, '2026-01-01.html'), report(['--history-commits', '0'], repo).html);
    fs.writeFileSync(path.join(repo, 'a.txt'), 'DEMO_TOKEN_1\n');
    fs.writeFileSync(path.join(dir, '2026-01-02.json'), vigil(['scan', '--format', 'json', '--fail-on', 'none'], { cwd: repo }).stdout);
    const h = report(['--history-dir', dir], repo).data.history;
    assert.strictEqual(h.source, 'history-dir');
    assert.deepStrictEqual(h.points.map((p) => p.counts.warning), [2, 1]);
    assert.strictEqual(h.fixed.length, 0, 'the removed finding was open at the first point');
    assert.strictEqual(h.openAtStart, 2);
  });

  it('scan --format summary prints the counts and the density table', () => {
    const repo = demoRepo({ 'src/a.txt': 'DEMO_TOKEN_1\nok\nok\nok\n', 'lib/b.txt': 'ok\n' });
    const r = vigil(['scan', '--format', 'summary', '--fail-on', 'none'], { cwd: repo });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^1 open findings \(0 error, 1 warning, 0 info\) in \d+ files/);
    assert.match(r.stdout, /^src\s+1\s+4\s+250\.00$/m);
    assert.match(r.stdout, /^lib\s+0\s+1\s+0\.00$/m);
    assert.match(r.stdout, /^plaintext\s+1\s+/m);
  });
});
