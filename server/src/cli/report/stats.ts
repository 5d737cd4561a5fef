// The numbers behind `vigil report` and `vigil scan --format summary`: one flat, serialisable data set (it is also
// the report's JSON island) built from a live scan, a SARIF log or a JSON report, and the tallies drawn from it.
import { languageIdForPath, type Severity } from '../../engine';
import type { Report } from '../collect';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Status = 'new' | 'baselined' | 'suppressed';

export interface ReportFinding {
  root: string;
  path: string;
  line: number;
  ruleId: string;
  severity: Severity;
  /** Already masked by the engine for secret rules; never re-read from the source. */
  message: string;
  fingerprint: string;
  status: Status;
  language: string;
  reason?: string;
  until?: string;
}

/**
 * Lines analysed, in total, by language and by folder (the file's directory, '' for the root's own files). Folders are
 * kept whole so that shards and roots add up; the charts group them by the first segment below the folders that
 * every scanned file shares (see folderOf), so a scan of one subfolder still splits into its parts.
 */
export interface LineTotals {
  total: number;
  byLanguage: Record<string, number>;
  byDir: Record<string, number>;
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** The chart's folder for a directory: its first segment below `prefix` ('.' for files directly in it). */
export function folderOf(dir: string, prefix: string): string {
  const below = prefix === '' ? dir : dir === prefix ? '' : dir.startsWith(`${prefix}/`) ? dir.slice(prefix.length + 1) : dir;
  if (below === '') return '.';
  const i = below.indexOf('/');
  return i < 0 ? below : below.slice(0, i);
}

/** The folders every directory lies in ('' when they share none). */
export function commonFolder(dirs: string[]): string {
  if (dirs.length === 0) return '';
  let parts = dirs[0]!.split('/').filter(Boolean);
  for (const d of dirs) {
    const q = d.split('/').filter(Boolean);
    let n = 0;
    while (n < parts.length && n < q.length && parts[n] === q[n]) n++;
    parts = parts.slice(0, n);
  }
  return parts.join('/');
}

export function languageOf(rel: string): string {
  return languageIdForPath(rel);
}

export function emptyLines(): LineTotals {
  return { total: 0, byLanguage: {}, byDir: {} };
}

export function lineTotals(sizes: { path: string; lines: number }[]): LineTotals {
  const t = emptyLines();
  for (const s of sizes) {
    t.total += s.lines;
    const lang = languageOf(s.path);
    t.byLanguage[lang] = (t.byLanguage[lang] ?? 0) + s.lines;
    const dir = dirOf(s.path);
    t.byDir[dir] = (t.byDir[dir] ?? 0) + s.lines;
  }
  return t;
}

export function addTotals(into: LineTotals, from: LineTotals): void {
  into.total += from.total;
  for (const [k, n] of Object.entries(from.byLanguage)) into.byLanguage[k] = (into.byLanguage[k] ?? 0) + n;
  for (const [k, n] of Object.entries(from.byDir)) into.byDir[k] = (into.byDir[k] ?? 0) + n;
}

export interface ReportData {
  roots: string[];
  filesScanned: number;
  lines: LineTotals;
  /** Findings left out by the baseline: counted only (the baseline keeps fingerprints, not findings). */
  baselined: number;
  findings: ReportFinding[];
}

/** The data set of one scanned root. */
export function summarize(report: Report): ReportData {
  const lines = lineTotals(report.sizes);
  const findings: ReportFinding[] = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      root: report.root,
      path: file.path,
      line: f.range.start.line + 1,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      fingerprint: f.fingerprint,
      status: f.suppression ? ('suppressed' as const) : ('new' as const),
      language: languageOf(file.path),
      ...(f.suppression?.justification ? { reason: f.suppression.justification } : {}),
      ...(f.suppression?.until ? { until: f.suppression.until } : {}),
    })),
  );
  return { roots: [report.root], filesScanned: report.filesScanned, lines, baselined: report.baselined, findings };
}

export function mergeData(parts: ReportData[]): ReportData {
  const lines = emptyLines();
  for (const p of parts) addTotals(lines, p.lines);
  return {
    roots: [...new Set(parts.flatMap((p) => p.roots))],
    filesScanned: parts.reduce((n, p) => n + p.filesScanned, 0),
    lines,
    baselined: parts.reduce((n, p) => n + p.baselined, 0),
    findings: parts.flatMap((p) => p.findings),
  };
}

export interface Row {
  key: string;
  count: number;
}

export interface DensityRow extends Row {
  lines: number;
  /** Open findings per 1,000 lines, two decimals; 0 where no lines were counted. */
  density: number;
}

function tally(keys: string[]): Row[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

export function density(count: number, lines: number): number {
  return lines > 0 ? Math.round((count / lines) * 100000) / 100 : 0;
}

function densityRows(open: ReportFinding[], pick: (f: ReportFinding) => string, lines: Record<string, number>): DensityRow[] {
  const counts = new Map(tally(open.map(pick)).map((r) => [r.key, r.count]));
  const keys = new Set([...Object.keys(lines), ...counts.keys()]);
  return [...keys]
    .map((key) => ({ key, count: counts.get(key) ?? 0, lines: lines[key] ?? 0, density: density(counts.get(key) ?? 0, lines[key] ?? 0) }))
    .sort((a, b) => b.count - a.count || b.lines - a.lines || (a.key < b.key ? -1 : 1));
}

export type ExpiryBucket = 'expired' | 'within 30 days' | 'later' | 'no expiry';

export function expiryBucket(until: string | undefined, today: string): ExpiryBucket {
  if (!until) return 'no expiry';
  if (until < today) return 'expired';
  const days = (Date.parse(until) - Date.parse(today)) / 86400000;
  return days <= 30 ? 'within 30 days' : 'later';
}

export interface Tallies {
  /** Open findings: neither suppressed nor in the baseline. */
  open: number;
  bySeverity: Row[];
  byRule: Row[];
  byLanguage: DensityRow[];
  byFolder: DensityRow[];
  density: number;
  byStatus: Row[];
  suppressionsByReason: Row[];
  suppressionsByExpiry: Row[];
}

/** Every chart's numbers. Severity, rule, language and folder count open findings; status counts all three kinds. */
export function tallies(data: ReportData, today: string): Tallies {
  const open = data.findings.filter((f) => f.status === 'new');
  const suppressed = data.findings.filter((f) => f.status === 'suppressed');
  const prefix = commonFolder([...Object.keys(data.lines.byDir), ...data.findings.map((f) => dirOf(f.path))]);
  const folderLines: Record<string, number> = {};
  for (const [dir, n] of Object.entries(data.lines.byDir)) folderLines[folderOf(dir, prefix)] = (folderLines[folderOf(dir, prefix)] ?? 0) + n;
  const sev = new Map(tally(open.map((f) => f.severity)).map((r) => [r.key, r.count]));
  return {
    open: open.length,
    bySeverity: SEVERITIES.map((s) => ({ key: s, count: sev.get(s) ?? 0 })),
    byRule: tally(open.map((f) => f.ruleId)),
    byLanguage: densityRows(open, (f) => f.language, data.lines.byLanguage),
    byFolder: densityRows(open, (f) => folderOf(dirOf(f.path), prefix), folderLines),
    density: density(open.length, data.lines.total),
    byStatus: [
      { key: 'new', count: open.length },
      { key: 'baselined', count: data.baselined },
      { key: 'suppressed', count: suppressed.length },
    ],
    suppressionsByReason: tally(suppressed.map((f) => f.reason ?? '(no reason)')),
    suppressionsByExpiry: tally(suppressed.map((f) => expiryBucket(f.until, today))),
  };
}
