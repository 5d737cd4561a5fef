// The server's state for one client: capabilities read once in initialize, the settings, engines,
// scheduler and docs, and the ServerContext the workspace scan uses. server.ts only routes messages here.
import { closeDocumentSession } from './documentSessions';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Rule } from '../engine';
import { CONFIG_FILE } from '../project';
import type { ServerContext } from './context';
import { SERVER_COMMANDS } from '../protocol';
import { FIX_ALL_KIND } from './codeActions';
import { findingToDiagnostic, noteToDiagnostic } from './diagnostics';
import { EngineStore } from './engines';
import { removeStaleDocFolders, RuleDocsLinks } from './ruleDocs';
import { DEFAULT_DEBOUNCE_MS, Scheduler } from './scheduler';
import { ScanSummaries } from './scanSummaries';
import { SettingsStore } from './settings';
import { enginePathFor, stepUriFor, uriToPath } from './uri';

/** What a client may pass in `initializationOptions`. All optional: other editors send nothing. */
export interface InitOptions {
  /** VS Code's workspace trust; custom rule folders load only when true. */
  isTrusted?: boolean;
  /** Debounce of runs while typing, in ms (tests shorten it). */
  debounceMs?: number;
  /** The client shows its own progress and summary for vigil.scanWorkspace. */
  clientHandlesScanUi?: boolean;
}

function readInitOptions(raw: unknown): InitOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: InitOptions = {};
  if (typeof o.isTrusted === 'boolean') out.isTrusted = o.isTrusted;
  if (typeof o.debounceMs === 'number' && o.debounceMs >= 0 && o.debounceMs <= 10_000) out.debounceMs = o.debounceMs;
  if (typeof o.clientHandlesScanUi === 'boolean') out.clientHandlesScanUi = o.clientHandlesScanUi;
  return out;
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}

