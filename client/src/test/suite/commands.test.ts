import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateVigil, openScratch, waitForRule } from './helpers';

describe('commands', () => {
  before(async () => {
    await activateVigil();
  });

  it('Show Rule Documentation opens the rule docs', async () => {
    const page = await vscode.commands.executeCommand<vscode.Uri | undefined>('vigil.showRuleDocs', 'weak-hash');
    assert.ok(page);
    const text = (await vscode.workspace.openTextDocument(page)).getText();
    assert.match(text, /weak-hash|Weak hash/);
  });

  it('Restart Server brings back a working server', async () => {
    await vscode.commands.executeCommand('vigil.restartServer');
    const editor = await openScratch('after_restart.py', 'import hashlib\n\nh = hashlib.sha1(b"x")\n');
    await waitForRule(editor.document.uri, 'weak-hash');
  });
});
