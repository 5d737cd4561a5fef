// The language server's `vigil.securityReport` command (the "Vigil: Open Security Report" command of the
// extension): the page is built from a scan of the workspace with the editor's trust, and counts suppressions.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromHtml } from '../cli/report/inputs';
import type { tallies } from '../cli/report/stats';
import { pathToFileURL } from 'url';
import { LspClient } from './lspClient';

const RULE = `id: test-report-marker
title: Report marker (protocol test rule)
severity: warning
confidence: high
cwe: [1004]
message: "A REPORT marker: remove it."
docs: |
  ## Why it is risky
  A rule for the report protocol test.
patterns:
  - languages: ["*"]
    regex: "REPORT_[M]ARKER"
`;

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lsp-report-'));
  fs.mkdirSync(path.join(dir, 'rules'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'rules', 'test-report-marker.yaml'), RULE);
  fs.writeFileSync(path.join(dir, '.vigil.yaml'), 'rules: [rules]\n');
  fs.writeFileSync(path.join(dir, 'src', 'a.py'), 'import hashlib\nREPORT_MARKER = 1\nhashlib.md5(b"")\nhashlib.md5(b"")  # vigil-ignore weak-hash -- legacy checksum\n');
  return dir;
}

async function reportOf(trusted: boolean, openBuffer?: string): Promise<{ tallies: ReturnType<typeof tallies>; html: string; findings: number }> {
  const dir = workspace();
  const { client } = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: trusted } });
  try {
    if (openBuffer !== undefined) await client.open(pathToFileURL(path.join(dir, 'src', 'a.py')).href, 'python', openBuffer);
    const r = await client.request<{ html: string; findings: number; files: number }>('workspace/executeCommand', {
      command: 'vigil.securityReport',
      arguments: [{ cspSource: 'vscode-webview://test' }],
    });
    const island = fromHtml(r.html) as unknown as { tallies: ReturnType<typeof tallies> };
    assert.ok(r.files >= 2, `scanned ${r.files} files`);
    return { tallies: island.tallies, html: r.html, findings: r.findings };
  } finally {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('language server: vigil.securityReport', function () {
  this.timeout(120_000);
  it('builds the report from the workspace: open and suppressed findings, the CSP source it was given', async () => {
    const r = await reportOf(true);
    assert.deepStrictEqual(Object.fromEntries(r.tallies.byRule.map((x) => [x.key, x.count])), { 'test-report-marker': 1, 'weak-hash': 1 });
    assert.deepStrictEqual(r.tallies.suppressionsByReason, [{ key: 'legacy checksum', count: 1 }]);
    assert.strictEqual(r.findings, 3);
    assert.match(r.html, /Content-Security-Policy" content="default-src 'none'; img-src data: vscode-webview:\/\/test;/);
  });

  it('counts an open document as its unsaved buffer, as the Problems view and the workspace scan do', async () => {
    const r = await reportOf(true, 'import hashlib\nhashlib.md5(b"")\nhashlib.sha1(b"")\n');
    assert.deepStrictEqual(Object.fromEntries(r.tallies.byRule.map((x) => [x.key, x.count])), { 'weak-hash': 2 });
    assert.deepStrictEqual(r.tallies.suppressionsByReason, []);
  });

  it('in an untrusted workspace, the custom rules stay out of the report', async () => {
    const r = await reportOf(false);
    assert.deepStrictEqual(r.tallies.byRule.map((x) => x.key), ['weak-hash']);
  });
});