export class Session {
  readonly caps: ClientCapabilities;
  readonly init: InitOptions;
  /** The client pulls diagnostics: serve textDocument/diagnostic and do not push for open documents. */
  readonly pullMode: boolean;
  readonly debounceMs: number;
  readonly settings: SettingsStore;
  readonly engines: EngineStore;
  readonly docs = new RuleDocsLinks();
  readonly scheduler: Scheduler;
  readonly ctx: ServerContext;
  /** The last completed workspace scan's calls between files; open documents settle against them (analyze.ts). */
  readonly summaries: ScanSummaries;
  private folders: string[];
  private readonly loggedOnce = new Set<string>();
  /** URIs whose diagnostics came from a workspace scan (pushed while closed). */
  private readonly scanPushed = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    params: InitializeParams,
  ) {
    this.caps = params.capabilities;
    this.init = readInitOptions(params.initializationOptions);
    this.folders = foldersOf(params);
    this.pullMode = this.caps.textDocument?.diagnostic !== undefined;
    this.debounceMs = this.init.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    const log = (m: string): void => this.log(m);
    this.settings = new SettingsStore(connection, {
      configurationSupport: this.caps.workspace?.configuration === true,
      folders: () => this.folders,
      log,
      onConfigErrors: (errors) => {
        const first = errors[0]!;
        void connection.window.showWarningMessage(
          `Vigil: ${CONFIG_FILE} has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`} and is ignored: ${first.message}${first.line !== undefined ? ` (line ${first.line})` : ''}`,
        );
      },
    });
    this.engines = new EngineStore(this.init.isTrusted === true, log);
    // Summaries that appear (a scan completed) or vanish (one was cancelled) change what open documents show.
    this.summaries = new ScanSummaries(() => this.reanalyseOpen());
    this.scheduler = new Scheduler({
      documents,
      debounceMs: this.debounceMs,
      push: !this.pullMode,
      publish: (r) => void connection.sendDiagnostics({ uri: r.uri, version: r.version, diagnostics: r.diagnostics }),
      settingsFor: (uri) => this.settings.settingsFor(uri),
      engineFor: (s) => this.engines.engineFor(s),
      enginePath: (uri) => enginePathFor(uri, this.folders),
      docsHref: (rule) => this.docs.hrefFor(rule),
      log,
      logOnce: (uri, m) => {
        if (this.loggedOnce.has(uri)) return;
        this.loggedOnce.add(uri);
        this.log(m);
      },
      clearLogOnce: (uri) => this.loggedOnce.delete(uri),
      crossFileSettler: (uri, rel) => {
        const file = uriToPath(uri);
        return file === undefined ? undefined : this.summaries.settlerFor(file, rel);
      },
      stepUri: (uri, stepPath) => stepUriFor(uri, stepPath, this.folders),
    });
    this.ctx = {
      connection,
      documents,
      engineFor: async (uri) => this.engines.engineFor(await this.settings.settingsFor(uri)),
      settingsFor: (uri) => this.settings.settingsFor(uri),
      configs: this.settings.configs,
      workspaceFolders: () => [...this.folders],
      publish: (uri, version, findings, notes) => this.publishScanResult(uri, version, findings, notes),
      log,
      liveFindings: async (uri) => (await this.scheduler.resultFor(uri))?.findings,
      summaries: this.summaries,
    };
  }

  log(message: string): void {
    try {
      this.connection.console.info(message);
    } catch {
      // Connection closed.
    }
  }

  capabilities(): ServerCapabilities {
    const caps: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: [...SERVER_COMMANDS] },
    };
    if (this.pullMode) caps.diagnosticProvider = { identifier: 'vigil', interFileDependencies: false, workspaceDiagnostics: false };
    if (this.caps.workspace?.workspaceFolders) caps.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    return caps;
  }

  onInitialized(): void {
    const ws = this.caps.workspace;
    if (ws?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'vigil' }).catch((e: unknown) => this.log(`registering for configuration changes failed: ${String(e)}`));
    }
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }] })
        .catch((e: unknown) => this.log(`watching ${CONFIG_FILE} failed: ${String(e)}`));
    }
    if (ws?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
        this.environmentChanged(true);
      });
    }
    void removeStaleDocFolders().then((n) => {
      if (n > 0) this.log(`removed ${n} rule-docs folder(s) left in the temporary folder by an older Vigil`);
    });
    this.log(`Vigil server ready (${this.pullMode ? 'pull' : 'push'} diagnostics, ${this.folders.length} workspace folder(s), debounce ${this.debounceMs} ms)`);
  }

  /** Re-analyse every open document after settings, configs or folders changed. */
  environmentChanged(configsToo: boolean): void {
    if (configsToo) {
      this.settings.reloadConfigs();
      this.engines.clear();
      this.docs.reset();
    }
    // The scan's summaries were computed under the old settings; the next scan brings new ones.
    this.summaries.clear(true);
    this.reanalyseOpen();
  }

  private reanalyseOpen(): void {
    this.scheduler.invalidateAll();
    if (this.pullMode) {
      if (this.caps.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.documents.all()) this.scheduler.schedule(doc.uri, 0);
  }

  onDidChangeConfiguration(params: DidChangeConfigurationParams): void {
    // Clients without workspace/configuration push the settings here (`{ vigil: {...} }`).
    this.settings.clear(this.caps.workspace?.configuration ? undefined : (params.settings ?? undefined));
    this.environmentChanged(false);
  }

  onDidChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`))) {
      this.log(`${CONFIG_FILE} changed; reloading`);
      this.environmentChanged(true);
    }
  }

  onDidOpen(doc: TextDocument): void {
    if (this.pullMode) {
      // The client now pulls this document; a scan's pushed copy would show every finding twice.
      if (this.scanPushed.delete(doc.uri)) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    this.scanPushed.delete(doc.uri);
    this.scheduler.schedule(doc.uri, 0);
  }

  async onDidChangeContent(doc: TextDocument): Promise<void> {
    if (this.pullMode) return;
    const s = await this.settings.settingsFor(doc.uri);
    if (s.run === 'onType') this.scheduler.schedule(doc.uri);
  }

  async onDidSave(doc: TextDocument): Promise<void> {
    const s = await this.settings.settingsFor(doc.uri);
    if (s.run !== 'onSave') return;
    if (!this.pullMode) {
      this.scheduler.schedule(doc.uri, 0);
      return;
    }
    await this.scheduler.resultFor(doc.uri);
    if (this.caps.workspace?.diagnostics?.refreshSupport) await this.connection.languages.diagnostics.refresh();
  }

  onDidClose(doc: TextDocument): void {
    this.scheduler.forget(doc.uri);
    closeDocumentSession(doc.uri);
    this.settings.forget(doc.uri);
    this.loggedOnce.delete(doc.uri);
    if (!this.pullMode) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
  }

  findRule(ruleId: string): Rule | undefined {
    for (const e of this.engines.all()) {
      const r = e.rule(ruleId);
      if (r) return r;
    }
    return this.engines.builtin().rule(ruleId);
  }

  /** ServerContext.publish: results of files the scan read from disk. Open documents belong to live analysis. */
  private publishScanResult(uri: string, version: number | undefined, findings: Parameters<ServerContext['publish']>[2], notes: Parameters<ServerContext['publish']>[3]): void {
    if (this.documents.get(uri)) return;
    const diagnostics = findings.map((f) => {
      const rule = this.findRule(f.ruleId);
      return findingToDiagnostic(f, version, rule ? this.docs.hrefFor(rule) : undefined, uri, (p) => stepUriFor(uri, p, this.folders));
    });
    for (const n of notes) {
      const d = noteToDiagnostic(n);
      if (d) diagnostics.push(d);
    }
    if (diagnostics.length > 0) this.scanPushed.add(uri);
    else this.scanPushed.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  dispose(): void {
    this.scheduler.dispose();
    this.docs.dispose();
  }
}
