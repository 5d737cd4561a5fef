import type { Language, Tree } from '../source/parse';
import type { CombinedQuery, PatternOwner } from './combined';
import { passesKeywords } from './keywords';
import type { LineIndex } from '../source/lines';
import type { Capture, MatchContext, OffsetEdit } from '../../checks/shared/types';
import { FILTERS, FIX_HELPERS, PRODUCERS } from '../../checks';
import { normaliseOffsetEdits } from './fixes';
import { maskSecret } from '../finalise/mask';
import { messageFor } from './messages';
import type { Confidence, CrossFileCondition, Fix, Pattern, ProducerPattern, QueryPattern, RegexPattern, Rule, Severity, SourceDocument, ThreatModel } from '../types';
import type { DocumentFacts } from '../incremental/documentFacts';

/** A match that passed its filters, before suppressions, severity overrides and fingerprints. */
export interface RawFinding {
  rule: Rule;
  start: number;
  end: number;
  message: string;
  severity: Severity;
  confidence: Confidence;
  /** Fix edits in UTF-16 offsets, converted to ranges only when the finding is published (offsets shift cheaply). */
  fixes: RawFix[];
  /** Offsets whose line numbers `message` quotes as tokens (see lineOf), resolved when published. */
  anchors?: number[];
  /** Taint steps from the source to the sink (offsets), published as Finding.flow. */
  flow?: { start: number; end: number; message: string }[];
  /**
   * The fingerprint key (fingerprint.ts), set when first published. A finding carried over to the next keystroke
   * keeps it: its statement lies outside the edited function, so its tokens did not change, and reading them
   * again would make every keystroke walk every finding's statement.
   */
  fingerprintKey?: string;
  /** Evidence of outside input behind the flagged value (MatchContext.input), for developerPaths.ts. */
  input?: string;
  /** Set when the finding is not demoted in test code (MatchContext.proven). */
  proven?: string;
  /** The finding rests on callers in other files of the scan (MatchContext.crossFile). */
  crossFile?: CrossFileCondition;
}

export interface RawFix {
  title: string;
  applicability: Fix['applicability'];
  edits: OffsetEdit[];
}

export interface MatchInput {
  doc: SourceDocument;
  text: string;
  /** The text lower-cased once, for keyword prefilters. */
  lower: string;
  /** Rule keywords present in the text (KeywordIndex), computed once per analysis. */
  keywords: Set<string>;
  lines: LineIndex;
  tree?: Tree;
  language?: Language;
  grammarKey?: string;
  /** Whole-document facts the helpers read in this analysis (see documentFacts.ts). */
  facts?: DocumentFacts;
  /** Part of a scan that settles taint across files (AnalysisOptions.crossFile). */
  crossFile?: boolean;
  /** AnalysisOptions.threatModel; absent for the default, `remote`. */
  threatModel?: ThreatModel;
}

function patternPasses(p: Pattern, input: MatchInput): boolean {
  return passesKeywords(p.keywords, input.keywords);
}

/**
 * A helper by the name a rule gives. Own properties only: a rule naming `constructor` or `toString` must get
 * "unknown helper", not a function inherited from Object.prototype.
 */
function registered<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

function oneLine(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function expand(template: string, ctx: MatchContext): string {
  return template.replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (_m, name: string) => {
    if (ctx.vars[name] !== undefined) return ctx.vars[name]!;
    const c = ctx.captures.get(name)?.[0];
    if (!c) return '';
    return ctx.rule.secret ? maskSecret(c.text) : oneLine(c.text);
  });
}

function buildFixes(ctx: MatchContext, textLength: number): RawFix[] {
  const out: RawFix[] = [];
  for (const spec of ctx.pattern.fixes ?? []) {
    let edits;
    if (spec.helper) {
      const helper = registered(FIX_HELPERS, spec.helper);
      if (!helper) throw new Error(`unknown fix helper '${spec.helper}'`);
      edits = helper(ctx, spec.options ?? {});
    } else {
      edits = [];
      for (const e of spec.edits ?? []) {
        const c = ctx.captures.get(e.capture)?.[0];
        if (!c) {
          edits = undefined;
          break;
        }
        edits.push({ start: c.start, end: c.end, text: expand(e.text, ctx) });
      }
    }
    if (!edits || edits.length === 0) continue;
    const sorted = normaliseOffsetEdits(edits, textLength);
    if (!sorted) continue;
    out.push({
      title: expand(spec.title, ctx),
      applicability: spec.applicability,
      edits: sorted,
    });
  }
  return out;
}

