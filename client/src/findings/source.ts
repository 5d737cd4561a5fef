// Reads the view's findings from the diagnostics VS Code holds (the language client puts the server's live and
// workspace-scan results there), and the baselines from the server.
import * as vscode from 'vscode';
import type { ClientManager } from '../languageClient';
import type { Confidence, FindingRecord, FixRecord, FolderBaseline, Severity } from './model';

const SOURCE = 'vigil';
export const BASELINE_REQUEST = 'vigil/baseline';

/** server/src/lsp/diagnostics.ts DiagnosticData, as far as the view reads it. */
interface DiagnosticData {
  version: number | null;
  fixes: FixRecord[];
  ruleId: string;
  fingerprint?: string;
  confidence?: Confidence;
}

function dataOf(d: vscode.Diagnostic): DiagnosticData | undefined {
  // vscode-languageclient keeps the protocol's `data` on the diagnostics it creates.
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const o = data as Partial<DiagnosticData>;
  if (typeof o.ruleId !== 'string' || !Array.isArray(o.fixes) || !(typeof o.version === 'number' || o.version === null)) return undefined;
  return o as DiagnosticData;
}

function severityOf(s: vscode.DiagnosticSeverity): Severity {
  return s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}

/** Findings only: the notes Vigil shows as diagnostics (an expired suppression) carry no finding data. */
export function recordsOf(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): FindingRecord[] {
  const out: FindingRecord[] = [];
  const path = vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = dataOf(d);
    if (!data) continue;
    out.push({
      uri: uri.toString(),
      path,
      ruleId: data.ruleId,
      severity: severityOf(d.severity),
      confidence: data.confidence === 'high' || data.confidence === 'medium' || data.confidence === 'low' ? data.confidence : undefined,
      message: d.message,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
      fingerprint: typeof data.fingerprint === 'string' ? data.fingerprint : undefined,
      fixes: data.fixes,
      version: data.version,
    });
  }
  return out;
}

interface BaselineAnswer {
  folders: { folder: string; file: string; fingerprints: string[] | null; error?: string }[];
}

/** The baselines of the workspace folders; a server that cannot answer leaves every finding unmarked. */
export async function fetchBaselines(manager: ClientManager): Promise<FolderBaseline[]> {
  try {
    const answer = await manager.sendRequest<BaselineAnswer>(BASELINE_REQUEST, {});
    return answer.folders.map((f) => {
      if (f.error) manager.output.warn(`findings view: ${f.error}`);
      return { folder: f.folder, fingerprints: f.fingerprints ? new Set(f.fingerprints) : null };
    });
  } catch (e) {
    manager.output.info(`findings view: the server did not return the baselines: ${String(e)}`);
    return [];
  }
}
