// Workspace scan for the editor: the CLI's walker and worker pool over each workspace folder, publishing
// diagnostics for files that are not open (open ones keep their live results). The analysis runs in worker
// threads, so the server's main thread stays free for typing; results are published as they arrive.
// What each folder is scanned with comes from scanPlans.ts; this file runs the plans.
import * as path from 'path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { builtinRulesDir } from '../engine';
import { CrossFileBuffer, defaultJobs, runScan, ScanCache, walk, type FileResult, type WorkerInit, type WalkEntry, type WalkOptions } from '../project';
import type { ScanSummary } from '../protocol';
import type { ScanProgress, ServerContext } from './context';
import { configsOf, profileFor, scanPlans, type ScanPlan, type ScanProfile } from './scanPlans';
import type { RepositoryConfigs } from './repositoryConfigs';
import { SummaryCollector, type SummaryPool } from './scanSummaries';
import { pathToUri, uriToPath } from './uri';

/** Leaves one core to the server's main thread so typing stays responsive during a scan. */
function scanJobs(): number {
  return Math.max(1, defaultJobs() - 1);
}

async function countFiles(opts: WalkOptions, token: CancellationToken): Promise<number> {
  let n = 0;
  for await (const e of walk(['.'], opts)) {
    if (token.isCancellationRequested) break;
    if (e.kind === 'file') n++;
  }
  return n;
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
  /** The calls between files of this scan, kept for the open documents once it completes. */
  readonly summaries = new SummaryCollector();
  total = 0;
  done = 0;
  private lastReport = 0;

  constructor(
    private readonly ctx: ServerContext,
    readonly report: ScanProgress | undefined,
    /** URIs the previous scan published diagnostics for. */
    before: ReadonlySet<string>,
  ) {
    this.before = new Set(before);
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

/**
 * The scans of one connection, and what they keep between runs: the URIs that got diagnostics from the last scan
 * (so a rescan can clear files that became clean), and the results of the last scan per workspace folder and
 * config by content hash (a rescan analyses only files whose bytes changed).
 */
export class WorkspaceScanner {
  private published = new Set<string>();
  /** Replaced whenever the rules or options change (the key covers them). */
  private readonly caches = new Map<string, ScanCache>();

  async scan(ctx: ServerContext, token: CancellationToken, progress?: ScanProgress): Promise<ScanSummary> {
    const t0 = performance.now();
    const state = new ScanState(ctx, progress ?? ctx.progress, this.published);
    const configs = configsOf(ctx);
    const plans = await scanPlans(ctx, configs);
    await countAll(state, plans, token);
    await this.scanFolders(ctx, configs, state, plans, token);
    // Before the open buffers are counted, so they count with their findings settled against this scan.
    if (token.isCancellationRequested) ctx.summaries?.clear();
    else ctx.summaries?.set(state.summaries.pools);
    await countOpenBuffers(ctx, state, token);
    this.finish(ctx, state, token);
    state.summary.elapsedMs = performance.now() - t0;
    return state.summary;
  }

  private async scanFolders(ctx: ServerContext, configs: RepositoryConfigs, state: ScanState, plans: readonly ScanPlan[], token: CancellationToken): Promise<void> {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      for (const p of plans) {
        if (token.isCancellationRequested || !(await this.scanFolder(ctx, configs, state, p, abort.signal))) break;
      }
    } finally {
      sub.dispose();
    }
  }

  /**
   * One workspace folder. Files under a nested .vigil.yaml get the settings an open file there would get: they
   * are set aside during the walk and scanned afterwards, one pool per config, as the CLI does. With one config
   * (the usual case) nothing is set aside and the walk streams straight into the workers. False when cancelled.
   */
  private async scanFolder(ctx: ServerContext, configs: RepositoryConfigs, state: ScanState, plan: ScanPlan, signal: AbortSignal): Promise<boolean> {
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
    if (await this.runProfile(state, plan.folder, plan.folder, plan, primaryFiles(), signal)) return false;
    for (const [config, list] of later) {
      const first = list[0];
      if (signal.aborted) return false;
      const file = first?.kind === 'file' ? first.abs : plan.folder;
      const profile = await profileFor(ctx, pathToUri(file), config ? configs.configAt(config).config : undefined);
      if (!profile) continue;
      if (await this.runProfile(state, plan.folder, `${plan.folder}|${config}`, profile, fromArray(list), signal)) return false;
    }
    return true;
  }

  /** One pool over `entries` with one profile; true when cancelled. */
  private async runProfile(state: ScanState, folder: string, cacheName: string, p: ScanProfile, entries: AsyncIterable<WalkEntry>, signal: AbortSignal): Promise<boolean> {
    const init: WorkerInit = {
      root: folder,
      customRuleDirs: p.customRuleDirs,
      analysis: { ...p.analysis, crossFile: true },
      source: 'fs',
      mode: 'analyze',
      frames: false,
      maxFileSize: p.maxFileSize,
    };
    // Taint across the files of this pool (crossFile.ts): a file whose findings rest on callers elsewhere is
    // published once every file is in; the others as they arrive.
    const buffer = new CrossFileBuffer();
    const pool: SummaryPool = state.summaries.pool(folder);
    const r = await runScan(entries, { ...init, cache: this.cacheFor(cacheName, init), jobs: scanJobs(), signal }, (res) => {
      SummaryCollector.add(pool, res);
      const now = buffer.take(res);
      if (now) state.onResult(folder, now);
    });
    if (!r.cancelled) for (const res of buffer.settle()) state.onResult(folder, res);
    return r.cancelled;
  }

  private cacheFor(name: string, init: WorkerInit): ScanCache {
    const key = ScanCache.keyFor(init, [builtinRulesDir(), ...init.customRuleDirs], 'server');
    let c = this.caches.get(name);
    if (!c || c.key !== key) {
      c = new ScanCache(key);
      this.caches.set(name, c);
    }
    return c;
  }

  /** Clears what vanished and remembers what this scan published, the reference for the next one. */
  private finish(ctx: ServerContext, state: ScanState, token: CancellationToken): void {
    const { summary } = state;
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) clearVanished(ctx, state);
    // A cancelled scan keeps what it had published before; a completed one is the new reference for clearing.
    this.published = summary.cancelled ? new Set([...state.before, ...state.now]) : state.now;
    state.report?.report(`${state.done} of ${state.total} files`, 100);
  }
}

/** Counts the files first, for the progress percentage. */
async function countAll(state: ScanState, plans: readonly ScanPlan[], token: CancellationToken): Promise<void> {
  for (const p of plans) state.total += await countFiles(p.walk, token);
  state.report?.report(`0 of ${state.total} files`, 0);
}

/** One scanner per connection: a rescan from the same client clears what the previous one published. */
const scanners = new WeakMap<object, WorkspaceScanner>();

export async function scanWorkspace(ctx: ServerContext, token: CancellationToken, progress?: ScanProgress): Promise<ScanSummary> {
  let scanner = scanners.get(ctx.connection);
  if (!scanner) {
    scanner = new WorkspaceScanner();
    scanners.set(ctx.connection, scanner);
  }
  return scanner.scan(ctx, token, progress);
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
