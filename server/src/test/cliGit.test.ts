import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, demoRepo, git, json, tmpDir, vigil } from './cliHelpers';

function repo(files: Record<string, string>): string {
  const dir = demoRepo(files);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

const demoFindings = (r: ReturnType<typeof vigil>): string[] =>
  json(r)
    .findings.filter((f) => f.ruleId === 'demo-token')
    .map((f) => `${f.path}:${f.line}`);

describe('cli: git-based selection', () => {
  it('--staged scans the staged content, not the working copy', () => {
    const dir = repo({ 'a.txt': 'clean\n', 'b.txt': 'clean\n' });
    fs.writeFileSync(path.join(dir, 'a.txt'), 'clean\nDEMO_TOKEN_1\n');
    git(dir, 'add', 'a.txt');
    // The working copy then drops the finding again: the staged blob still has it.
    fs.writeFileSync(path.join(dir, 'a.txt'), 'clean\n');
    // b.txt gets a finding in the working copy only: not staged, not scanned.
    fs.writeFileSync(path.join(dir, 'b.txt'), 'DEMO_TOKEN_2\n');
    const r = vigil(['scan', '--staged', '--format', 'json', '--fail-on', 'warning'], { cwd: dir });
    assert.deepStrictEqual(demoFindings(r), ['a.txt:2']);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(json(r).summary.filesScanned, 1);
  });

  it('--staged with nothing staged scans nothing and exits 0', () => {
    const dir = repo({ 'a.txt': 'DEMO_TOKEN_1\n' });
    const r = vigil(['scan', '--staged', '--format', 'json', '--fail-on', 'warning'], { cwd: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(json(r).summary.filesScanned, 0);
  });

  it('--changed-since scans files changed since the revision, plus untracked ones', () => {
    const dir = repo({ 'old.txt': 'DEMO_TOKEN_1\n', 'mod.txt': 'clean\n' });
    fs.writeFileSync(path.join(dir, 'mod.txt'), 'DEMO_TOKEN_2\n');
    fs.writeFileSync(path.join(dir, 'new.txt'), 'DEMO_TOKEN_3\n');
    const r = vigil(['scan', '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    assert.deepStrictEqual(demoFindings(r), ['mod.txt:1', 'new.txt:1']);
  });

  it('needs a git repository and a valid revision (exit 2, one line)', () => {
    const plain = demoRepo({ 'a.txt': 'x\n' });
    for (const args of [['scan', '--staged'], ['scan', '--changed-since', 'HEAD']]) {
      const r = vigil(args, { cwd: plain, env: { GIT_CEILING_DIRECTORIES: path.dirname(plain) } });
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /needs a git repository/);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1);
    }
    const dir = repo({ 'a.txt': 'x\n' });
    const bad = vigil(['scan', '--changed-since', 'no-such-rev'], { cwd: dir });
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /unknown revision 'no-such-rev'/);
  });
});

describe('integrations', () => {
  it('the plain git pre-commit hook blocks a commit with an error finding and lets a clean one through', () => {
    const dir = repo({ 'a.txt': 'clean\n' });
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.copyFileSync(path.join(ROOT, 'docs', 'integrations', 'pre-commit'), hook);
    fs.chmodSync(hook, 0o755);
    const env = { ...process.env, VIGIL: `${process.execPath} ${path.join(ROOT, 'server', 'out', 'cli.js')}` };
    const commit = (): number | null =>
      spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'x'], { cwd: dir, env, encoding: 'utf8' }).status;
    fs.writeFileSync(path.join(dir, 'b.txt'), 'DEMOSECRET_q8Zr4Lm2Xw9Tb7Kc1Vn5\n');
    git(dir, 'add', 'b.txt');
    assert.notStrictEqual(commit(), 0, 'commit with a secret must be blocked');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'clean\n');
    git(dir, 'add', 'b.txt');
    assert.strictEqual(commit(), 0);
  });

  it('.pre-commit-hooks.yaml runs vigil on the staged content', () => {
    const text = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    assert.match(text, /id: vigil/);
    assert.match(text, /entry: .*vigil scan --staged/);
    assert.match(text, /pass_filenames: false/);
  });

  it('the GitHub Actions example uploads vigil SARIF', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'integrations', 'github-actions.yml'), 'utf8');
    assert.match(text, /vigil scan .*--format sarif --output vigil\.sarif/);
    assert.match(text, /github\/codeql-action\/upload-sarif@v3/);
    assert.match(text, /security-events: write/);
  });

  it('tmp dirs are outside the repository (sanity for the git tests)', () => {
    assert.ok(!tmpDir().startsWith(ROOT));
  });
});
