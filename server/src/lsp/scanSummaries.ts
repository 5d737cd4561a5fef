// What a completed workspace scan knows about the calls between files (FileResult.calls / .returns), kept so an
// open document's live analysis can settle its own cross-file findings the way the scan did (analyze.ts): a
// finding the scan raised through a caller in another file stays raised when the file is opened, and one it
// dropped (every caller passes constants) stays dropped. Only the summaries are kept, never findings; they are
// small (a few entries per call into another file). A new completed scan replaces them; a cancelled scan or a
// change of settings, configs or folders drops them, since they may no longer describe what the rules see.
import * as path from 'path';
import { crossFileSettler, type FileResult } from '../project';

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

  /** Call before the result's summaries are taken out (CrossFileBuffer.take, settleCrossFile deletes them). */
  static add(p: SummaryPool, r: FileResult): void {
    if (r.skipped || r.binary) return;
    p.rels.add(r.rel);
    if (!r.calls && !r.returns) return;
    p.results.push({ rel: r.rel, findings: [], notes: [], ...(r.calls ? { calls: r.calls } : {}), ...(r.returns ? { returns: r.returns } : {}) });
  }
}

/** Settles one document's findings in place (crossFile.ts crossFileSettler). */
export type Settler = (r: FileResult) => void;

/** Open documents whose settlers are kept; each holds the walks over its pool's calls, so only a few are. */
const KEPT_SETTLERS = 4;

export class ScanSummaries {
  private pools: SummaryPool[] = [];
  /** By pool and document, most recently used last: typing in one document reuses its walks. */
  private readonly settlers = new Map<string, Settler>();

  /** `changed`: told when summaries appear or vanish, so open documents are analysed again. */
  constructor(private readonly changed: () => void = () => undefined) {}

  set(pools: SummaryPool[]): void {
    this.pools = pools;
    this.settlers.clear();
    this.changed();
  }

  /** Drops the summaries; `quiet` when the caller re-analyses the open documents anyway. */
  clear(quiet = false): void {
    const had = this.pools.length > 0;
    this.pools = [];
    this.settlers.clear();
    if (had && !quiet) this.changed();
  }

  /**
   * Settles `file`'s findings against the other files of its pool, or undefined when no completed scan covers
   * the file. The file's own entry is left out: it describes the text on disk at scan time, not the buffer, and
   * the document's own calls settle other files, not this one. The walks over the calls are done on the first
   * analysis of the document and reused while it is typed in (linear in the stored calls, once).
   */
  settlerFor(file: string, rel: string): Settler | undefined {
    let index = -1;
    for (let i = 0; i < this.pools.length; i++) {
      const inside = path.relative(this.pools[i]!.folder, file);
      if (inside.startsWith('..') || path.isAbsolute(inside)) continue;
      if (this.pools[i]!.rels.has(rel)) {
        index = i;
        break;
      }
      // A file the scan did not meet (created since) settles against its folder's first pool, the folder's own config.
      if (index < 0) index = i;
    }
    const pool = this.pools[index];
    if (!pool || pool.results.length === 0) return undefined;
    const key = `${index}\0${rel}`;
    let settle = this.settlers.get(key);
    if (settle) this.settlers.delete(key);
    else settle = crossFileSettler(pool.results.filter((r) => r.rel !== rel));
    this.settlers.set(key, settle);
    if (this.settlers.size > KEPT_SETTLERS) this.settlers.delete(this.settlers.keys().next().value!);
    return settle;
  }
}
