// The findings view in a real editor: its provider (groups, counts, live and scanned findings, filters, the
// baseline mark), the click that reveals a finding, and the context actions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VigilApi } from '../../extension';
import type { ViewFinding } from '../../findings/model';
import type { Node } from '../../findings/tree';
import { activateVigil, openScratch, vigilDiagnostics, waitForNoRule, waitForRule, WAIT_MS, workspaceRoot } from './helpers';

let api: VigilApi;

function shown(): ViewFinding[] {
  return api.findings.shownGroups().flatMap((g) => g.findings);
}

/** Waits until the tree (after its batching) shows what `check` wants. */
async function waitForTree(check: (findings: ViewFinding[]) => boolean, what: string): Promise<ViewFinding[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (check(shown())) return shown();
    const left = deadline - Date.now();
    if (left <= 0) {
      const seen = shown().map((f) => `${f.path}:${f.range.start.line}:${f.ruleId}${f.isNew ? '(new)' : ''}`);
      throw new Error(`timed out waiting for the findings view to show ${what}; it shows [${seen.join(', ')}]`);
    }
    await Promise.race([api.findings.nextRefresh(), new Promise((r) => setTimeout(r, Math.min(left, 500)))]);
  }
}

const inFile = (uri: vscode.Uri, ruleId?: string) => (f: ViewFinding) => f.uri === uri.toString() && (ruleId === undefined || f.ruleId === ruleId);

function nodeOf(finding: ViewFinding): Node {
  const group = api.findings.shownGroups().find((g) => g.findings.includes(finding));
  assert.ok(group, 'the finding is in no group');
  return { kind: 'finding', finding, group };
}

const HASH = 'import hashlib\n\ndigest = hashlib.md5(b"x").hexdigest()\n';

