import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ScanSummary } from '../../commands';
import { activateVigil, expectationsOf, vigilDiagnostics, ruleOf, waitForDiagnostics, workspaceRoot } from './helpers';

describe('Vigil: Scan Workspace', () => {
  before(async () => {
    await activateVigil();
  });

  it('puts findings for files that were never opened into the Problems view', async () => {
    const file = path.join(workspaceRoot(), 'unopened', 'legacy_hash.py');
    const uri = vscode.Uri.file(file);
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'unopened/legacy_hash.py must not be open before the scan',
    );
    const expected = expectationsOf(fs.readFileSync(file, 'utf8'));
    assert.ok(expected.length > 0);
    const summary = await vscode.commands.executeCommand<ScanSummary | undefined>('vigil.scanWorkspace');
    assert.ok(summary, 'the scan returned no summary');
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 7, `scanned only ${summary.files} files`);
    assert.ok(summary.findings.warning + summary.findings.error >= expected.length);
    const diags = await waitForDiagnostics(
      uri,
      (d) => expected.every((e) => d.some((x) => ruleOf(x) === e.ruleId && x.range.start.line === e.line)),
      'the annotated findings of the unopened file',
    );
    assert.equal(diags.length, vigilDiagnostics(uri).length);
  });
});
