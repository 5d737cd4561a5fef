// `vigil scan --history` (issue 16): secrets in past commits, each reported once at the commit that first added
// it, masked in every format, with the working-tree state, a range, and the baseline. Every value is fake.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DiffParser, type AddedLines } from '../cli/history/gitLog';
import { crc32Base62 } from '../checks/hardcoded-secret/checksum';
import { CLI, ROOT, git, tmpDir, vigil } from './cliHelpers';

const PASSWORD = 'Vg9-history-Fixture-01';
const RANDOM = 'vigilFAKEhistory0123456789abcd';
const TOKEN = `ghp_${RANDOM}${crc32Base62(RANDOM)}`;

function commit(dir: string, files: Record<string, string | null>, message: string, date: string): string {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (text === null) fs.rmSync(abs);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
  git(dir, 'add', '-A');
  git(dir, '-c', `core.hooksPath=/dev/null`, 'commit', '-q', '-m', message, '--date', date);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** Five commits: a password added then removed, copied elsewhere later; a token that stays; an unrelated change. */
function historyRepo(): { dir: string; shas: string[] } {
  const dir = tmpDir('vigil-history-');
  git(dir, 'init', '-q');
  const shas = [
    commit(dir, { '.env': `DB_HOST=db\nDB_PASSWORD=${PASSWORD}\n` }, 'add env', '2024-01-02T03:04:05Z'),
    commit(dir, { 'src/app.py': 'print("hello")\n' }, 'app', '2024-01-03T00:00:00Z'),
    commit(dir, { '.env': 'DB_HOST=db\n' }, 'remove password', '2024-01-04T00:00:00Z'),
    commit(dir, { 'deploy/conf.env': `A=1\nB=2\nDB_PASSWORD=${PASSWORD}\n`, 'src/app.py': `print("hello")\ntoken = "${TOKEN}"\n` }, 'copy and token', '2024-01-05T00:00:00Z'),
    commit(dir, { 'README.txt': 'docs\n' }, 'docs', '2024-01-06T00:00:00Z'),
  ];
  return { dir, shas };
}

interface HistoryJson {
  history: { commits: number };
  summary: { findings: number; baselined: number };
  findings: { path: string; line: number; commit: string; authorDate: string; inWorkingTree: boolean; message: string; fingerprint: string }[];
}

describe('vigil scan --history', function () {
  this.timeout(120_000);
  let repo: { dir: string; shas: string[] };
  before(() => {
    repo = historyRepo();
  });

  it('reports each secret once, at the commit, date, path and line that first added it, with its working-tree state', () => {
    const r = vigil(['scan', '--history', '--format', 'json', '--fail-on', 'none'], { cwd: repo.dir });
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as HistoryJson;
    assert.strictEqual(out.history.commits, 5);
    const got = out.findings.map((f) => [f.path, f.line, f.commit, f.authorDate.slice(0, 10), f.inWorkingTree]);
    assert.deepStrictEqual(got, [
      ['.env', 2, repo.shas[0], '2024-01-02', false],
      ['src/app.py', 2, repo.shas[3], '2024-01-05', true],
    ]);
  });

  it('never prints a raw secret, in text, JSON or SARIF', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = vigil(['scan', '--history', '--format', format, '--fail-on', 'none'], { cwd: repo.dir, env: { VIGIL_DEBUG: '1' } });
      assert.strictEqual(r.status, 0, r.stderr);
      for (const secret of [PASSWORD, TOKEN]) {
        assert.ok(!(r.stdout + r.stderr).includes(secret.slice(4, -2)), `${format} shows a raw value`);
      }
      assert.ok(r.stdout.includes(repo.shas[0]!.slice(0, 12)), `${format} names the commit`);
    }
  });

  it('SARIF results carry the commit and the working-tree state', () => {
    const r = vigil(['scan', '--history', '--format', 'sarif', '--fail-on', 'none'], { cwd: repo.dir });
    const log = JSON.parse(r.stdout) as { runs: { results: { properties: { commit: string; inWorkingTree: boolean } }[] }[] };
    assert.deepStrictEqual(log.runs[0]!.results.map((x) => [x.properties.commit, x.properties.inWorkingTree]), [[repo.shas[0], false], [repo.shas[3], true]]);
  });

  it('limits the walk to a range, and still reports a value at the first commit of that range', () => {
    const r = vigil(['scan', '--history', `${repo.shas[2]}..HEAD`, '--format', 'json', '--fail-on', 'none'], { cwd: repo.dir });
    const out = JSON.parse(r.stdout) as HistoryJson;
    assert.strictEqual(out.history.commits, 2);
    assert.deepStrictEqual(out.findings.map((f) => [f.path, f.line, f.commit]), [
      ['deploy/conf.env', 3, repo.shas[3]],
      ['src/app.py', 2, repo.shas[3]],
    ]);
  });

  it('honours a baseline written from the history, and fails on new secrets only', () => {
    const base = path.join(repo.dir, '.vigil-baseline.json');
    const w = vigil(['baseline', '--history', '--output', base], { cwd: repo.dir });
    assert.strictEqual(w.status, 0, w.stderr);
    const r = vigil(['scan', '--history', '--baseline', base, '--format', 'json'], { cwd: repo.dir });
    assert.strictEqual(r.status, 0, r.stderr);
    const { summary } = JSON.parse(r.stdout) as HistoryJson;
    assert.deepStrictEqual([summary.findings, summary.baselined], [0, 2]);
    fs.rmSync(base);
    assert.strictEqual(vigil(['scan', '--history'], { cwd: repo.dir }).status, 1);
  });

  it('refuses a range that looks like an option, an unknown revision, paths, and a folder that is not a repository', () => {
    for (const args of [['--history=--output=x'], ['--history', 'no-such-rev..HEAD'], ['--history', 'HEAD', 'src']]) {
      const r = vigil(['scan', ...args], { cwd: repo.dir });
      assert.strictEqual(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1);
    }
    assert.match(vigil(['scan', '--history'], { cwd: tmpDir() }).stderr, /needs a git repository/);
  });
});

