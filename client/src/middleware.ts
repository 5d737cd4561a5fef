// Language-client middleware, where VS Code can do better than the server's answer for every LSP client:
// - docs links (a rule's web page at the version tag) become the `vigil.showRuleDocs` command, so the Problems
//   code link and the hover's "Full documentation" open the same rendered, read-only docs view as the palette;
// - a disabled "No automatic fix" action (its reason is the point) becomes an entry that shows the reason:
//   VS Code's quick-fix menu hides disabled actions whenever any other action is available.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { docsCommandUri, rewriteDocsLinks } from './ruleDocs';

const SOURCE = 'vigil';

export function linkDocs(diagnostics: readonly vscode.Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'object' || d.code === null) continue;
    const ruleId = String(d.code.value);
    if (/^[a-z][a-z0-9-]*$/.test(ruleId)) d.code = { value: d.code.value, target: docsCommandUri(ruleId) };
  }
}

function trustedHover(hover: vscode.Hover): vscode.Hover {
  const contents = hover.contents.map((c) => {
    const value = typeof c === 'string' ? c : 'value' in c && typeof c.value === 'string' && !('language' in c) ? c.value : undefined;
    const rewritten = value === undefined ? undefined : rewriteDocsLinks(value);
    if (rewritten === undefined) return c;
    const md = new vscode.MarkdownString(rewritten);
    // Only the docs command may run from this hover's links.
    md.isTrusted = { enabledCommands: ['vigil.showRuleDocs'] };
    return md;
  });
  return new vscode.Hover(contents, hover.range);
}

export const EXPLAIN_NO_FIX_COMMAND = 'vigil.explainNoFix';

function visibleNoFix(actions: (vscode.CodeAction | vscode.Command)[]): (vscode.CodeAction | vscode.Command)[] {
  return actions.map((a) => {
    if (!(a instanceof vscode.CodeAction) || !a.disabled || !/^No automatic fix for /.test(a.title)) return a;
    const ruleId = a.title.slice('No automatic fix for '.length);
    const shown = new vscode.CodeAction(`${a.title}: why?`, a.kind);
    shown.diagnostics = a.diagnostics;
    shown.command = { title: shown.title, command: EXPLAIN_NO_FIX_COMMAND, arguments: [ruleId, a.disabled.reason] };
    return shown;
  });
}

/** Shows why a finding has no automatic fix, with the way to the rule's docs. */
export async function explainNoFix(ruleId: unknown, reason: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || typeof reason !== 'string') return;
  const choice = await vscode.window.showInformationMessage(`Vigil ${ruleId}: ${reason}`, 'Show Documentation');
  if (choice) await vscode.commands.executeCommand('vigil.showRuleDocs', ruleId);
}

export const vigilMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    return actions ? visibleNoFix(actions) : actions;
  },
  handleDiagnostics(uri, diagnostics, next) {
    linkDocs(diagnostics);
    next(uri, diagnostics);
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (report && 'items' in report) linkDocs(report.items);
    return report;
  },
  async provideHover(document, position, token, next) {
    const hover = await next(document, position, token);
    return hover ? trustedHover(hover) : hover;
  },
};
