// Protocol tests: the bundled server (server/out/server.js, built by `npm run build`) over stdio, driven
// like an editor would: open, type, ask for fixes, apply them, change settings, shut down.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { byRule, LspClient, parseFrames } from './lspClient';

const PY = ['import hashlib', '', 'def sign(data):', '    return hashlib.md5(data).hexdigest()', ''].join('\n');
// A custom rule in the test workspace, so fix behaviour does not depend on how a built-in rule's fix is rated.
const MARKER_RULE = `id: test-insecure-marker
title: Insecure marker (protocol test rule)
severity: warning
confidence: high
cwe: [1004]
owasp: []
tags: [test]
message: "An INSECURE marker: replace it with its SECURE form."
docs: |
  ## Why it is risky
  A rule for the language server's protocol tests.
patterns:
  - languages: ["*"]
    regex: "INSECURE_(?<word>[A-Z]+)"
    fixes:
      - title: "Replace INSECURE_{{word}} with SECURE_{{word}}"
        applicability: safe
        edits:
          - capture: match
            text: "SECURE_{{word}}"
`;

export function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lsp-'));
  fs.mkdirSync(path.join(dir, 'custom-rules'));
  fs.writeFileSync(path.join(dir, 'custom-rules', 'test-insecure-marker.yaml'), MARKER_RULE);
  fs.writeFileSync(path.join(dir, '.vigil.yaml'), 'rules:\n  - custom-rules\n');
  return dir;
}

const JS = ['const crypto = require("crypto");', 'function digest(data) {', '  return crypto.createHash("md5").update(data).digest("hex");', '}', ''].join('\n');

function editsOf(action: CodeAction): TextEdit[] {
  const dc = action.edit?.documentChanges?.[0];
  assert.ok(dc && 'edits' in dc, `action "${action.title}" carries a text document edit`);
  return dc.edits.map((e) => {
    assert.ok('newText' in e, 'plain text edits');
    return { range: e.range, newText: e.newText };
  });
}

