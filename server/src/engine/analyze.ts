import picomatch from 'picomatch';
import type { Tree } from './source/parse';
import { grammarKey, loadGrammar, parse } from './source/parse';
import { LineIndex } from './source/lines';
import { isCodeLanguage } from './source/languages';
import { loadRules } from './rules/load';
import { builtinRulesDir } from './source/paths';
import { refuseUnsafeRegexes } from './rules/redos';
import { appliesTo, MAX_MATCHES_PER_RULE, runCombinedQuery, runProducerPattern, runRegexPattern, type MatchInput, type RawFinding } from './match/match';
import { buildCombinedQuery, type CombinedQuery } from './match/combined';
import { KeywordIndex, passesKeywords } from './match/keywords';
import { carryModule, carryOver, functionsAfter, IncrementalState, narrowToFunction, narrowToModule, outermostFunctions, planRequery, type RequeryPlan } from './incremental/incremental';
import { DocumentFacts, recordFactsFor } from './incremental/documentFacts';
import { blankLongCommentRuns } from './source/pythonComments';
import { blankUnfinishedSyntax } from './source/pythonUnfinished';
import { carryLineFindings, changedLines, isLineLocalPattern } from './incremental/regexIncremental';
import { looksMinified } from './source/minified';
import { unreadableTemplate } from '../checks/shared/iac/k8s';
import type { Language } from './source/parse';
import { parseSuppressions, todayIso, type Suppression } from './finalise/suppress';
import { fingerprintOf, textKey, tokenKey } from './finalise/fingerprint';
import type { AnalysisOptions, AnalysisResult, Confidence, Finding, Note, Rule, RuleLoadError, SourceDocument } from './types';

export interface EngineOptions {
  /** Rule folders; default: the built-in rules/. */
  ruleDirs?: string[];
  /** Extra folders of custom rules (from .vigil.yaml, trusted workspaces only). */
  customRuleDirs?: string[];
  /** Called with one line per problem worth logging (rule errors). Never receives secret values. */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** Characters above which tree-sitter rules are not run (see analyzeIncremental). */
export const QUERY_SIZE_LIMIT = 4 * 1024 * 1024;

const findingKey = (f: RawFinding): string => `${f.rule.id}:${f.start}:${f.end}`;

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** How many times `key` was seen before, counting this one. */
function countOccurrence(seen: Map<string, number>, key: string): number {
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n;
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8000);
  return head.includes('\u0000');
}

export class Engine {
  readonly rules: Rule[];
  readonly loadErrors: RuleLoadError[];
  private readonly byId: Map<string, Rule>;
  private readonly log: (message: string) => void;
  private readonly pathMatchers = new Map<string, (p: string) => boolean>();
  /** The path whose glob verdicts `verdicts` holds (see pathAllowed). */
  private verdictsFor: string | undefined;
  private readonly verdicts = new Map<string, boolean>();
  /**
   * Combined queries by language id and the set of patterns whose keywords a document contains: a file
   * without `md5` or `execute` compiles and matches a much smaller query. Least recently used entries are freed.
   */
  private readonly combined = new Map<string, CombinedQuery>();
  private readonly keywordIndex: KeywordIndex;
  /** All query patterns of a language in one query, for one-off analyses; see combinedQuery. */
  private readonly sharedQueries = new Map<string, CombinedQuery>();

  constructor(rules: Rule[], loadErrors: RuleLoadError[], log?: (message: string) => void) {
    this.rules = rules;
    this.loadErrors = loadErrors;
    this.byId = new Map(rules.map((r) => [r.id, r]));
    this.log = log ?? (() => undefined);
    this.keywordIndex = new KeywordIndex(rules);
  }

