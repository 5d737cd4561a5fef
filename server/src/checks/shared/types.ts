import type { Node, Tree } from '../../engine/source/parse';
import type { LineIndex } from '../../engine/source/lines';
import type { Confidence, CrossFileCondition, Pattern, Rule, Severity, SourceDocument, ThreatModel } from '../../engine/types';
import type { DocumentFacts } from '../../engine/incremental/documentFacts';

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
  /** Whole-document facts of this analysis (see documentFacts.ts); absent when a helper is called directly. */
  facts?: DocumentFacts;
  /** Offsets whose line numbers the message quotes (see lineOf). */
  anchors?: number[];
  /**
   * Evidence that the flagged value comes from outside the program: the text of the input it was traced to
   * (`request.args`, `$_GET`), set by injection helpers. Merely non-constant is not evidence; findings in
   * developer-controlled files (finalise/developerPaths.ts) are kept only with it.
   */
  input?: string;
  /**
   * Why the finding holds wherever it sits (a token whose provider checksum verifies was issued, so it is live):
   * set by a helper, it keeps the finding from being demoted in test code (finalise/demote.ts).
   */
  proven?: string;
  /** The steps from a taint source to this sink (set by the taint helper), in UTF-16 offsets. */
  flow?: { start: number; end: number; message: string }[];
  /** The analysis is part of a scan that settles taint across files (AnalysisOptions.crossFile). */
  crossFileScan?: boolean;
  /** Set by the taint helpers in such a scan: the finding rests on callers in other files (taintScope.ts). */
  crossFile?: CrossFileCondition;
  /**
   * AnalysisOptions.threatModel, set only when it is `local`: the operator's sources (environment, properties,
   * command line) are input for every rule, `sources: outside` included (see outsideOnlyFor below).
   */
  threatModel?: ThreatModel;
}

/**
 * Whether only sources of origin `outside` count for this match, given what the rule or helper asks for (`sources:
 * outside`; the deserialisation helpers' "the program's own data"). Under the `local` threat model
 * (AnalysisOptions.threatModel) the operator's sources (environment, system properties, properties files, the
 * command line) are input for every rule, so nothing is left out. The cross-file settle follows on its own: it
 * reads CrossFileCondition.outsideOnly, which the taint helpers set from this.
 */
export function outsideOnlyFor(ctx: Pick<MatchContext, 'threatModel'>, asked: boolean): boolean {
  return asked && ctx.threatModel !== 'local';
}

/**
 * The line number of `offset`, for a message ("built on line 12"). It stands in the message as a token resolved
 * when findings are published: a finding carried over an edit that added lines above `offset` must not keep the
 * old number.
 */
export function lineOf(ctx: MatchContext, offset: number): string {
  const anchors = (ctx.anchors ??= []);
  anchors.push(offset);
  return `\u0000${anchors.length - 1}\u0000`;
}

/**
 * A fact of the whole document text, not of the matched code: computed once per analysis and recorded, so an
 * incremental analysis can tell whether it still holds after an edit elsewhere. Helpers read the document beyond
 * the match only through this (or documentTest).
 */
export function documentFact(ctx: MatchContext, key: string, compute: (text: string) => string): string {
  return ctx.facts ? ctx.facts.get(key, ctx.text, compute) : compute(ctx.text);
}

/**
 * Whether `re` matches anywhere in the document, as a recorded fact (see documentFact). `literal`, a word every
 * match contains, is looked for first: a search for a plain word skips through the text, while a pattern that
 * starts at each line (`^\s*import`) is tried at every line of it, on every keystroke that re-checks the fact.
 */
export function documentTest(ctx: MatchContext, re: RegExp, literal?: string): boolean {
  // `g` and `y` would make test() stateful; they do not change whether the text matches.
  const flags = re.flags.replace(/[gy]/g, '');
  const word = literal === undefined ? undefined : new RegExp(escapeRegExp(literal));
  return documentFact(ctx, `re/${flags}/${re.source}`, (t) => ((!word || word.test(t)) && new RegExp(re.source, flags).test(t) ? '1' : '0')) === '1';
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
  /** A lower severity for this match than the rule's (what the file shows makes it less likely to matter). */
  severity?: Severity;
}

/** Finds spans itself, for formats that have no grammar here (YAML, HCL, Dockerfile) or for missing keys. */
export type ProducerHelper = (doc: { path: string; languageId: string; text: string }, options: Options) => ProducedMatch[];

/** A JSON Schema for one option's value. */
export type OptionSchema = Readonly<Record<string, unknown>>;

/**
 * The options a helper accepts, by name. The rule loader checks every `options:` a rule file passes against its
 * helper's declaration (an unknown name or a value of the wrong type is a load error with the line), so a
 * helper reads only options of the declared types.
 */
export type HelperOptions = Readonly<Record<string, OptionSchema>>;

/** The option schemas declarations are written with. */
export const opt = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  number: { type: 'number' },
  /** One string or a list of them (optStrings reads both). */
  strings: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  /** A list of strings only (helpers that test Array.isArray). */
  stringList: { type: 'array', items: { type: 'string' } },
  numberList: { type: 'array', items: { type: 'number' } },
  oneOf: (values: readonly string[]): OptionSchema => ({ enum: [...values] }),
} as const;

export interface HelperModule {
  filters?: Record<string, FilterHelper>;
  fixes?: Record<string, FixHelper>;
  producers?: Record<string, ProducerHelper>;
  /** The options of every helper above, by helper name (a helper without options declares `{}`). */
  options?: Record<string, HelperOptions>;
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
