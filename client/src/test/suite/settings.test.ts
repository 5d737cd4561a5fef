import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateVigil,
  expectRuleCountStays,
  openScratch,
  resetVigilSettings,
  updateSetting,
  ruleOf,
  waitForDiagnostics,
  waitForNoRule,
  waitForRule,
} from './helpers';

// A digest stored as a signature: an alert (a warning), whose severity the setting can change.
const HASH_PY = 'import hashlib\n\nsignature = hashlib.md5(payload).hexdigest()\n';

describe('settings take effect', () => {
  before(async () => {
    await activateVigil();
  });
  afterEach(resetVigilSettings);

  it('vigil.rules.disabled removes the rule, and re-enabling brings it back', async () => {
    const editor = await openScratch('settings_disabled.py', HASH_PY);
    const uri = editor.document.uri;
    await waitForRule(uri, 'weak-hash');
    await updateSetting('rules.disabled', ['weak-hash']);
    await waitForNoRule(uri, 'weak-hash');
    await updateSetting('rules.disabled', undefined);
    await waitForRule(uri, 'weak-hash');
  });

  it('vigil.rules.severity changes the reported severity', async () => {
    const editor = await openScratch('settings_severity.py', HASH_PY);
    const uri = editor.document.uri;
    const [before] = await waitForRule(uri, 'weak-hash');
    assert.equal(before?.severity, vscode.DiagnosticSeverity.Warning);
    await updateSetting('rules.severity', { 'weak-hash': 'error' });
    const [after] = await waitForRuleWithSeverity(uri, vscode.DiagnosticSeverity.Error);
    assert.equal(after?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('vigil.run = onSave checks on save, not while typing', async () => {
    await updateSetting('run', 'onSave');
    const editor = await openScratch('settings_onsave.py', 'import hashlib\n\nold = hashlib.sha1(b"x")\n');
    const uri = editor.document.uri;
    // The file is checked once when it opens; that finding proves the first run is over.
    await waitForDiagnostics(uri, (d) => d.filter((x) => ruleOf(x) === 'weak-hash').length === 1, 'the finding of the opened file');
    const typed = await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'new = hashlib.md5(b"x")\n'));
    assert.ok(typed);
    // Several debounce periods with the count unchanged: typing did not trigger a check.
    await expectRuleCountStays(uri, 'weak-hash', 1, 2_000);
    assert.ok(await editor.document.save());
    await waitForDiagnostics(uri, (d) => d.filter((x) => ruleOf(x) === 'weak-hash').length === 2, 'both findings after the save');
  });
});

function waitForRuleWithSeverity(uri: vscode.Uri, severity: vscode.DiagnosticSeverity): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    uri,
    (d) => d.some((x) => ruleOf(x) === 'weak-hash' && x.severity === severity),
    `weak-hash with severity ${severity}`,
  );
}
