// Linear-time check for rule regexes. A rule regex runs over every line a user types, so one pattern with
// catastrophic (exponential) or polynomial backtracking can freeze the editor on a crafted or unlucky file.
// We use `recheck` (a maintained ReDoS checker combining automata analysis with fuzzing) rather than a
// hand-written star-height heuristic: it proves safety for the patterns it can and finds a concrete attack
// string for the ones it cannot. Its pure-JavaScript build needs no native binary or JVM.
//
// Built-in rules are verified by the test suite (redos.test.ts runs this check over every pattern in rules/,
// with step budgets only, so the verdict is the same on a loaded machine), so loading them costs nothing. Custom rules come from a workspace and are checked here, at load time:
// a pattern that is not proven linear-time is refused with a message naming the rule file and line.
import * as fs from 'fs';
import * as path from 'path';
import type { Rule, RuleLoadError, SemanticPattern } from '../types';
import { patternLine } from './load';

export type RegexVerdict = { safe: true } | { safe: false; reason: string };

interface RecheckDiagnostics {
  status: 'safe' | 'vulnerable' | 'unknown';
  checker?: 'automaton' | 'fuzz';
  complexity?: { type: string; summary?: string };
  attack?: { pattern: string };
  error?: { kind: string; message?: string };
}
type CheckSync = (source: string, flags: string, params?: Record<string, unknown>) => RecheckDiagnostics;

let checker: CheckSync | undefined;
function recheck(): CheckSync {
  // Loaded on first use: the checker is large and most sessions have no custom rules.
  // The package's Node entry runs the checker in a synckit worker file that a bundle cannot carry; its
  // browser build is the same Scala.js checker, synchronous and self-contained, so the bundles use that.
  // The bundles keep it in a file of its own beside them (server/out/recheck.js): inside the server bundle its
  // 3.5 MB were two thirds of the code every start had to read and compile. The module id is a variable so
  // the bundler leaves this require alone; from the compiled sources (tests) it resolves in node_modules.
  if (!checker) {
    const beside = path.join(__dirname, 'recheck.js');
    const id = fs.existsSync(beside) ? beside : 'recheck/lib/browser.js';
    checker = (require(id) as { checkSync: CheckSync }).checkSync;
  }
  return checker;
}

/** Per-process memo: the language server re-creates engines on every config change. */
const verdicts = new Map<string, RegexVerdict>();

/** Flags recheck understands; `g`, `d` and `y` do not change what a pattern can match. */
export function checkerFlags(flags: string | undefined): string {
  return (flags ?? '').replace(/[gdy]/g, '');
}

export interface RegexCheckOptions {
  /**
   * Wall-clock cap of the fuzzing fallback (see fuzzParams), in ms; `null` for none. Custom rules keep a cap
   * because a user's pattern can make the fuzzer run away (a backreference repeated: gigabytes within a minute);
   * the built-in patterns are screened with `null`, so their verdict never depends on the machine's speed.
   */
  fuzzTimeoutMs?: number | null;
}

/**
 * The proof: recheck's automaton checker, which decides linear time exactly from the pattern's NFA, with no
 * clock and no randomness, so its verdict is the same on every machine. Its size limits are raised from the
 * defaults (35,000 NFA states, repeat counts summing to 30) so that bounded repeats such as `{1,256}` are
 * expanded and proven rather than handed to the fuzzer; the NFA limit still bounds its memory.
 */
const AUTOMATON_PARAMS = { checker: 'automaton', timeout: null, maxRepeatCount: 10_000, maxNFASize: 200_000, maxPatternSize: 100_000 } as const;

/**
 * The fallback for what the automaton cannot model (lookarounds, backreferences): recheck's fuzzer. Every
 * budget of its phases is a step count (characters read by its matcher); their wall-clock twins are switched
 * off and the seed fixed, so with `timeout: null` it is deterministic too.
 */
function fuzzParams(timeoutMs: number | null): Record<string, unknown> {
  return { checker: 'fuzz', timeout: timeoutMs, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, recallTimeout: -1, randomSeed: 0 };
}

/** Full diagnostics from the checker, for tests and tools (the attack string included). */
export function diagnoseRegex(source: string, flags: string | undefined, opts: RegexCheckOptions = {}): RecheckDiagnostics {
  const check = recheck();
  const proof = check(source, checkerFlags(flags), AUTOMATON_PARAMS);
  if (proof.status !== 'unknown') return proof;
  return check(source, checkerFlags(flags), fuzzParams(opts.fuzzTimeoutMs === undefined ? 10_000 : opts.fuzzTimeoutMs));
}

/** Safe only when the checker proves the pattern linear-time; `vulnerable` and `unknown` are both refused. */
export function checkRegex(source: string, flags: string | undefined, opts: RegexCheckOptions = {}): RegexVerdict {
  const key = `${checkerFlags(flags)}/${source}`;
  const hit = verdicts.get(key);
  if (hit) return hit;
  let verdict: RegexVerdict;
  try {
    const d = diagnoseRegex(source, flags, opts);
    if (d.status === 'safe') verdict = { safe: true };
    else if (d.status === 'vulnerable') {
      verdict = { safe: false, reason: `${d.complexity?.type ?? 'super-linear'} backtracking${d.complexity?.summary ? ` (${d.complexity.summary})` : ''}` };
    } else verdict = { safe: false, reason: `could not be proven linear-time (${d.error?.kind ?? 'unknown'})` };
  } catch (e) {
    verdict = { safe: false, reason: `the checker failed: ${(e as Error).message}` };
  }
  verdicts.set(key, verdict);
  return verdict;
}

/** The regexes of a semantic pattern: argument values and target names (they run on every value examined). */
function semanticRegexes(p: SemanticPattern): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const spec of [p.call, p.new]) {
    for (const a of spec?.args ?? []) {
      if (a.value) out.push([a.value, a.flags]);
      if (a.spelled) out.push([a.spelled, a.flags]);
    }
  }
  if (p.assign) {
    out.push([p.assign.target, p.assign.flags]);
    if (p.assign.value) out.push([p.assign.value, p.assign.flags]);
  }
  if (p.into) {
    out.push([p.into.name, p.into.flags]);
    if (p.into.except) out.push([p.into.except, p.into.flags]);
  }
  return out;
}

/**
 * Drops custom rules that have a regex not proven linear-time, with one error per refused pattern.
 * Built-in rules pass through unchecked (see the file comment). Producer and query patterns have no regex.
 */
export function refuseUnsafeRegexes(rules: Rule[], opts: RegexCheckOptions = {}): { rules: Rule[]; errors: RuleLoadError[] } {
  const kept: Rule[] = [];
  const errors: RuleLoadError[] = [];
  for (const rule of rules) {
    if (!rule.custom) {
      kept.push(rule);
      continue;
    }
    let ok = true;
    rule.patterns.forEach((p, i) => {
      const regexes: [string, string | undefined][] = p.kind === 'regex' ? [[p.regex, p.flags]] : p.kind === 'semantic' ? semanticRegexes(p) : [];
      const v = regexes.map(([re, flags]) => checkRegex(re, flags, opts)).find((x) => !x.safe);
      if (!v) return;
      ok = false;
      const line = patternLine(rule.file, i);
      errors.push({
        file: rule.file,
        ...(line !== undefined ? { line } : {}),
        message: `rule '${rule.id}' pattern ${i + 1} refused: its regex is not linear-time (${v.reason}); rewrite it without nested or adjacent unbounded repeats of overlapping characters`,
      });
    });
    if (ok) kept.push(rule);
  }
  return { rules: kept, errors };
}
