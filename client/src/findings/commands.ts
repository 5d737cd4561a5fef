// The findings view's commands: reveal, grouping, filters, and the context actions on a finding (apply a fix,
// suppress with a reason, rule docs, copy as Markdown). Each takes its choice as an argument too, so the
// in-editor tests run them without the pickers.
import * as vscode from 'vscode';
import type { ClientManager } from '../languageClient';
import { findingMarkdown, findingsMarkdown } from './markdown';
import { CONFIDENCES, GROUPINGS, NO_FILTER, SEVERITIES, type Confidence, type FindingRecord, type FixRecord, type GroupBy, type Severity } from './model';
import { recordsOf } from './source';
import { SUPPRESS_EDIT_REQUEST, type SuppressEditAnswer, type SuppressEditParams } from '../../../server/src/protocol';
import { REVEAL_COMMAND, type FindingsTree, type Node } from './tree';

/** How long an action waits for the live result of a document it had to open (the server analyses it first). */
const FRESH_WAIT_MS = 15_000;

function toRange(r: FindingRecord['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function isRecord(v: unknown): v is FindingRecord {
  return typeof v === 'object' && v !== null && typeof (v as FindingRecord).uri === 'string' && typeof (v as FindingRecord).ruleId === 'string';
}

/** A context menu passes the tree node, a tree item's own command the finding; the palette passes nothing. */
function findingOf(arg: unknown, view: vscode.TreeView<Node>): FindingRecord | undefined {
  if (isRecord(arg)) return arg;
  const node = (arg as Node | undefined) ?? view.selection[0];
  return node?.kind === 'finding' ? node.finding : undefined;
}

function sameFinding(a: FindingRecord, b: FindingRecord): boolean {
  if (a.ruleId !== b.ruleId) return false;
  if (a.fingerprint && b.fingerprint) return a.fingerprint === b.fingerprint;
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}

/**
 * The finding as computed for the document's current text. Fixes and lines from another version (a scan of the
 * file on disk, an older edit) could land in the wrong place, so the action waits for the live result and finds
 * the same finding again by its fingerprint, as the code actions refuse edits for another version.
 */
function currentFinding(f: FindingRecord, doc: vscode.TextDocument): Promise<FindingRecord | undefined> {
  const look = (): FindingRecord | undefined =>
    recordsOf(doc.uri, vscode.languages.getDiagnostics(doc.uri)).find((r) => r.version === doc.version && sameFinding(r, f));
  const now = look();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (r: FindingRecord | undefined): void => {
      sub.dispose();
      clearTimeout(timer);
      resolve(r);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
      const r = look();
      // A live result for this version without the finding means it is gone (fixed or suppressed meanwhile).
      const settled = recordsOf(doc.uri, vscode.languages.getDiagnostics(doc.uri)).some((x) => x.version === doc.version);
      if (r || settled) finish(r);
    });
    const timer = setTimeout(() => finish(look()), FRESH_WAIT_MS);
  });
}

async function openAt(f: FindingRecord): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(f.uri));
  return vscode.window.showTextDocument(doc, { selection: toRange(f.range), preview: false });
}

async function pickFix(fixes: FixRecord[], title: unknown): Promise<FixRecord | undefined> {
  if (typeof title === 'string') return fixes.find((x) => x.title === title);
  if (fixes.length === 1) return fixes[0];
  const items = fixes.map((fix) => ({ label: fix.title, description: fix.applicability, fix }));
  return (await vscode.window.showQuickPick(items, { placeHolder: 'Fix to apply' }))?.fix;
}

