// Workspace scan for the editor: the CLI's walker and worker pool over each workspace folder, publishing
// diagnostics for files that are not open (open ones keep their live results). The analysis runs in worker
// threads, so the server's main thread stays free for typing; results are published as they arrive.
import * as path from 'path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { ConfigLocator, emptyConfig, findConfigFile, loadConfig, defaultJobs, runScan, ScanCache, relativeTo, walk, type VigilConfig, type FileResult, type WorkerInit, type WalkEntry, type WalkOptions } from '../project';
import { DEFAULT_MAX_FILE_SIZE, builtinRulesDir, type AnalysisOptions } from '../engine';
import type { ScanSummary } from '../protocol';
import type { ScanProgress, ServerContext } from './context';
import { pathToUri, uriToPath } from './uri';

/** URIs that got diagnostics from the last scan, per connection, so a rescan can clear files that became clean. */
const published = new WeakMap<object, Set<string>>();

/**
 * Results of the last scan per workspace folder and config, by content hash: a rescan analyses only files whose bytes
 * changed. Replaced whenever the rules or options change (the key covers them).
 */
const caches = new Map<string, ScanCache>();

function cacheFor(name: string, init: WorkerInit): ScanCache {
  const key = ScanCache.keyFor(init, [builtinRulesDir(), ...init.customRuleDirs], 'server');
  let c = caches.get(name);
  if (!c || c.key !== key) {
    c = new ScanCache(key);
    caches.set(name, c);
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

/** The rules and options one config's files are scanned with. */
export interface ScanProfile {
  maxFileSize: number;
  analysis: AnalysisOptions;
  customRuleDirs: string[];
}

/** The folder's own profile (its nearest config), and how to find the nearest config of any folder below it. */
export interface ScanPlan extends ScanProfile {
  folder: string;
  walk: WalkOptions;
  /** The .vigil.yaml the folder's profile comes from ('' for none). */
  config: string;
  /** The nearest .vigil.yaml of a folder below the workspace folder ('' for none), as the settings layer finds it. */
  configOf: (dirAbs: string) => string;
}

/**
 * The settings an open file at `uri` would get, as scan options; undefined when Vigil is disabled there. The
 * context's engine already applied workspace trust: only the custom rules it loaded go to the workers.
 */
async function profileFor(ctx: ServerContext, uri: string, config: VigilConfig): Promise<ScanProfile | undefined> {
  const settings = await ctx.settingsFor(uri);
  if (!settings.enable) return undefined;
  const engine = await ctx.engineFor(uri);
  const customRuleDirs = [...new Set(engine.rules.filter((r) => r.custom).map((r) => path.dirname(r.file)))];
  const analysis: AnalysisOptions = {};
  if (settings.disabledRules) analysis.disabledRules = settings.disabledRules;
  if (settings.severityOverrides) analysis.severityOverrides = settings.severityOverrides;
  if (settings.minimumConfidence) analysis.minimumConfidence = settings.minimumConfidence;
  if (settings.maxFileSize !== undefined) analysis.maxFileSize = settings.maxFileSize;
  return { maxFileSize: settings.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, analysis, customRuleDirs };
}

/** What to scan in each enabled workspace folder, with the folder's settings and its trusted custom rules. */
export async function scanPlans(ctx: ServerContext): Promise<ScanPlan[]> {
  const plans: ScanPlan[] = [];
  for (const folder of ctx.workspaceFolders()) {
    // The folder's config may sit above it (a workspace opened on a subfolder of the repository), as in the CLI.
    const locator = new ConfigLocator(folder);
    const file = locator.find(folder);
    // Config errors are reported by the settings layer when the config loads; the scan uses what is valid.
    const config = (file ? loadConfig(file).config : undefined) ?? emptyConfig();
    const profile = await profileFor(ctx, pathToUri(folder), config);
    if (!profile) continue;
    const above = file ? relativeTo(path.dirname(file), folder) : undefined;
    const walkOpts: WalkOptions = { root: folder, extraIgnores: config.ignore, configIgnores: nestedIgnores };
    if (above) walkOpts.extraIgnoresPrefix = `${above}/`;
    plans.push({ folder, walk: walkOpts, ...profile, config: file ?? '', configOf: (dir) => locator.find(dir) ?? '' });
  }
  return plans;
}

async function* fromArray(list: WalkEntry[]): AsyncGenerator<WalkEntry> {
  yield* list;
}

/** Counts, publishes and reports progress for the results of one scan, across folders and configs. */
class ScanState {
  readonly summary: ScanSummary = { files: 0, skipped: 0, findings: { error: 0, warning: 0, info: 0 }, elapsedMs: 0, cancelled: false };
  readonly before: Set<string>;
  readonly now = new Set<string>();
  readonly cleared = new Set<string>();
  readonly openCounted = new Set<string>();
  total = 0;
  done = 0;
  private lastReport = 0;

  constructor(
    private readonly ctx: ServerContext,
    readonly report: ScanProgress | undefined,
  ) {
    this.before = published.get(ctx.connection) ?? new Set<string>();
  }

  openPaths(): Set<string> {
    return new Set(this.ctx.documents.all().map((d) => uriToPath(d.uri)).filter((p): p is string => p !== undefined));
  }

  onResult(folder: string, r: FileResult): void {
    const { summary, ctx } = this;
    if (r.binary) return;
    if (r.skipped) {
      summary.skipped++;
      ctx.log(`workspace scan skipped ${r.rel}: ${r.skipped}`);
    } else summary.files++;
    this.done++;
    const abs = path.join(folder, r.rel);
    const uri = pathToUri(abs);
    const open = this.openPaths().has(abs);
    // An open document is counted from its buffer afterwards, as the Problems view shows it, not from disk.
    if (open && !r.skipped) this.openCounted.add(uri);
    else for (const f of r.findings) summary.findings[f.severity]++;
    if (!r.skipped && !open && (r.findings.length > 0 || r.notes.length > 0 || this.before.has(uri))) {
      ctx.publish(uri, undefined, r.findings, r.notes);
      if (r.findings.length > 0 || r.notes.length > 0) this.now.add(uri);
      else this.cleared.add(uri);
    }
    const t = performance.now();
    if (this.report && t - this.lastReport > 100) {
      this.lastReport = t;
      this.report.report(`${this.done} of ${this.total} files`, this.total ? Math.min(100, Math.round((100 * this.done) / this.total)) : 0);
    }
  }
}

async function runProfile(state: ScanState, folder: string, cacheKey: string, p: ScanProfile, entries: AsyncIterable<WalkEntry>, signal: AbortSignal): Promise<boolean> {
  const init: WorkerInit = {
    root: folder,
    customRuleDirs: p.customRuleDirs,
    analysis: p.analysis,
    source: 'fs',
    mode: 'analyze',
    frames: false,
    maxFileSize: p.maxFileSize,
  };
  const r = await runScan(entries, { ...init, cache: cacheFor(cacheKey, init), jobs: scanJobs(), signal }, (res) => state.onResult(folder, res));
  return r.cancelled;
}

/**
 * One workspace folder. Files under a nested .vigil.yaml get the settings an open file there would get: they are
 * set aside during the walk and scanned afterwards, one pool per config, as the CLI does. With one config (the
 * usual case) nothing is set aside and the walk streams straight into the workers. False when cancelled.
 */
async function scanFolder(ctx: ServerContext, state: ScanState, plan: ScanPlan, signal: AbortSignal): Promise<boolean> {
  const later = new Map<string, WalkEntry[]>();
  async function* primaryFiles(): AsyncGenerator<WalkEntry> {
    for await (const e of walk(['.'], plan.walk)) {
      const config = e.kind === 'file' ? plan.configOf(path.dirname(e.abs)) : plan.config;
      if (config === plan.config) yield e;
      else {
        const list = later.get(config) ?? [];
        list.push(e);
        later.set(config, list);
      }
    }
  }
  if (await runProfile(state, plan.folder, plan.folder, plan, primaryFiles(), signal)) return false;
  for (const [config, list] of later) {
    const first = list[0];
    if (signal.aborted) return false;
    const file = first?.kind === 'file' ? first.abs : plan.folder;
    const profile = await profileFor(ctx, pathToUri(file), (config ? loadConfig(config).config : undefined) ?? emptyConfig());
    if (!profile) continue;
    if (await runProfile(state, plan.folder, `${plan.folder}|${config}`, profile, fromArray(list), signal)) return false;
  }
  return true;
}

export async function scanWorkspace(ctx: ServerContext, token: CancellationToken, progress?: ScanProgress): Promise<ScanSummary> {
  const t0 = performance.now();
  const state = new ScanState(ctx, progress ?? ctx.progress);
  const { summary, report } = state;
  const plans = await scanPlans(ctx);
  for (const p of plans) state.total += await countFiles(p.walk, token);
  report?.report(`0 of ${state.total} files`, 0);

  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    for (const p of plans) {
      if (token.isCancellationRequested || !(await scanFolder(ctx, state, p, abort.signal))) break;
    }
  } finally {
    sub.dispose();
  }
  await countOpenBuffers(ctx, state, token);
  summary.cancelled = token.isCancellationRequested;
  if (!summary.cancelled) clearVanished(ctx, state);
  // A cancelled scan keeps what it had published before; a completed one is the new reference for clearing.
  published.set(ctx.connection, summary.cancelled ? new Set([...state.before, ...state.now]) : state.now);
  report?.report(`${state.done} of ${state.total} files`, 100);
  summary.elapsedMs = performance.now() - t0;
  return summary;
}

/** Open documents count with their live findings, as the Problems view shows them. */
async function countOpenBuffers(ctx: ServerContext, state: ScanState, token: CancellationToken): Promise<void> {
  for (const uri of state.openCounted) {
    if (token.isCancellationRequested) break;
    const live = ctx.liveFindings ? await ctx.liveFindings(uri) : undefined;
    for (const f of live ?? []) state.summary.findings[f.severity]++;
  }
}

/** Files that had diagnostics but were not met again (deleted, now ignored) are cleared too. */
function clearVanished(ctx: ServerContext, state: ScanState): void {
  const open = state.openPaths();
  for (const uri of state.before) {
    const p = uriToPath(uri);
    if (!state.now.has(uri) && !state.cleared.has(uri) && (p === undefined || !open.has(p))) ctx.publish(uri, undefined, [], []);
  }
}
