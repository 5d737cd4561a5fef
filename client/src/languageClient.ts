// Owns the LanguageClient: starts the bundled server over IPC, restarts it on request or after a crash,
// and passes the workspace-trust state to it.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type DynamicFeature,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { CrashPolicy } from './crashPolicy';
import { vigilMiddleware } from './middleware';

/**
 * Commands the extension registers itself because they need editor UI around the server's answer.
 * vigil.securityReport is the server half of vigil.openSecurityReport: called by it, never shown on its own.
 */
export const CLIENT_COMMANDS = new Set(['vigil.scanWorkspace', 'vigil.restartServer', 'vigil.showOutput', 'vigil.showRuleDocs', 'vigil.securityReport', 'vigil.fixAllSafe', 'vigil.explainNoFix']);

/**
 * The stock executeCommand feature registers a VS Code command for every command the server lists, which
 * throws "command already exists" for the ones this extension registers itself and would fail the start.
 * This client sends workspace/executeCommand on its own and proxies the remaining server commands.
 */
class VigilLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    if ('registrationType' in feature && feature.registrationType.method === ExecuteCommandRequest.method) return;
    super.registerFeature(feature);
  }
}

export class ClientManager implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private proxies: vscode.Disposable[] = [];
  private readonly crashes = new CrashPolicy();

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  /** Resolves when a server is running (the first start or the latest restart). */
  ready(): Promise<void> {
    return this.starting ?? this.start();
  }

  start(): Promise<void> {
    const client = this.create();
    this.current = client;
    this.starting = client.start().then(() => this.registerProxies(client));
    return this.starting;
  }

  async restart(): Promise<void> {
    this.crashes.reset();
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    this.disposeProxies();
    if (client?.isRunning()) await client.stop();
  }

  /** Sends workspace/executeCommand to the running server. */
  async executeServerCommand<T>(command: string, args: unknown[], token?: vscode.CancellationToken): Promise<T> {
    await this.ready();
    if (!this.current) throw new Error('Vigil language server is not running');
    return this.current.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token) as Promise<T>;
  }

  /** Sends one of the server's own requests (`vigil/*`, the findings view's) to the running server. */
  async sendRequest<T>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<T> {
    await this.ready();
    if (!this.current) throw new Error('Vigil language server is not running');
    return this.current.sendRequest<T>(method, params, token);
  }

  private create(): LanguageClient {
    const module = this.context.asAbsolutePath('server/out/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Secrets rules run on any text file, so every file and untitled buffer goes to the server.
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      synchronize: {
        configurationSection: 'vigil',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.vigil.yaml'),
      },
      // Custom rule folders run code paths chosen by the repository; the server loads them only when trusted.
      // clientHandlesScanUi: this extension shows the scan's progress and summary itself (commands.ts).
      initializationOptions: { isTrusted: vscode.workspace.isTrusted, clientHandlesScanUi: true },
      // Docs links open the rendered docs view; a "no automatic fix" reason stays visible (middleware.ts).
      middleware: vigilMiddleware,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult =>
          (count ?? 0) <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
        closed: (): CloseHandlerResult => this.onServerClosed(),
      },
    };
    return new VigilLanguageClient('vigil', 'Vigil', serverOptions, clientOptions);
  }

  private onServerClosed(): CloseHandlerResult {
    const decision = this.crashes.onCrash(Date.now());
    this.output.info(`language server stopped unexpectedly (${decision.crashesInWindow} in the last 3 minutes)`);
    if (!decision.restart) {
      void this.tell(
        vscode.window.showErrorMessage(
          `Vigil: the language server crashed ${decision.crashesInWindow} times in 3 minutes and was not restarted.`,
          'Restart Server',
          'Show Output',
        ),
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (decision.notify) {
      void this.tell(
        vscode.window.showWarningMessage('Vigil: the language server stopped unexpectedly and was restarted.', 'Show Output'),
      );
    }
    return { action: CloseAction.Restart, handled: true };
  }

  private async tell(answer: Thenable<string | undefined>): Promise<void> {
    const choice = await answer;
    if (choice === 'Restart Server') await this.restart();
    else if (choice === 'Show Output') this.output.show(true);
  }

  /** Commands the server lists that the extension does not own still get a VS Code command. */
  private registerProxies(client: LanguageClient): void {
    this.disposeProxies();
    const listed = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    for (const command of listed.filter((c) => !CLIENT_COMMANDS.has(c))) {
      this.proxies.push(vscode.commands.registerCommand(command, (...args: unknown[]) => this.executeServerCommand(command, args)));
    }
  }

  private disposeProxies(): void {
    for (const p of this.proxies) p.dispose();
    this.proxies = [];
  }

  dispose(): void {
    this.disposeProxies();
    void this.stop();
  }
}
