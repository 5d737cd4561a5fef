// The editor-facing answers built from an analysis: quick fixes (titles with the reason a fix needs review,
// the disabled "no automatic fix" entry, suppression snippets), the reviewed apply-all edit, and the hover.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnnotatedTextEdit, CodeAction, CodeActionParams, Diagnostic, SnippetTextEdit } from 'vscode-languageserver/node';
import { Engine, packageRoot, type Rule } from '../engine';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';
import type { DocResult } from '../lsp/analyze';
import { provideCodeActions, type CodeActionDeps } from '../lsp/codeActions';
import { findingToDiagnostic } from '../lsp/diagnostics';
import { provideHover } from '../lsp/hover';
import { removeStaleDocFolders, ruleDocsUri } from '../lsp/ruleDocs';

const engine = Engine.create();

async function analysed(name: string, languageId: string, text: string): Promise<{ doc: TextDocument; result: DocResult }> {
  const doc = TextDocument.create(`file:///w/${name}`, languageId, 3, text);
  const r = await engine.analyze({ path: name, languageId, text }, { today: '2026-12-02' });
  const diagnostics = r.findings.map((f) => findingToDiagnostic(f, doc.version, undefined));
  return { doc, result: { uri: doc.uri, version: doc.version, key: '3:0', findings: r.findings, notes: r.notes, diagnostics, elapsedMs: 0 } };
}

function deps(doc: TextDocument, result: DocResult, extra: Partial<CodeActionDeps> = {}): CodeActionDeps {
  return {
    document: () => doc,
    latest: () => result,
    resultFor: () => Promise.resolve(result),
    enginePath: () => path.basename(doc.uri),
    documentChanges: true,
    findRule: (id) => engine.rule(id),
    today: () => '2026-12-02',
    ...extra,
  };
}

async function actions(doc: TextDocument, result: DocResult, d: Diagnostic[], extra: Partial<CodeActionDeps> = {}): Promise<CodeAction[]> {
  const params: CodeActionParams = { textDocument: { uri: doc.uri }, range: d[0]!.range, context: { diagnostics: d, only: ['quickfix'] } };
  return provideCodeActions(params, deps(doc, result, extra));
}

const PY = 'import hashlib\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n';
const PY2 = 'import hashlib\n\na = hashlib.md5(b"a").hexdigest()\nb = hashlib.sha1(b"b").hexdigest()\n';
const GO = 'package main\n\nimport "crypto/md5"\n\nvar cache map[[16]byte]string\n\nfunc key(b []byte) [16]byte {\n\treturn md5.Sum(b)\n}\n';

describe('quick fixes in the editor', () => {
  it("an unsafe fix's title says why it needs review, from the rule file", async () => {
    const { doc, result } = await analysed('a.py', 'python', PY);
    const titles = (await actions(doc, result, result.diagnostics)).map((a) => a.title);
    assert.ok(titles.includes('Use hashlib.sha256 instead of MD5 (unsafe: digests change)'), titles.join(' | '));
  });

  it('a finding with no fix in its language gets a disabled entry with the reason, for clients that show one', async () => {
    const { doc, result } = await analysed('main.go', 'go', GO);
    const d = result.diagnostics.filter((x) => x.code === 'weak-hash');
    assert.ok(d.length > 0 && result.findings.every((f) => f.fixes.length === 0), 'the Go file gets weak-hash with no fix');
    const none = (await actions(doc, result, d, { disabledActions: true })).find((a) => a.disabled);
    assert.strictEqual(none?.title, 'No automatic fix for weak-hash');
    assert.match(none.disabled!.reason, /md5\.Sum returns \[16\]byte/);
    assert.strictEqual((await actions(doc, result, d)).find((a) => a.disabled), undefined, 'not sent to clients without disabledSupport');
  });

  it('suppression puts the cursor on the reason with a snippet, and offers a 90-day expiry', async () => {
    const { doc, result } = await analysed('a.py', 'python', PY);
    const all = await actions(doc, result, result.diagnostics, { snippetEdits: true });
    const plain = all.find((a) => a.title === 'Suppress weak-hash on this line');
    const dated = all.find((a) => a.title === 'Suppress weak-hash on this line until 2027-03-02 (90 days)');
    const snippet = (a: CodeAction | undefined): string => {
      const dc = a?.edit?.documentChanges?.[0];
      assert.ok(dc && 'edits' in dc);
      return (dc.edits[0] as SnippetTextEdit).snippet.value;
    };
    assert.strictEqual(snippet(plain), '    # vigil-ignore-next-line weak-hash -- ${1:reason}\n');
    assert.strictEqual(snippet(dated), '    # vigil-ignore-next-line weak-hash until ${2:2027-03-02} -- ${1:reason}\n');
    const text = (await actions(doc, result, result.diagnostics)).find((a) => a.title === 'Suppress weak-hash on this line');
    const dc = text?.edit?.documentChanges?.[0];
    assert.ok(dc && 'edits' in dc);
    assert.strictEqual((dc.edits[0] as { newText: string }).newText, '    # vigil-ignore-next-line weak-hash -- reason\n');
  });

  it('"Apply all fixes in this file…" takes every unsafe fix as one annotated edit that needs confirmation', async () => {
    const { doc, result } = await analysed('two.py', 'python', PY2);
    assert.strictEqual(result.findings.length, 2);
    const all = (await actions(doc, result, [result.diagnostics[0]!], { changeAnnotations: true })).find((a) => a.title.startsWith('Apply all'));
    assert.ok(all, 'offered');
    assert.strictEqual(all.title, 'Apply all 2 fixes in this file… (2 unsafe, review in a preview)');
    const annotations = Object.values(all.edit!.changeAnnotations!);
    assert.strictEqual(annotations.length, 2);
    assert.ok(annotations.every((a) => a.needsConfirmation === true && a.description === 'unsafe: digests change'));
    const dc = all.edit!.documentChanges![0]!;
    assert.ok('edits' in dc);
    const edits = dc.edits as AnnotatedTextEdit[];
    assert.ok(edits.every((e) => all.edit!.changeAnnotations![e.annotationId]));
    assert.strictEqual(TextDocument.applyEdits(doc, edits), 'import hashlib\n\na = hashlib.sha256(b"a").hexdigest()\nb = hashlib.sha256(b"b").hexdigest()\n');
    // Not offered where the client cannot preview it, nor for a single fix (the line's own fix does that).
    assert.ok(!(await actions(doc, result, [result.diagnostics[0]!])).some((a) => a.title.startsWith('Apply all')));
    const one = await analysed('one.py', 'python', PY);
    assert.ok(!(await actions(one.doc, one.result, one.result.diagnostics, { changeAnnotations: true })).some((a) => a.title.startsWith('Apply all')));
  });
});

