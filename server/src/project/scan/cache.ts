import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { FileResult, WorkerInit } from './protocol';

// A content-hash cache for scans: a file whose bytes hash the same as last time, under the same rules and
// options, is not analysed again. The editor keeps one in memory across rescans; the CLI keeps one in a file
// when asked (--cache FILE). The key covers the rule files' text, so editing a rule invalidates everything.

// 2: results carry their line count (densities in the report); a format-1 cache would count its files as empty.
// 3: calls and returns carry the literals handed to other files (hardcoded secrets across files); a format-2 cache
// would leave the key and password sinks that wait on them unreported.
const FORMAT = 3;

interface Entry {
  hash: string;
  result: FileResult;
}

/** A result with nothing in it, as most files have: stored as its hash alone. */
function isEmpty(r: FileResult): boolean {
  return r.findings.length === 0 && r.notes.length === 0 && Object.keys(r).length === 3;
}

export class ScanCache {
  /**
   * Content hash per file, and the result only for files that had something to report: an editor keeps this for
   * every file of the workspace, and a full entry for each of 100,000 clean files held 34 MB of heap where this holds 19.
   */
  private hashes = new Map<string, string>();
  private results = new Map<string, FileResult>();
  private dirty = false;

  constructor(readonly key: string) {}

  /** The cache key of a scan: Vigil's version, every rule file's bytes and the worker options that shape results. */
  static keyFor(init: WorkerInit, ruleDirs: string[], version: string): string {
    const h = createHash('sha256').update(`${FORMAT}\0${version}\0`);
    h.update(JSON.stringify({ analysis: init.analysis, mode: init.mode, frames: init.frames, max: init.maxFileSize, source: init.source }));
    for (const dir of ruleDirs) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
      } catch {
        // A missing folder contributes nothing; the scan itself reports it.
      }
      for (const n of names) h.update(`\0${n}\0`).update(fs.readFileSync(path.join(dir, n)));
    }
    return h.digest('hex');
  }

  /** Loads a cache file; a missing, unreadable or foreign-key file gives an empty cache (never an error). */
  static load(file: string, key: string): ScanCache {
    const cache = new ScanCache(key);
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: number; key?: string; files?: Record<string, Entry> };
      if (data.format === FORMAT && data.key === key && data.files && typeof data.files === 'object') {
        for (const [rel, e] of Object.entries(data.files)) if (e && typeof e.hash === 'string' && e.result) cache.put(rel, e.hash, e.result);
      }
    } catch {
      // First run, or a damaged file: start empty and overwrite it on save.
    }
    return cache;
  }

  hashOf(rel: string): string | undefined {
    return this.hashes.get(rel);
  }

  result(rel: string): FileResult | undefined {
    if (!this.hashes.has(rel)) return undefined;
    return this.results.get(rel) ?? { rel, findings: [], notes: [] };
  }

  store(rel: string, hash: string, result: FileResult): void {
    const { hash: _h, cached: _c, ...clean } = result;
    this.put(rel, hash, clean);
    this.dirty = true;
  }

  private put(rel: string, hash: string, result: FileResult): void {
    this.hashes.set(rel, hash);
    if (isEmpty(result)) this.results.delete(rel);
    else this.results.set(rel, result);
  }

  get size(): number {
    return this.hashes.size;
  }

  save(file: string): void {
    if (!this.dirty) return;
    const files: Record<string, Entry> = {};
    for (const rel of [...this.hashes.keys()].sort()) files[rel] = { hash: this.hashes.get(rel)!, result: this.result(rel)! };
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, key: this.key, files }));
    fs.renameSync(tmp, file);
    this.dirty = false;
  }
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