describe('findings view', () => {
  before(async () => {
    api = await activateVigil();
    await vscode.commands.executeCommand('vigil.findings.clearFilter');
    await vscode.commands.executeCommand('vigil.findings.groupBy', 'file');
  });

  after(async () => {
    await vscode.commands.executeCommand('vigil.findings.clearFilter');
    await vscode.commands.executeCommand('vigil.findings.groupBy', 'file');
  });

  it('is contributed in the Vigil activity-bar container with an empty-state hint and context actions', async () => {
    const pkg = vscode.extensions.getExtension('vigil-dev.vigil')!.packageJSON as {
      contributes: {
        viewsContainers: { activitybar: { id: string; icon: string }[] };
        views: Record<string, { id: string }[]>;
        viewsWelcome: { view: string; contents: string }[];
        menus: Record<string, { command: string; when?: string }[]>;
      };
    };
    const container = pkg.contributes.viewsContainers.activitybar.find((c) => c.id === 'vigil');
    assert.ok(container, 'no Vigil activity-bar container');
    assert.ok(fs.existsSync(path.join(vscode.extensions.getExtension('vigil-dev.vigil')!.extensionPath, container.icon)), 'the icon file is missing');
    assert.ok(pkg.contributes.views.vigil?.some((v) => v.id === 'vigil.findings'));
    assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === 'vigil.findings' && w.contents.includes('(command:vigil.scanWorkspace)')));
    const item = pkg.contributes.menus['view/item/context']!.map((m) => m.command);
    for (const c of ['vigil.findings.applyFix', 'vigil.findings.suppress', 'vigil.findings.showRuleDocs', 'vigil.findings.copyMarkdown']) {
      assert.ok(item.includes(c), `${c} is not in the item context menu`);
    }
    const commands = await vscode.commands.getCommands(true);
    for (const c of [...item, 'vigil.findings.groupBy', 'vigil.findings.filter', 'vigil.findings.reveal']) assert.ok(commands.includes(c), `${c} is not registered`);
    // Opening the container makes VS Code ask the provider for its nodes.
    await vscode.commands.executeCommand('workbench.view.extension.vigil');
  });

  it('shows an open document\'s findings live, grouped by file with counts, and drops them once fixed', async () => {
    const editor = await openScratch('view_live.py', `${HASH}other = hashlib.sha1(b"y").hexdigest()\n`);
    const uri = editor.document.uri;
    await waitForTree((xs) => xs.filter(inFile(uri, 'weak-hash')).length === 2, 'two weak-hash findings of the open file');
    // One language client: registering the view must not start a second one (each finding would show twice).
    assert.equal(vigilDiagnostics(uri).length, 2);
    const root = api.findings.getChildren();
    const fileNode = root.find((n) => n.kind === 'group' && n.group.id === `file:${uri.toString()}`);
    assert.ok(fileNode, 'no group for the file');
    const item = api.findings.getTreeItem(fileNode);
    assert.equal(item.label, 'view_live.py');
    assert.match(String(item.description), /(^|· )2$/);
    const children = api.findings.getChildren(fileNode);
    assert.equal(children.length, 2);
    const child = api.findings.getTreeItem(children[0]!);
    assert.match(String(child.description), /weak-hash · Ln 3/);
    assert.equal(child.contextValue, 'vigil.finding.fixable');
    await editor.edit((e) => e.replace(new vscode.Range(2, 0, 3, 0), 'digest = hashlib.sha256(b"x").hexdigest()\n'));
    await waitForTree((xs) => xs.filter(inFile(uri, 'weak-hash')).length === 1, 'one weak-hash finding after the edit');
  });

  it('groups by rule or severity, and the choice is kept in the workspace state', async () => {
    await openScratch('view_group.py', HASH);
    await waitForTree((xs) => xs.some((f) => f.path.endsWith('view_group.py')), 'the grouping file');
    await vscode.commands.executeCommand('vigil.findings.groupBy', 'rule');
    assert.equal(api.findings.groupBy, 'rule');
    const rules = api.findings.shownGroups();
    assert.ok(rules.every((g) => g.by === 'rule' && g.findings.every((f) => f.ruleId === g.label)));
    assert.ok(rules.some((g) => g.label === 'weak-hash'));
    await vscode.commands.executeCommand('vigil.findings.groupBySeverity');
    const severities = api.findings.shownGroups().map((g) => g.label);
    assert.deepEqual(severities, ['error', 'warning', 'info'].filter((s) => severities.includes(s)));
    assert.equal(api.findings.groupBy, 'severity', 'the grouping is read back from the workspace state');
    await vscode.commands.executeCommand('vigil.findings.groupByFile');
    assert.equal(api.findings.groupBy, 'file');
  });

  it('filters by text, severity and confidence (the confidence comes with the diagnostic)', async () => {
    const editor = await openScratch(
      'view_filter.py',
      `${HASH}AWS_ACCESS_KEY_ID = "AKIAZ7QK4LMW2RTX5VNC"\napi_token = "q8Fz2LmZ9pR4tW7vK3nB6yH1xE5s"\n`,
    );
    const uri = editor.document.uri;
    const all = await waitForTree(
      (xs) => xs.some(inFile(uri, 'weak-hash')) && xs.filter(inFile(uri, 'hardcoded-secret')).length === 2,
      'weak-hash and two hardcoded-secret findings',
    );
    const secrets = all.filter(inFile(uri, 'hardcoded-secret'));
    assert.deepEqual(secrets.map((f) => f.confidence).sort(), ['high', 'medium']);

    await vscode.commands.executeCommand('vigil.findings.filterText', 'view_filter');
    assert.ok(shown().length >= 3 && shown().every((f) => f.path.includes('view_filter')));
    await vscode.commands.executeCommand('vigil.findings.filterSeverity', ['error']);
    assert.deepEqual([...new Set(shown().map((f) => f.ruleId))], ['hardcoded-secret']);
    await vscode.commands.executeCommand('vigil.findings.filterConfidence', 'high');
    assert.deepEqual(shown().map((f) => f.confidence), ['high']);
    await vscode.commands.executeCommand('vigil.findings.filterText', 'no such finding anywhere');
    assert.equal(api.findings.getChildren().length, 0, 'nothing matches: the view shows its "no findings match" welcome');
    await vscode.commands.executeCommand('vigil.findings.clearFilter');
    assert.ok(shown().filter(inFile(uri)).length >= 3);
  });

  it('shows the findings of files that are not open after a workspace scan', async () => {
    const file = path.join(workspaceRoot(), 'scratch', 'view_unopened.py');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, HASH);
    const uri = vscode.Uri.file(file);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    await vscode.commands.executeCommand('vigil.scanWorkspace');
    const [f] = (await waitForTree((xs) => xs.some(inFile(uri, 'weak-hash')), 'the unopened file\'s finding')).filter(inFile(uri));
    assert.equal(f!.version, null, 'a scanned finding carries no document version');
    assert.ok(shown().some((x) => x.path === 'unopened/legacy_hash.py'));
  });

  it('applies a fix to a scanned file: it opens the file and uses the fix computed for its text', async () => {
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'scratch', 'view_unopened.py'));
    const [f] = (await waitForTree((xs) => xs.some(inFile(uri, 'weak-hash')), 'the scanned finding')).filter(inFile(uri));
    assert.ok(f && f.fixes.length > 0, 'the scanned finding has no fix');
    const ok = await vscode.commands.executeCommand<boolean>('vigil.findings.applyFix', nodeOf(f), f.fixes[0]!.title);
    assert.equal(ok, true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc, 'the file was not opened');
    assert.match(doc.getText(), /hashlib\.sha256\(/);
    await waitForNoRule(uri, 'weak-hash');
  });

  it('marks findings that are new since the baseline', async () => {
    const editor = await openScratch('view_baseline.py', `${HASH}other = hashlib.sha1(b"y").hexdigest()\n`);
    const uri = editor.document.uri;
    const mine = (await waitForTree((xs) => xs.filter(inFile(uri, 'weak-hash')).length === 2, 'two findings')).filter(inFile(uri));
    assert.ok(mine.every((f) => f.isNew === undefined), 'without a baseline nothing is marked');
    const accepted = mine.find((f) => f.range.start.line === 2)!;
    const baseline = path.join(workspaceRoot(), '.vigil-baseline.json');
    fs.writeFileSync(
      baseline,
      JSON.stringify({ version: 1, description: 'test', findings: [{ fingerprint: accepted.fingerprint, ruleId: 'weak-hash', path: 'scratch/view_baseline.py' }] }),
    );
    try {
      await vscode.commands.executeCommand('vigil.findings.refresh');
      const marked = shown().filter(inFile(uri));
      assert.deepEqual(marked.map((f) => `${f.range.start.line}:${String(f.isNew)}`).sort(), ['2:false', '3:true']);
      const fresh = marked.find((f) => f.isNew)!;
      const freshItem = api.findings.getTreeItem(nodeOf(fresh));
      assert.match(String(freshItem.description), /^new · /);
      assert.deepEqual((freshItem.label as vscode.TreeItemLabel).highlights, [[0, 3]]);
      assert.match((freshItem.label as vscode.TreeItemLabel).label, /^new SHA-1 is a broken hash/);
      const oldItem = api.findings.getTreeItem(nodeOf(marked.find((f) => f.isNew === false)!));
      assert.equal((oldItem.label as vscode.TreeItemLabel).highlights, undefined);
      const group = api.findings.shownGroups().find((g) => g.id === `file:${uri.toString()}`)!;
      assert.match(String(api.findings.getTreeItem({ kind: 'group', group }).description), /1 new/);
    } finally {
      fs.rmSync(baseline, { force: true });
      await vscode.commands.executeCommand('vigil.findings.refresh');
    }
    assert.ok(shown().filter(inFile(uri)).every((f) => f.isNew === undefined));
  });

  it('reveals a finding\'s range when its item is clicked', async () => {
    const editor = await openScratch('view_reveal.py', `\n\n${HASH}`);
    const uri = editor.document.uri;
    const [f] = (await waitForTree((xs) => xs.some(inFile(uri, 'weak-hash')), 'the finding')).filter(inFile(uri));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const item = api.findings.getTreeItem(nodeOf(f!));
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), uri.toString());
    assert.equal(active.selection.start.line, 4);
    assert.equal(active.selection.start.character, f!.range.start.character);
    assert.equal(active.selection.end.character, f!.range.end.character);
  });

  it('suppresses a finding with the reason given, through the server\'s suppression edit', async () => {
    const editor = await openScratch('view_suppress.py', HASH);
    const uri = editor.document.uri;
    const [f] = (await waitForTree((xs) => xs.some(inFile(uri, 'weak-hash')), 'the finding')).filter(inFile(uri));
    const ok = await vscode.commands.executeCommand<boolean>('vigil.findings.suppress', nodeOf(f!), 'checksum of a test fixture');
    assert.equal(ok, true);
    assert.equal(editor.document.lineAt(2).text, '# vigil-ignore-next-line weak-hash -- checksum of a test fixture');
    await waitForNoRule(uri, 'weak-hash');
    await waitForTree((xs) => !xs.some(inFile(uri)), 'no finding of the suppressed file');
  });

  it('opens the rule documentation of a finding', async () => {
    const editor = await openScratch('view_docs.py', HASH);
    await waitForRule(editor.document.uri, 'weak-hash');
    const [f] = (await waitForTree((xs) => xs.some(inFile(editor.document.uri)), 'the finding')).filter(inFile(editor.document.uri));
    const docs = await vscode.commands.executeCommand<vscode.Uri | undefined>('vigil.findings.showRuleDocs', nodeOf(f!));
    assert.equal(docs?.toString(), 'vigil-docs:/weak-hash.md');
    const text = (await vscode.workspace.openTextDocument(docs)).getText();
    assert.match(text, /weak-hash/);
  });

  it('copies a finding as Markdown with the secret masked', async () => {
    const editor = await openScratch('view_copy.py', 'AWS_ACCESS_KEY_ID = "AKIAZ7QK4LMW2RTX5VNC"\n');
    const uri = editor.document.uri;
    const [f] = (await waitForTree((xs) => xs.some(inFile(uri, 'hardcoded-secret')), 'the secret finding')).filter(inFile(uri));
    const md = await vscode.commands.executeCommand<string>('vigil.findings.copyMarkdown', nodeOf(f!));
    assert.equal(await vscode.env.clipboard.readText(), md);
    assert.ok(md.includes('`hardcoded-secret`') && md.includes('(error, high confidence)'), md);
    assert.ok(md.includes('scratch/view_copy.py:1:'), md);
    assert.ok(!md.includes('AKIAZ7QK4LMW2RTX5VNC') && !md.includes('Z7QK4LMW2RTX5'), `the raw secret leaked:\n${md}`);
    const group = api.findings.shownGroups().find((g) => g.findings.includes(f!))!;
    const all = await vscode.commands.executeCommand<string>('vigil.findings.copyMarkdown', { kind: 'group', group } satisfies Node);
    assert.equal(all.split('**Vigil').length - 1, group.findings.length);
  });
});
