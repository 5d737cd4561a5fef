// The scan pool: streams walk entries to worker threads (each with its own Engine) and hands results back as
// they arrive. At most PER_WORKER files are in flight per worker, so the walk is pulled only as fast as the
// workers analyse: memory stays bounded by the pool size, not by the repository. A request is a path (the worker
// reads the file when it gets to it), so a deeper queue costs no memory; it keeps a worker busy while the main
// thread is away listing a folder. With two in flight, a worker sat idle a third of the time on small files.
import * as path from 'path';
import { Worker } from 'worker_threads';
import * as os from 'os';
import type { FileResult, WorkerInit, WorkerReply, WorkerRequest } from './protocol';
import type { WalkEntry } from '../walk';
import type { ScanCache } from './cache';

export type { FileResult, CodeFrame, SuppressionRecord, WorkerInit } from './protocol';

const PER_WORKER = 8;
const MAX_RESPAWNS = 4;
/**
 * A worker allocates a stream of short-lived strings and syntax nodes per file. V8 lets the young generation of
 * each thread grow to tens of megabytes, which the process then holds: capping it at 16 MB cut the CLI's peak on
 * the benchmark corpus by about 40 MB with two workers, for no measurable time.
 */
const YOUNG_GENERATION_MB = 16;

export interface ScanPoolOptions extends WorkerInit {
  jobs: number;
  /** Aborting stops the walk, terminates the workers and resolves with cancelled = true. */
  signal?: AbortSignal;
  /** Worker script; default: scanWorker.js beside this module (the bundle and tsc output both put it there). */
  workerScript?: string;
  /** Content-hash cache: unchanged files reuse their previous result instead of being analysed. */
  cache?: ScanCache;
  /**
   * Process memory (RSS, MB) above which the worker that read the largest file since it started is replaced by
   * a fresh one once its files in flight are done. Default 0: no budget.
   */
  memoryBudgetMb?: number;
  /** Reads the process RSS in bytes (tests substitute their own). */
  rss?: () => number;
  /** Files above this many bytes all go to one worker (default LARGE_FILE_BYTES; tests lower it). */
  largeFileBytes?: number;
}

// A worker's WebAssembly memory grows to hold the largest syntax tree it has built and never shrinks: after a
// few megabyte-sized files, two workers held 400 MB between them on a 145 MB corpus. Replacing such a worker
// returns that memory, but a fresh worker compiles its grammars and queries again, so it is opt-in
// (`--max-memory`). Since large files all go to one worker (LARGE_FILE_BYTES), it saves little on the benchmark
// corpus: a 224 MB budget took 10 MB off a 258 MB peak, for 6% more time.
/** Workers that have read nothing larger than this are not worth replacing. */
const RECYCLE_MIN_BYTES = 128 * 1024;
/**
 * Files above this size are all analysed by the first worker. Since a worker's memory grows to its largest tree,
 * only that worker grows; the others stay small. On the benchmark corpus such files are a fifth of the bytes
 * (68 of 20,847 files), so the first worker is not the bottleneck: it simply takes fewer small files.
 */
const LARGE_FILE_BYTES = 256 * 1024;

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

interface Slot {
  worker: Worker;
  inflight: Map<number, WorkerRequest>;
  /** Largest file read since this worker started. */
  largest: number;
  /** Takes no new files; replaced once its files in flight are done. */
  retiring: boolean;
}

class Pool {
  private readonly slots: Slot[] = [];
  private waiters: (() => void)[] = [];
  private nextId = 1;
  private respawns = 0;
  /** Workers replaced to give memory back (see memoryBudgetMb). */
  recycled = 0;
  /** Large files handed from one worker to the large-file worker. */
  passed = 0;
  private closed = false;
  failure: Error | undefined;

  constructor(private readonly opts: ScanPoolOptions, private readonly onResult: (r: FileResult) => void) {
    const init: WorkerInit = {
      root: opts.root,
      customRuleDirs: opts.customRuleDirs,
      analysis: opts.analysis,
      source: opts.source,
      mode: opts.mode,
      frames: opts.frames,
      maxFileSize: opts.maxFileSize,
      hashContent: opts.cache !== undefined,
    };
    this.init = init;
    for (let i = 0; i < Math.max(1, opts.jobs); i++) this.slots.push(this.spawn());
  }

  private readonly init: WorkerInit;

