// Taint across files in the editor (issue 15): after Scan Workspace, an open document settles its own findings
// that wait on other files against the scan's summaries (lsp/scanSummaries.ts, lsp/analyze.ts), so opening a
// file shows what the scan showed: raised through a caller elsewhere, or dropped when every caller passes a
// constant. Without a scan, the document is analysed alone, as before. The bundled server over stdio.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { byRule, LspClient } from './lspClient';

const FILES: Record<string, string> = {
  'lib/Front.java': [
    'package lib;',
    'import javax.servlet.http.HttpServletRequest;',
    'public class Front {',
    '    public void search(HttpServletRequest req) throws Exception {',
    '        String term = req.getParameter("q");',
    '        new Catalog().lookup(term);',
    '    }',
    '    public void nightly() throws Exception {',
    '        new Ledger().totals("2024");',
    '    }',
    '}',
    '',
  ].join('\n'),
  'lib/Catalog.java': [
    'package lib;',
    'import java.sql.*;',
    'public class Catalog {',
    '    private Connection conn;',
    '    public ResultSet lookup(String term) throws SQLException {',
    '        return conn.createStatement().executeQuery("select id from items where title = \'" + term + "\'");',
    '    }',
    '}',
    '',
  ].join('\n'),
  'lib/Ledger.java': [
    'package lib;',
    'import java.sql.*;',
    'public class Ledger {',
    '    private Connection conn;',
    '    public ResultSet totals(String year) throws SQLException {',
    '        return conn.createStatement().executeQuery("select sum(amount) from entries where year = \'" + year + "\'");',
    '    }',
    '}',
    '',
  ].join('\n'),
};

const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

interface Data {
  confidence: string;
  fingerprint: string;
}

describe('taint across files in the editor (after Scan Workspace)', function () {
  this.timeout(120_000);
  let dir: string;
  let client: LspClient;
  const uri = (rel: string): string => `file://${path.join(dir, rel)}`;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-edsum-'));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    ({ client } = await LspClient.start({ rootDir: dir, initializationOptions: { isTrusted: true, debounceMs: 0 } }));
  });

  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openAndWait(rel: string, text = FILES[rel]!, version = 1): Promise<Diagnostic[]> {
    const since = client.published.length;
    await client.open(uri(rel), 'java', text, version);
    return (await client.waitForDiagnostics(uri(rel), () => true, since)).diagnostics;
  }

  const scan = (): Promise<{ files: number; cancelled: boolean }> => client.request('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] }, 60_000);

  it('without a scan, each file is analysed alone: the parameter is medium evidence', async () => {
    const catalog = byRule(await openAndWait('lib/Catalog.java'), 'sql-injection');
    assert.deepStrictEqual(catalog.map((d) => [d.range.start.line + 1, (d.data as Data).confidence]), [[6, 'medium']]);
    assert.ok(!/passes input/.test(text(catalog[0]!)));
    const ledger = byRule(await openAndWait('lib/Ledger.java'), 'sql-injection');
    assert.deepStrictEqual(ledger.map((d) => [d.range.start.line + 1, (d.data as Data).confidence]), [[6, 'medium']]);
  });

  it('opening the callee shows the finding the scan raised, high, with the caller\u2019s steps and the scan\u2019s fingerprint', async () => {
    const summary = await scan();
    assert.ok(!summary.cancelled && summary.files === 3);
    const fromScan = byRule(client.published.filter((p) => p.uri === uri('lib/Catalog.java')).pop()?.diagnostics ?? [], 'sql-injection');
    assert.strictEqual(fromScan.length, 1);
    // The scan's published diagnostic carries the caller's steps too (they resolve to the other file's URI).
    assert.ok(fromScan[0]!.relatedInformation?.some((r) => r.location.uri === uri('lib/Front.java')));

    const live = byRule(await openAndWait('lib/Catalog.java'), 'sql-injection');
    assert.strictEqual(live.length, 1);
    const d = live[0]!;
    assert.strictEqual((d.data as Data).confidence, 'high');
    assert.match(text(d), /A call in lib\/Front\.java \(line 6\) passes input to it\./);
    const steps = (d.relatedInformation ?? []).map((r) => `${path.relative(dir, r.location.uri.replace(/^file:\/\//, ''))}:${r.location.range.start.line + 1}`);
    assert.deepStrictEqual(steps.slice(0, 3), ['lib/Front.java:5', 'lib/Front.java:5', 'lib/Front.java:6']);
    assert.strictEqual(steps[steps.length - 1], 'lib/Catalog.java:6');
    // Baselines and suppressions key on the fingerprint: the open file's is the one the scan published.
    assert.strictEqual((d.data as Data).fingerprint, (fromScan[0]!.data as Data).fingerprint);

    // Typing keeps the settled result (the edit is incremental, the summaries stay).
    const since = client.published.length;
    await client.change(uri('lib/Catalog.java'), 2, [{ range: { start: { line: 7, character: 1 }, end: { line: 7, character: 1 } }, text: '\n// edited\n' }]);
    const after = byRule((await client.waitForDiagnostics(uri('lib/Catalog.java'), (p) => p.version === 2, since)).diagnostics, 'sql-injection');
    assert.deepStrictEqual(after.map((x) => (x.data as Data).confidence), ['high']);
  });

  it('a file whose only caller passes a constant shows no finding when opened after the scan', async () => {
    await scan();
    assert.deepStrictEqual(byRule(client.published.filter((p) => p.uri === uri('lib/Ledger.java')).pop()?.diagnostics ?? [], 'sql-injection'), []);
    assert.deepStrictEqual(byRule(await openAndWait('lib/Ledger.java'), 'sql-injection'), []);
  });

  it('a document open before the scan is settled when the scan completes, and alone again after a settings change', async () => {
    const before = byRule(await openAndWait('lib/Catalog.java'), 'sql-injection');
    assert.deepStrictEqual(before.map((d) => (d.data as Data).confidence), ['medium']);
    let since = client.published.length;
    await scan();
    const settled = await client.waitForDiagnostics(uri('lib/Catalog.java'), (p) => byRule(p.diagnostics, 'sql-injection').some((d) => (d.data as Data).confidence === 'high'), since);
    assert.ok(settled);
    since = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const alone = await client.waitForDiagnostics(uri('lib/Catalog.java'), (p) => byRule(p.diagnostics, 'sql-injection').some((d) => (d.data as Data).confidence === 'medium'), since);
    assert.ok(alone);
  });
});
