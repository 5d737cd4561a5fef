// Shared helpers of the in-editor suite. Every wait is on an event with a timeout, never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VigilApi } from '../../extension';

export const EXTENSION_ID = 'vigil-dev.vigil';
// A wait for an event, so its length matters only when the event never comes: generous, because on this
// machine's 2 shared cores a server start or a scan can take 10x its idle time.
export const WAIT_MS = 60_000;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace (test/e2e/workspace copy) open as a folder');
  return folder.uri.fsPath;
}

export async function activateVigil(): Promise<VigilApi> {
  const ext = vscode.extensions.getExtension<VigilApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function vigilDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'vigil' && (ruleId === undefined || ruleOf(d) === ruleId));
}

function describe(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${ruleOf(d)}@${d.range.start.line}`);
  return `${vscode.workspace.asRelativePath(uri)}: [${all.join(', ')}]`;
}

/** Resolves once `check` holds for the URI's diagnostics; fails after `timeoutMs` showing what was there. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  check: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const test = (): boolean => {
      const diags = vigilDiagnostics(uri);
      if (!check(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics ${describe(uri)}`));
    }, timeoutMs);
    const cleanup = (): void => {
      sub.dispose();
      clearTimeout(timer);
    };
    test();
  });
}

export function waitForRule(uri: vscode.Uri, ruleId: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === ruleId), `a ${ruleId} diagnostic`, timeoutMs).then((d) =>
    d.filter((x) => ruleOf(x) === ruleId),
  );
}

export function waitForNoRule(uri: vscode.Uri, ruleId: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === ruleId), `no ${ruleId} diagnostic`, timeoutMs);
}

/**
 * Asserts that the number of `ruleId` diagnostics stays at `count` for `quietMs`. Only used to prove a
 * negative (vigil.run = onSave: typing must not re-check); quietMs is several debounce periods.
 */
export function expectRuleCountStays(uri: vscode.Uri, ruleId: string, count: number, quietMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && vigilDiagnostics(uri, ruleId).length !== count) {
        sub.dispose();
        clearTimeout(timer);
        reject(new Error(`${ruleId} diagnostics changed before the file was saved; diagnostics ${describe(uri)}`));
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      resolve();
    }, quietMs);
  });
}

export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), relative));
  return vscode.window.showTextDocument(doc);
}

/** Writes a fresh file under scratch/ of the workspace copy and opens it: each test gets its own URI. */
export async function openScratch(name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(workspaceRoot(), 'scratch', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return openFile(path.join('scratch', name));
}

/** `vigil-expect: <id>` on the line above a code line, as in the rule fixtures. */
export interface Expectation {
  line: number;
  ruleId: string;
}

export function expectationsOf(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /vigil-expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/.exec(line);
    if (m?.[1]) for (const id of m[1].split(',')) out.push({ line: i + 1, ruleId: id.trim() });
  });
  return out;
}

export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // A bare Command has a string `command`; a CodeAction's `command` (if any) is an object.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as { command?: unknown }).command !== 'string');
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/**
 * Changes a `vigil.*` workspace setting and waits for VS Code's change event. The language client forwards
 * the change to the server from that event, so whatever the test sends next reaches the server after it.
 */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  const section = `vigil.${key}`;
  const changed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no configuration change event for ${section}`));
    }, WAIT_MS);
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(section)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
  await vscode.workspace.getConfiguration('vigil').update(key, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

export async function resetVigilSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('vigil');
  for (const key of ['run', 'rules.disabled', 'rules.severity', 'enable', 'minimumConfidence']) {
    if (config.inspect(key)?.workspaceValue !== undefined) await updateSetting(key, undefined);
  }
}
