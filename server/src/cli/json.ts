// Machine output for scripts: one object, findings flattened with both LSP (0-based) ranges and 1-based
// line/column for people reading it. Every other `line` (a suppression's comment, a note) is 1-based too; only
// `range` objects are 0-based. Messages are the engine's, already masked for secret rules.
import type { Report } from './collect';
import { vigilVersion } from './meta';
import { addTotals, emptyLines, lineTotals } from './report/stats';

export const JSON_FORMAT_VERSION = 1;

export function toJson(report: Report): string {
  return toJsonMany([report]);
}

/** Several roots: one object whose findings, notes and skipped files carry their `root`; counts are summed. */
export function toJsonMany(reports: Report[]): string {
  const parts = reports.map((r) => jsonObject(r, reports.length > 1));
  if (parts.length === 1) return `${JSON.stringify(parts[0], null, 2)}\n`;
  const first = parts[0]!;
  const sum = (pick: (p: typeof first) => number): number => parts.reduce((n, p) => n + pick(p), 0);
  const out = {
    ...first,
    roots: reports.map((r) => r.root),
    summary: {
      filesScanned: sum((p) => p.summary.filesScanned),
      skipped: sum((p) => p.summary.skipped),
      findings: { error: sum((p) => p.summary.findings.error), warning: sum((p) => p.summary.findings.warning), info: sum((p) => p.summary.findings.info) },
      suppressed: sum((p) => p.summary.suppressed),
      demoted: sum((p) => p.summary.demoted),
      baselined: sum((p) => p.summary.baselined),
      elapsedMs: sum((p) => p.summary.elapsedMs),
      lines: parts.reduce((t, p) => (addTotals(t, p.summary.lines), t), emptyLines()),
    },
    findings: parts.flatMap((p) => p.findings),
    notes: parts.flatMap((p) => p.notes),
    skipped: parts.flatMap((p) => p.skipped),
  };
  delete (out as { root?: string }).root;
  return `${JSON.stringify(out, null, 2)}\n`;
}

function jsonObject(report: Report, tagRoot: boolean) {
  const at = tagRoot ? { root: report.root } : {};
  const findings = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ...at,
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
      ...(f.flow ? { flow: f.flow.map((s) => ({ ...(s.path ? { path: s.path } : {}), line: s.range.start.line + 1, column: s.range.start.character + 1, range: s.range, message: s.message })) } : {}),
      ...(f.suppression ? { suppression: { ...f.suppression, line: f.suppression.line + 1 } } : {}),
      ...(f.demoted ? { demoted: f.demoted } : {}),
    })),
  );
  const notes = report.files.flatMap((file) => file.notes.map((n) => ({ ...at, path: file.path, line: n.range.start.line + 1, code: n.code, message: n.message })));
  const count = (s: string): number => findings.filter((f) => f.severity === s && !f.suppression).length;
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'vigil', version: vigilVersion() },
    root: report.root,
    summary: {
      filesScanned: report.filesScanned,
      skipped: report.skipped.length,
      findings: { error: count('error'), warning: count('warning'), info: count('info') },
      suppressed: report.suppressed,
      /** Open findings demoted as test code (counted in `findings` at their demoted severity). */
      demoted: findings.filter((f) => f.demoted && !f.suppression).length,
      baselined: report.baselined,
      elapsedMs: Math.round(report.elapsedMs),
      lines: lineTotals(report.sizes),
    },
    findings,
    notes,
    skipped: report.skipped.map((x) => ({ ...at, ...x })),
  };
}
