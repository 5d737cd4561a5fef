import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { FileResult, WorkerInit } from './scanProtocol';

// A content-hash cache for scans: a file whose bytes hash the same as last time, under the same rules and
// options, is not analysed again. The editor keeps one in memory across rescans; the CLI keeps one in a file
// when asked (--cache FILE). The key covers the rule files' text, so editing a rule invalidates everything.

const FORMAT = 1;

interface Entry {
  hash: string;
  result: FileResult;
}

export class ScanCache {
  private entries = new Map<string, Entry>();
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
        for (const [rel, e] of Object.entries(data.files)) if (e && typeof e.hash === 'string' && e.result) cache.entries.set(rel, e);
      }
    } catch {
      // First run, or a damaged file: start empty and overwrite it on save.
    }
    return cache;
  }

  hashOf(rel: string): string | undefined {
    return this.entries.get(rel)?.hash;
  }

  result(rel: string): FileResult | undefined {
    return this.entries.get(rel)?.result;
  }

  store(rel: string, hash: string, result: FileResult): void {
    const { hash: _h, cached: _c, ...clean } = result;
    this.entries.set(rel, { hash, result: clean });
    this.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }

  save(file: string): void {
    if (!this.dirty) return;
    const files: Record<string, Entry> = {};
    for (const [rel, e] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : 1))) files[rel] = e;
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, key: this.key, files }));
    fs.renameSync(tmp, file);
    this.dirty = false;
  }
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