  static create(opts: EngineOptions = {}): Engine {
    const builtin = loadRules(opts.ruleDirs ?? [builtinRulesDir()]);
    const loaded = opts.customRuleDirs?.length ? loadRules(opts.customRuleDirs, { custom: true }) : { rules: [], errors: [] };
    // Workspace rules must be proven linear-time before they run on anyone's keystrokes (see redos.ts).
    const screened = refuseUnsafeRegexes(loaded.rules);
    const custom = { rules: screened.rules, errors: [...loaded.errors, ...screened.errors] };
    const ids = new Set(builtin.rules.map((r) => r.id));
    const errors = [...builtin.errors, ...custom.errors];
    const rules = [...builtin.rules];
    for (const r of custom.rules) {
      if (ids.has(r.id)) errors.push({ file: r.file, line: 1, message: `custom rule id '${r.id}' clashes with a built-in rule` });
      else rules.push(r);
    }
    return new Engine(rules, errors, opts.log);
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  /** Loads the grammar ahead of the first analysis (optional; analyze loads it lazily). */
  async prepare(languageId: string): Promise<void> {
    if (isCodeLanguage(languageId)) await loadGrammar(languageId);
  }

  private pathAllowed(globs: string[] | undefined, p: string): boolean {
    if (!globs || globs.length === 0) return true;
    const key = globs.join('\n');
    // Rules share a few glob lists; a file's verdict on each is worked out once (25 glob matches per file
    // took 3% of a scan).
    if (this.verdictsFor !== p) {
      this.verdictsFor = p;
      this.verdicts.clear();
    }
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    let m = this.pathMatchers.get(key);
    if (!m) {
      m = picomatch(globs, { dot: true, basename: true });
      this.pathMatchers.set(key, m);
    }
    const verdict = m(p.replace(/\\/g, '/'));
    this.verdicts.set(key, verdict);
    return verdict;
  }

  /** Which query patterns of this language the document's keywords allow, as a cache signature. */
  private querySignature(languageId: string, present: Set<string>): string {
    const parts: string[] = [];
    this.rules.forEach((r, ri) =>
      r.patterns.forEach((p, pi) => {
        if (p.kind === 'query' && (p.languages as string[]).includes(languageId) && passesKeywords(p.keywords, present)) parts.push(`${ri}.${pi}`);
      }),
    );
    return parts.join(',');
  }

  /**
   * The query for a document. An editor session (`perSignature`) gets a query of just the patterns its keywords
   * allow, compiled once and reused on every keystroke. A one-off analysis (CLI, workspace scan) gets the query of
   * all the language's patterns, compiled once per process: files differ in their keywords, and compiling a query
   * per keyword combination cost more than it saved (a 3 KB Ruby file took 770 ms). Matches of patterns whose
   * keywords are absent are dropped before any helper runs, so both give the same findings.
   */
  private combinedQuery(languageId: string, signature: string, language: Language, grammarName: string, perSignature: boolean): CombinedQuery {
    const name = grammarName.replace(/^tree-sitter-|\.wasm$/g, '');
    if (!perSignature) {
      let shared = this.sharedQueries.get(languageId);
      if (!shared) {
        shared = buildCombinedQuery(this.rules, languageId, language, name);
        this.sharedQueries.set(languageId, shared);
      }
      return shared;
    }
    const key = `${languageId}|${signature}`;
    let c = this.combined.get(key);
    if (c) {
      this.combined.delete(key);
      this.combined.set(key, c);
      return c;
    }
    const allowed = new Set(signature.split(','));
    c = buildCombinedQuery(this.rules, languageId, language, name, (rule, index) => allowed.has(`${this.rules.indexOf(rule)}.${index}`));
    this.combined.set(key, c);
    if (this.combined.size > 48) {
      const [oldKey, old] = this.combined.entries().next().value as [string, CombinedQuery];
      this.combined.delete(oldKey);
      old.query?.delete();
    }
    return c;
  }

  private activeRules(opts: AnalysisOptions): Rule[] {
    const disabled = new Set(opts.disabledRules ?? []);
    return this.rules.filter((r) => !disabled.has(r.id));
  }

  async analyze(doc: SourceDocument, opts: AnalysisOptions = {}): Promise<AnalysisResult> {
    return this.analyzeIncremental(doc, opts);
  }

  /**
   * The analysis behind `analyze` and `DocumentSession`. With `state` (the previous run of the same document),
   * the tree is re-parsed incrementally and the queries re-run only over the function that changed, when the
   * change lies inside one; query findings elsewhere are carried over with shifted offsets. The state is
   * updated in place; without it, the tree is freed at the end.
   */
  async analyzeIncremental(doc: SourceDocument, opts: AnalysisOptions = {}, state?: IncrementalState): Promise<AnalysisResult> {
    const t0 = performance.now();
    const done = (r: Omit<AnalysisResult, 'elapsedMs'>): AnalysisResult => ({ ...r, elapsedMs: performance.now() - t0 });
    const text = doc.text;
    const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const skip = text.length > max ? `larger than the size limit (${text.length} > ${max} characters)` : looksBinary(text) ? 'binary content' : undefined;
    if (skip) {
      state?.reset();
      return done({ findings: [], notes: [], skipped: skip });
    }

    const lines = new LineIndex(text);
    const lower = text.toLowerCase();
    const facts = new DocumentFacts();
    const input: MatchInput = { doc, text, lower, lines, keywords: this.keywordIndex.find(lower), facts };
    const notes: Note[] = [];
    const isCode = isCodeLanguage(doc.languageId);
    const rules = this.activeRules(opts);
    const signature = isCode ? this.querySignature(doc.languageId, input.keywords) : '';
    // A new keyword can enable a pattern anywhere in the file, so a changed signature means a full run.
    const optsKey = JSON.stringify([doc.languageId, doc.path, opts.disabledRules ?? [], signature]);
    if (state && state.key !== optsKey) state.reset();
    let tree: Tree | null = null;
    let parseText = text;
    let plan: RequeryPlan = { kind: 'full' };
    // No parse at all when no query pattern's keywords occur in the document.
    // Past this size (above the default file limit, so only when a user lifts it) only text rules run: a
    // generated multi-megabyte file yields hundreds of thousands of matches that helpers would examine one by one.
    if (isCode && text.length > QUERY_SIZE_LIMIT) {
      notes.push({ code: 'skipped', severity: 'info', range: lines.rangeOf(0, 0), message: 'file too large for syntax rules; only text rules ran' });
    } else if (isCode && looksMinified(text)) {
      notes.push({ code: 'skipped', severity: 'info', range: lines.rangeOf(0, 0), message: 'minified or generated code (most of it in lines over 1,000 characters): only text rules ran' });
    } else if (isCode && signature !== '' && rules.some((r) => r.patterns.some((p) => p.kind === 'query' && appliesTo(p, doc.languageId, true)))) {
      const lang = doc.languageId as Parameters<typeof loadGrammar>[0];
      try {
        input.language = await loadGrammar(lang);
        input.grammarKey = grammarKey(lang);
        // What tree-sitter parses: the same text, with long runs of Python comment lines and the unfinished syntax
        // of a line being typed blanked (pythonComments.ts, pythonUnfinished.ts).
        parseText = lang === 'python' ? blankUnfinishedSyntax(blankLongCommentRuns(text)) : text;
        const previous = state?.tree && state.text !== undefined ? { tree: state.tree, text: state.text } : undefined;
        if (previous) plan = planRequery(previous.tree, previous.text, parseText, () => (state!.functions ??= outermostFunctions(previous.tree.rootNode)));
        tree = await parse(lang, parseText, {}, previous?.tree ?? null);
        if (tree) input.tree = tree;
        if (tree && plan.kind === 'module' && previous) plan = narrowToModule(plan, previous.tree, tree, parseText);
        if (!tree) notes.push({ code: 'skipped', severity: 'info', range: lines.rangeOf(0, 0), message: 'parsing exceeded its work budget; only text rules ran' });
      } catch (e) {
        this.log(`parse failed for ${doc.path}: ${(e as Error).message}`);
      }
    }
    if (plan.kind === 'partial' && tree) plan = narrowToFunction(plan, tree);
    if ((plan.kind === 'partial' || plan.kind === 'module') && !tree) plan = { kind: 'full' };
    // A fact of the whole document that some finding rests on (a word another function's rule checks for, an
    // import, a file constant) may have changed with this edit: then nothing can be carried over.
    if (plan.kind !== 'full' && !state?.facts?.holdFor(text, tree, plan.kind === 'partial')) plan = { kind: 'full' };
    // Helpers record what they read of the whole tree in this analysis's facts; after an edit inside one function,
    // what they read outside functions is known already.
    if (state && tree) recordFactsFor(tree, facts);
    if (plan.kind === 'partial' && state?.facts) facts.keepOutsideFunctions(state.facts);

    const queryRaw: RawFinding[] = [];
    const raw: RawFinding[] = [];
    const failed = new Set<Rule>();
    const ruleFailed = (rule: Rule, e: unknown): void => {
      failed.add(rule);
      const msg = `rule ${rule.id} failed on ${doc.path}: ${e instanceof Error ? e.message : String(e)}`;
      this.log(msg);
      notes.push({ code: 'rule-error', severity: 'info', range: lines.rangeOf(0, 0), message: msg });
    };
    const ruleCapped = (rule: Rule, matches: number): void => {
      const message = `rule ${rule.id}: only the first ${MAX_MATCHES_PER_RULE.toLocaleString('en-US')} of ${matches.toLocaleString('en-US')} matches in this file were examined`;
      notes.push({ code: 'skipped', severity: 'info', range: lines.rangeOf(0, 0), message });
    };
    try {
      if (input.tree && input.language) {
        const combined = this.combinedQuery(doc.languageId, signature, input.language, input.grammarKey ?? doc.languageId, state !== undefined);
        for (const err of combined.errors) {
          if (rules.includes(err.owner.rule)) ruleFailed(err.owner.rule, new Error(err.message));
        }
        const reusable = plan.kind !== 'full' && state?.queryRaw && state.failedRules === 0 && failed.size === 0 ? state.queryRaw : undefined;
        const carried = reusable && (plan.kind === 'module' ? carryModule(reusable, plan) : carryOver(reusable, plan));
        if (carried && plan.kind !== 'full') {
          queryRaw.push(...carried);
          if (plan.kind === 'partial') runCombinedQuery(combined, input, queryRaw, new Set(rules), ruleFailed, [[plan.newStart, plan.newEnd]], ruleCapped);
          if (plan.kind === 'module') {
            const fresh: RawFinding[] = [];
            runCombinedQuery(combined, input, fresh, new Set(rules), ruleFailed, plan.gaps, ruleCapped);
            // A match that reaches into two gaps, or into a carried function, is found again: keep one of each.
            const seen = new Set(queryRaw.map(findingKey));
            for (const f of fresh) {
              const key = findingKey(f);
              if (!seen.has(key)) queryRaw.push(f);
              seen.add(key);
            }
          }
          queryRaw.sort((a, b) => a.start - b.start || a.end - b.end);
        } else {
          plan = { kind: 'full' };
          runCombinedQuery(combined, input, queryRaw, new Set(rules), ruleFailed, undefined, ruleCapped);
        }
      }
      raw.push(...queryRaw);
      // In a document without a syntax tree (configuration, templates), a line-local regex pattern that ran last
      // time re-runs on the changed lines only (regexIncremental.ts). Only runs without a tree are kept: a finding
      // from a run with one may carry a fix built from it.
      const regexKey = JSON.stringify([doc.languageId, doc.path]);
      const previous = state?.regex && !input.tree && state.regex.key === regexKey ? state.regex : undefined;
      const region = previous ? changedLines(previous.text, text) : undefined;
      const runs = new Map<string, RawFinding[]>();
      let linesOnly = 0;
      for (const rule of rules) {
        if (failed.has(rule)) continue;
        const ruleRuns = new Map<string, RawFinding[]>();
        try {
          rule.patterns.forEach((p, i) => {
            if (p.kind === 'query' || !appliesTo(p, doc.languageId, isCode) || !this.pathAllowed(p.paths, doc.path)) return;
            if (p.kind !== 'regex') {
              runProducerPattern(rule, i, input, raw);
              return;
            }
            const key = `${rule.id}#${i}`;
            const before = previous?.runs.get(key);
            const carried = before && region && isLineLocalPattern(p, false) ? carryLineFindings(before, region) : undefined;
            const found = carried ?? [];
            if (carried && region) {
              runRegexPattern(rule, i, input, found, { from: region.start, to: region.newEnd });
              found.sort((a, b) => a.start - b.start || a.end - b.end);
              linesOnly++;
            } else runRegexPattern(rule, i, input, found);
            // Only a pattern that ran (its keywords are present) has findings to carry; one that did not must run
            // in full once they appear.
            if (passesKeywords(p.keywords, input.keywords)) ruleRuns.set(key, found);
            raw.push(...found);
          });
          for (const [k, v] of ruleRuns) runs.set(k, v);
        } catch (e) {
          ruleFailed(rule, e);
        }
      }
      if (state) {
        state.regex = input.tree ? undefined : { key: regexKey, text, runs };
        state.regexLinesOnly = linesOnly;
      }
    } finally {
      if (state) {
        // Carried findings keep resting on the facts of the runs that made them.
        if (plan.kind !== 'full' && state.facts) facts.absorb(state.facts);
        const functions = plan.kind === 'full' ? undefined : functionsAfter(plan, state.functions);
        state.store(optsKey, parseText, tree, queryRaw, failed.size, facts);
        state.functions = functions;
      }
    }

    this.noteUnreadableTemplate(rules, doc, lines, notes);
    let findings: Finding[];
    try {
      // The tree is still needed here: fingerprints are read from its tokens (fingerprint.ts).
      findings = this.finalise(raw, doc, lines, opts, notes, tree ?? undefined);
    } finally {
      if (!state) tree?.delete();
    }
    const result = done({ findings, notes });
    if (state) state.lastPlan = plan.kind === 'partial' ? `partial ${plan.newStart}-${plan.newEnd}` : plan.kind === 'module' ? `module ${plan.carriedNew.length} carried, ${plan.gaps.length} gaps` : plan.kind;
    return result;
  }

  /** A Helm template document that is not YAML even with its actions blanked gets no manifest checks: say so. */
  private noteUnreadableTemplate(rules: Rule[], doc: SourceDocument, lines: LineIndex, notes: Note[]): void {
    const reads = rules.some((r) => r.patterns.some((p) => p.kind === 'producer' && p.producer === 'k8sManifest' && this.pathAllowed(p.paths, doc.path)));
    const u = reads ? unreadableTemplate(lines.text) : undefined;
    if (!u) return;
    const what = u.count === 1 ? 'a YAML document' : `${u.count} YAML documents`;
    notes.push({
      code: 'skipped',
      severity: 'info',
      range: lines.rangeOf(u.offset, u.offset),
      message: `template: ${what} here is not valid YAML even with its {{ }} actions blanked, so the Kubernetes checks skipped it; render the chart (helm template) and scan the output`,
    });
  }

  private finalise(raw: RawFinding[], doc: SourceDocument, lines: LineIndex, opts: AnalysisOptions, notes: Note[], tree: Tree | undefined): Finding[] {
    const minRank = CONFIDENCE_RANK[opts.minimumConfidence ?? 'low'];
    const today = opts.today ?? todayIso();
    const suppressions = parseSuppressions(doc.text, lines);
    const byLine = new Map<number, Suppression[]>();
    for (const s of suppressions) {
      const list = byLine.get(s.targetLine) ?? [];
      list.push(s);
      byLine.set(s.targetLine, list);
      if (s.problem) notes.push({ code: 'unknown-rule-in-suppression', severity: 'info', range: s.range, message: `This vigil-ignore comment ${s.problem}.` });
      for (const id of s.ruleIds) {
        if (!this.byId.has(id)) {
          notes.push({ code: 'unknown-rule-in-suppression', severity: 'info', range: s.range, message: `Unknown rule '${id}' in vigil-ignore; it suppresses nothing. Run \`vigil rules\` for the list of rule ids.` });
        }
      }
    }

    // A specific rule (tf-provider-credentials) silences a general one (hardcoded-secret) on the same span.
    const superseding = raw.filter((r) => r.rule.supersedes?.length);
    if (superseding.length > 0) {
      raw = raw.filter((r) => !superseding.some((s) => s !== r && s.rule.supersedes!.includes(r.rule.id) && s.start < r.end && r.start < s.end));
    }
    // Dedupe identical spans from overlapping patterns of one rule; keep the first (patterns are ordered by precision).
    const seen = new Set<string>();
    const occurrences = new Map<string, number>();
    const legacyOccurrences = new Map<string, number>();
    const out: Finding[] = [];
    raw.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const r of raw) {
      const key = findingKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      if (CONFIDENCE_RANK[r.confidence] < minRank) continue;
      const range = lines.rangeOf(r.start, r.end);
      const flagged = textKey(lines.text.slice(lines.lineStart(range.start.line), lines.lineEnd(range.end.line)));
      const fpKey = (r.fingerprintKey ??= tokenKey(tree, lines.text, r.start, r.end) ?? flagged);
      const occurrence = countOccurrence(occurrences, `${r.rule.id}\0${fpKey}`);
      const finding: Finding = {
        ruleId: r.rule.id,
        severity: opts.severityOverrides?.[r.rule.id] ?? r.severity,
        confidence: r.confidence,
        message: r.anchors ? r.message.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => String(lines.positionAt(r.anchors![Number(i)] ?? 0).line + 1)) : r.message,
        range,
        fingerprint: fingerprintOf(r.rule.id, doc.path, fpKey, occurrence),
        fixes: r.fixes.map((f) => ({
          title: f.title,
          applicability: f.applicability,
          edits: f.edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.text })),
        })),
      };
      if (opts.legacyFingerprints) finding.fingerprintV1 = fingerprintOf(r.rule.id, doc.path, flagged, countOccurrence(legacyOccurrences, `${r.rule.id}\0${flagged}`));
      const s = (byLine.get(range.start.line) ?? []).find((x) => x.ruleIds.includes(r.rule.id) && !x.problem);
      if (s) {
        if (s.until && s.until < today) {
          finding.message += ` (The suppression on line ${s.line + 1} expired on ${s.until}.)`;
          notes.push({ code: 'suppression-expired', severity: 'info', range: s.range, message: `This suppression of ${r.rule.id} expired on ${s.until} and no longer applies.` });
        } else {
          if (!opts.includeSuppressed) continue;
          finding.suppression = { kind: 'inSource', line: s.line, ...(s.reason ? { justification: s.reason } : {}), ...(s.until ? { until: s.until } : {}) };
        }
      }
      out.push(finding);
    }
    return out;
  }
}
