import type { RawFinding } from '../match/match';
import type { Tree } from '../source/parse';
import type { DocumentFacts } from './documentFacts';
import { functionsAfter, type IncrementalState, type RequeryPlan } from './incremental';

// Step 5: what the next analysis of the document starts from.

export interface FinishedRun {
  /** What the query findings depend on beyond the text (language, path, disabled rules, keyword signature). */
  key: string;
  parseText: string;
  tree: Tree | null;
  queryRaw: RawFinding[];
  failedRules: number;
  facts: DocumentFacts;
}

/** Keeps this run's tree, query findings and facts for the next one (the previous tree is freed). */
export function storeRun(state: IncrementalState, plan: RequeryPlan, run: FinishedRun): void {
  // Carried findings keep resting on the facts of the runs that made them.
  if (plan.kind !== 'full' && state.facts) run.facts.absorb(state.facts);
  const functions = plan.kind === 'full' ? undefined : functionsAfter(plan, state.functions);
  state.store(run.key, run.parseText, run.tree, run.queryRaw, run.failedRules, run.facts);
  state.functions = functions;
}

/** How a run went (`full`, `same`, `partial a-b`, `module …`), for logs and benchmarks. */
export function describePlan(plan: RequeryPlan): string {
  if (plan.kind === 'partial') return `partial ${plan.newStart}-${plan.newEnd}`;
  if (plan.kind === 'module') return `module ${plan.carriedNew.length} carried, ${plan.gaps.length} gaps`;
  return plan.kind;
}