describe('history diff parser', () => {
  it('numbers added lines from the hunk header, across hunks, CRLF lines and quoted paths', () => {
    const out: AddedLines[] = [];
    const p = new DiffParser((a) => out.push({ ...a, lines: [...a.lines] }));
    for (const l of [
      '\u0001abc 2024-01-02T00:00:00Z',
      'diff --git a/x b/x',
      '--- a/x',
      '+++ b/x',
      '@@ -1,0 +3,2 @@',
      '+one\r',
      '+two',
      '@@ -9 +20 @@',
      '-gone',
      '+three',
      'diff --git "a/t\\tb" "b/t\\tb"',
      '+++ "b/t\\tb"',
      '@@ -0,0 +1 @@',
      '++++ not a header inside a hunk',
      'diff --git a/my conf.env b/my conf.env',
      '+++ b/my conf.env\t',
      '@@ -0,0 +1 @@',
      '+x',
      '\\ No newline at end of file',
    ]) p.line(l);
    p.flush();
    assert.deepStrictEqual(out.map((a) => [a.commit, a.path, a.lines.map((l) => [l.line, l.text])]), [
      ['abc', 'x', [[3, 'one'], [4, 'two'], [20, 'three']]],
      ['abc', 't\tb', [[1, '+++ not a header inside a hunk']]],
      ['abc', 'my conf.env', [[1, 'x']]],
    ]);
  });
});

describe('pre-push hook (docs/integrations/pre-push)', function () {
  this.timeout(120_000);
  it('blocks a push whose commits add a secret, even one removed again, and lets a clean push through', () => {
    const remote = tmpDir('vigil-remote-');
    git(remote, 'init', '-q', '--bare');
    const dir = tmpDir('vigil-push-');
    git(dir, 'init', '-q');
    git(dir, 'remote', 'add', 'origin', remote);
    const hook = path.join(dir, '.git', 'hooks', 'pre-push');
    fs.copyFileSync(path.join(ROOT, 'docs', 'integrations', 'pre-push'), hook);
    fs.chmodSync(hook, 0o755);
    const env = { ...process.env, VIGIL: `${process.execPath} ${CLI}` };
    const push = (): ReturnType<typeof spawnSync> => spawnSync('git', ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { cwd: dir, env, encoding: 'utf8' });
    commit(dir, { 'app.txt': 'hello\n' }, 'clean', '2024-01-01T00:00:00Z');
    assert.strictEqual(push().status, 0);
    commit(dir, { '.env': `DB_PASSWORD=${PASSWORD}\n` }, 'secret', '2024-01-02T00:00:00Z');
    commit(dir, { '.env': 'DB_PASSWORD=\n' }, 'removed again', '2024-01-03T00:00:00Z');
    const blocked = push();
    assert.notStrictEqual(blocked.status, 0);
    assert.match(String(blocked.stderr), /push blocked/);
    assert.ok(!String(blocked.stdout).includes(PASSWORD) && !String(blocked.stderr).includes(PASSWORD));
  });
});
