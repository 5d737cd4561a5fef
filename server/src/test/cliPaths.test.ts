// `vigil scan PATH...` from any folder: paths, SARIF URIs and fingerprints depend on the scanned repository, not on
// where the command ran, and the baseline, git selections, shards and merge keep working.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { sarifValidator } from './sarifSchema';
import type { SarifLog } from '../cli/sarif';
import { demoRepo, git, json, tmpDir, vigil, writeFiles } from './cliHelpers';

const validate = sarifValidator();

function assertValid(log: unknown): void {
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

function sarif(args: string[], cwd: string): SarifLog {
  const r = vigil(['scan', ...args, '--format', 'sarif', '--fail-on', 'none'], { cwd });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as SarifLog;
}

/** A git repository with findings in two folders, committed, plus a folder outside it to run from. */
function gitRepo(): { repo: string; elsewhere: string } {
  const repo = demoRepo({ 'src/a.txt': 'key = DEMO_TOKEN_1\n', 'lib/deep/b.txt': 'x\nDEMO_TOKEN_2 here\n' });
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'init');
  const elsewhere = tmpDir('vigil-elsewhere-');
  return { repo, elsewhere };
}

const uris = (log: SarifLog): string[] => log.runs.flatMap((r) => r.results.map((x) => String(x.locations[0].physicalLocation.artifactLocation.uri)));