export function finish(ctx: MatchContext, input: MatchInput, out: RawFinding[]): void {
  for (const w of ctx.pattern.where ?? []) {
    const fn = registered(FILTERS, w.helper);
    if (!fn) throw new Error(`unknown filter helper '${w.helper}'`);
    const target = ctx.captures.get(w.capture ?? 'finding')?.[0];
    const ok = fn(ctx, target, w.options ?? {});
    if (ok === Boolean(w.negate)) return;
  }
  const f = ctx.captures.get('finding')?.[0] ?? spanOfAll(ctx.captures);
  if (!f) return;
  out.push({
    rule: ctx.rule,
    start: f.start,
    end: f.end,
    message: expand(messageFor(ctx.pattern.message ?? ctx.rule.message, ctx.doc.languageId), ctx),
    severity: ctx.severity,
    confidence: ctx.confidence,
    fixes: buildFixes(ctx, input.text.length),
    ...(ctx.anchors ? { anchors: ctx.anchors } : {}),
    ...(ctx.input ? { input: ctx.input } : {}),
    ...(ctx.proven ? { proven: ctx.proven } : {}),
    ...(ctx.flow ? { flow: ctx.flow } : {}),
    ...(ctx.crossFile ? { crossFile: ctx.crossFile } : {}),
  });
}

function spanOfAll(captures: Map<string, Capture[]>): Capture | undefined {
  let best: Capture | undefined;
  for (const list of captures.values()) {
    for (const c of list) {
      if (!best) best = { ...c };
      else {
        best.start = Math.min(best.start, c.start);
        best.end = Math.max(best.end, c.end);
      }
    }
  }
  return best;
}

export function newContext(rule: Rule, pattern: Pattern, input: MatchInput): MatchContext {
  const ctx: MatchContext = {
    rule,
    pattern,
    doc: input.doc,
    text: input.text,
    lines: input.lines,
    captures: new Map(),
    vars: {},
    severity: rule.severity,
    confidence: pattern.confidence ?? rule.confidence,
  };
  if (input.tree) ctx.tree = input.tree;
  if (input.facts) ctx.facts = input.facts;
  if (input.crossFile) ctx.crossFileScan = true;
  if (input.threatModel === 'local') ctx.threatModel = 'local';
  return ctx;
}

/**
 * Runs the combined query of a language once over the tree and hands each match to the rule pattern that owns it.
 * An exception in one rule's helper is reported through `onError` and does not stop the other rules.
 */
/** Matches examined per rule and document; see runCombinedQuery. */
export const MAX_MATCHES_PER_RULE = 2000;

export function runCombinedQuery(
  combined: CombinedQuery,
  input: MatchInput,
  out: RawFinding[],
  active: Set<Rule>,
  onError: (rule: Rule, error: unknown) => void,
  /** Restrict matching to nodes intersecting these spans (incremental re-analysis), in order; default: all. */
  within?: readonly (readonly [start: number, end: number])[],
  /** Told once per rule that reached MAX_MATCHES_PER_RULE, with the number of matches it had in all. */
  onCapped?: (rule: Rule, matches: number) => void,
): void {
  if (!combined.query || !input.tree) return;
  // The query cursor's range is in bytes of the UTF-16 text (web-tree-sitter converts node offsets, not these).
  const ranges = within ? within.map(([start, end]) => ({ startIndex: start * 2, endIndex: end * 2 })) : [undefined];
  const keywordOk = new Map<PatternOwner, boolean>();
  const failed = new Set<Rule>();
  // A generated or minified file can hold hundreds of thousands of matches; past this many per rule the rest
  // are not examined (helpers may look at the whole file per match, which would make such files quadratic).
  // The caller is told, so the report says that the file was only partly examined.
  const perRule = new Map<Rule, number>();
  for (const m of ranges.flatMap((range) => combined.query!.matches(input.tree!.rootNode, range))) {
    const owner = combined.owners[m.patternIndex];
    if (!owner || !active.has(owner.rule) || failed.has(owner.rule)) continue;
    const pattern = owner.rule.patterns[owner.index] as QueryPattern;
    let ok = keywordOk.get(owner);
    if (ok === undefined) {
      ok = patternPasses(pattern, input);
      keywordOk.set(owner, ok);
    }
    if (!ok) continue;
    const seen = (perRule.get(owner.rule) ?? 0) + 1;
    perRule.set(owner.rule, seen);
    if (seen > MAX_MATCHES_PER_RULE) continue;
    try {
      const ctx = newContext(owner.rule, pattern, input);
      for (const c of m.captures) {
        const cap: Capture = { name: c.name, text: c.node.text, start: c.node.startIndex, end: c.node.endIndex, node: c.node };
        const list = ctx.captures.get(c.name);
        if (list) list.push(cap);
        else ctx.captures.set(c.name, [cap]);
      }
      finish(ctx, input, out);
    } catch (e) {
      failed.add(owner.rule);
      onError(owner.rule, e);
    }
  }
  if (onCapped) for (const [rule, seen] of perRule) if (seen > MAX_MATCHES_PER_RULE) onCapped(rule, seen);
}

