// .vigil.yaml is found from each scanned file's folder upwards to the repository root, as git finds .gitignore
// files, in the CLI and in the editor; the nearest config wins for each file (issue 21, point 6).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, ConfigLocator, repositoryRoot } from '../project/config';
import { demoRule, json, tmpDir, vigil, writeFiles } from './cliHelpers';
import { byRule, LspClient } from './lspClient';

/**
 * repo/.git, repo/.vigil.yaml (custom rules, demo-token raised to error, `*.gen.txt` and `legacy/**` ignored),
 * repo/app/ without a config, repo/svc/.vigil.yaml (the same rules, demo-token disabled).
 */
function monorepo(): string {
  const dir = tmpDir('vigil-lookup-');
  writeFiles(dir, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    [CONFIG_FILE]: 'rules: [tools/vigil]\nseverity: { demo-token: error }\nignore: ["*.gen.txt", "legacy/**"]\n',
    'tools/vigil/rules/demo-token.yaml': demoRule('demo-token', 'DEMO_TOKEN_[0-9]+'),
    'tools/vigil/rules/demo-other.yaml': demoRule('demo-other', 'DEMO_OTHER_[0-9]+'),
    'app/src/a.txt': 'DEMO_TOKEN_1\n',
    'app/src/skip.gen.txt': 'DEMO_TOKEN_2\n',
    'app/legacy/kept.txt': 'DEMO_TOKEN_3\n',
    'legacy/old.txt': 'DEMO_TOKEN_4\n',
    'svc/.vigil.yaml': 'rules: [../tools/vigil]\ndisable: [demo-token]\n',
    'svc/s.txt': 'DEMO_TOKEN_5 DEMO_OTHER_5\n',
    'svc/skip.gen.txt': 'DEMO_OTHER_6\n',
  });
  return dir;
}

type Rows = [string, string, string][];

function scan(cwd: string, args: string[] = []): Rows {
  const r = vigil(['scan', '--format', 'json', '--fail-on', 'none', ...args], { cwd });
  assert.strictEqual(r.status, 0, r.stderr);
  return json(r)
    .findings.filter((f) => f.ruleId.startsWith('demo-'))
    .map((f): [string, string, string] => [f.path, f.ruleId, f.severity]);
}