  private spawn(): Slot {
    const worker = new Worker(this.opts.workerScript ?? path.join(__dirname, 'scanWorker.js'), { workerData: this.init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, inflight: new Map(), largest: 0, retiring: false };
    worker.on('message', (m: WorkerReply) => {
      // A cancelled scan reports nothing more, though replies already posted still arrive after terminate().
      if (this.closed) return;
      const req = slot.inflight.get(m.id);
      if (!req) return;
      slot.inflight.delete(m.id);
      if ('passed' in m) this.passToLargeFileWorker(req);
      else {
        if ('bytes' in m && m.bytes !== undefined) slot.largest = Math.max(slot.largest, m.bytes);
        this.onResult('result' in m ? this.withCache(m.result) : { rel: req.rel, findings: [], notes: [], skipped: m.fatal });
      }
      this.checkMemory();
      if (slot.retiring && slot.inflight.size === 0) this.replace(slot);
      this.wake();
    });
    const lost = (why: string): void => {
      if (this.closed || slot.retiring) return;
      // The files in flight are reported as skipped; the scan goes on with a fresh worker.
      for (const req of slot.inflight.values()) this.onResult({ rel: req.rel, findings: [], notes: [], skipped: `worker stopped: ${why}` });
      slot.inflight.clear();
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      if (++this.respawns > MAX_RESPAWNS) {
        this.failure = new Error(`scan workers keep stopping (${why})`);
        this.slots.splice(i, 1);
      } else this.slots[i] = this.spawn();
      this.wake();
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return slot;
  }

  /** Over the memory budget: retire the worker that has read the largest file (one at a time). */
  private checkMemory(): void {
    const budget = this.opts.memoryBudgetMb ?? 0;
    if (budget <= 0 || this.closed || this.slots.some((s) => s.retiring)) return;
    const rss = (this.opts.rss ?? (() => process.memoryUsage.rss()))();
    if (rss <= budget * 1024 * 1024) return;
    let pick: Slot | undefined;
    for (const s of this.slots) if (s.largest >= RECYCLE_MIN_BYTES && (!pick || s.largest > pick.largest)) pick = s;
    if (!pick) return;
    pick.retiring = true;
    if (pick.inflight.size === 0) this.replace(pick);
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.recycled++;
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
  }

  /** Swaps in the cached result for an unchanged file, and remembers fresh results. */
  private withCache(r: FileResult): FileResult {
    const cache = this.opts.cache;
    if (!cache) return r;
    if (r.cached) {
      // A copy: the scan settles taint across files in place (crossFile.ts), and the cache must keep what the file said.
      const known = cache.result(r.rel);
      return known ? { ...known } : { rel: r.rel, findings: [], notes: [], skipped: 'cache entry vanished' };
    }
    if (r.hash && !r.skipped) cache.store(r.rel, r.hash, r);
    const { hash: _h, ...clean } = r;
    return clean;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private free(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (!s.retiring && s.inflight.size < PER_WORKER && (!best || s.inflight.size < best.inflight.size)) best = s;
    return best;
  }

  private inflight(): number {
    return this.slots.reduce((n, s) => n + s.inflight.size, 0);
  }

  /** Resolves with a slot that can take one more file, or undefined once the pool has failed or closed. */
  async slot(): Promise<Slot | undefined> {
    for (;;) {
      if (this.failure || this.closed || this.slots.length === 0) return undefined;
      const s = this.free();
      if (s) return s;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  dispatch(slot: Slot, abs: string, rel: string): void {
    const req: WorkerRequest = { id: this.nextId++, abs, rel };
    const known = this.opts.cache?.hashOf(rel);
    if (known) req.knownHash = known;
    // Every worker but the first hands large files back unread, for the first (see LARGE_FILE_BYTES).
    const largeFiles = this.slots[0];
    if (this.slots.length > 1 && slot !== largeFiles && this.opts.source === 'fs') req.passAbove = this.opts.largeFileBytes ?? LARGE_FILE_BYTES;
    this.send(slot, req);
  }

  private send(slot: Slot, req: WorkerRequest): void {
    slot.inflight.set(req.id, req);
    slot.worker.postMessage(req);
  }

  /**
   * A file handed back as large goes to the first worker, past its share of files in flight (a request is only a
   * path); while that worker is being replaced, to the least busy one, which must then read it.
   */
  private passToLargeFileWorker(req: WorkerRequest): void {
    this.passed++;
    const { passAbove: _p, ...plain } = req;
    const first = this.slots[0];
    const target = first && !first.retiring ? first : this.free() ?? this.slots.find((s) => !s.retiring) ?? this.slots[0];
    if (!target) {
      this.onResult({ rel: req.rel, findings: [], notes: [], skipped: 'scan stopped' });
      return;
    }
    this.send(target, plain);
  }

  async drain(): Promise<void> {
    while (!this.failure && !this.closed && this.inflight() > 0) await new Promise<void>((r) => this.waiters.push(r));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * Runs the entries through the pool. `onResult` is called once per entry (files and walk-level skips) in
 * completion order; callers that print sort by path. Resolves when every file is done or the scan is aborted.
 */
export async function runScan(entries: AsyncIterable<WalkEntry>, opts: ScanPoolOptions, onResult: (r: FileResult) => void): Promise<{ cancelled: boolean; recycled: number; passed: number }> {
  const pool = new Pool(opts, onResult);
  const abort = (): void => void pool.close();
  opts.signal?.addEventListener('abort', abort);
  try {
    for await (const e of entries) {
      if (opts.signal?.aborted) break;
      if (e.kind === 'skipped') {
        onResult({ rel: e.rel, findings: [], notes: [], skipped: e.reason });
        continue;
      }
      const slot = await pool.slot();
      if (!slot) break;
      pool.dispatch(slot, e.abs, e.rel);
    }
    await pool.drain();
    if (pool.failure) throw pool.failure;
    return { cancelled: opts.signal?.aborted ?? false, recycled: pool.recycled, passed: pool.passed };
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    await pool.close();
  }
}
