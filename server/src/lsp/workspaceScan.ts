// Workspace scan for the editor: the CLI's walker and worker pool over each workspace folder, publishing
// diagnostics for files that are not open (open ones keep their live results). The analysis runs in worker
// threads, so the server's main thread stays free for typing; results are published as they arrive.
import * as path from 'path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { ConfigLocator, emptyConfig, findConfigFile, loadConfig } from '../engine/config';
import { DEFAULT_MAX_FILE_SIZE, type AnalysisOptions } from '../engine';
import { defaultJobs, runScan, type FileResult, type WorkerInit } from '../engine/scan';
import { ScanCache } from '../engine/scanCache';
import { builtinRulesDir } from '../engine';
import { relativeTo, walk, type WalkOptions } from '../engine/walk';
import type { ScanProgress, ScanSummary, ServerContext } from './context';
import { pathToUri, uriToPath } from './uri';

/** URIs that got diagnostics from the last scan, per connection, so a rescan can clear files that became clean. */
const published = new WeakMap<object, Set<string>>();

/**
 * Results of the last scan per workspace folder, by content hash: a rescan analyses only files whose bytes
 * changed. Replaced whenever the rules or options change (the key covers them).
 */
const caches = new Map<string, ScanCache>();

function cacheFor(folder: string, init: WorkerInit): ScanCache {
  const key = ScanCache.keyFor(init, [builtinRulesDir(), ...init.customRuleDirs], 'server');
  let c = caches.get(folder);
  if (!c || c.key !== key) {
    c = new ScanCache(key);
    caches.set(folder, c);
  }
  return c;
}

/** Leaves one core to the server's main thread so typing stays responsive during a scan. */
function scanJobs(): number {
  return Math.max(1, defaultJobs() - 1);
}

/** The ignore list of a .vigil.yaml in a folder below the workspace folder: the nearest config wins there. */
function nestedIgnores(dir: string): string[] | undefined {
  const file = findConfigFile(dir);
  return file ? (loadConfig(file).config?.ignore ?? []) : undefined;
}

async function countFiles(opts: WalkOptions, token: CancellationToken): Promise<number> {
  let n = 0;
  for await (const e of walk(['.'], opts)) {
    if (token.isCancellationRequested) break;
    if (e.kind === 'file') n++;
  }
  return n;
}

export interface ScanPlan {
  folder: string;
  walk: WalkOptions;
  maxFileSize: number;
  analysis: AnalysisOptions;
  customRuleDirs: string[];
}

/** What to scan in each enabled workspace folder, with the folder's settings and its trusted custom rules. */
export async function scanPlans(ctx: ServerContext): Promise<ScanPlan[]> {
  const folders = ctx.workspaceFolders();
  const plans: ScanPlan[] = [];
  for (const folder of folders) {
    const uri = pathToUri(folder);
    const settings = await ctx.settingsFor(uri);
    if (!settings.enable) continue;
    // The folder's config may sit above it (a workspace opened on a subfolder of the repository), as in the CLI.
    const file = new ConfigLocator(folder).find(folder);
    // Config errors are reported by the settings layer when the config loads; the scan uses what is valid.
    const config = (file ? loadConfig(file).config : undefined) ?? emptyConfig();
    const above = file ? relativeTo(path.dirname(file), folder) : undefined;
    const engine = await ctx.engineFor(uri);
    // The context's engine already applied workspace trust: only the custom rules it loaded go to the workers.
    const customRuleDirs = [...new Set(engine.rules.filter((r) => r.custom).map((r) => path.dirname(r.file)))];
    const analysis: AnalysisOptions = {};
    if (settings.disabledRules) analysis.disabledRules = settings.disabledRules;
    if (settings.severityOverrides) analysis.severityOverrides = settings.severityOverrides;
    if (settings.minimumConfidence) analysis.minimumConfidence = settings.minimumConfidence;
    if (settings.maxFileSize !== undefined) analysis.maxFileSize = settings.maxFileSize;
    const walkOpts: WalkOptions = { root: folder, extraIgnores: config.ignore, configIgnores: nestedIgnores };
    if (above) walkOpts.extraIgnoresPrefix = `${above}/`;
    plans.push({ folder, walk: walkOpts, maxFileSize: settings.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, analysis, customRuleDirs });
  }

  return plans;
}

