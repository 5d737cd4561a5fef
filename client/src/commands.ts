// The Vigil commands of the command palette.
import * as vscode from 'vscode';
import { fixAllSafe } from './fixAll';
import { explainNoFix } from './middleware';
import type { ClientManager } from './languageClient';
import { RuleDocsProvider, DOCS_SCHEME, showRuleDocs } from './ruleDocs';
import { REPORT_COMMAND, openSecurityReport } from './securityReport';

/** What the server's `vigil.scanWorkspace` answers (server/src/lsp/context.ts ScanSummary). */
export interface ScanSummary {
  files: number;
  skipped: number;
  findings: { error: number; warning: number; info: number };
  elapsedMs: number;
  cancelled: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeScan(s: ScanSummary): string {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  const counts = `${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info`;
  const skipped = s.skipped > 0 ? ` (${s.skipped} skipped)` : '';
  return s.cancelled
    ? `Vigil: scan cancelled after ${plural(s.files, 'file')} in ${seconds} s: ${counts}.`
    : `Vigil: scanned ${plural(s.files, 'file')}${skipped} in ${seconds} s: ${counts}.`;
}

async function scanWorkspace(manager: ClientManager): Promise<ScanSummary | undefined> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Vigil: scanning the workspace', cancellable: true },
    // Cancelling sends $/cancelRequest; the server stops the scan and answers with what it found so far.
    (_progress, token) => manager.executeServerCommand<ScanSummary | null>('vigil.scanWorkspace', [], token),
  );
  if (!summary) return undefined;
  const message = describeScan(summary);
  manager.output.info(message);
  void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

export function registerCommands(context: vscode.ExtensionContext, manager: ClientManager): void {
  const docs = new RuleDocsProvider();
  const rulesDir = context.asAbsolutePath('rules');
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, docs),
    vscode.commands.registerCommand('vigil.scanWorkspace', () => scanWorkspace(manager)),
    vscode.commands.registerCommand('vigil.restartServer', async () => {
      await manager.restart();
      manager.output.info('language server restarted');
    }),
    vscode.commands.registerCommand('vigil.showOutput', () => manager.output.show(true)),
    vscode.commands.registerCommand('vigil.showRuleDocs', (ruleId?: unknown) => showRuleDocs(manager, docs, rulesDir, ruleId)),
    vscode.commands.registerCommand('vigil.fixAllSafe', (target?: unknown) => fixAllSafe(target)),
    vscode.commands.registerCommand('vigil.explainNoFix', (ruleId?: unknown, reason?: unknown) => explainNoFix(ruleId, reason)),
    vscode.commands.registerCommand(REPORT_COMMAND, () => openSecurityReport(manager)),
  );
}
