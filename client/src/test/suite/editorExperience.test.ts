// The editor experience of issue 22, in the real VS Code API: a short hover in the file's language, one docs
// view (the Problems code link runs the same command as the palette, nothing in a temp folder), fix titles
// that say why a fix is unsafe, fix-all from the palette, and suppression with the cursor on the reason.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { activateVigil, codeActionsAt, openScratch, waitForDiagnostics, waitForRule } from './helpers';

const PY_HASH = 'import hashlib\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n';
const PY_YAML = 'import yaml\n\ndef load(a, b):\n    x = yaml.load(a)\n    y = yaml.load(b)\n    return x, y\n';
const GO_ARRAY = 'package main\n\nimport "crypto/md5"\n\nvar cache map[[16]byte]string\n\nfunc key(b []byte) [16]byte {\n\treturn md5.Sum(b)\n}\n';

function markdownOf(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

function docsFolders(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('vigil-docs-'));
}

describe('editor experience', () => {
  before(async () => {
    await activateVigil();
  });

  it('hover: the rule in short, in the file\'s language, with a trusted link to the docs view', async () => {
    const editor = await openScratch('hover_short.py', PY_HASH);
    const [d] = await waitForRule(editor.document.uri, 'weak-hash');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d!.range.start.translate(0, 3));
    const mine = hovers.filter((h) => /`weak-hash`/.test(markdownOf(h)));
    assert.equal(mine.length, 1, 'one Vigil hover');
    const value = markdownOf(mine[0]!);
    assert.ok(value.length < 1500, `hover is ${value.length} characters`);
    assert.match(value, /Weak hash algorithm/);
    assert.match(value, /```python\n# bad/);
    assert.doesNotMatch(value, /```(js|java|go)\n/);
    assert.doesNotMatch(value, /MD5 is a broken hash/, 'the message is not repeated');
    assert.match(value, /\[Full documentation\]\(command:vigil\.showRuleDocs\?/);
    const md = mine[0]!.contents.find((c) => typeof c !== 'string' && /Full documentation/.test(c.value)) as vscode.MarkdownString;
    assert.deepEqual(md.isTrusted, { enabledCommands: ['vigil.showRuleDocs'] });
  });

  it('the Problems code link opens the rendered docs view, and nothing is written to a temp folder', async () => {
    const before = docsFolders();
    const editor = await openScratch('docs_link.py', PY_HASH);
    const [d] = await waitForRule(editor.document.uri, 'weak-hash');
    const code = d!.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, 'vigil.showRuleDocs');
    const args = JSON.parse(code.target.query) as unknown[];
    assert.deepEqual(args, ['weak-hash']);
    const page = await vscode.commands.executeCommand<vscode.Uri>(code.target.path, ...args);
    assert.equal(page.scheme, 'vigil-docs');
    const doc = await vscode.workspace.openTextDocument(page);
    assert.match(doc.getText(), /^# Weak hash algorithm/);
    // The markdown preview of that page is the tab that opened.
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /weak-hash/.test(t.label)), tabs.map((t) => t.label).join(', '));
    assert.deepEqual(docsFolders(), before, 'no vigil-docs folder was created');
  });

  it('an unsafe fix says why in its title; a Go file with no drop-in fix says why in the menu', async () => {
    const py = await openScratch('titles.py', PY_HASH);
    const [d] = await waitForRule(py.document.uri, 'weak-hash');
    const titles = (await codeActionsAt(py.document.uri, d!.range)).map((a) => a.title);
    assert.ok(titles.includes('Use hashlib.sha256 instead of MD5 (unsafe: digests change)'), titles.join(' | '));
    const go = await openScratch('arrays.go', GO_ARRAY);
    const [g] = await waitForRule(go.document.uri, 'weak-hash');
    // The server sends a disabled action with the reason; VS Code hides disabled actions when others exist, so
    // the client shows it as an entry that tells the reason.
    const none = (await codeActionsAt(go.document.uri, g!.range)).find((a) => a.title.startsWith('No automatic fix'));
    assert.ok(none?.command, 'a "No automatic fix" entry');
    assert.equal(none.title, 'No automatic fix for weak-hash: why?');
    assert.equal(none.command.command, 'vigil.explainNoFix');
    assert.match(String(none.command.arguments?.[1]), /md5\.Sum returns \[16\]byte/);
  });

  it('Vigil: Fix All Safe Problems applies the safe fixes of the active file', async () => {
    const editor = await openScratch('fix_all.py', PY_YAML);
    await waitForDiagnostics(editor.document.uri, (ds) => ds.filter((x) => x.code && (x.code as { value: string }).value === 'insecure-deserialization').length === 2, 'two yaml.load findings');
    const applied = await vscode.commands.executeCommand<number>('vigil.fixAllSafe');
    assert.equal(applied, 2);
    assert.equal(editor.document.getText(), PY_YAML.replace(/yaml\.load\(/g, 'yaml.safe_load('));
    // The same fix-all is a quick fix of each problem (that is what the Problems view's context menu lists).
    const again = await openScratch('fix_all_menu.py', PY_YAML);
    const [first] = await waitForRule(again.document.uri, 'insecure-deserialization');
    assert.ok((await codeActionsAt(again.document.uri, first!.range)).some((a) => a.title === 'Fix all 2 safe problems in this file'));
  });

  it('"Apply all fixes in this file…" is offered where unsafe fixes exist, as one reviewed edit', async () => {
    const editor = await openScratch('apply_all.py', 'import hashlib\n\na = hashlib.md5(b"a").hexdigest()\nb = hashlib.sha1(b"b").hexdigest()\n');
    const [d] = await waitForRule(editor.document.uri, 'weak-hash');
    const all = (await codeActionsAt(editor.document.uri, d!.range)).find((a) => a.title.startsWith('Apply all'));
    assert.ok(all?.edit, 'offered with an edit');
    assert.equal(all.title, 'Apply all 2 fixes in this file… (2 unsafe, review in a preview)');
    assert.equal(all.edit.get(editor.document.uri).length, 2);
  });

  it('Suppress puts the cursor on the reason: typing writes the reason into the comment', async () => {
    const editor = await openScratch('suppress_reason.py', PY_HASH);
    const [d] = await waitForRule(editor.document.uri, 'weak-hash');
    const actions = await codeActionsAt(editor.document.uri, d!.range);
    const suppress = actions.find((a) => a.title === 'Suppress weak-hash on this line');
    assert.ok(suppress?.edit);
    assert.ok(actions.some((a) => /^Suppress weak-hash on this line until \d{4}-\d{2}-\d{2} \(90 days\)$/.test(a.title)), 'the expiring variant');
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));
    assert.equal(editor.document.lineAt(3).text, '    # vigil-ignore-next-line weak-hash -- reason');
    // The placeholder is selected: what the user types replaces it.
    assert.equal(editor.document.getText(editor.selection), 'reason');
    await vscode.commands.executeCommand('type', { text: 'cache key, not security' });
    assert.equal(editor.document.lineAt(3).text, '    # vigil-ignore-next-line weak-hash -- cache key, not security');
  });
});