export async function scanWorkspace(ctx: ServerContext, token: CancellationToken, progress?: ScanProgress): Promise<ScanSummary> {
  const t0 = performance.now();
  const report = progress ?? ctx.progress;
  const summary: ScanSummary = { files: 0, skipped: 0, findings: { error: 0, warning: 0, info: 0 }, elapsedMs: 0, cancelled: false };
  const before = published.get(ctx.connection) ?? new Set<string>();
  const now = new Set<string>();
  const cleared = new Set<string>();
  const openCounted = new Set<string>();
  const openPaths = (): Set<string> => new Set(ctx.documents.all().map((d) => uriToPath(d.uri)).filter((p): p is string => p !== undefined));

  const plans = await scanPlans(ctx);

  let total = 0;
  for (const p of plans) total += await countFiles(p.walk, token);
  let done = 0;
  let lastReport = 0;
  report?.report(`0 of ${total} files`, 0);

  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    for (const p of plans) {
      if (token.isCancellationRequested) break;
      const onResult = (r: FileResult): void => {
        if (r.binary) return;
        if (r.skipped) {
          summary.skipped++;
          ctx.log(`workspace scan skipped ${r.rel}: ${r.skipped}`);
        } else summary.files++;
        done++;
        const abs = path.join(p.folder, r.rel);
        const uri = pathToUri(abs);
        // An open document is counted from its buffer below, as the Problems view shows it, not from disk.
        if (openPaths().has(abs) && !r.skipped) openCounted.add(uri);
        else for (const f of r.findings) summary.findings[f.severity]++;
        if (!r.skipped && !openPaths().has(abs) && (r.findings.length > 0 || r.notes.length > 0 || before.has(uri))) {
          ctx.publish(uri, undefined, r.findings, r.notes);
          if (r.findings.length > 0 || r.notes.length > 0) now.add(uri);
          else cleared.add(uri);
        }
        const t = performance.now();
        if (report && t - lastReport > 100) {
          lastReport = t;
          report.report(`${done} of ${total} files`, total ? Math.min(100, Math.round((100 * done) / total)) : 0);
        }
      };
      const init: WorkerInit = {
        root: p.folder,
        customRuleDirs: p.customRuleDirs,
        analysis: p.analysis,
        source: 'fs',
        mode: 'analyze',
        frames: false,
        maxFileSize: p.maxFileSize,
      };
      const r = await runScan(
        walk(['.'], p.walk),
        {
          ...init,
          cache: cacheFor(p.folder, init),
          jobs: scanJobs(),
          signal: abort.signal,
        },
        onResult,
      );
      if (r.cancelled) break;
    }
  } finally {
    sub.dispose();
  }
  for (const uri of openCounted) {
    if (token.isCancellationRequested) break;
    const live = ctx.liveFindings ? await ctx.liveFindings(uri) : undefined;
    for (const f of live ?? []) summary.findings[f.severity]++;
  }
  summary.cancelled = token.isCancellationRequested;
  if (!summary.cancelled) {
    // Files that had diagnostics but were not met again (deleted, now ignored) are cleared too.
    const open = openPaths();
    for (const uri of before) {
      const p = uriToPath(uri);
      if (!now.has(uri) && !cleared.has(uri) && (p === undefined || !open.has(p))) ctx.publish(uri, undefined, [], []);
    }
  }
  // A cancelled scan keeps what it had published before; a completed one is the new reference for clearing.
  published.set(ctx.connection, summary.cancelled ? new Set([...before, ...now]) : now);
  report?.report(`${done} of ${total} files`, 100);
  summary.elapsedMs = performance.now() - t0;
  return summary;
}
