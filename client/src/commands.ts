// The Vigil commands of the command palette.
import * as vscode from 'vscode';
import { fixAllSafe } from './fixAll';
import { explainNoFix } from './middleware';
import type { ClientManager } from './languageClient';
import { RuleDocsProvider, DOCS_SCHEME, showRuleDocs } from './ruleDocs';
import { REPORT_COMMAND, openSecurityReport } from './securityReport';
import { SCAN_COMMAND, describeScan, type ScanSummary } from '../../server/src/protocol';

export type { ScanSummary };

async function scanWorkspace(manager: ClientManager): Promise<ScanSummary | undefined> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Vigil: scanning the workspace', cancellable: true },
    // Cancelling sends $/cancelRequest; the server stops the scan and answers with what it found so far.
    (_progress, token) => manager.executeServerCommand<ScanSummary | null>(SCAN_COMMAND, [], token),
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