describe('hover', () => {
  async function hoverOf(name: string, languageId: string, text: string, line: number, character: number): Promise<string> {
    const { doc, result } = await analysed(name, languageId, text);
    const h = await provideHover(
      { textDocument: { uri: doc.uri }, position: { line, character } },
      {
        latest: () => result,
        rule: (_u, id) => Promise.resolve(engine.rule(id)),
        document: () => doc,
        languageOf: () => ({ languageId, path: name }),
        docsHref: (r: Rule) => ruleDocsUri(r),
      },
    );
    return (h?.contents as { value: string } | undefined)?.value ?? '';
  }

  it('shows the title, why, the file language\'s example and a docs link, without repeating the message', async () => {
    const value = await hoverOf('a.py', 'python', PY, 3, 20);
    assert.match(value, /^\*\*Weak hash algorithm \(MD2, MD4, MD5, SHA-1\)\*\* · `weak-hash`/);
    assert.match(value, /MD5 collisions take seconds/);
    assert.match(value, /```python\n# bad\ndigest = hashlib\.md5\(data\)\.hexdigest\(\)/);
    assert.doesNotMatch(value, /```(js|java|go|csharp|php|ruby)/);
    assert.doesNotMatch(value, /MD5 is a broken hash/, 'the diagnostic message is not repeated');
    assert.doesNotMatch(value, /## How to fix|## Fix safety/);
    assert.match(value, /\[Full documentation\]\(https:\/\/github\.com\/vigil-dev\/vigil\/blob\/v\d+\.\d+\.\d+\/rules\/weak-hash\.yaml\)$/);
    assert.ok(value.length < 1500, `hover is ${value.length} characters`);
  });

  it('picks the Go example in a Go file, and a Bad/Good pair where the docs split them', async () => {
    const go = await hoverOf('main.go', 'go', GO, 7, 10);
    assert.match(go, /```go\n\/\/ bad\nimport "crypto\/md5"/);
    const docker = await hoverOf('Dockerfile', 'plaintext', 'FROM python:3.12\nUSER root\nCMD ["app"]\n', 1, 2);
    assert.match(docker, /Bad:\n```dockerfile\n[\s\S]*\nGood:\n```dockerfile\n/);
    assert.doesNotMatch(docker, /```yaml/);
  });

  it('stays short for every rule with a fixture', async () => {
    let longest = 0;
    for (const rule of engine.rules) {
      for (const file of fixtureFiles(path.join(packageRoot(), 'test-fixtures', rule.id))) {
        const text = fs.readFileSync(file, 'utf8');
        const lang = fixtureLanguage(file);
        const f = path.basename(file).replace(/\.fixture$/, '');
        const r = await engine.analyze({ path: f, languageId: lang, text }, { today: '2026-12-02' });
        const hit = r.findings.find((x) => x.ruleId === rule.id);
        if (!hit) continue;
        const v = await hoverOf(f, lang, text, hit.range.start.line, hit.range.start.character);
        assert.ok(v.includes(`\`${rule.id}\``) && v.includes('[Full documentation]'), `${rule.id} ${f}: ${v.slice(0, 200)}`);
        longest = Math.max(longest, v.length);
      }
    }
    assert.ok(longest > 0 && longest < 2500, `longest hover ${longest} characters`);
  });
});

describe('rule docs without temp files', () => {
  it('removes the vigil-docs folders older versions left, and nothing else', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-docs-test-'));
    try {
      fs.mkdirSync(path.join(tmp, 'vigil-docs-AbC123'));
      fs.writeFileSync(path.join(tmp, 'vigil-docs-AbC123', 'weak-hash.md'), '# doc');
      fs.mkdirSync(path.join(tmp, 'vigil-docs-XyZ789'));
      fs.writeFileSync(path.join(tmp, 'vigil-docs-XyZ789', 'notes.txt'), 'not ours');
      fs.mkdirSync(path.join(tmp, 'vigil-lsp-keep12'));
      assert.strictEqual(await removeStaleDocFolders(tmp), 1);
      assert.deepStrictEqual(fs.readdirSync(tmp).sort(), ['vigil-docs-XyZ789', 'vigil-lsp-keep12']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('links a built-in rule to its page at the version tag and a custom rule to its own file', () => {
    const rule = engine.rule('weak-hash')!;
    assert.match(ruleDocsUri(rule), /^https:\/\/github\.com\/vigil-dev\/vigil\/blob\/v0\.1\.0\/rules\/weak-hash\.yaml$/);
    assert.strictEqual(ruleDocsUri({ ...rule, custom: true, file: '/w/rules/my-rule.yaml' }), 'file:///w/rules/my-rule.yaml');
  });
});
