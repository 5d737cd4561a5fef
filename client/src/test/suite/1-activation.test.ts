import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateVigil } from './helpers';

describe('activation', () => {
  it('activates and starts the language server', async () => {
    const api = await activateVigil();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(typeof api.statusText(), 'string');
  });

  it('registers the Vigil commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['vigil.scanWorkspace', 'vigil.restartServer', 'vigil.showOutput', 'vigil.showRuleDocs']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
