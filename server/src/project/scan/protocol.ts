// Messages between the scan pool (pool.ts) and its worker threads (scanWorker.ts).
import type { AnalysisOptions, CallSummary, Finding, Note, ReturnSummary } from '../../engine';

export interface WorkerInit {
  /** Folder that relative paths (and so fingerprints) are based on. */
  root: string;
  customRuleDirs: string[];
  analysis: AnalysisOptions;
  /** `git-index` reads the staged blob (`git cat-file blob :./path`) instead of the working copy. */
  source: 'fs' | 'git-index';
  /** `suppressions` only lists suppression comments; `analyze` runs the rules. */
  mode: 'analyze' | 'suppressions';
  /** Attach masked code frames to findings (text output). */
  frames: boolean;
  /** Bytes; larger files are skipped before they are read. */
  maxFileSize: number;
  /** Hash file contents and skip analysis when a request's `knownHash` matches (content-hash cache). */
  hashContent?: boolean;
}

export interface WorkerRequest {
  id: number;
  rel: string;
  abs: string;
  /** Content hash of the cached result for this file, if any. */
  knownHash?: string;
  /** Files larger than this many bytes are handed back unread (`passed`) for the pool's large-file worker. */
  passAbove?: number;
}

/** A few lines around a finding, already masked where a secret rule flagged text, and cut to a window on long lines. */
export interface CodeFrame {
  /** 0-based line number of lines[0]. */
  firstLine: number;
  lines: string[];
  /** Column (in the original line) where the shown window starts; 0 unless the line was long. */
  offset: number;
  /** Underline on the first flagged line, in the shown (masked, windowed) text. */
  caret: { line: number; start: number; end: number };
}

export interface SuppressionRecord {
  /** 0-based line of the comment. */
  line: number;
  ruleIds: string[];
  until?: string;
  reason?: string;
  problem?: string;
}

export interface FileResult {
  rel: string;
  findings: Finding[];
  notes: Note[];
  /** Why the file was not analysed (too large, unreadable, ...); counted and listed as skipped. */
  skipped?: string;
  /** Binary content (with `skipped` set): the CLI lists it, the editor's workspace scan passes over it. */
  binary?: boolean;
  /** In-source suppressions that silenced a finding, counted whether or not the findings are reported. */
  suppressed?: number;
  /** Parallel to `findings` when frames were asked for. */
  frames?: CodeFrame[];
  suppressions?: SuppressionRecord[];
  /** Lines of text analysed (for densities: findings per 1,000 lines). */
  lines?: number;
  /** Content hash of what was analysed (when the cache is on). */
  hash?: string;
  /** The content matched `knownHash`: the caller's cached result stands. */
  cached?: boolean;
  /** With AnalysisOptions.crossFile: the file's calls into other files, for crossFile.ts. */
  calls?: CallSummary[];
  /** With AnalysisOptions.crossFile: the file's functions that return input or another file's result. */
  returns?: ReturnSummary[];
}

/** `bytes`: the size of the file the worker read (the pool recycles workers that grew on large files). */
export type WorkerReply = { id: number; result: FileResult; bytes?: number } | { id: number; fatal: string } | { id: number; passed: true };
