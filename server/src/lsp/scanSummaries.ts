// What a completed workspace scan knows about the calls between files (FileResult.calls / .returns), kept so an
// open document's live analysis can settle its own cross-file findings the way the scan did (analyze.ts): a
// finding the scan raised through a caller in another file stays raised when the file is opened, and one it
// dropped (every caller passes constants) stays dropped. Only the summaries are kept, never findings; they are
// small (a few entries per call into another file). A new completed scan replaces them; a cancelled scan or a
// change of settings, configs or folders drops them, since they may no longer describe what the rules see.
import * as path from 'path';
import type { FileResult } from '../project';

/** The files of one scan pool (one workspace folder and config): cross-file taint is settled within a pool. */
export interface SummaryPool {
  /** The pool's root: the workspace folder, to which every `rel` is relative. */
  folder: string;
  /** Every file the pool analysed, with or without summaries (to find the pool of an open document). */
  rels: Set<string>;
  /** The files that have calls or returns, their findings left out. */
  results: FileResult[];
}

/** Collects one scan's pools as the results arrive; `pools` is handed to ScanSummaries when the scan completes. */
export class SummaryCollector {
  readonly pools: SummaryPool[] = [];

  pool(folder: string): SummaryPool {
    const p: SummaryPool = { folder, rels: new Set(), results: [] };
    this.pools.push(p);
    return p;
  }

  /** Call before the result's summaries are taken out (CrossFileBuffer.take, settleCrossFile). */
  static add(p: SummaryPool, r: FileResult): void {
    if (r.skipped || r.binary) return;
    p.rels.add(r.rel);
    if (!r.calls && !r.returns) return;
    p.results.push({ rel: r.rel, findings: [], notes: [], ...(r.calls ? { calls: r.calls } : {}), ...(r.returns ? { returns: r.returns } : {}) });
  }
}

export class ScanSummaries {
  private pools: SummaryPool[] = [];

  /** `changed`: told when summaries appear or vanish, so open documents are analysed again. */
  constructor(private readonly changed: () => void = () => undefined) {}

  get size(): number {
    return this.pools.reduce((n, p) => n + p.results.length, 0);
  }

  set(pools: SummaryPool[]): void {
    this.pools = pools;
    this.changed();
  }

  /** Drops the summaries; `quiet` when the caller re-analyses the open documents anyway. */
  clear(quiet = false): void {
    const had = this.pools.length > 0;
    this.pools = [];
    if (had && !quiet) this.changed();
  }

  /**
   * The stored results of the other files of `file`'s pool (fresh copies: settleCrossFile deletes their summaries),
   * or undefined when no completed scan covers the file. The file's own entry is left out: it describes the text
   * on disk at scan time, not the buffer.
   */
  othersOf(file: string, rel: string): FileResult[] | undefined {
    let pool: SummaryPool | undefined;
    for (const p of this.pools) {
      const inside = path.relative(p.folder, file);
      if (inside.startsWith('..') || path.isAbsolute(inside)) continue;
      if (p.rels.has(rel)) {
        pool = p;
        break;
      }
      // A file the scan did not meet (created since) settles against its folder's first pool, the folder's own config.
      pool ??= p;
    }
    if (!pool || pool.results.length === 0) return undefined;
    const out: FileResult[] = [];
    for (const r of pool.results) if (r.rel !== rel) out.push({ ...r });
    return out;
  }
}
