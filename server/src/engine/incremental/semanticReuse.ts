import type { Node } from '../source/parse';
import { runSemanticPatterns } from '../match/semantic';
import type { MatchInput, RawFinding } from '../match/match';
import type { Rule } from '../types';
import { carryOver, type IncrementalState, type RequeryPlan } from './incremental';
import type { RuleFailures } from './queryReuse';
import { rememberSemanticRun, runSemanticModule } from './semanticModule';
import { functionStandsAlone } from './nameUses';

// Step 3b: the semantic patterns. While typing inside one function that the file neither calls nor calls out of,
// the findings elsewhere are carried over (shifted) and only the edited function is evaluated again: module
// constants and other functions did not change, and the model evaluates a function's body only when asked
// (semantic/index.ts). After an edit outside every
// function that cannot reach the rest of the file, only the changed statements are (semanticModule.ts). Any other
// edit runs them in full.

export function runSemanticReusing(rules: readonly Rule[], input: MatchInput, failures: RuleFailures, plan: RequeryPlan, state: IncrementalState | undefined, out: RawFinding[]): void {
  const previous = state?.semanticRaw;
  let found: RawFinding[] | undefined;
  let how = plan.kind;
  if (state) state.semanticFallback = undefined;
  const sm = state?.semanticModule;
  if (previous && plan.kind === 'same') {
    found = previous;
    // The same text parsed again: a new tree, whose model is built again if the next edit needs it.
    if (sm && input.tree) state!.semanticModule = { tree: input.tree, model: undefined, pathKey: undefined, seen: sm.seen };
  } else if (previous && plan.kind === 'partial' && input.tree && state?.text !== undefined && functionStandsAlone(input.tree, state.text, plan, input.doc.languageId)) {
    const carried = carryOver(previous, plan);
    if (carried) {
      const inside = (n: Node): boolean => n.startIndex < plan.newEnd && n.endIndex > plan.newStart;
      const fresh: RawFinding[] = [];
      const seen = new Map<Rule, number>();
      runSemanticPatterns(rules, input, failures.failed, failures.fail, fresh, inside, failures.capped, { seen });
      found = [...carried, ...fresh.filter((f) => f.start >= plan.newStart && f.end <= plan.newEnd)];
      // The whole file's examined matches: at most the old count plus the edited function's (a bound).
      if (sm && input.tree) {
        const bounds = new Map(sm.seen);
        for (const [r, n] of seen) bounds.set(r.id, (bounds.get(r.id) ?? 0) + n);
        state!.semanticModule = { tree: input.tree, model: undefined, pathKey: undefined, seen: bounds };
      }
    }
  } else if (previous && plan.kind === 'module' && state) {
    state.semanticFallback = undefined;
    found = runSemanticModule(rules, input, failures, plan, state, previous);
  }
  if (!found) {
    how = 'full';
    found = [];
    const seen = new Map<Rule, number>();
    runSemanticPatterns(rules, input, failures.failed, failures.fail, found, undefined, failures.capped, { seen });
    if (state && input.tree) rememberSemanticRun(state, input.tree, seen);
    if (previous) carryFingerprintKeys(previous, found, plan);
  }
  if (state) {
    state.semanticPlan = how;
    state.semanticRaw = failures.failed.size === 0 ? found : undefined;
    if (!state.semanticRaw) state.semanticModule = undefined;
  }
  out.push(...found);
}

/**
 * A full semantic run finds again the findings of functions the edit did not touch; their statements are the
 * same, so are their fingerprint keys (match.ts RawFinding.fingerprintKey), which are then not read again from
 * the tree's tokens (about 4 ms per keystroke for 300 findings in a 10,000-line file).
 */
export function carryFingerprintKeys(previous: readonly RawFinding[], found: RawFinding[], plan: RequeryPlan): void {
  if (plan.kind !== 'module' && plan.kind !== 'partial') return;
  const delta = plan.newEditEnd - plan.oldEditEnd;
  const spans: readonly (readonly [number, number])[] = plan.kind === 'module' ? plan.carriedOld : [];
  const untouched = (f: RawFinding): boolean =>
    plan.kind === 'module' ? spans.some(([s, e]) => f.start >= s && f.end <= e) : f.end <= plan.oldStart || f.start >= plan.oldEnd;
  const keys = new Map<string, string>();
  for (const p of previous) {
    if (p.fingerprintKey === undefined || !untouched(p)) continue;
    const shift = p.start >= plan.oldEditEnd ? delta : 0;
    keys.set(`${p.rule.id}:${p.start + shift}:${p.end + shift}`, p.fingerprintKey);
  }
  if (keys.size === 0) return;
  for (const f of found) f.fingerprintKey ??= keys.get(`${f.rule.id}:${f.start}:${f.end}`);
}
