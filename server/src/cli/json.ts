// Machine output for scripts: one object, findings flattened with both LSP (0-based) ranges and 1-based
// line/column for people reading it. Every other `line` (a suppression's comment, a note) is 1-based too; only
// `range` objects are 0-based. Messages are the engine's, already masked for secret rules.
import type { Report } from './collect';
import { vigilVersion } from './meta';

export const JSON_FORMAT_VERSION = 1;

export function toJson(report: Report): string {
  const findings = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      path: file.path,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      ruleId: f.ruleId,
      severity: f.severity,
      confidence: f.confidence,
      message: f.message,
      range: f.range,
      fingerprint: f.fingerprint,
      fixes: f.fixes,
      ...(f.suppression ? { suppression: { ...f.suppression, line: f.suppression.line + 1 } } : {}),
    })),
  );
  const notes = report.files.flatMap((file) => file.notes.map((n) => ({ path: file.path, line: n.range.start.line + 1, code: n.code, message: n.message })));
  const count = (s: string): number => findings.filter((f) => f.severity === s && !f.suppression).length;
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'vigil', version: vigilVersion() },
    summary: {
      filesScanned: report.filesScanned,
      skipped: report.skipped.length,
      findings: { error: count('error'), warning: count('warning'), info: count('info') },
      suppressed: report.suppressed,
      baselined: report.baselined,
      elapsedMs: Math.round(report.elapsedMs),
    },
    findings,
    notes,
    skipped: report.skipped,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
