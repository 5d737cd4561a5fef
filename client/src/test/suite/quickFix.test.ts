import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateVigil, applyAction, codeActionsAt, openScratch, waitForNoRule, waitForRule } from './helpers';

/** The quick fix a user gets first: the preferred one, else the first that edits the file. */
function preferredFix(actions: vscode.CodeAction[]): vscode.CodeAction | undefined {
  const fixes = actions.filter((a) => a.edit && !/^suppress/i.test(a.title));
  return fixes.find((a) => a.isPreferred) ?? fixes[0];
}

const cases = [
  {
    lang: 'python',
    file: 'fix_hash.py',
    text: 'import hashlib\n\n\ndef digest(data: bytes) -> str:\n    return hashlib.md5(data).hexdigest()\n',
    fixed: 'import hashlib\n\n\ndef digest(data: bytes) -> str:\n    return hashlib.sha256(data).hexdigest()\n',
  },
  {
    lang: 'javascript',
    file: 'fix_hash.js',
    text: "const crypto = require('crypto');\n\nfunction etag(body) {\n  return crypto.createHash('md5').update(body).digest('hex');\n}\n",
    fixed: "const crypto = require('crypto');\n\nfunction etag(body) {\n  return crypto.createHash('sha256').update(body).digest('hex');\n}\n",
  },
];

describe('quick fixes through vscode.executeCodeActionProvider', () => {
  before(async () => {
    await activateVigil();
  });

  for (const c of cases) {
    it(`replaces the weak hash in ${c.lang} and the diagnostic goes away`, async () => {
      const editor = await openScratch(c.file, c.text);
      const uri = editor.document.uri;
      const [diag] = await waitForRule(uri, 'weak-hash');
      assert.ok(diag);
      const fix = preferredFix(await codeActionsAt(uri, diag.range));
      assert.ok(fix, 'no quick fix offered for weak-hash');
      assert.match(fix.title, /sha256/i, `fix title should say what changes: ${fix.title}`);
      assert.equal(fix.kind?.value.startsWith('quickfix'), true);
      await applyAction(fix);
      assert.equal(editor.document.getText(), c.fixed);
      await waitForNoRule(uri, 'weak-hash');
    });
  }

  it('offers the rule documentation as an action', async () => {
    const editor = await openScratch('docs_action.py', cases[0]!.text);
    const [diag] = await waitForRule(editor.document.uri, 'weak-hash');
    assert.ok(diag);
    const actions = await codeActionsAt(editor.document.uri, diag.range);
    const docs = actions.find((a) => /documentation/i.test(a.title));
    assert.ok(docs?.command, `no documentation action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(docs.command.command, 'vigil.showRuleDocs');
    const page = await vscode.commands.executeCommand<vscode.Uri | undefined>(docs.command.command, ...(docs.command.arguments ?? []));
    assert.ok(page, 'vigil.showRuleDocs showed nothing');
    const text = (await vscode.workspace.openTextDocument(page)).getText();
    assert.match(text, /MD5|SHA-1/);
  });
});
