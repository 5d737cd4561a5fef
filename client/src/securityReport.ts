// "Vigil: Open Security Report": the server builds the report from a scan of the workspace (server/src/lsp/
// securityReport.ts); it is shown in a webview whose only permissions are the page's own nonce'd style and
// sorting script (the page's CSP); `vigil report` writes the same page as an offline file.
import * as vscode from 'vscode';
import type { ClientManager } from './languageClient';
import { REPORT_COMMAND as SERVER_REPORT_COMMAND, type SecurityReport, type SecurityReportParams } from '../../server/src/protocol';

export type { SecurityReport };

export const REPORT_COMMAND = 'vigil.openSecurityReport';

let panel: vscode.WebviewPanel | undefined;

/** Returns what it showed, so the in-editor tests can check the page without reading the webview. */
export async function openSecurityReport(manager: ClientManager): Promise<SecurityReport | undefined> {
  const target = panel ?? vscode.window.createWebviewPanel('vigil.securityReport', 'Vigil Security Report', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel = target;
  target.onDidDispose(() => {
    if (panel === target) panel = undefined;
  });
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Vigil: building the security report', cancellable: true },
    (_progress, token) => manager.executeServerCommand<SecurityReport | null>(SERVER_REPORT_COMMAND, [{ cspSource: target.webview.cspSource } satisfies SecurityReportParams], token),
  );
  if (!report) return undefined;
  target.webview.html = report.html;
  target.reveal();
  manager.output.info(`security report: ${report.findings} findings in ${report.files} files`);
  return report;
}
