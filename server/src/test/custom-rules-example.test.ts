import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../engine';

// The worked example in docs/custom-rules.md must keep passing `vigil test-rules`, and a broken copy must fail.
const root = packageRoot();
const cli = path.join(root, 'server', 'out', 'cli.js');
const example = path.join(root, 'examples', 'custom-rules');

function testRules(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [cli, 'test-rules', dir], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('custom rule example', () => {
  it('passes vigil test-rules', () => {
    const r = testRules(example);
    assert.strictEqual(r.status, 0, r.out);
    assert.match(r.out, /3 rules, 3 fixtures, 0 failures/);
  });

  it('fails when the rule no longer matches its fixture', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-custom-'));
    fs.cpSync(example, copy, { recursive: true });
    const rule = path.join(copy, 'rules', 'requests-without-timeout.yaml');
    fs.writeFileSync(rule, fs.readFileSync(rule, 'utf8').replace('^(get|post|put|patch|delete|head|request)$', '^(put)$'));
    const r = testRules(copy);
    assert.strictEqual(r.status, 1, r.out);
    assert.match(r.out, /expected requests-without-timeout, got nothing/);
  });

  it('refuses a custom rule whose regex can backtrack catastrophically', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-custom-'));
    fs.cpSync(example, copy, { recursive: true });
    const rule = path.join(copy, 'rules', 'acme-api-token.yaml');
    fs.writeFileSync(rule, fs.readFileSync(rule, 'utf8').replace("'\\bacme_live_[A-Za-z0-9]{24}\\b'", () => "'acme_live_([a-z]+)+$'"));
    const r = testRules(copy);
    assert.strictEqual(r.status, 1, r.out);
    assert.match(r.out, /acme-api-token\.yaml:\d+: .*not linear-time/);
  });
});
