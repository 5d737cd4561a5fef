// `vigil.securityReport`: the CLI's security report (server/src/cli/report/) built from a scan of the workspace
// folders with the editor's settings and trust (only the custom rules the context's engine loaded). Suppressed
// findings are counted for the report, so it runs its own scan rather than reusing the diagnostics scan, and it
// publishes nothing. The answer is the page; the client shows it in a webview with the CSP source it passes.
import type { CancellationToken } from 'vscode-languageserver/node';
import { todayIso, type Finding } from '../engine';
import { defaultJobs, runScan, type FileResult } from '../engine/scan';
import { walk } from '../engine/walk';
import type { Report } from '../cli/collect';
import { vigilVersion } from '../cli/meta';
import { DEFAULT_HISTORY_COMMITS } from '../cli/report/build';
import { gitHistory, noHistory, type History } from '../cli/report/history';
import { reportHtml } from '../cli/report/html';
import { mergeData, summarize } from '../cli/report/stats';
import type { ServerContext } from './context';
import { pathToUri } from './uri';
import { scanPlans, type ScanPlan } from './workspaceScan';

export const REPORT_COMMAND = 'vigil.securityReport';

export interface SecurityReport {
  html: string;
  /** Findings in the report (open and suppressed) and files scanned, for the client's message and tests. */
  findings: number;
  files: number;
}

async function scanFolder(p: ScanPlan, signal: AbortSignal): Promise<Report> {
  const t0 = performance.now();
  const files: Report['files'] = [];
  const sizes: Report['sizes'] = [];
  const skipped: Report['skipped'] = [];
  let suppressed = 0;
  const onResult = (r: FileResult): void => {
    if (r.skipped) {
      skipped.push({ path: r.rel, reason: r.skipped });
      return;
    }
    sizes.push({ path: r.rel, lines: r.lines ?? 0 });
    suppressed += r.suppressed ?? 0;
    if (r.findings.length) files.push({ path: r.rel, findings: r.findings, notes: [] });
  };
  await runScan(
    walk(['.'], p.walk),
    {
      root: p.folder,
      customRuleDirs: p.customRuleDirs,
      analysis: { ...p.analysis, includeSuppressed: true },
      source: 'fs',
      mode: 'analyze',
      frames: false,
      maxFileSize: p.maxFileSize,
      jobs: Math.max(1, defaultJobs() - 1),
      signal,
    },
    onResult,
  );
  const cmp = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const byLine = (a: Finding, b: Finding): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  files.sort(cmp);
  for (const f of files) f.findings.sort(byLine);
  return { root: p.folder, files, skipped, filesScanned: sizes.length, sizes: sizes.sort(cmp), baselined: 0, suppressed, elapsedMs: performance.now() - t0 };
}

export async function securityReport(ctx: ServerContext, args: unknown[], token: CancellationToken): Promise<SecurityReport> {
  const opts = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as { cspSource?: unknown };
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    const plans = await scanPlans(ctx);
    const reports: Report[] = [];
    for (const p of plans) reports.push(await scanFolder(p, abort.signal));
    let history: History = noHistory(plans.length === 0 ? 'no workspace folder' : 'several workspace folders: the git trend follows one repository');
    if (plans.length === 1 && !token.isCancellationRequested) {
      const p = plans[0]!;
      const r = reports[0]!;
      const engine = await ctx.engineFor(pathToUri(p.folder));
      history = await gitHistory(
        { root: p.folder, engine, analysis: p.analysis, maxFileSize: p.maxFileSize },
        new Set(r.sizes.map((x) => x.path)),
        new Set(r.files.map((f) => f.path)),
        DEFAULT_HISTORY_COMMITS,
      );
    }
    const data = mergeData(reports.map(summarize));
    const html = reportHtml({
      data,
      history,
      generated: new Date().toISOString(),
      today: todayIso(),
      version: vigilVersion(),
      ...(typeof opts.cspSource === 'string' ? { cspSource: opts.cspSource } : {}),
    });
    return { html, findings: data.findings.length, files: data.filesScanned };
  } finally {
    sub.dispose();
  }
}
