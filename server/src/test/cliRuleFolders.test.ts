// Custom rule folders in the layout docs/custom-rules.md documents (`rules: [tools/vigil]`, files in
// tools/vigil/rules/): `vigil scan`, `vigil test-rules` and the language server must read the same files, and a
// configured folder that yields no rule must stop the run instead of scanning without the team's rules.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, loadConfig } from '../project/config';
import { resolveRuleFolder } from '../engine/rules/load';
import { demoRule, json, tmpDir, vigil, writeFiles } from './cliHelpers';
import { byRule, LspClient } from './lspClient';

const FIXTURE = '# vigil-expect: demo-token\nDEMO_TOKEN_1\n# vigil-ok: demo-token\nDEMO_TOKEN_x\n';

/** A repository whose .vigil.yaml says `rules: [tools/vigil]`, with the rule and its fixture beside each other. */
function documentedLayout(): string {
  const dir = tmpDir('vigil-layout-');
  writeFiles(dir, {
    [CONFIG_FILE]: 'rules: [tools/vigil]\n',
    'tools/vigil/rules/demo-token.yaml': demoRule('demo-token', 'DEMO_TOKEN_[0-9]+'),
    'tools/vigil/test-fixtures/demo-token/sample.txt': FIXTURE,
    'app/settings.txt': 'token = DEMO_TOKEN_42\n',
  });
  return dir;
}

describe('custom rule folders: one resolution for scan, test-rules and the editor', function () {
  this.timeout(120_000);

  it('resolveRuleFolder reads <folder>/rules when it exists, else the folder itself', () => {
    const dir = documentedLayout();
    const tools = path.join(dir, 'tools', 'vigil');
    assert.deepStrictEqual(resolveRuleFolder(tools), { rulesDir: path.join(tools, 'rules'), fixturesDir: path.join(tools, 'test-fixtures') });
    const flat = path.join(tools, 'rules');
    assert.strictEqual(resolveRuleFolder(flat).rulesDir, flat);
    assert.deepStrictEqual(loadConfig(path.join(dir, CONFIG_FILE)).config?.rules, [path.join(tools, 'rules')]);
  });

  it('vigil scan loads the rules of the documented layout, as test-rules does', () => {
    const dir = documentedLayout();
    const tested = vigil(['test-rules', 'tools/vigil'], { cwd: dir });
    assert.strictEqual(tested.status, 0, tested.stdout + tested.stderr);
    assert.match(tested.stdout, /1 rule, 1 fixture, 0 failures/);
    const r = vigil(['scan', 'app', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(
      json(r).findings.filter((f) => f.ruleId === 'demo-token').map((f) => [f.path, f.line]),
      [['app/settings.txt', 1]],
    );
    const listed = vigil(['rules', '--format', 'json'], { cwd: dir });
    assert.ok((JSON.parse(listed.stdout) as { id: string; custom: boolean }[]).some((x) => x.id === 'demo-token' && x.custom), listed.stdout);
  });

  it('a configured folder with no rule files is a config error: exit 2, one line naming the config file and the folder', () => {
    const dir = tmpDir('vigil-layout-');
    writeFiles(dir, { [CONFIG_FILE]: 'disable: []\nrules: [tools/vigil]\n', 'tools/vigil/README.md': 'rules go here\n', 'tools/vigil/rules/notes.txt': 'x\n', 'a.txt': 'x\n' });
    for (const args of [['scan'], ['rules'], ['baseline']]) {
      const r = vigil(args, { cwd: dir });
      assert.strictEqual(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 1, r.stderr);
      assert.match(lines[0]!, /\.vigil\.yaml:2: rule folder 'tools\/vigil' has no rule files \(no \*\.yaml in 'tools\/vigil\/rules'\)/);
    }
    // The same check for a flat folder names the folder itself.
    fs.rmSync(path.join(dir, 'tools', 'vigil', 'rules'), { recursive: true });
    assert.match(vigil(['scan'], { cwd: dir }).stderr, /rule folder 'tools\/vigil' has no rule files \(no \*\.yaml in 'tools\/vigil'\)/);
  });

  it('the language server loads the documented layout, and reports an empty rule folder', async () => {
    const dir = documentedLayout();
    const { client } = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: true } });
    // The server tells the user about a broken config with window/showMessageRequest.
    const asked: string[] = [];
    client.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      asked.push(p.message);
      return null;
    });
    try {
      const u = `file://${path.join(dir, 'app', 'settings.txt')}`;
      const since = client.published.length;
      await client.open(u, 'plaintext', 'token = DEMO_TOKEN_42\n');
      const got = await client.waitForDiagnostics(u, (p) => byRule(p.diagnostics, 'demo-token').length > 0, since);
      assert.strictEqual(byRule(got.diagnostics, 'demo-token').length, 1);
      fs.rmSync(path.join(dir, 'tools', 'vigil', 'rules', 'demo-token.yaml'));
      await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${path.join(dir, CONFIG_FILE)}`, type: 2 }] });
      await client.waitFor('a notification about the empty rule folder', () => asked.find((m) => /rule folder 'tools\/vigil' has no rule files/.test(m)));
      assert.ok(client.logs.some((l) => /\.vigil\.yaml:1: rule folder 'tools\/vigil' has no rule files/.test(l)), client.logs.join('\n'));
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
