// What the language server and the VS Code client say to each other beyond plain LSP: the command ids the
// server executes, Vigil's own requests, the `data` a diagnostic carries, and the shapes of the answers.
// One copy, imported by server/src/lsp/ and by client/src/ (the client's tsconfig references the server
// project, so tsc checks the client against this file's declarations, and esbuild bundles this file into the
// extension). Keep it free of runtime imports: the client bundle must not pull in the engine or an LSP
// library through it. Types from the engine are re-exported as types only.
import type { Confidence, Fix, TextEdit } from './engine/types';

export type { Applicability, Confidence, Fix, Position, Range, Severity, TextEdit } from './engine/types';

/** `source` of every diagnostic Vigil publishes. */
export const DIAGNOSTIC_SOURCE = 'vigil';

// ---- workspace/executeCommand ids the server handles ----

export const SCAN_COMMAND = 'vigil.scanWorkspace';
export const DOCS_COMMAND = 'vigil.showRuleDocs';
export const REPORT_COMMAND = 'vigil.securityReport';
export const SERVER_COMMANDS: readonly string[] = [SCAN_COMMAND, DOCS_COMMAND, REPORT_COMMAND];

// ---- Vigil's requests (the findings view) ----

export const BASELINE_REQUEST = 'vigil/baseline';
export const SUPPRESS_EDIT_REQUEST = 'vigil/suppressEdit';

/** `vigil.scanWorkspace`'s answer. */
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

/** The scan's one-line summary, as the server's message and the extension's notification both show it. */
export function describeScan(s: ScanSummary): string {
  const counts = `${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info`;
  const time = `${(s.elapsedMs / 1000).toFixed(1)} s`;
  if (s.cancelled) return `Vigil: scan cancelled after ${plural(s.files, 'file')} in ${time}: ${counts}.`;
  return `Vigil: scanned ${plural(s.files, 'file')}${s.skipped ? ` (${s.skipped} skipped)` : ''} in ${time}: ${counts}.`;
}

/** `vigil.securityReport`'s argument: the webview's CSP source, which the page's policy names. */
export interface SecurityReportParams {
  cspSource?: string;
}

/** `vigil.securityReport`'s answer. */
export interface SecurityReport {
  html: string;
  /** Findings in the report (open and suppressed) and files scanned, for the client's message and tests. */
  findings: number;
  files: number;
}

/** A finding's diagnostic `data`: code actions and the findings view answer from the diagnostic alone. */
export interface DiagnosticData {
  /** Document version the finding was computed for; null for files that were not open (workspace scan). */
  version: number | null;
  fixes: Fix[];
  ruleId: string;
  fingerprint: string;
  /** The finding's confidence, so a client can filter by it (the findings view) without asking again. */
  confidence: Confidence;
  /** Set when the finding is in test or fixture code and was demoted (Finding.demoted). */
  demoted?: { reason: string };
}

/** One workspace folder's baseline, in `vigil/baseline`'s answer. */
export interface FolderBaseline {
  /** The workspace folder's URI. */
  folder: string;
  /** The baseline file's URI (present or not). */
  file: string;
  /** Fingerprints the baseline accepts; null when the folder has no baseline file. */
  fingerprints: string[] | null;
  /** Why an existing baseline could not be read (the view then marks nothing in that folder). */
  error?: string;
}

export interface BaselineAnswer {
  folders: FolderBaseline[];
}

export interface SuppressEditParams {
  uri: string;
  /** 0-based line of the finding. */
  line: number;
  ruleId: string;
  /** Why the finding is acceptable; written after `--` in the comment. */
  reason?: string;
}

export interface SuppressEditAnswer {
  edit: TextEdit;
  /** Set when the rule joined an existing comment that already gives a reason, which the new rule now shares. */
  sharedReason?: string;
}
