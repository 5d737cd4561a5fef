// Findings and notes to LSP diagnostics. The fixes and the document version travel in `data`, so code
// actions can answer from the diagnostic alone and refuse fixes computed for an older text.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Note, Severity } from '../engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

/** Diagnostics' `source`; the data they carry is protocol.ts DiagnosticData. */
export const SOURCE = DIAGNOSTIC_SOURCE;


export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/**
 * `uri`: the document's, for the taint path's steps (relatedInformation points at each one); `stepUri` resolves
 * a step in another file (taint across files) to its URI, without it such steps are left out.
 */
export function findingToDiagnostic(f: Finding, version: number | undefined, href: string | undefined, uri?: string, stepUri?: (stepPath: string) => string | undefined): Diagnostic {
  const data: DiagnosticData = { version: version ?? null, fixes: f.fixes, ruleId: f.ruleId, fingerprint: f.fingerprint, confidence: f.confidence };
  if (f.demoted) data.demoted = { ...f.demoted };
  const d: Diagnostic = {
    range: f.range,
    severity: toLspSeverity(f.severity),
    source: SOURCE,
    code: f.ruleId,
    // Every client shows the message; few show `data`. Saying why the severity is lower avoids a "why only a warning?".
    message: f.demoted ? `${f.message} (demoted: ${f.demoted.reason})` : f.message,
    data,
  };
  if (href) d.codeDescription = { href };
  // Steps in other files (taint across files) are named in the message too; their URIs are the workspace's to resolve.
  if (uri && f.flow && f.flow.length > 0) {
    const related: NonNullable<Diagnostic['relatedInformation']> = [];
    for (const s of f.flow) {
      const at = s.path ? stepUri?.(s.path) : uri;
      if (at) related.push({ location: { uri: at, range: s.range }, message: `${related.length + 1}. ${s.message}` });
    }
    d.relatedInformation = related;
  }
  return d;
}

/** Notes the user can act on (a suppression that names an unknown rule or has expired) show as info. */
export function noteToDiagnostic(n: Note): Diagnostic | undefined {
  if (n.code !== 'unknown-rule-in-suppression' && n.code !== 'suppression-expired') return undefined;
  return { range: n.range, severity: DiagnosticSeverity.Information, source: SOURCE, code: n.code, message: n.message };
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<DiagnosticData>;
  return typeof d.ruleId === 'string' && Array.isArray(d.fixes) && (typeof d.version === 'number' || d.version === null);
}