describe('cli: any path', function () {
  // Each test runs the CLI several times; on a loaded 2-core machine one run can take 10 s.
  this.timeout(300_000);
  it('absolute and relative paths from other folders give identical, schema-valid SARIF', () => {
    const { repo, elsewhere } = gitRepo();
    const fromRoot = sarif([], repo);
    const absolute = sarif([repo], elsewhere);
    const relative = sarif([path.relative(elsewhere, repo)], elsewhere);
    const fromSub = sarif([], path.join(repo, 'lib'));
    assertValid(fromRoot);
    assert.deepStrictEqual(uris(fromRoot), ['lib/deep/b.txt', 'src/a.txt']);
    assert.strictEqual(fromRoot.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepStrictEqual(absolute, fromRoot);
    assert.deepStrictEqual(relative, fromRoot);
    // From a subfolder, `.` is that subfolder, reported against the repository's top level.
    assert.deepStrictEqual(uris(fromSub), ['lib/deep/b.txt']);
    assert.deepStrictEqual(fromSub.runs[0]!.results, fromRoot.runs[0]!.results.slice(0, 1));
  });

  it('a baseline written in the repository is honoured by a scan run elsewhere', () => {
    const { repo, elsewhere } = gitRepo();
    const b = vigil(['baseline', repo], { cwd: elsewhere });
    assert.strictEqual(b.status, 0, b.stderr);
    assert.ok(fs.existsSync(path.join(repo, '.vigil-baseline.json')), 'the baseline goes into the scan root');
    fs.appendFileSync(path.join(repo, 'src', 'a.txt'), 'DEMO_TOKEN_3\n');
    const r = json(vigil(['scan', path.join(repo, 'src'), '--baseline', path.join(repo, '.vigil-baseline.json'), '--format', 'json', '--fail-on', 'none'], { cwd: elsewhere }));
    assert.deepStrictEqual(r.findings.map((f) => `${f.path}:${f.line}`), ['src/a.txt:2']);
    assert.strictEqual(r.summary.baselined, 1);
  });

  it('outside git, the folder with .vigil.yaml is the root, else the named folder; --root overrides', () => {
    const dir = demoRepo({ 'pkg/a.txt': 'DEMO_TOKEN_1\n' });
    const elsewhere = tmpDir('vigil-elsewhere-');
    assert.deepStrictEqual(json(vigil(['scan', path.join(dir, 'pkg'), '--format', 'json', '--fail-on', 'none'], { cwd: elsewhere })).findings.map((f) => f.path), ['pkg/a.txt']);
    const bare = tmpDir('vigil-bare-');
    writeFiles(bare, { 'sub/x.env': 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Lm2Xw9T\n' });
    const plain = json(vigil(['scan', path.join(bare, 'sub'), '--format', 'json', '--fail-on', 'none', '--no-ignore'], { cwd: elsewhere }));
    assert.ok(plain.findings.length > 0, 'the built-in secret rule flags the file');
    assert.deepStrictEqual([...new Set(plain.findings.map((f) => f.path))], ['x.env']);
    const rooted = json(vigil(['scan', path.join(bare, 'sub'), '--root', bare, '--format', 'json', '--fail-on', 'none', '--no-ignore'], { cwd: elsewhere }));
    assert.deepStrictEqual([...new Set(rooted.findings.map((f) => f.path))], ['sub/x.env']);
    const outside = vigil(['scan', bare, '--root', path.join(bare, 'sub')], { cwd: elsewhere });
    assert.strictEqual(outside.status, 2);
    assert.match(outside.stderr, /outside --root/);
  });

  it('two repositories at once: one run per root, each with its own category, paths relative to each', () => {
    const a = gitRepo().repo;
    const { repo: b, elsewhere } = gitRepo();
    const log = sarif([a, b], elsewhere);
    assertValid(log);
    assert.strictEqual(log.runs.length, 2);
    const ids = log.runs.map((r) => String(r.automationDetails?.id));
    assert.notStrictEqual(ids[0], ids[1]);
    for (const [i, root] of [a, b].entries()) {
      assert.strictEqual(log.runs[i]!.originalUriBaseIds['%SRCROOT%'].uri, `file://${fs.realpathSync(root)}/`);
      assert.deepStrictEqual(uris({ ...log, runs: [log.runs[i]!] }), ['lib/deep/b.txt', 'src/a.txt']);
    }
    const j = JSON.parse(vigil(['scan', a, b, '--format', 'json', '--fail-on', 'none'], { cwd: elsewhere }).stdout) as { roots: string[]; findings: { root: string }[] };
    assert.deepStrictEqual(j.roots, [fs.realpathSync(a), fs.realpathSync(b)]);
    assert.deepStrictEqual(j.findings.map((f) => f.root), [j.roots[0], j.roots[0], j.roots[1], j.roots[1]]);
    const text = vigil(['scan', a, b, '--fail-on', 'none'], { cwd: elsewhere }).stdout;
    assert.deepStrictEqual(text.split('\n').filter((l) => l.startsWith('Root ')), [`Root ${fs.realpathSync(a)}`, `Root ${fs.realpathSync(b)}`]);
    // vigil merge keeps runs of different roots apart (they differ in category), so the log survives a merge as it is.
    const out = tmpDir();
    fs.writeFileSync(path.join(out, 'two.sarif'), JSON.stringify(log));
    const merged = JSON.parse(vigil(['merge', 'two.sarif'], { cwd: out }).stdout) as SarifLog;
    assert.deepStrictEqual(merged, log);
  });

  it('--changed-since, --staged and --shard + merge work from another folder', () => {
    const { repo, elsewhere } = gitRepo();
    fs.appendFileSync(path.join(repo, 'src', 'a.txt'), 'DEMO_TOKEN_9\n');
    const changed = json(vigil(['scan', repo, '--changed-since', 'HEAD', '--format', 'json', '--fail-on', 'none'], { cwd: elsewhere }));
    assert.deepStrictEqual([...new Set(changed.findings.map((f) => f.path))], ['src/a.txt']);
    git(repo, 'add', 'src/a.txt');
    const staged = json(vigil(['scan', repo, '--staged', '--format', 'json', '--fail-on', 'none'], { cwd: elsewhere }));
    assert.deepStrictEqual(staged.findings.map((f) => `${f.path}:${f.line}`), ['src/a.txt:1', 'src/a.txt:2']);
    const whole = sarif([repo], elsewhere);
    const out = tmpDir();
    for (const i of [1, 2]) fs.writeFileSync(path.join(out, `${i}.sarif`), JSON.stringify(sarif([repo, '--shard', `${i}/2`], elsewhere)));
    const merged = JSON.parse(vigil(['merge', '1.sarif', '2.sarif'], { cwd: out }).stdout) as SarifLog;
    assert.deepStrictEqual(merged, whole);
  });

  it('vigil suppressions lists paths relative to the root when run elsewhere', () => {
    const repo = demoRepo({ 'src/a.txt': '# vigil-ignore demo-token -- test data\nDEMO_TOKEN_1\n' });
    const r = vigil(['suppressions', path.join(repo, 'src'), '--format', 'json'], { cwd: tmpDir() });
    assert.strictEqual(r.status, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as { suppressions: { path: string; reason: string }[] }).suppressions;
    assert.deepStrictEqual(rows.map((x) => [x.path, x.reason]), [['src/a.txt', 'test data']]);
  });
});
