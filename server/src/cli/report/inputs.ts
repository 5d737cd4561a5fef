// `vigil report --from FILE...`: rebuilds the report's data set from Vigil's own SARIF or JSON output, or from an
// earlier report.html (its JSON island), so CI can render the report from the scan it already ran.
import * as fs from 'fs';
import { fileURLToPath } from 'url';
import type { Severity } from '../../engine';
import { UsageError } from '../errors';
import { FINGERPRINT_KEY, SRCROOT } from '../sarif';
import { emptyLines, languageOf, type LineTotals, type ReportData, type ReportFinding } from './stats';

export interface Loaded {
  data: ReportData;
  /** When the input was made: the report's own date, else the file's modification time (ISO). */
  date: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed input is checked field by field */
function lines(v: any): LineTotals {
  if (v && typeof v.total === 'number' && v.byLanguage && v.byDir) return v as LineTotals;
  return emptyLines();
}

function severityOfLevel(level: unknown): Severity {
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'info';
}

function finding(root: string, path: string, line: number, f: any): ReportFinding {
  return {
    root,
    path,
    line,
    ruleId: String(f.ruleId),
    severity: f.severity,
    message: String(f.message ?? ''),
    fingerprint: String(f.fingerprint ?? ''),
    status: f.status,
    language: languageOf(path),
    ...(f.reason ? { reason: String(f.reason) } : {}),
    ...(f.until ? { until: String(f.until) } : {}),
  };
}

function rootUri(run: any): string {
  const uri = run.originalUriBaseIds?.[SRCROOT]?.uri;
  try {
    return typeof uri === 'string' ? fileURLToPath(uri).replace(/\/$/, '') : '';
  } catch {
    return String(uri);
  }
}

export function fromSarif(log: any): ReportData[] {
  return (log.runs as any[]).map((run) => {
    const root = rootUri(run);
    const props = run.properties?.vigil ?? {};
    const l = lines(props.lines);
    const findings = (run.results as any[]).map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      const path = decodeURIComponent(String(loc?.artifactLocation?.uri ?? ''));
      const sup = r.suppressions?.[0];
      return finding(root, path, Number(loc?.region?.startLine ?? 0), {
        ruleId: r.ruleId,
        severity: severityOfLevel(r.level),
        message: r.message?.text,
        fingerprint: r.partialFingerprints?.[FINGERPRINT_KEY],
        status: sup ? 'suppressed' : 'new',
        reason: sup?.justification,
        until: sup?.properties?.until,
      });
    });
    return { roots: [root], filesScanned: Number(props.filesScanned ?? 0), lines: l, baselined: Number(props.baselined ?? 0), findings };
  });
}

export function fromJson(obj: any): ReportData {
  const l = lines(obj.summary?.lines);
  const root = String(obj.root ?? '');
  const findings = (obj.findings as any[]).map((f) =>
    finding(String(f.root ?? root), String(f.path), Number(f.line), {
      ...f,
      status: f.suppression ? 'suppressed' : 'new',
      reason: f.suppression?.justification,
      until: f.suppression?.until,
    }),
  );
  const roots = Array.isArray(obj.roots) ? obj.roots.map(String) : [root];
  return { roots, filesScanned: Number(obj.summary?.filesScanned ?? 0), lines: l, baselined: Number(obj.summary?.baselined ?? 0), findings };
}

export const ISLAND_ID = 'vigil-report-data';

/** The data island of an earlier report: `<script type="application/json" id="vigil-report-data">`. */
export function fromHtml(html: string): { data: ReportData; generated?: string } | undefined {
  const m = new RegExp(`<script type="application/json" id="${ISLAND_ID}"[^>]*>([\\s\\S]*?)</script>`).exec(html);
  if (!m) return undefined;
  const island = JSON.parse(m[1]!.replace(/\\u003c/g, '<')) as { data: ReportData; generated?: string };
  return island;
}

/** Reads one input; anything that is none of the three formats is a usage error naming the file. */
export function loadInput(file: string): Loaded[] {
  let text: string;
  let mtime: string;
  try {
    text = fs.readFileSync(file, 'utf8');
    mtime = fs.statSync(file).mtime.toISOString();
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    if (/^\s*</.test(text)) {
      const island = fromHtml(text);
      if (island) return [{ data: island.data, date: island.generated ?? mtime }];
    } else {
      const obj = JSON.parse(text);
      if (obj?.version === '2.1.0' && Array.isArray(obj.runs)) return fromSarif(obj).map((data) => ({ data, date: mtime }));
      if (Array.isArray(obj?.findings) && obj?.tool?.name === 'vigil') return [{ data: fromJson(obj), date: String(obj.generated ?? mtime) }];
    }
  } catch (e) {
    throw new UsageError(`${file} cannot be read as a Vigil report: ${(e as Error).message.split('\n')[0]}`);
  }
  throw new UsageError(`${file} is not Vigil SARIF, Vigil JSON or a Vigil report`);
}
