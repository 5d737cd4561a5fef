import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScanSummary } from '../../commands';
import type { SecurityReport } from '../../securityReport';
import { activateVigil } from './helpers';

interface Island {
  tallies: { open: number; bySeverity: { key: string; count: number }[] };
  data: { filesScanned: number };
}

function island(html: string): Island {
  const m = /<script type="application\/json" id="vigil-report-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'the page carries its data island');
  return JSON.parse(m[1]!) as Island;
}

describe('Vigil: Open Security Report', () => {
  before(async () => {
    await activateVigil();
  });

  it('opens a webview with the report of the workspace, whose numbers agree with a workspace scan', async () => {
    const report = await vscode.commands.executeCommand<SecurityReport | undefined>('vigil.openSecurityReport');
    assert.ok(report, 'the command returned the report');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(
      tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Vigil Security Report'),
      `no report tab among ${tabs.map((t) => t.label).join(', ')}`,
    );
    assert.match(report.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    const data = island(report.html);
    const summary = await vscode.commands.executeCommand<ScanSummary | undefined>('vigil.scanWorkspace');
    assert.ok(summary);
    assert.equal(data.data.filesScanned, summary.files);
    const bySeverity = Object.fromEntries(data.tallies.bySeverity.map((r) => [r.key, r.count]));
    assert.deepEqual(bySeverity, summary.findings);
    assert.ok(data.tallies.open > 0, 'the fixture workspace has findings');
  });
});
