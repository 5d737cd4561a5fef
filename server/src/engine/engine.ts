import picomatch from 'picomatch';
import type { Tree } from './parse';
import { grammarKey, loadGrammar, parse } from './parse';
import { LineIndex } from './lines';
import { isCodeLanguage } from './languages';
import { loadRules } from './rules';
import { builtinRulesDir } from './paths';
import { appliesTo, runProducerPattern, runQueryPattern, runRegexPattern, type MatchInput, type RawFinding } from './match';
import { parseSuppressions, todayIso, type Suppression } from './suppress';
import { fingerprintOf } from './fingerprint';
import type { AnalysisOptions, AnalysisResult, Confidence, Finding, Note, Rule, RuleLoadError, SourceDocument } from './types';
import { CONFIDENCES } from './types';

export interface EngineOptions {
  /** Rule folders; default: the built-in rules/. */
  ruleDirs?: string[];
  /** Extra folders of custom rules (from .vigil.yaml, trusted workspaces only). */
  customRuleDirs?: string[];
  /** Called with one line per problem worth logging (rule errors). Never receives secret values. */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

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

  constructor(rules: Rule[], loadErrors: RuleLoadError[], log?: (message: string) => void) {
    this.rules = rules;
    this.loadErrors = loadErrors;
    this.byId = new Map(rules.map((r) => [r.id, r]));
    this.log = log ?? (() => undefined);
  }

  static create(opts: EngineOptions = {}): Engine {
    const builtin = loadRules(opts.ruleDirs ?? [builtinRulesDir()]);
    const custom = opts.customRuleDirs?.length ? loadRules(opts.customRuleDirs, { custom: true }) : { rules: [], errors: [] };
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
    let m = this.pathMatchers.get(key);
    if (!m) {
      m = picomatch(globs, { dot: true, basename: true });
      this.pathMatchers.set(key, m);
    }
    return m(p.replace(/\\/g, '/'));
  }

  private activeRules(opts: AnalysisOptions): Rule[] {
    const disabled = new Set(opts.disabledRules ?? []);
    return this.rules.filter((r) => !disabled.has(r.id));
  }

  async analyze(doc: SourceDocument, opts: AnalysisOptions = {}): Promise<AnalysisResult> {
    const t0 = performance.now();
    const done = (r: Omit<AnalysisResult, 'elapsedMs'>): AnalysisResult => ({ ...r, elapsedMs: performance.now() - t0 });
    const text = doc.text;
    const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (text.length > max) return done({ findings: [], notes: [], skipped: `larger than the size limit (${text.length} > ${max} characters)` });
    if (looksBinary(text)) return done({ findings: [], notes: [], skipped: 'binary content' });

    const lines = new LineIndex(text);
    const input: MatchInput = { doc, text, lower: text.toLowerCase(), lines };
    const notes: Note[] = [];
    const isCode = isCodeLanguage(doc.languageId);
    const rules = this.activeRules(opts);
    let tree: Tree | null = null;
    if (isCode && rules.some((r) => r.patterns.some((p) => p.kind === 'query' && appliesTo(p, doc.languageId, true)))) {
      const lang = doc.languageId as Parameters<typeof loadGrammar>[0];
      try {
        input.language = await loadGrammar(lang);
        input.grammarKey = grammarKey(lang);
        tree = await parse(lang, text);
        if (tree) input.tree = tree;
        else notes.push({ code: 'skipped', severity: 'info', range: lines.rangeOf(0, 0), message: 'parsing took too long; only text rules ran' });
      } catch (e) {
        this.log(`parse failed for ${doc.path}: ${(e as Error).message}`);
      }
    }

    const raw: RawFinding[] = [];
    try {
      for (const rule of rules) {
        try {
          rule.patterns.forEach((p, i) => {
            if (!appliesTo(p, doc.languageId, isCode) || !this.pathAllowed(p.kind === 'query' ? undefined : p.paths, doc.path)) return;
            if (p.kind === 'query') runQueryPattern(rule, i, input, raw);
            else if (p.kind === 'regex') runRegexPattern(rule, i, input, raw);
            else runProducerPattern(rule, i, input, raw);
          });
        } catch (e) {
          const msg = `rule ${rule.id} failed on ${doc.path}: ${(e as Error).message}`;
          this.log(msg);
          notes.push({ code: 'rule-error', severity: 'info', range: lines.rangeOf(0, 0), message: msg });
        }
      }
    } finally {
      tree?.delete();
    }

    const findings = this.finalise(raw, doc, lines, opts, notes);
    return done({ findings, notes });
  }

  private finalise(raw: RawFinding[], doc: SourceDocument, lines: LineIndex, opts: AnalysisOptions, notes: Note[]): Finding[] {
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

    // Dedupe identical spans from overlapping patterns of one rule; keep the first (patterns are ordered by precision).
    const seen = new Set<string>();
    const occurrences = new Map<string, number>();
    const out: Finding[] = [];
    raw.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const r of raw) {
      const key = `${r.rule.id}:${r.start}:${r.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (CONFIDENCE_RANK[r.confidence] < minRank) continue;
      const range = lines.rangeOf(r.start, r.end);
      const flagged = lines.text.slice(lines.lineStart(range.start.line), lines.lineEnd(range.end.line));
      const fpKey = `${r.rule.id}\0${flagged.replace(/\s+/g, ' ').trim()}`;
      const occurrence = occurrences.get(fpKey) ?? 0;
      occurrences.set(fpKey, occurrence + 1);
      const finding: Finding = {
        ruleId: r.rule.id,
        severity: opts.severityOverrides?.[r.rule.id] ?? r.severity,
        confidence: r.confidence,
        message: r.message,
        range,
        fingerprint: fingerprintOf(r.rule.id, doc.path, flagged, occurrence),
        fixes: r.fixes,
      };
      const s = (byLine.get(range.start.line) ?? []).find((x) => x.ruleIds.includes(r.rule.id));
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

export function confidenceAtLeast(c: Confidence, min: Confidence): boolean {
  return CONFIDENCE_RANK[c] >= CONFIDENCE_RANK[min];
}

export { CONFIDENCES };
