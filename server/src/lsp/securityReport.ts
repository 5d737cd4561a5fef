// `vigil.securityReport`: the CLI's security report (server/src/cli/report/) built from a scan of the workspace
// folders with the editor's settings and trust (only the custom rules the context's engine loaded). Suppressed
// findings are counted for the report, so it runs its own scan rather than reusing the diagnostics scan, and it
// publishes nothing. The answer is the page; the client shows it in a webview with the CSP source it passes.
import * as path from 'path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { todayIso, type Finding } from '../engine';
import { defaultJobs, runScan, walk, type FileResult } from '../project';
import type { Report } from '../cli/collect';
import { vigilVersion } from '../cli/meta';
import { DEFAULT_HISTORY_COMMITS } from '../cli/report/build';
import { gitHistory, noHistory, type History } from '../cli/report/history';
import { reportHtml } from '../cli/report/html';
import { mergeData, summarize } from '../cli/report/stats';
import type { SecurityReport } from '../protocol';
import type { ServerContext } from './context';
import { engineLanguageId } from './analyze';
import { folderOf, pathToUri, uriToPath } from './uri';
import { scanPlans, type ScanPlan } from './scanPlans';

async function scanFolder(ctx: ServerContext, p: ScanPlan, signal: AbortSignal): Promise<Report> {
  const t0 = performance.now();
  const files: Report['files'] = [];
  const sizes: Report['sizes'] = [];
  const skipped: Report['skipped'] = [];
  let suppressed = 0;
  const suppressedIn = new Map<string, number>();
  const onResult = (r: FileResult): void => {
    if (r.skipped) {
      skipped.push({ path: r.rel, reason: r.skipped });
      return;
    }
    sizes.push({ path: r.rel, lines: r.lines ?? 0 });
    suppressed += r.suppressed ?? 0;
    if (r.suppressed) suppressedIn.set(r.rel, r.suppressed);
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
  if (!signal.aborted) suppressed += await useOpenBuffers(ctx, p, files, new Set(sizes.map((x) => x.path)), suppressedIn);
  const cmp = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const byLine = (a: Finding, b: Finding): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  files.sort(cmp);
  for (const f of files) f.findings.sort(byLine);
  return { root: p.folder, files, skipped, filesScanned: sizes.length, sizes: sizes.sort(cmp), baselined: 0, suppressed, elapsedMs: performance.now() - t0 };
}

/**
 * Open documents count as their buffers, as the Problems view and the workspace scan show them, not as the file on
 * disk: their findings replace the scanned ones. Returns the change in the suppressed count.
 */
async function useOpenBuffers(ctx: ServerContext, p: ScanPlan, files: Report['files'], scanned: Set<string>, suppressedIn: Map<string, number>): Promise<number> {
  let delta = 0;
  for (const d of ctx.documents.all()) {
    const file = uriToPath(d.uri);
    if (file === undefined || folderOf(file, [p.folder]) === undefined) continue;
    const rel = path.relative(p.folder, file).split(path.sep).join('/');
    // A file the scan did not analyse (ignored, too large, binary) stays out of the report, open or not.
    if (!scanned.has(rel)) continue;
    const engine = await ctx.engineFor(d.uri);
    const r = await engine.analyze({ path: rel, languageId: engineLanguageId(d.languageId, rel), text: d.getText() }, { ...p.analysis, includeSuppressed: true });
    delta += r.findings.filter((f) => f.suppression).length - (suppressedIn.get(rel) ?? 0);
    const at = files.findIndex((f) => f.path === rel);
    if (at >= 0) files.splice(at, 1);
    if (r.findings.length) files.push({ path: rel, findings: r.findings, notes: [] });
  }
  return delta;
}

export async function securityReport(ctx: ServerContext, args: unknown[], token: CancellationToken): Promise<SecurityReport> {
  const opts = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as { cspSource?: unknown };
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    const plans = await scanPlans(ctx);
    const reports: Report[] = [];
    for (const p of plans) reports.push(await scanFolder(ctx, p, abort.signal));
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