describe('config lookup: the nearest .vigil.yaml from each file up to the repository root', function () {
  this.timeout(120_000);

  it('ConfigLocator: nearest wins, the repository root is the boundary, outside a repository the limit is', () => {
    const dir = monorepo();
    const loc = new ConfigLocator(path.join(dir, 'app'));
    assert.strictEqual(repositoryRoot(path.join(dir, 'app', 'src')), dir);
    assert.strictEqual(loc.find(path.join(dir, 'app', 'src')), path.join(dir, CONFIG_FILE));
    assert.strictEqual(loc.find(path.join(dir, 'svc')), path.join(dir, 'svc', CONFIG_FILE));
    // A config above the repository root is not the repository's.
    const outer = tmpDir('vigil-outer-');
    writeFiles(outer, { [CONFIG_FILE]: 'disable: []\n', 'repo/.git/HEAD': 'x\n', 'repo/src/a.txt': 'x\n', 'plain/src/a.txt': 'x\n' });
    assert.strictEqual(new ConfigLocator(path.join(outer, 'repo')).find(path.join(outer, 'repo', 'src')), undefined);
    // Outside a repository the search stops at the folder vigil runs in.
    assert.strictEqual(new ConfigLocator(path.join(outer, 'plain')).find(path.join(outer, 'plain', 'src')), undefined);
    assert.strictEqual(new ConfigLocator(outer).find(path.join(outer, 'plain', 'src')), path.join(outer, CONFIG_FILE));
  });

  it('vigil scan in a subfolder applies the repository config: its rules, severities and ignore globs', () => {
    const dir = monorepo();
    // `*.gen.txt` matches at any depth; `legacy/**` is anchored to the config's folder, so app/legacy is scanned.
    // Paths are relative to the scan root, the repository's top level, wherever vigil runs.
    assert.deepStrictEqual(scan(path.join(dir, 'app')), [
      ['app/legacy/kept.txt', 'demo-token', 'error'],
      ['app/src/a.txt', 'demo-token', 'error'],
    ]);
    assert.deepStrictEqual(scan(path.join(dir, 'app', 'src')), [['app/src/a.txt', 'demo-token', 'error']]);
    const rules = vigil(['rules', '--format', 'json'], { cwd: path.join(dir, 'app', 'src') });
    assert.ok((JSON.parse(rules.stdout) as { id: string; severity: string }[]).some((r) => r.id === 'demo-token' && r.severity === 'error'), rules.stdout);
  });

  it('a nested .vigil.yaml wins for the files below it, in one run from the root and when run inside it', () => {
    const dir = monorepo();
    const expectedSvc: Rows = [['svc/s.txt', 'demo-other', 'warning'], ['svc/skip.gen.txt', 'demo-other', 'warning']];
    assert.deepStrictEqual(scan(dir), [['app/legacy/kept.txt', 'demo-token', 'error'], ['app/src/a.txt', 'demo-token', 'error'], ...expectedSvc]);
    assert.deepStrictEqual(
      scan(path.join(dir, 'svc')),
      expectedSvc.map(([p, r, s]) => [p.slice('svc/'.length), r, s]),
    );
    // SARIF describes the rules of every config that applied.
    const sarif = vigil(['scan', '--format', 'sarif', '--fail-on', 'none'], { cwd: dir });
    const ids = (JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] }).runs[0]!.tool.driver.rules.map((r) => r.id);
    assert.ok(ids.includes('demo-other') && ids.includes('demo-token'), ids.join(','));
  });

  it('--config applies one file to every file and skips the lookup', () => {
    const dir = monorepo();
    fs.writeFileSync(path.join(dir, 'all.yaml'), 'rules: [tools/vigil]\n');
    const rows = scan(dir, ['--config', 'all.yaml']);
    assert.ok(rows.some(([p, r, s]) => p === 'svc/s.txt' && r === 'demo-token' && s === 'warning'), JSON.stringify(rows));
  });

  it('a broken nested config stops the run with one line naming it', () => {
    const dir = monorepo();
    fs.writeFileSync(path.join(dir, 'svc', CONFIG_FILE), 'disable: [no-such-rule]\n');
    const r = vigil(['scan'], { cwd: dir });
    assert.strictEqual(r.status, 2, r.stderr);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /svc\/\.vigil\.yaml: unknown rule id 'no-such-rule'/);
  });

  it('the language server applies the nearest config per file, also above a workspace opened on a subfolder', async () => {
    const dir = monorepo();
    const { client } = await LspClient.start({ rootDir: path.join(dir, 'app'), initializationOptions: { isTrusted: true } });
    try {
      const open = async (rel: string, text: string): Promise<{ code: string; severity: number | undefined }[]> => {
        const u = `file://${path.join(dir, rel)}`;
        const since = client.published.length;
        await client.open(u, 'plaintext', text);
        const p = await client.waitForDiagnostics(u, () => true, since);
        return [...byRule(p.diagnostics, 'demo-token'), ...byRule(p.diagnostics, 'demo-other')].map((d) => ({ code: String(d.code), severity: d.severity }));
      };
      // The repository's config (above the workspace folder): custom rules, demo-token as an error (1).
      assert.deepStrictEqual(await open('app/src/a.txt', 'DEMO_TOKEN_1\n'), [{ code: 'demo-token', severity: 1 }]);
    } finally {
      await client.shutdown();
    }
    const second = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: true } });
    try {
      const u = `file://${path.join(dir, 'svc', 's.txt')}`;
      const since = second.client.published.length;
      await second.client.open(u, 'plaintext', 'DEMO_TOKEN_5 DEMO_OTHER_5\n');
      const p = await second.client.waitForDiagnostics(u, () => true, since);
      // svc/.vigil.yaml wins there: demo-token is disabled, demo-other still reports.
      assert.deepStrictEqual([byRule(p.diagnostics, 'demo-token').length, byRule(p.diagnostics, 'demo-other').length], [0, 1]);
    } finally {
      await second.client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the editor\'s workspace scan applies the nearest config to each unopened file, as an open file gets', async () => {
    const dir = monorepo();
    // One more config below svc, with a severity of its own: a third group, scanned with its own settings.
    writeFiles(dir, { 'svc/deep/.vigil.yaml': 'rules: [../../tools/vigil]\nseverity: { demo-other: info }\n', 'svc/deep/d.txt': 'DEMO_TOKEN_7 DEMO_OTHER_7\n' });
    const { client } = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: true } });
    try {
      const summary = await client.request<{ files: number; cancelled: boolean }>('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] });
      assert.strictEqual(summary.cancelled, false);
      const rows = (rel: string): [string, number | undefined][] => {
        const p = [...client.published].reverse().find((x) => x.uri === `file://${path.join(dir, rel)}`);
        return (p?.diagnostics ?? []).filter((d) => String(d.code).startsWith('demo-')).map((d) => [String(d.code), d.severity]);
      };
      // The root config: demo-token raised to an error (1).
      assert.deepStrictEqual(rows('app/src/a.txt'), [['demo-token', 1]]);
      // svc/.vigil.yaml: demo-token disabled, demo-other at its default, a warning (2).
      assert.deepStrictEqual(rows('svc/s.txt'), [['demo-other', 2]]);
      // svc/deep/.vigil.yaml: demo-token back at its default (2), demo-other lowered to info (3).
      assert.deepStrictEqual(rows('svc/deep/d.txt').sort(), [['demo-other', 3], ['demo-token', 2]]);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