const regexCache = new Map<string, RegExp>();

/** Runs a regex pattern over the text, or (`lines`, for a line-local pattern) over the matches starting in [from, to). */
export function runRegexPattern(rule: Rule, index: number, input: MatchInput, out: RawFinding[], lines?: { from: number; to: number }): void {
  const pattern = rule.patterns[index] as RegexPattern;
  if (!patternPasses(pattern, input)) return;
  const key = `${rule.file}#${index}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(pattern.regex, `${(pattern.flags ?? '').replace(/[gd]/g, '')}gd`);
    regexCache.set(key, re);
  }
  re.lastIndex = lines?.from ?? 0;
  const to = lines?.to ?? Infinity;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input.text)) !== null && m.index < to) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const ctx = newContext(rule, pattern, input);
    const whole: Capture = { name: 'match', text: m[0], start: m.index, end: m.index + m[0].length };
    ctx.captures.set('match', [whole]);
    const groups = m.indices?.groups ?? {};
    for (const [name, span] of Object.entries(groups)) {
      if (!span) continue;
      ctx.captures.set(name, [{ name, text: input.text.slice(span[0], span[1]), start: span[0], end: span[1] }]);
    }
    if (!ctx.captures.has('finding')) {
      const g = pattern.group ? ctx.captures.get(pattern.group)?.[0] : undefined;
      ctx.captures.set('finding', [g ?? whole]);
    }
    finish(ctx, input, out);
  }
}

export function runProducerPattern(rule: Rule, index: number, input: MatchInput, out: RawFinding[]): void {
  const pattern = rule.patterns[index] as ProducerPattern;
  if (!patternPasses(pattern, input)) return;
  const producer = registered(PRODUCERS, pattern.producer);
  if (!producer) throw new Error(`unknown producer helper '${pattern.producer}'`);
  // Format parsers (HCL, YAML, Dockerfile) stumble on a leading byte-order mark. A line break in its place keeps
  // every offset (producers report offsets) and, unlike a space, does not indent the first YAML key.
  const doc = input.text.charCodeAt(0) === 0xfeff ? { ...input.doc, text: `\n${input.doc.text.slice(1)}` } : input.doc;
  for (const m of producer(doc, pattern.options ?? {})) {
    const ctx = newContext(rule, pattern, input);
    const slice = (start: number, end: number): string => input.text.slice(start, end);
    ctx.captures.set('finding', [{ name: 'finding', text: slice(m.start, m.end), start: m.start, end: m.end }]);
    for (const [name, span] of Object.entries(m.captures ?? {})) {
      ctx.captures.set(name, [{ name, text: slice(span.start, span.end), start: span.start, end: span.end }]);
    }
    Object.assign(ctx.vars, m.vars ?? {});
    if (m.severity) ctx.severity = m.severity;
    finish(ctx, input, out);
  }
}

export function appliesTo(pattern: Pattern, languageId: string, isCode: boolean): boolean {
  if (pattern.kind === 'query' || pattern.kind === 'semantic') return isCode && (pattern.languages as string[]).includes(languageId);
  const langs = pattern.languages as string[];
  return langs.includes('*') || langs.includes('text') || langs.includes(languageId);
}
