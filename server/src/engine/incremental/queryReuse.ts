import type { CombinedQuery } from '../match/combined';
import { runCombinedQuery, type MatchInput, type RawFinding } from '../match/match';
import type { Rule } from '../types';
import { carryModule, carryOver, type IncrementalState, type RequeryPlan } from './incremental';

// Step 3: the combined query over what the plan says, with the previous run's query findings carried over
// (shifted) everywhere else.

/** A rule's failures and caps in one analysis; a rule that failed runs no further patterns. */
export interface RuleFailures {
  readonly failed: Set<Rule>;
  fail(rule: Rule, error: unknown): void;
  capped(rule: Rule, matches: number): void;
}

/** The plan an analysis follows; a step that cannot carry anything over sets it to `full`. */
export interface PlanHolder {
  plan: RequeryPlan;
}

const findingKey = (f: RawFinding): string => `${f.rule.id}:${f.start}:${f.end}`;

/**
 * Runs the query over the edited function (`partial`), over the code outside the carried functions (`module`)
 * or over everything (`full`, or whenever the previous findings cannot be reused), into `out` in offset order.
 */
export function runQueriesReusing(
  combined: CombinedQuery,
  input: MatchInput,
  rules: readonly Rule[],
  run: PlanHolder,
  state: IncrementalState | undefined,
  failures: RuleFailures,
  out: RawFinding[],
): void {
  const plan = run.plan;
  const active = new Set(rules);
  const fail = (rule: Rule, e: unknown): void => failures.fail(rule, e);
  const capped = (rule: Rule, matches: number): void => failures.capped(rule, matches);
  const reusable = plan.kind !== 'full' && state?.queryRaw && state.failedRules === 0 && failures.failed.size === 0 ? state.queryRaw : undefined;
  const carried = reusable && (plan.kind === 'module' ? carryModule(reusable, plan) : carryOver(reusable, plan));
  if (!carried || plan.kind === 'full') {
    run.plan = { kind: 'full' };
    runCombinedQuery(combined, input, out, active, fail, undefined, capped);
    return;
  }
  out.push(...carried);
  if (plan.kind === 'partial') runCombinedQuery(combined, input, out, active, fail, [[plan.newStart, plan.newEnd]], capped);
  if (plan.kind === 'module') {
    const fresh: RawFinding[] = [];
    runCombinedQuery(combined, input, fresh, active, fail, plan.gaps, capped);
    // A match that reaches into two gaps, or into a carried function, is found again: keep one of each.
    const seen = new Set(out.map(findingKey));
    for (const f of fresh) {
      const key = findingKey(f);
      if (!seen.has(key)) out.push(f);
      seen.add(key);
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
}
