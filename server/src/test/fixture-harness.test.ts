import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Engine } from '../engine';
import { checkFixture, checkFixtureTree } from '../project/fixtureCheck';

// The harness is what makes every rule's fixtures meaningful, so it gets tests of its own failure modes.
const RULE = `id: demo-hash
title: Demo hash rule
severity: warning
confidence: high
cwe: [328]
message: "demo: {{fn}} is weak, use sha256"
docs: "Long enough documentation text for the schema."
patterns:
  - languages: [python]
    query: |
      (call function: (attribute object: (identifier) @m attribute: (identifier) @fn)
        (#eq? @m "hashlib") (#eq? @fn "md5")) @finding
    fixes:
      - title: "Use sha256"
        applicability: safe
        edits:
          - capture: fn
            text: sha256
`;

function setup(files: Record<string, string>): { engine: Engine; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-harness-'));
  fs.mkdirSync(path.join(root, 'rules'));
  fs.writeFileSync(path.join(root, 'rules', 'demo-hash.yaml'), RULE);
  fs.mkdirSync(path.join(root, 'fx', 'demo-hash'), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, 'fx', 'demo-hash', name), text);
  return { engine: Engine.create({ ruleDirs: [path.join(root, 'rules')] }), root };
}

const GOOD = '# vigil-expect: demo-hash\nhashlib.md5(x)\n# vigil-ok: demo-hash\nhashlib.sha256(x)\n';

describe('fixture harness', () => {
  it('passes a correct fixture with a correct .fixed file', async () => {
    const { engine, root } = setup({ 'a.py': GOOD, 'a.fixed.py': GOOD.replace('md5', 'sha256') });
    const r = await checkFixture(engine, path.join(root, 'fx', 'demo-hash', 'a.py'), 'demo-hash');
    assert.deepStrictEqual(r.failures, []);
  });
  it('fails when an expected finding is missing', async () => {
    const { engine, root } = setup({ 'a.py': '# vigil-expect: demo-hash\nhashlib.sha1(x)\n' });
    const r = await checkFixture(engine, path.join(root, 'fx', 'demo-hash', 'a.py'), 'demo-hash');
    assert.match(r.failures.join('\n'), /line 2: expected demo-hash, got nothing/);
  });
  it('fails on a finding on an unannotated line and on a vigil-ok line', async () => {
    const { engine, root } = setup({ 'a.py': 'hashlib.md5(x)\n# vigil-ok: demo-hash\nhashlib.md5(y)\n' });
    const r = await checkFixture(engine, path.join(root, 'fx', 'demo-hash', 'a.py'), 'demo-hash');
    assert.match(r.failures.join('\n'), /line 1: unexpected demo-hash/);
    assert.match(r.failures.join('\n'), /line 3: expected no demo-hash/);
  });
  it('fails when the .fixed file differs from the fixed output', async () => {
    const { engine, root } = setup({ 'a.py': GOOD, 'a.fixed.py': GOOD.replace('md5', 'sha512') });
    const r = await checkFixture(engine, path.join(root, 'fx', 'demo-hash', 'a.py'), 'demo-hash');
    assert.match(r.failures.join('\n'), /a\.fixed\.py differs/);
  });
  it('fails when the fixed output does not parse', async () => {
    const broken = RULE.replace('text: sha256', 'text: "sha256("');
    const { root } = setup({ 'a.py': GOOD, 'a.fixed.py': GOOD.replace('md5', 'sha256(') });
    fs.writeFileSync(path.join(root, 'rules', 'demo-hash.yaml'), broken);
    const engine = Engine.create({ ruleDirs: [path.join(root, 'rules')] });
    const r = await checkFixture(engine, path.join(root, 'fx', 'demo-hash', 'a.py'), 'demo-hash');
    assert.match(r.failures.join('\n'), /syntax errors/);
  });
  it('fails a rule with no fixtures, or without both an expect and an ok case', async () => {
    const { engine, root } = setup({ 'a.py': '# vigil-expect: demo-hash\nhashlib.md5(x)\n' });
    const r = await checkFixtureTree(engine, path.join(root, 'fx'), ['demo-hash']);
    assert.match(r.ruleFailures.join('\n'), /no vigil-ok case/);
    const empty = await checkFixtureTree(engine, path.join(root, 'nowhere'), ['demo-hash']);
    assert.match(empty.ruleFailures.join('\n'), /no fixtures/);
  });
});
