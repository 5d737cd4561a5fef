// The three report formats of `vigil scan --history`. Messages are the engine's, masked like every other output;
// each finding adds where it entered the history (commit, author date) and whether the working tree still has it.
import type { Rule, Severity } from '../../engine';
import type { Report } from '../collect';
import { vigilVersion } from '../meta';
import { toSarif } from '../sarif';
import type { HistoryFinding, HistoryReport } from './scanHistory';

export const HISTORY_JSON_VERSION = 1;

function history(h: HistoryFinding): { commit: string; authorDate: string; inWorkingTree: boolean } {
  return { commit: h.commit, authorDate: h.authorDate, inWorkingTree: h.inWorkingTree };
}

export function historyText(r: HistoryReport): string {
  const out: string[] = [];
  for (const h of r.findings) {
    const f = h.finding;
    const where = h.inWorkingTree ? 'still in the working tree' : 'no longer in the working tree: rotate it, it stays in the history';
    out.push(`${h.path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.ruleId}  ${f.message}`);
    out.push(`    added in ${h.commit.slice(0, 12)} (${h.authorDate}); ${where}`);
  }
  const baselined = r.baselined ? `, ${r.baselined} in the baseline` : '';
  out.push(`${r.findings.length} secret${r.findings.length === 1 ? '' : 's'} in ${r.commits} commit${r.commits === 1 ? '' : 's'} (${r.range})${baselined}.`);
  return `${out.join('\n')}\n`;
}

export function historyJson(r: HistoryReport): string {
  const findings = r.findings.map((h) => ({
    path: h.path,
    line: h.finding.range.start.line + 1,
    column: h.finding.range.start.character + 1,
    ruleId: h.finding.ruleId,
    severity: h.finding.severity,
    confidence: h.finding.confidence,
    message: h.finding.message,
    range: h.finding.range,
    fingerprint: h.finding.fingerprint,
    ...history(h),
  }));
  const out = {
    version: HISTORY_JSON_VERSION,
    tool: { name: 'vigil', version: vigilVersion() },
    history: { range: r.range, commits: r.commits, filesScanned: r.filesScanned },
    summary: {
      findings: findings.length,
      inWorkingTree: findings.filter((f) => f.inWorkingTree).length,
      baselined: r.baselined,
      elapsedMs: Math.round(r.elapsedMs),
    },
    findings,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** SARIF through the scan's writer (one result per secret, in report order), with the history in each result's properties. */
export function historySarif(r: HistoryReport, rules: Rule[], severityOverrides: Record<string, Severity>): string {
  const report: Report = {
    root: r.root,
    files: r.findings.map((h) => ({ path: h.path, findings: [h.finding], notes: [] })),
    skipped: [],
    filesScanned: r.filesScanned,
    sizes: [],
    baselined: r.baselined,
    suppressed: 0,
    elapsedMs: r.elapsedMs,
  };
  const log = toSarif(report, rules, severityOverrides);
  const run = log.runs[0]!;
  run.results.forEach((res, i) => {
    const h = r.findings[i]!;
    res['properties'] = { ...(res['properties'] as Record<string, unknown>), ...history(h) };
  });
  run['properties'] = { history: { range: r.range, commits: r.commits } };
  return `${JSON.stringify(log, null, 2)}\n`;
}
