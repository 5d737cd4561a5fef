import type { Engine } from '../analyze';
import { IncrementalState } from './incremental';
import type { AnalysisOptions, AnalysisResult, SourceDocument } from '../types';

/**
 * One open document in the editor. Each `analyze` call re-uses the previous tree and findings, so the cost of a
 * keystroke grows with the size of the changed function, not of the file. `dispose` frees the tree (WASM memory).
 */
export class DocumentSession {
  private readonly state = new IncrementalState();
  /** Runs are serialised: two overlapping runs would edit the same tree. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly engine: Engine) {}

  analyze(doc: SourceDocument, opts: AnalysisOptions = {}): Promise<AnalysisResult> {
    const run = this.queue.then(() => this.engine.analyzeIncremental(doc, opts, this.state));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `full`, `same` or `partial <start>-<end>`: how the last analysis ran. */
  get lastPlan(): string | undefined {
    return this.state.lastPlan;
  }

  /** How the semantic patterns ran in the last analysis: `full`, `same`, `partial` or `module` (semanticReuse.ts). */
  get semanticPlan(): string | undefined {
    return this.state.semanticPlan === 'full' && this.state.semanticFallback ? `full (${this.state.semanticFallback})` : this.state.semanticPlan;
  }

  /** How many regex patterns re-ran on the changed lines only in the last analysis (see regexIncremental.ts). */
  get regexLinesOnly(): number {
    return this.state.regexLinesOnly;
  }

  dispose(): void {
    this.queue = this.queue.then(() => this.state.reset());
  }
}
