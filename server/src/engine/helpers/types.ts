import type { Node, Tree } from '../parse';
import type { LineIndex } from '../lines';
import type { Confidence, Pattern, Rule, Severity, SourceDocument } from '../types';

/** One captured span: a tree-sitter node for query patterns, a regex group for regex patterns. */
export interface Capture {
  name: string;
  text: string;
  /** UTF-16 offsets into the document text. */
  start: number;
  end: number;
  node?: Node;
}

/** What a helper sees of one match. Helpers may set `vars` (message and fix templates), `severity`, `confidence`. */
export interface MatchContext {
  rule: Rule;
  pattern: Pattern;
  doc: SourceDocument;
  text: string;
  lines: LineIndex;
  tree?: Tree;
  captures: Map<string, Capture[]>;
  vars: Record<string, string>;
  severity: Severity;
  confidence: Confidence;
}

export function capture(ctx: MatchContext, name: string): Capture | undefined {
  return ctx.captures.get(name)?.[0];
}

/** A replacement of the text between two UTF-16 offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export type Options = Record<string, unknown>;

/** Keeps (true) or drops (false) a match. `target` is the capture named in the rule (default `finding`). */
export type FilterHelper = (ctx: MatchContext, target: Capture | undefined, options: Options) => boolean;

/** Computes a fix's edits, or undefined when this match has no mechanical fix. */
export type FixHelper = (ctx: MatchContext, options: Options) => OffsetEdit[] | undefined;

/** One span a producer found, with named sub-spans (captures) and template variables. */
export interface ProducedMatch {
  start: number;
  end: number;
  captures?: Record<string, { start: number; end: number }>;
  vars?: Record<string, string>;
}

/** Finds spans itself, for formats that have no grammar here (YAML, HCL, Dockerfile) or for missing keys. */
export type ProducerHelper = (doc: { path: string; languageId: string; text: string }, options: Options) => ProducedMatch[];

export interface HelperModule {
  filters?: Record<string, FilterHelper>;
  fixes?: Record<string, FixHelper>;
  producers?: Record<string, ProducerHelper>;
}

export function optString(options: Options, key: string): string | undefined {
  const v = options[key];
  return typeof v === 'string' ? v : undefined;
}

export function optStrings(options: Options, key: string): string[] {
  const v = options[key];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}