describe('language server: untrusted workspace', function () {
  this.timeout(60_000);
  it('ignores the custom rule folders of .vigil.yaml and says so once', async () => {
    const dir = makeWorkspace();
    const { client } = await LspClient.start({ rootDir: dir });
    try {
      const u = `file://${path.join(dir, 'u.py')}`;
      const since = client.published.length;
      await client.open(u, 'python', 'x = INSECURE_FOO\n');
      assert.deepStrictEqual((await client.waitForDiagnostics(u, () => true, since)).diagnostics, []);
      assert.strictEqual(client.logs.filter((l) => /not trusted/.test(l)).length, 1);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server: a client that shows the scan summary itself', function () {
  this.timeout(60_000);
  it('neither logs nor shows the summary, so the output has it once (from the client)', async () => {
    const dir = makeWorkspace();
    fs.writeFileSync(path.join(dir, 'disk.py'), PY);
    const { client } = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: true, clientHandlesScanUi: true } });
    try {
      const summary = await client.request<{ files: number; cancelled: boolean }>('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] });
      assert.ok(summary.files > 0 && !summary.cancelled);
      assert.deepStrictEqual([...client.logs, ...client.shown.map((m) => m.message)].filter((m) => /Vigil: scanned/.test(m)), []);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio (push diagnostics)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let init: InitializeResult;
  let dir: string;
  const uri = (name: string): string => `file://${path.join(dir, name)}`;

  /** Opens a document and returns its first publish. */
  async function openAndWait(name: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const since = client.published.length;
    await client.open(uri(name), languageId, text);
    return (await client.waitForDiagnostics(uri(name), () => true, since)).diagnostics;
  }

  async function actionsFor(u: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
  }

  before(async () => {
    dir = makeWorkspace();
    ({ client, init } = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: true } }));
  });

  after(async () => {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('advertises incremental sync, code actions with fix-all, hover and the commands, and no pull for a push client', () => {
    const caps = init.capabilities;
    assert.deepStrictEqual(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : undefined, 2);
    assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.vigil']);
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual(caps.executeCommandProvider?.commands, ['vigil.scanWorkspace', 'vigil.showRuleDocs', 'vigil.securityReport']);
    assert.strictEqual(caps.diagnosticProvider, undefined);
  });

  it('publishes weak-hash for Python with source, code, docs link, severity and data', async () => {
    const [d, ...rest] = byRule(await openAndWait('a.py', 'python', PY), 'weak-hash');
    assert.ok(d, 'a weak-hash diagnostic');
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(d.source, 'vigil');
    assert.strictEqual(d.severity, 2);
    assert.deepStrictEqual(d.range.start, { line: 3, character: 11 });
    const data = d.data as { version: number; fixes: { applicability: string }[]; ruleId: string; fingerprint: string };
    assert.strictEqual(data.version, 1);
    assert.strictEqual(data.ruleId, 'weak-hash');
    assert.match(data.fingerprint, /^[0-9a-f]{16,}$/);
    assert.ok(data.fixes.length >= 1, 'weak-hash carries a fix');
    // The rule's page at this version's tag: any client opens it, and nothing is written to a temp folder.
    assert.match(d.codeDescription?.href ?? '', /^https:\/\/github\.com\/vigil-dev\/vigil\/blob\/v\d+\.\d+\.\d+\/rules\/weak-hash\.yaml$/);
  });

  it('publishes weak-hash for JavaScript (crypto.createHash("md5"))', async () => {
    const found = byRule(await openAndWait('a.js', 'javascript', JS), 'weak-hash');
    assert.strictEqual(found.length, 1, 'one weak-hash finding in the JavaScript file');
    assert.strictEqual(found[0]!.range.start.line, 2);
  });

  it('re-publishes for the new version after an incremental change', async () => {
    const u = uri('change.py');
    await openAndWait('change.py', 'python', PY);
    const since = client.published.length;
    await client.change(u, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# header\n\n' }]);
    const p = await client.waitForDiagnostics(u, (x) => x.version === 2, since);
    const [d] = byRule(p.diagnostics, 'weak-hash');
    assert.strictEqual(d?.range.start.line, 5, 'the finding moved down two lines');
    assert.strictEqual((d.data as { version: number }).version, 2);
  });

  it('offers a safe fix as the preferred quick fix, and applying it clears the diagnostic', async () => {
    const u = uri('fix.py');
    const text = 'token = INSECURE_FOO\n';
    const [d] = byRule(await openAndWait('fix.py', 'python', text), 'test-insecure-marker');
    assert.ok(d, 'the custom rule from .vigil.yaml ran');
    const actions = await actionsFor(u, d);
    const fix = actions.find((a) => a.title === 'Replace INSECURE_FOO with SECURE_FOO');
    assert.ok(fix, `fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    const edits = editsOf(fix);
    assert.strictEqual(TextDocument.applyEdits(TextDocument.create(u, 'python', 1, text), edits), 'token = SECURE_FOO\n');
    const since = client.published.length;
    await client.change(u, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const p = await client.waitForDiagnostics(u, (x) => x.version === 2, since);
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it("offers weak-hash's own fix (preferred only if safe), and applying it clears the finding", async () => {
    const u = uri('fixhash.py');
    const [d] = byRule(await openAndWait('fixhash.py', 'python', PY), 'weak-hash');
    const first = (d!.data as { fixes: { title: string; applicability: string }[] }).fixes[0]!;
    const fix = (await actionsFor(u, d!)).find((a) => a.title.startsWith(first.title));
    assert.ok(fix, `the rule's fix "${first.title}" is offered`);
    // The title says why an unsafe fix needs review, from the rule file.
    if (first.applicability === 'unsafe') assert.strictEqual(fix.title, `${first.title} (unsafe: digests change)`);
    assert.strictEqual(fix.isPreferred, first.applicability === 'safe');
    const since = client.published.length;
    await client.change(u, 2, editsOf(fix).map((e) => ({ range: e.range, text: e.newText })));
    const p = await client.waitForDiagnostics(u, (x) => x.version === 2, since);
    assert.deepStrictEqual(byRule(p.diagnostics, 'weak-hash'), []);
  });

  it('offers no fix and no suppression for a diagnostic of an older version', async () => {
    const u = uri('stale.py');
    const [d] = byRule(await openAndWait('stale.py', 'python', PY), 'weak-hash');
    await client.change(u, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'x = 1\n' }]);
    const titles = (await actionsFor(u, d!)).filter((a) => a.kind === 'quickfix').map((a) => a.title);
    assert.deepStrictEqual(titles, ['Show documentation for weak-hash']);
  });

  for (const [name, lang, text, expected] of [
    ['sup.py', 'python', PY, '    # vigil-ignore-next-line weak-hash -- reason\n'],
    ['sup.js', 'javascript', JS, '  // vigil-ignore-next-line weak-hash -- reason\n'],
  ] as const) {
    it(`suppression action inserts an indented ${lang} comment that silences the finding`, async () => {
      const u = uri(name);
      const [d] = byRule(await openAndWait(name, lang, text), 'weak-hash');
      assert.ok(d, `${name}: a finding to suppress`);
      const action = (await actionsFor(u, d)).find((a) => a.title === 'Suppress weak-hash on this line');
      assert.ok(action, `${name}: suppression offered`);
      const edits = editsOf(action);
      assert.strictEqual(edits[0]!.newText, expected);
      const since = client.published.length;
      await client.change(u, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
      const p = await client.waitForDiagnostics(u, (x) => x.version === 2, since);
      assert.deepStrictEqual(p.diagnostics, [], `${name}: silenced`);
    });
  }

  it('source.fixAll.vigil applies the safe fixes of the current version', async () => {
    const u = uri('all.py');
    const text = 'a = INSECURE_ONE\nb = [INSECURE_TWO, "ok"]\n';
    await openAndWait('all.py', 'python', text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.vigil']);
    const fixed = TextDocument.applyEdits(TextDocument.create(u, 'python', 1, text), editsOf(actions[0]!));
    assert.strictEqual(fixed, 'a = SECURE_ONE\nb = [SECURE_TWO, "ok"]\n');
  });

  it('hover on a finding shows the rule in short, not its message again; elsewhere nothing', async () => {
    const u = uri('hover.py');
    await openAndWait('hover.py', 'python', PY);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 3, character: 20 } });
    const value = (h?.contents as { value: string } | undefined)?.value ?? '';
    assert.doesNotMatch(value, /MD5 is a broken hash/);
    assert.match(value, /Weak hash algorithm/);
    assert.match(value, /```python\n# bad/);
    assert.match(value, /\[Full documentation\]\(https:/);
    assert.ok(value.length < 1500, `${value.length} characters`);
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 1 } });
    assert.strictEqual(none, null);
  });

  it('vigil.showRuleDocs returns markdown, opens the docs when asked, and rejects unknown rules', async () => {
    const md = await client.request<string>('workspace/executeCommand', { command: 'vigil.showRuleDocs', arguments: ['weak-hash'] });
    assert.match(md, /^# Weak hash algorithm/);
    assert.strictEqual(client.shownDocuments.length, 0, 'no document opened without { open: true }');
    await client.request('workspace/executeCommand', { command: 'vigil.showRuleDocs', arguments: ['weak-hash', { open: true }] });
    await client.waitFor('window/showDocument', () => client.shownDocuments.find((d) => d.endsWith('/rules/weak-hash.yaml')));
    await assert.rejects(client.request('workspace/executeCommand', { command: 'vigil.showRuleDocs', arguments: ['no-such-rule'] }), /unknown rule/);
  });

  it('re-publishes open documents when settings change (disable, severity, enable)', async () => {
    const u = uri('settings.py');
    await openAndWait('settings.py', 'python', PY);
    const republish = async (settings: Record<string, unknown>): Promise<Diagnostic[]> => {
      client.settings = settings;
      const since = client.published.length;
      await client.notifyServer('workspace/didChangeConfiguration', { settings: null });
      return (await client.waitForDiagnostics(u, () => true, since)).diagnostics;
    };
    assert.deepStrictEqual(byRule(await republish({ rules: { disabled: ['weak-hash'] } }), 'weak-hash'), []);
    assert.strictEqual(byRule(await republish({ rules: { severity: { 'weak-hash': 'error' } } }), 'weak-hash')[0]?.severity, 1);
    assert.deepStrictEqual(await republish({ enable: false }), []);
    assert.strictEqual(byRule(await republish({}), 'weak-hash')[0]?.severity, 2);
  });

  it('reloads .vigil.yaml when it changes: disabled rules there are merged with the editor settings', async () => {
    const u = uri('config.py');
    assert.strictEqual(byRule(await openAndWait('config.py', 'python', 'x = INSECURE_CFG\n'), 'test-insecure-marker').length, 1);
    fs.writeFileSync(path.join(dir, '.vigil.yaml'), 'rules:\n  - custom-rules\ndisable:\n  - test-insecure-marker\n');
    let since = client.published.length;
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.vigil.yaml'), type: 2 }] });
    assert.deepStrictEqual((await client.waitForDiagnostics(u, () => true, since)).diagnostics, []);
    fs.writeFileSync(path.join(dir, '.vigil.yaml'), 'rules:\n  - custom-rules\n');
    since = client.published.length;
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.vigil.yaml'), type: 2 }] });
    assert.strictEqual(byRule((await client.waitForDiagnostics(u, () => true, since)).diagnostics, 'test-insecure-marker').length, 1);
  });

  it('runs a workspace scan and reports its summary', async () => {
    fs.writeFileSync(path.join(dir, 'disk.py'), PY);
    const summary = await client.request<{ files: number; cancelled: boolean }>('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] });
    assert.strictEqual(summary.cancelled, false);
    await client.waitFor('scan summary message', () => client.shown.find((m) => /^Vigil: scanned/.test(m.message)));
  });

  it('shuts down and exits with code 0', async () => {
    assert.strictEqual(await client.shutdown(), 0);
  });

  it('wrote nothing but LSP frames to stdout', () => {
    const frames = parseFrames(client.stdout);
    assert.ok(frames.length > 20, `saw ${frames.length} frames`);
  });
});
