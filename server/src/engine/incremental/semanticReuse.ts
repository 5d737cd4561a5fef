import type { Node } from '../source/parse';
import { runSemanticPatterns } from '../match/semantic';
import type { MatchInput, RawFinding } from '../match/match';
import type { Rule } from '../types';
import { carryOver, type IncrementalState, type RequeryPlan } from './incremental';
import type { RuleFailures } from './queryReuse';

// Step 3b: the semantic patterns. While typing inside one function, the findings elsewhere are carried over
// (shifted) and only the edited function is evaluated again: module constants and other functions did not change,
// and the model evaluates a function's body only when asked (semantic/index.ts). Any other edit runs them in full.

export function runSemanticReusing(rules: readonly Rule[], input: MatchInput, failures: RuleFailures, plan: RequeryPlan, state: IncrementalState | undefined, out: RawFinding[]): void {
  const previous = state?.semanticRaw;
  let found: RawFinding[] | undefined;
  if (previous && plan.kind === 'same') found = previous;
  else if (previous && plan.kind === 'partial') {
    const carried = carryOver(previous, plan);
    if (carried) {
      const inside = (n: Node): boolean => n.startIndex < plan.newEnd && n.endIndex > plan.newStart;
      const fresh: RawFinding[] = [];
      runSemanticPatterns(rules, input, failures.failed, failures.fail, fresh, inside, failures.capped);
      found = [...carried, ...fresh.filter((f) => f.start >= plan.newStart && f.end <= plan.newEnd)];
    }
  }
  if (!found) {
    found = [];
    runSemanticPatterns(rules, input, failures.failed, failures.fail, found, undefined, failures.capped);
  }
  if (state) state.semanticRaw = failures.failed.size === 0 ? found : undefined;
  out.push(...found);
}