/** Returns whether the edit was applied (the tests check the answer and the text). */
async function applyFix(f: FindingRecord | undefined, title: unknown): Promise<boolean> {
  if (!f || f.fixes.length === 0) {
    void vscode.window.showInformationMessage('Vigil: this finding has no automatic fix. Open the rule documentation for how to fix it.');
    return false;
  }
  const chosen = await pickFix(f.fixes, title);
  if (!chosen) return false;
  const editor = await openAt(f);
  const current = await currentFinding(f, editor.document);
  const fix = current?.fixes.find((x) => x.title === chosen.title);
  if (!current || !fix) {
    void vscode.window.showWarningMessage(`Vigil: the ${f.ruleId} finding is no longer in the file, so the fix was not applied.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(editor.document.uri, toRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit);
}

async function suppress(manager: ClientManager, f: FindingRecord | undefined, reasonArg: unknown): Promise<boolean> {
  if (!f) return false;
  const reason =
    typeof reasonArg === 'string'
      ? reasonArg
      : await vscode.window.showInputBox({
          title: `Suppress ${f.ruleId}`,
          prompt: 'Why is this finding acceptable here? The reason is written into the comment for reviewers.',
          placeHolder: 'e.g. test fixture, not a real credential',
          validateInput: (v) => (v.trim() ? undefined : 'A suppression needs a reason, so a reviewer can judge it later.'),
        });
  if (reason === undefined) return false;
  const editor = await openAt(f);
  const current = await currentFinding(f, editor.document);
  if (!current) {
    void vscode.window.showWarningMessage(`Vigil: the ${f.ruleId} finding is no longer in the file.`);
    return false;
  }
  const answer = await manager.sendRequest<SuppressEditAnswer | null>(SUPPRESS_EDIT_REQUEST, {
    uri: current.uri,
    line: current.range.start.line,
    ruleId: current.ruleId,
    reason,
  } satisfies SuppressEditParams);
  if (!answer) {
    void vscode.window.showInformationMessage(`Vigil: no suppression comment can be added here (already suppressed, or the file type has no comments).`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(editor.document.uri, toRange(answer.edit.range), answer.edit.newText);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && answer.sharedReason !== undefined) {
    void vscode.window.showInformationMessage(`Vigil: ${f.ruleId} joined the suppression on the line above, which gives its own reason ("${answer.sharedReason}").`);
  }
  return ok;
}

async function copyMarkdown(arg: unknown, view: vscode.TreeView<Node>): Promise<string | undefined> {
  const node = arg as Node | undefined;
  const text =
    node?.kind === 'group'
      ? findingsMarkdown(node.group.findings)
      : (() => {
          const f = findingOf(arg, view);
          return f ? findingMarkdown(f) : undefined;
        })();
  if (text === undefined) return undefined;
  await vscode.env.clipboard.writeText(text);
  return text;
}

async function chooseGroupBy(tree: FindingsTree, arg: unknown): Promise<void> {
  const by =
    GROUPINGS.find((g) => g === arg) ??
    (await vscode.window.showQuickPick(
      GROUPINGS.map((g) => ({ label: `Group by ${g}`, description: g === tree.groupBy ? 'current' : undefined, by: g })),
      { placeHolder: 'Group the findings by' },
    ))?.by;
  if (by) await tree.setGroupBy(by);
}

async function filterText(tree: FindingsTree, arg: unknown): Promise<void> {
  const text =
    typeof arg === 'string'
      ? arg
      : await vscode.window.showInputBox({ title: 'Filter findings', prompt: 'Text in the rule id, message or path (empty: no text filter)', value: tree.filter.text });
  if (text !== undefined) await tree.setFilter({ ...tree.filter, text });
}

async function filterSeverity(tree: FindingsTree, arg: unknown): Promise<void> {
  let severities: Severity[] | undefined;
  if (Array.isArray(arg)) severities = SEVERITIES.filter((s) => (arg as unknown[]).includes(s));
  else {
    const current = tree.filter.severities;
    const picked = await vscode.window.showQuickPick(
      SEVERITIES.map((s) => ({ label: s, picked: current.length === 0 || current.includes(s) })),
      { canPickMany: true, placeHolder: 'Severities to show' },
    );
    severities = picked?.map((p) => p.label as Severity);
  }
  if (severities) await tree.setFilter({ ...tree.filter, severities: severities.length === SEVERITIES.length ? [] : severities });
}

async function filterConfidence(tree: FindingsTree, arg: unknown): Promise<void> {
  const minimum =
    CONFIDENCES.find((c) => c === arg) ??
    ((await vscode.window.showQuickPick(
      CONFIDENCES.map((c) => ({ label: c, description: c === 'low' ? 'show all' : `${c} and above` })),
      { placeHolder: 'Lowest confidence to show' },
    ))?.label as Confidence | undefined);
  if (minimum) await tree.setFilter({ ...tree.filter, minimumConfidence: minimum });
}

/** The filter button: one picker for the three filters. */
async function chooseFilter(tree: FindingsTree): Promise<void> {
  const items = [
    { label: '$(search) Text…', run: () => filterText(tree, undefined) },
    { label: '$(warning) Severity…', run: () => filterSeverity(tree, undefined) },
    { label: '$(verified) Confidence…', run: () => filterConfidence(tree, undefined) },
    { label: '$(clear-all) Clear the filter', run: () => tree.setFilter(NO_FILTER) },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Filter the findings by' });
  if (picked) await picked.run();
}

export function registerFindingsCommands(context: vscode.ExtensionContext, manager: ClientManager, tree: FindingsTree, view: vscode.TreeView<Node>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(REVEAL_COMMAND, async (arg: unknown) => {
      const f = findingOf(arg, view);
      if (f) await openAt(f);
    }),
    vscode.commands.registerCommand('vigil.findings.groupBy', (arg: unknown) => chooseGroupBy(tree, arg)),
    vscode.commands.registerCommand('vigil.findings.groupByFile', () => tree.setGroupBy('file' satisfies GroupBy)),
    vscode.commands.registerCommand('vigil.findings.groupByRule', () => tree.setGroupBy('rule')),
    vscode.commands.registerCommand('vigil.findings.groupBySeverity', () => tree.setGroupBy('severity')),
    vscode.commands.registerCommand('vigil.findings.filter', () => chooseFilter(tree)),
    vscode.commands.registerCommand('vigil.findings.filterText', (arg: unknown) => filterText(tree, arg)),
    vscode.commands.registerCommand('vigil.findings.filterSeverity', (arg: unknown) => filterSeverity(tree, arg)),
    vscode.commands.registerCommand('vigil.findings.filterConfidence', (arg: unknown) => filterConfidence(tree, arg)),
    vscode.commands.registerCommand('vigil.findings.clearFilter', () => tree.setFilter(NO_FILTER)),
    vscode.commands.registerCommand('vigil.findings.refresh', () => tree.reloadBaselines()),
    vscode.commands.registerCommand('vigil.findings.applyFix', (arg: unknown, title: unknown) => applyFix(findingOf(arg, view), title)),
    vscode.commands.registerCommand('vigil.findings.suppress', (arg: unknown, reason: unknown) => suppress(manager, findingOf(arg, view), reason)),
    vscode.commands.registerCommand('vigil.findings.showRuleDocs', (arg: unknown) => {
      const f = findingOf(arg, view);
      return vscode.commands.executeCommand('vigil.showRuleDocs', f?.ruleId);
    }),
    vscode.commands.registerCommand('vigil.findings.copyMarkdown', (arg: unknown) => copyMarkdown(arg, view)),
  );
}
