// `vigil report`: the data set (from --from files or a scan like `vigil scan`), the history (earlier reports in
// --history-dir, else the git history of the scanned files), and the page. The language server's "Open Security
// Report" request calls buildReport too, so the editor's report and the CLI's agree.
import { DEFAULT_MAX_FILE_SIZE, todayIso } from '../../engine';
import type { Baseline } from '../../project';
import type { CliArgs } from '../args';
import { collect, setupAll, type Report, type Setup } from '../collect';
import { UsageError } from '../errors';
import { vigilVersion } from '../meta';
import { analyse, dirSnapshots, gitHistory, noHistory, type History } from './history';
import { reportHtml } from './html';
import { loadInput } from './inputs';
import { mergeData, summarize, type ReportData } from './stats';

export const DEFAULT_HISTORY_COMMITS = 10;

export interface ReportOptions {
  from: string[];
  historyDir?: string;
  /** Commits of git history to follow; 0 turns the git trend off. */
  historyCommits: number;
  baseline?: Baseline;
  cspSource?: string;
  today?: string;
}

async function history(setups: Setup[], reports: Report[], opts: ReportOptions): Promise<History> {
  if (opts.historyDir) return analyse('history-dir', `${opts.historyDir}`, dirSnapshots(opts.historyDir));
  if (setups.length !== 1) return noHistory(setups.length === 0 ? 'the report was built from files' : 'several roots: the git trend follows one repository');
  const report = reports[0]!;
  const withFindings = new Set(report.files.filter((f) => f.findings.length > 0).map((f) => f.path));
  const s = setups[0]!;
  const source = { root: s.root, engine: s.engine, analysis: s.analysis, maxFileSize: s.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  return gitHistory(source, new Set(report.sizes.map((x) => x.path)), withFindings, opts.historyCommits);
}

export async function buildReport(args: CliArgs, opts: ReportOptions): Promise<{ html: string; data: ReportData }> {
  let data: ReportData;
  let setups: Setup[] = [];
  const reports: Report[] = [];
  if (opts.from.length > 0) {
    data = mergeData(opts.from.flatMap((f) => loadInput(f).map((l) => l.data)));
  } else {
    setups = setupAll(args);
    const scanArgs = { ...args, includeSuppressed: true };
    for (const s of setups) reports.push(await collect(scanArgs, s, opts.baseline ? { baseline: opts.baseline } : {}));
    data = mergeData(reports.map(summarize));
  }
  const hist = await history(setups, reports, opts);
  const html = reportHtml({
    data,
    history: hist,
    generated: new Date().toISOString(),
    today: opts.today ?? todayIso(),
    version: vigilVersion(),
    ...(opts.cspSource ? { cspSource: opts.cspSource } : {}),
  });
  return { html, data };
}

export function parseHistoryCommits(v: string | undefined): number {
  if (v === undefined) return DEFAULT_HISTORY_COMMITS;
  if (!/^\d{1,3}$/.test(v)) throw new UsageError(`--history-commits must be a whole number from 0 to 999 (got '${v}')`);
  return Number(v);
}
