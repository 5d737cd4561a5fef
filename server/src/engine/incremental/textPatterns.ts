import { appliesTo, runProducerPattern, runRegexPattern, type MatchInput, type RawFinding } from '../match/match';
import { passesKeywords } from '../match/keywords';
import type { Rule } from '../types';
import type { IncrementalState } from './incremental';
import type { RuleFailures } from './queryReuse';
import { carryLineFindings, changedLines, isLineLocalPattern } from './regexIncremental';

// Step 4: the regex and producer patterns. In a document without a syntax tree (configuration, templates), a
// line-local regex pattern that ran last time re-runs on the changed lines only, its other findings carried
// over (regexIncremental.ts). Only runs without a tree are kept: a finding from a run with one may carry a fix
// built from it.

/** Runs every non-query pattern of `rules` that applies to the document into `out`, and keeps the runs in `state`. */
export function runTextPatterns(
  rules: readonly Rule[],
  input: MatchInput,
  isCode: boolean,
  pathAllowed: (globs: string[] | undefined, path: string) => boolean,
  failures: RuleFailures,
  state: IncrementalState | undefined,
  out: RawFinding[],
): void {
  const { doc, text } = input;
  const regexKey = JSON.stringify([doc.languageId, doc.path]);
  const previous = state?.regex && !input.tree && state.regex.key === regexKey ? state.regex : undefined;
  const region = previous ? changedLines(previous.text, text) : undefined;
  const runs = new Map<string, RawFinding[]>();
  let linesOnly = 0;
  for (const rule of rules) {
    if (failures.failed.has(rule)) continue;
    const ruleRuns = new Map<string, RawFinding[]>();
    try {
      rule.patterns.forEach((p, i) => {
        if (p.kind === 'query' || p.kind === 'semantic' || !appliesTo(p, doc.languageId, isCode) || !pathAllowed(p.paths, doc.path)) return;
        if (p.kind !== 'regex') {
          runProducerPattern(rule, i, input, out);
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
        out.push(...found);
      });
      for (const [k, v] of ruleRuns) runs.set(k, v);
    } catch (e) {
      failures.fail(rule, e);
    }
  }
  if (state) {
    state.regex = input.tree ? undefined : { key: regexKey, text, runs };
    state.regexLinesOnly = linesOnly;
  }
}
