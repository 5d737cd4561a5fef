// Engine bugs the fuzzer found, each pinned by a small test (issue 8, point 1).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, LineIndex, languageIdForPath, packageRoot } from '../engine';
import { violations } from './fuzzHarness';

describe('robustness: line breaks and byte-order marks', function () {
  this.timeout(60_000);
  let engine: Engine;
  before(() => {
    engine = Engine.create();
  });

  it('an offset between \\r and \\n maps to the end of the line, not past it', () => {
    // LSP cannot address the middle of a CRLF; a fix inserting there (seen from a helper that computed the end
    // of an import line) must land on the line end rather than on a character past it.
    const li = new LineIndex('import os\r\nimport random\r\nx');
    assert.deepStrictEqual(li.positionAt(10), { line: 0, character: 9 });
    assert.deepStrictEqual(li.positionAt(25), { line: 1, character: 13 });
    assert.deepStrictEqual(li.positionAt(26), { line: 2, character: 0 });
  });

  it('a Python insecure-random fix on a CRLF file stays inside the document', async () => {
    const text = 'import os\r\nimport random\r\n\r\ndef api_key():\r\n    return "%x" % random.getrandbits(256)\r\n';
    const doc = { path: 'k.py', languageId: 'python', text };
    const r = await engine.analyze(doc);
    assert.ok(r.findings.some((f) => f.ruleId === 'insecure-random' && f.fixes.length > 0), 'expected an insecure-random fix');
    assert.deepStrictEqual(violations(doc, r), []);
  });

  it('producer rules (Terraform, Dockerfile, Kubernetes YAML) see through a UTF-8 byte-order mark', async () => {
    const root = packageRoot();
    for (const rel of [
      'test-fixtures/tf-open-ingress/main.tf',
      'test-fixtures/container-runs-as-root/user-root.Dockerfile',
      'test-fixtures/k8s-missing-resource-limits/deploy.yaml',
    ]) {
      const languageId = languageIdForPath(rel);
      const text = fs.readFileSync(path.join(root, rel), 'utf8');
      const plain = await engine.analyze({ path: rel, languageId, text });
      const bom = await engine.analyze({ path: rel, languageId, text: `\uFEFF${text}` });
      assert.ok(plain.findings.length > 0, `${rel}: no findings without a BOM`);
      const key = (fs: typeof plain.findings): string[] => fs.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`);
      assert.deepStrictEqual(key(bom.findings), key(plain.findings), rel);
    }
  });
});
