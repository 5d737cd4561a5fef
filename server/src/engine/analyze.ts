import picomatch from 'picomatch';
import { loadGrammar, parse, type Tree } from './source/parse';
import { LineIndex } from './source/lines';
import { isCodeLanguage } from './source/languages';
import { loadRules } from './rules/load';
import { builtinRulesDir } from './source/paths';
import { refuseUnsafeRegexes } from './rules/redos';
import { appliesTo, MAX_MATCHES_PER_RULE, type MatchInput, type RawFinding } from './match/match';
import { runSemanticReusing } from './incremental/semanticReuse';
import { keywordsReusing } from './incremental/keywordReuse';
import { constantValueTests } from './match/semantic';
import { buildCombinedQuery, type CombinedQuery } from './match/combined';
import { KeywordIndex, passesKeywords } from './match/keywords';
import type { IncrementalState } from './incremental/incremental';
import { DocumentFacts } from './incremental/documentFacts';
import { parseAndPlan, settlePlan, type ParsedDocument } from './incremental/parsePlan';
import { runQueriesReusing, type PlanHolder, type RuleFailures } from './incremental/queryReuse';
import { runTextPatterns } from './incremental/textPatterns';
import { describePlan, storeRun } from './incremental/storeRun';
import { skipReason, syntaxSkipNote } from './source/skip';
import { unreadableTemplate } from '../checks/shared/iac/k8s';
import { callTaints, returnTaints, CROSS_FILE_LANGUAGES } from '../checks/shared/taintScope';
import type { Language } from './source/parse';
import { parseSuppressions, todayIso, type Suppression } from './finalise/suppress';
import { fingerprintOf, textKey, tokenKey } from './finalise/fingerprint';
import { demotedConfidence, demotedSeverity, testPolicyFor } from './finalise/demote';
import { developerPathOf, keepInDeveloperPath } from './finalise/developerPaths';
import type { AnalysisOptions, AnalysisResult, ArgumentSummary, CallSummary, CodeLanguage, FlowStep, ReturnSummary, Confidence, Finding, Note, Rule, RuleLoadError, SourceDocument } from './types';

