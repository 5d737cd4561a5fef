// Reads the view's findings from the diagnostics VS Code holds (the language client puts the server's live and
// workspace-scan results there), and the baselines from the server.
import * as vscode from 'vscode';
import type { ClientManager } from '../languageClient';
import { BASELINE_REQUEST, DIAGNOSTIC_SOURCE, type BaselineAnswer, type DiagnosticData } from '../../../server/src/protocol';
import type { FindingRecord, FolderBaseline, Severity } from './model';

/** What the view reads of a diagnostic's data; an older server may send no fingerprint or confidence. */
type ViewData = Omit<DiagnosticData, 'fingerprint' | 'confidence'> & Partial<Pick<DiagnosticData, 'fingerprint' | 'confidence'>>;

function dataOf(d: vscode.Diagnostic): ViewData | undefined {
  // vscode-languageclient keeps the protocol's `data` on the diagnostics it creates.
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const o = data as Partial<ViewData>;
  if (typeof o.ruleId !== 'string' || !Array.isArray(o.fixes) || !(typeof o.version === 'number' || o.version === null)) return undefined;
  return o as ViewData;
}

function severityOf(s: vscode.DiagnosticSeverity): Severity {
  return s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}

/** Findings only: the notes Vigil shows as diagnostics (an expired suppression) carry no finding data. */
export function recordsOf(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): FindingRecord[] {
  const out: FindingRecord[] = [];
  const path = vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
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
