// Entry point: starts the language client, registers the commands and the status bar item. Nothing else.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerFindingsView } from './findings';
import type { FindingsTree } from './findings/tree';
import { ClientManager } from './languageClient';
import { FindingsStatus } from './statusBar';

/** Returned from activate() so the in-editor tests can wait for the server and read the status text. */
export interface VigilApi {
  ready(): Promise<void>;
  statusText(): string;
  /** The findings view's provider, for the in-editor tests. */
  findings: FindingsTree;
}

export function activate(context: vscode.ExtensionContext): VigilApi {
  const output = vscode.window.createOutputChannel('Vigil', { log: true });
  const manager = new ClientManager(context, output);
  running = manager;
  const status = new FindingsStatus();
  context.subscriptions.push(output, manager, status);
  registerCommands(context, manager);
  // The server learns the trust state at initialize; granting trust later needs a fresh start to load custom rules.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('workspace trusted: restarting the server to load custom rules');
      void manager.restart();
    }),
  );
  manager.start().catch((e: unknown) => {
    output.info(`the language server failed to start: ${String(e)}`);
    void vscode.window.showErrorMessage('Vigil: the language server failed to start. See the output for details.', 'Show Output').then((c) => {
      if (c) output.show(true);
    });
  });
  // After start(): the view asks the server for the baselines, and ready() before a start would start a second client.
  const findings = registerFindingsView(context, manager);
  return { ready: () => manager.ready(), statusText: () => status.text, findings };
}

let running: ClientManager | undefined;

/** Returning the stop promise lets VS Code wait for the server's shutdown/exit handshake. */
export function deactivate(): Promise<void> | undefined {
  return running?.stop();
}