export interface EngineOptions {
  /** Rule folders; default: the built-in rules/. */
  ruleDirs?: string[];
  /** Extra folders of custom rules (from .vigil.yaml, trusted workspaces only). */
  customRuleDirs?: string[];
  /** Called with one line per problem worth logging (rule errors). Never receives secret values. */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export { QUERY_SIZE_LIMIT } from './source/skip';

/** What a file tells a scan across files (see taintScope.ts). */
interface CrossFileFacts {
  calls: CallSummary[];
  returns: ReturnSummary[];
}

const findingKey = (f: RawFinding): string => `${f.rule.id}:${f.start}:${f.end}`;

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** How many times `key` was seen before, counting this one. */
function countOccurrence(seen: Map<string, number>, key: string): number {
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n;
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
        if ((p.kind === 'query' || p.kind === 'semantic') && (p.languages as string[]).includes(languageId) && passesKeywords(p.keywords, present)) parts.push(`${ri}.${pi}`);
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
   * updated in place; without it, the tree is freed at the end. The steps live in incremental/.
   */
  async analyzeIncremental(doc: SourceDocument, opts: AnalysisOptions = {}, state?: IncrementalState): Promise<AnalysisResult> {
    const t0 = performance.now();
    const done = (r: Omit<AnalysisResult, 'elapsedMs'>): AnalysisResult => ({ ...r, elapsedMs: performance.now() - t0 });
    const text = doc.text;
    const skip = skipReason(text, opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (skip) {
      state?.reset();
      return done({ findings: [], notes: [], skipped: skip });
    }

    const lines = new LineIndex(text);
    const lower = text.toLowerCase();
    const facts = new DocumentFacts();
    const keywords = state ? keywordsReusing(this.keywordIndex, lower, state) : this.keywordIndex.find(lower);
    const input: MatchInput = { doc, text, lower, lines, keywords, facts, ...(opts.crossFile ? { crossFile: true } : {}), ...(opts.threatModel === 'local' ? { threatModel: 'local' as const } : {}) };
    const notes: Note[] = [];
    const isCode = isCodeLanguage(doc.languageId);
    const rules = this.activeRules(opts);
    const signature = isCode ? this.querySignature(doc.languageId, input.keywords) : '';
    // A new keyword can enable a pattern anywhere in the file, so a changed signature means a full run. So does
    // crossFile (an editor document that gains or loses a scan's summaries): reused findings would lack or keep
    // their conditions. So does the threat model: the taint rules' findings depend on which sources count.
    const optsKey = JSON.stringify([doc.languageId, doc.path, opts.disabledRules ?? [], signature, opts.crossFile === true, ...(opts.threatModel === 'local' ? ['local'] : [])]);
    if (state && state.key !== optsKey) state.reset();

    // 1-2. Parse and plan (incremental/parsePlan.ts); no parse at all when no query pattern's keywords occur.
    const parsed = await this.parseForQueries(doc, text, input, rules, signature, notes, state);
    const run: PlanHolder = { plan: settlePlan(parsed.plan, parsed.tree, text, state, facts) };
    const { tree, parseText } = parsed;
    const failures = this.ruleFailures(doc, lines, notes);
    const queryRaw: RawFinding[] = [];
    const raw: RawFinding[] = [];
    try {
      // 3. Queries, reusing the previous run's findings outside the edit (incremental/queryReuse.ts).
      if (input.tree && input.language) {
        const combined = this.combinedQuery(doc.languageId, signature, input.language, input.grammarKey ?? doc.languageId, state !== undefined);
        for (const err of combined.errors) {
          if (rules.includes(err.owner.rule)) failures.fail(err.owner.rule, new Error(err.message));
        }
        runQueriesReusing(combined, input, rules, run, state, failures, queryRaw);
      }
      raw.push(...queryRaw);
      // 3b. Matchers over the semantic model (match/semantic.ts): built once per tree, run in full every time.
      if (input.tree) runSemanticReusing(rules, input, failures, run.plan, state, raw);
      else if (state) state.semanticRaw = undefined;
      // 4. Regex and producer patterns, carrying line-local findings (incremental/textPatterns.ts).
      runTextPatterns(rules, input, isCode, (globs, p) => this.pathAllowed(globs, p), failures, state, raw);
    } finally {
      // 5. What the next run starts from (incremental/storeRun.ts).
      if (state) storeRun(state, run.plan, { key: optsKey, parseText, tree, queryRaw, failedRules: failures.failed.size, facts });
    }

    this.noteUnreadableTemplate(rules, doc, lines, notes);
    let findings: Finding[];
    let calls: CrossFileFacts | undefined;
    try {
      // The tree is still needed here: fingerprints are read from its tokens (fingerprint.ts).
      findings = this.finalise(raw, doc, lines, opts, notes, tree ?? undefined);
      if (opts.crossFile && !state) calls = await this.crossFileCalls(doc, tree ?? null, lines, notes, rules);
    } finally {
      if (!state) tree?.delete();
    }
    const result = done({ findings, notes, ...(calls && calls.calls.length > 0 ? { calls: calls.calls } : {}), ...(calls && calls.returns.length > 0 ? { returns: calls.returns } : {}) });
    if (state) state.lastPlan = describePlan(run.plan);
    return result;
  }

  /**
   * The calls of the document that other files of a scan may define, with what their arguments carry (see
   * taintScope.ts). A file with no sink still passes input on, so it is parsed here when the rules did not need to.
   */
  private async crossFileCalls(doc: SourceDocument, tree: Tree | null, lines: LineIndex, notes: Note[], rules: readonly Rule[]): Promise<CrossFileFacts> {
    const none: CrossFileFacts = { calls: [], returns: [] };
    if (!CROSS_FILE_LANGUAGES.has(doc.languageId)) return none;
    if (!tree && notes.some((n) => n.code === 'skipped')) return none;
    const own = tree ? undefined : await parse(doc.languageId as CodeLanguage, doc.text);
    const t = tree ?? own;
    if (!t) return none;
    try {
      const range = (s: { start: number; end: number }): ReturnType<LineIndex['rangeOf']> => lines.rangeOf(s.start, s.end);
      const flow = (steps: { start: number; end: number; message: string }[]): FlowStep[] => steps.map((s) => ({ range: range(s), message: s.message }));
      const tests = constantValueTests(rules);
      const accepts = (value: string): string[] => tests.filter((t) => t.re.test(value)).map((t) => t.key);
      const calls: CallSummary[] = callTaints(t.rootNode, doc.languageId, doc.path).map((c) => ({
        callee: c.callee,
        range: range(c),
        args: c.args.map((a): ArgumentSummary => (a.kind === 'clean' ? a : a.kind === 'input' ? { kind: 'input', flow: flow(a.steps), ...(a.operator ? { operator: true } : {}) } : a.kind === 'constant' ? { kind: 'constant', flow: flow(a.steps), shown: a.shown, accepts: accepts(a.value) } : { kind: 'param', params: a.params, flow: flow(a.steps) })),
      }));
      const returns: ReturnSummary[] = returnTaints(t.rootNode, doc.languageId, doc.path).map((r): ReturnSummary =>
        r.kind === 'input' ? { function: r.function, kind: 'input', flow: flow(r.steps), ...(r.operator ? { operator: true } : {}) } : r.kind === 'constant' ? { function: r.function, kind: 'constant', flow: flow(r.steps), shown: r.shown, accepts: accepts(r.value) } : { function: r.function, kind: 'returns', callees: r.callees, flow: flow(r.steps) },
      );
      return { calls, returns };
    } finally {
      own?.delete();
    }
  }

  /** Parses when syntax rules can run on the document, else notes why they do not; see parseAndPlan. */
  private async parseForQueries(doc: SourceDocument, text: string, input: MatchInput, rules: readonly Rule[], signature: string, notes: Note[], state: IncrementalState | undefined): Promise<ParsedDocument> {
    const none: ParsedDocument = { tree: null, parseText: text, plan: { kind: 'full' } };
    if (!isCodeLanguage(doc.languageId)) return none;
    const skipped = syntaxSkipNote(text, input.lines);
    if (skipped) {
      notes.push(skipped);
      return none;
    }
    if (signature === '' || !rules.some((r) => r.patterns.some((p) => (p.kind === 'query' || p.kind === 'semantic') && appliesTo(p, doc.languageId, true)))) return none;
    return parseAndPlan(doc.languageId, text, input, notes, state, this.log);
  }

  /** A rule that throws is reported as a note and runs no further pattern; the other rules still run. */
  private ruleFailures(doc: SourceDocument, lines: LineIndex, notes: Note[]): RuleFailures {
    const failed = new Set<Rule>();
    return {
      failed,
      fail: (rule, e) => {
        failed.add(rule);
        const msg = `rule ${rule.id} failed on ${doc.path}: ${e instanceof Error ? e.message : String(e)}`;
        this.log(msg);
        notes.push({ code: 'rule-error', severity: 'info', range: lines.rangeOf(0, 0), message: msg });
      },
      capped: (rule, matches) => {
        const message = `rule ${rule.id}: only the first ${MAX_MATCHES_PER_RULE.toLocaleString('en-US')} of ${matches.toLocaleString('en-US')} matches in this file were examined`;
        notes.push({ code: 'skipped', severity: 'info', range: lines.rangeOf(0, 0), message });
      },
    };
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
    const suppressions = parseSuppressions(doc.text, lines, doc.languageId);
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

    // Test and fixture code (finalise/demote.ts) and developer-controlled files (finalise/developerPaths.ts).
    // Read only when there is something to demote: the framework markers are a scan of the text.
    const tests = raw.length > 0 ? testPolicyFor(doc, opts.tests) : ({ kind: 'keep' } as const);
    if (tests.kind === 'drop') return [];
    const demoted = tests.kind === 'demote' ? { reason: tests.reason } : undefined;
    const developer = developerPathOf(doc.path) !== undefined;

    // A specific rule (tf-provider-credentials) silences a general one (hardcoded-secret) on the same span.
    const superseding = raw.filter((r) => r.rule.supersedes?.length);
    if (superseding.length > 0) {
      raw = raw.filter((r) => !superseding.some((s) => s !== r && s.rule.supersedes!.includes(r.rule.id) && s.start < r.end && r.start < s.end));
    }
    // Dedupe identical spans from overlapping patterns of one rule: keep the most confident, the first of equals
    // (patterns are ordered by precision; a semantic pattern, which runs after the queries, can know more: a key
    // held in an options object the call is given is a key, where the query saw only a secret-named entry).
    const best = new Map<string, RawFinding>();
    for (const r of raw) {
      const key = findingKey(r);
      const kept = best.get(key);
      if (!kept || CONFIDENCE_RANK[r.confidence] > CONFIDENCE_RANK[kept.confidence]) best.set(key, r);
    }
    if (best.size < raw.length) raw = raw.filter((r) => best.get(findingKey(r)) === r);
    const seen = new Set<string>();
    const occurrences = new Map<string, number>();
    const legacyOccurrences = new Map<string, number>();
    const out: Finding[] = [];
    raw.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const r of raw) {
      const key = findingKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      // In a developer-controlled file, one that waits for callers in other files stays until the scan settles
      // it, and only a caller passing input keeps it (standalone: false below).
      const waitsForInput = developer && !keepInDeveloperPath(r.rule.id, r.input);
      if (waitsForInput && !r.crossFile) continue;
      const demote = demoted && !r.proven ? demoted : undefined;
      const confidence = demote ? demotedConfidence(r.confidence) : r.confidence;
      // A finding the scan may raise (crossFile) is kept if either it or its raised form passes the minimum.
      const cross = r.crossFile ? { ...r.crossFile, confidence: demote ? demotedConfidence(r.crossFile.confidence) : r.crossFile.confidence, ...(waitsForInput ? { standalone: false } : {}) } : undefined;
      if (cross && CONFIDENCE_RANK[confidence] < minRank) cross.standalone = false;
      if (cross && CONFIDENCE_RANK[cross.confidence] < minRank && !cross.standalone) continue;
      if (!cross && CONFIDENCE_RANK[confidence] < minRank) continue;
      const range = lines.rangeOf(r.start, r.end);
      const flagged = textKey(lines.text.slice(lines.lineStart(range.start.line), lines.lineEnd(range.end.line)));
      const fpKey = (r.fingerprintKey ??= tokenKey(tree, lines.text, r.start, r.end) ?? flagged);
      // One that single-file analysis would not report counts apart, so the others' fingerprints are the editor's.
      const occurrence = countOccurrence(occurrences, `${cross && !cross.standalone ? '\u0001' : ''}${r.rule.id}\0${fpKey}`);
      const severity = opts.severityOverrides?.[r.rule.id] ?? r.severity;
      const finding: Finding = {
        ruleId: r.rule.id,
        severity: demote ? demotedSeverity(severity, r.rule.testSeverity) : severity,
        confidence,
        message: r.anchors ? r.message.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => String(lines.positionAt(r.anchors![Number(i)] ?? 0).line + 1)) : r.message,
        range,
        fingerprint: fingerprintOf(r.rule.id, doc.path, fpKey, occurrence),
        fixes: r.fixes.map((f) => ({
          title: f.title,
          applicability: f.applicability,
          edits: f.edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.text })),
        })),
      };
      if (demote) finding.demoted = { ...demote };
      if (cross) finding.crossFile = cross;
      if (r.flow) finding.flow = r.flow.map((s) => ({ range: lines.rangeOf(s.start, s.end), message: s.message }));
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
