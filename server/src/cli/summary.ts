// `vigil scan --format summary`: the report's headline numbers in a terminal: counts by severity and status, the
// rules with the most findings, and the density table (open findings per 1,000 lines) by language and folder.
import { todayIso } from '../engine';
import { mergeData, tallies, type DensityRow, type ReportData, type Row } from './report/stats';

function table(title: string, rows: DensityRow[]): string[] {
  const w = Math.max(title.length, ...rows.map((r) => r.key.length));
  const out = [`${title.padEnd(w)}  ${'FINDINGS'.padStart(8)}  ${'LINES'.padStart(9)}  ${'PER 1K'.padStart(7)}`];
  for (const r of rows) out.push(`${r.key.padEnd(w)}  ${String(r.count).padStart(8)}  ${String(r.lines).padStart(9)}  ${r.density.toFixed(2).padStart(7)}`);
  return out;
}

function counts(rows: Row[]): string {
  return rows.map((r) => `${r.count} ${r.key}`).join(', ');
}

export function toSummary(parts: ReportData[], today: string = todayIso()): string {
  const data = mergeData(parts);
  const t = tallies(data, today);
  const out: string[] = [];
  if (data.roots.length > 1) out.push(`Roots: ${data.roots.join(', ')}`);
  out.push(`${t.open} open findings (${counts(t.bySeverity)}) in ${data.filesScanned} files, ${data.lines.total} lines: ${t.density.toFixed(2)} per 1,000 lines`);
  out.push(`Status: ${counts(t.byStatus)}`);
  if (t.byRule.length) out.push(`Top rules: ${counts(t.byRule.slice(0, 5))}`);
  if (t.suppressionsByExpiry.length) out.push(`Suppressions by expiry: ${counts(t.suppressionsByExpiry)}`);
  out.push('', ...table('LANGUAGE', t.byLanguage), '', ...table('FOLDER', t.byFolder));
  return `${out.join('\n')}\n`;
}
