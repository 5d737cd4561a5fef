// Linear-time check for rule regexes. A rule regex runs over every line a user types, so one pattern with
// catastrophic (exponential) or polynomial backtracking can freeze the editor on a crafted or unlucky file.
// We use `recheck` (a maintained ReDoS checker combining automata analysis with fuzzing) rather than a
// hand-written star-height heuristic: it proves safety for the patterns it can and finds a concrete attack
// string for the ones it cannot. Its pure-JavaScript build needs no native binary or JVM.
//
// Built-in rules are verified by the test suite (redos.test.ts runs this check over every pattern in rules/),
// so loading them costs nothing. Custom rules come from a workspace and are checked here, at load time:
// a pattern that is not proven linear-time is refused with a message naming the rule file and line.
import * as fs from 'fs';
import * as path from 'path';
import type { Rule, RuleLoadError } from './types';
import { patternLine } from './rules';

export type RegexVerdict = { safe: true } | { safe: false; reason: string };

interface RecheckDiagnostics {
  status: 'safe' | 'vulnerable' | 'unknown';
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
  /** Time the checker may spend on one pattern before giving up (the pattern is then refused). */
  timeoutMs?: number;
}

/** Full diagnostics from the checker, for tests and tools (the attack string included). */
export function diagnoseRegex(source: string, flags: string | undefined, opts: RegexCheckOptions = {}): RecheckDiagnostics {
  return recheck()(source, checkerFlags(flags), { timeout: opts.timeoutMs ?? 10_000 });
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
      if (p.kind !== 'regex') return;
      const v = checkRegex(p.regex, p.flags, opts);
      if (v.safe) return;
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
