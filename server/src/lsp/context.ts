import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, Engine, Finding, Note } from '../engine';
import type { ScanSummary } from '../protocol';
import type { RepositoryConfigs } from './repositoryConfigs';
import type { ScanSummaries } from './scanSummaries';

/** Settings of one resource after merging VS Code settings (`vigil.*`) with the repository's .vigil.yaml. */
export interface ResolvedSettings extends AnalysisOptions {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** `vigil.trace.server`: `verbose` also logs each analysis with its timing. */
  trace: 'off' | 'messages' | 'verbose';
  /** Custom rule folders named by the repository's .vigil.yaml (loaded only in trusted workspaces). */
  customRuleDirs: string[];
  /** The .vigil.yaml that contributed to these settings, if any. */
  configFile?: string;
}

/** Progress of a long job, shown by the client (a work-done progress) when it supports one. */
export interface ScanProgress {
  /** `percentage` is 0..100; messages never carry secret values. */
  report(message: string, percentage?: number): void;
}

/**
 * What the LSP handlers share. Built once in server.ts; handlers receive it instead of reaching for globals,
 * so the workspace scan and the per-document diagnostics publish through the same path.
 */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The engine for a resource: built-in rules plus the custom rules its workspace's .vigil.yaml names (trusted only). */
  engineFor(uri: string): Promise<Engine>;
  settingsFor(uri: string): Promise<ResolvedSettings>;
  /** Workspace folders as file-system paths. */
  workspaceFolders(): string[];
  /** Publishes findings for a document (open or not); `version` is undefined for files that are not open. */
  publish(uri: string, version: number | undefined, findings: Finding[], notes: Note[]): void;
  log(message: string): void;
  /** The findings of an open document's current text (the buffer, saved or not), as the editor shows them. */
  liveFindings?(uri: string): Promise<Finding[] | undefined>;
  /** The repository configs the settings layer has read; the workspace scan takes them from here. */
  configs?: RepositoryConfigs;
  /** Set on the context handed to a workspace scan: progress reporting (a no-op when the client shows its own). */
  progress?: ScanProgress;
  /** Where a completed workspace scan leaves its cross-file summaries for the open documents (scanSummaries.ts). */
  summaries?: ScanSummaries;
}

export type WorkspaceScan = (ctx: ServerContext, token: CancellationToken) => Promise<ScanSummary>;
