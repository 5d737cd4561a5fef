// When documents are analysed. Edits are debounced per document, runs go through one queue that yields
// to the event loop between documents (so requests are answered between runs), results are cached per
// `version:settingsEpoch`, concurrent asks for the same version share one run, and a run whose document
// changed meanwhile is dropped.
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type AnalyzeDeps, type DocResult } from './analyze';

export const DEFAULT_DEBOUNCE_MS = 150;

export interface SchedulerOptions extends AnalyzeDeps {
  documents: TextDocuments<TextDocument>;
  debounceMs: number;
  /** Push mode publishes each fresh result; pull mode leaves publishing to the client's requests. */
  push: boolean;
  publish(result: DocResult): void;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Scheduler {
  private epoch = 0;
  private readonly cache = new Map<string, DocResult>();
  private readonly inflight = new Map<string, { key: string; promise: Promise<DocResult | undefined> }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  private readonly published = new Map<string, string>();
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: SchedulerOptions) {}

  /** Ask for a run: `delay` 0 for open/save/settings, the debounce for typing. A newer ask replaces an older one. */
  schedule(uri: string, delay: number = this.opts.debounceMs): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const enqueue = (): void => {
      this.timers.delete(uri);
      this.queue.add(uri);
      void this.drain();
    };
    if (delay <= 0) enqueue();
    else this.timers.set(uri, setTimeout(enqueue, delay));
  }

  /** Settings or rules changed: every cached result is void. */
  invalidateAll(): void {
    this.epoch++;
    this.cache.clear();
  }

  forget(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.queue.delete(uri);
    this.cache.delete(uri);
    this.inflight.delete(uri);
    this.published.delete(uri);
  }

  /** The latest result for the document, whatever version it was computed for. */
  latest(uri: string): DocResult | undefined {
    return this.cache.get(uri);
  }

  /** The result for the document's current version and settings: cached, joined in flight, or run now. */
  resultFor(uri: string): Promise<DocResult | undefined> {
    const doc = this.opts.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const key = `${doc.version}:${this.epoch}`;
    const cached = this.cache.get(uri);
    if (cached?.key === key) return Promise.resolve(cached);
    const running = this.inflight.get(uri);
    if (running?.key === key) return running.promise;
    const promise = this.run(doc, key);
    this.inflight.set(uri, { key, promise });
    return promise;
  }

  /** Resolves when no run is queued or running (tests and shutdown). */
  idle(): Promise<void> {
    if (!this.draining && this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
  }

  private async run(doc: TextDocument, key: string): Promise<DocResult | undefined> {
    const uri = doc.uri;
    const epoch = this.epoch;
    try {
      // Let pending protocol messages (a newer edit, a cancellation) in before the CPU-bound part.
      await yieldToEventLoop();
      const isCurrent = (u: string, v: number): boolean => this.opts.documents.get(u)?.version === v && this.epoch === epoch;
      if (!isCurrent(uri, doc.version)) return undefined;
      const result = await analyzeDocument(this.opts, doc, epoch, isCurrent);
      if (result && isCurrent(uri, result.version)) {
        this.cache.set(uri, result);
        return result;
      }
      return undefined;
    } finally {
      if (this.inflight.get(uri)?.key === key) this.inflight.delete(uri);
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.size > 0) {
        const uri = this.queue.values().next().value as string;
        this.queue.delete(uri);
        try {
          const result = await this.resultFor(uri);
          // A result computed for fix-all or a pull may not have been published yet; one already sent is not resent.
          if (result && this.opts.push && this.published.get(uri) !== result.key) {
            this.published.set(uri, result.key);
            this.opts.publish(result);
          }
        } catch (e) {
          this.opts.log(`analysis of ${uri} failed: ${(e as Error).stack ?? String(e)}`);
        }
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
