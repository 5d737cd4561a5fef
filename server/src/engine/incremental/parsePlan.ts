import { grammarKey, loadGrammar, parse, type Tree } from '../source/parse';
import { deriveWordIndex } from '../source/words';
import { blankLongCommentRuns } from '../source/pythonComments';
import { blankScan, scanUnfinished } from '../source/pythonUnfinished';
import type { MatchInput } from '../match/match';
import type { CodeLanguage, Note } from '../types';
import { recordFactsFor, type DocumentFacts } from './documentFacts';
import { parsedFrom } from '../semantic';
import { narrowToFunction, narrowToModule, outermostFunctions, planRequery, type IncrementalState, type RequeryPlan } from './incremental';

// Steps 1 and 2 of an analysis with syntax rules: parse (incrementally from the previous run's tree, when there
// is one) and plan what the queries must re-run over; then settle the plan once the new tree is known.

export interface ParsedDocument {
  tree: Tree | null;
  /** What tree-sitter parsed: the document's text, for Python with some runs blanked (see below). */
  parseText: string;
  plan: RequeryPlan;
}

/** Parses for the query rules and sets the input's tree and language. A failed parse leaves the tree null. */
export async function parseAndPlan(
  lang: CodeLanguage,
  text: string,
  input: MatchInput,
  notes: Note[],
  state: IncrementalState | undefined,
  log: (message: string) => void,
): Promise<ParsedDocument> {
  let tree: Tree | null = null;
  let parseText = text;
  let plan: RequeryPlan = { kind: 'full' };
  let edited: Tree | null = null;
  try {
    input.language = await loadGrammar(lang);
    input.grammarKey = grammarKey(lang);
    // What tree-sitter parses: the same text, with long runs of Python comment lines and the unfinished syntax
    // of a line being typed blanked (pythonComments.ts, pythonUnfinished.ts).
    if (lang === 'python') {
      // Re-scanned around the edit only, from the last keystroke's scan (pythonUnfinished.ts).
      const scan = scanUnfinished(blankLongCommentRuns(text), state?.pythonScan);
      if (state) state.pythonScan = scan;
      parseText = blankScan(scan);
    }
    const previous = state?.tree && state.text !== undefined ? { tree: state.tree, text: state.text } : undefined;
    // The parser reuses an edited copy of the old tree (a copy shares its nodes, so it costs nothing): the old
    // tree itself stays as it was until this run is stored, for the semantic step to compare (semanticModule.ts).
    edited = previous ? previous.tree.copy() : null;
    if (previous && edited) plan = planRequery(edited, previous.text, parseText, () => (state!.functions ??= outermostFunctions(previous.tree.rootNode)));
    tree = await parse(lang, parseText, {}, edited);
    if (tree) input.tree = tree;
    // The lowering of the new tree may reuse what the old one's read of the subtrees they share (semantic/index.ts).
    if (tree && previous) parsedFrom(tree, previous.tree);
    // The word index of the new text follows from the old one and the edit (words.ts).
    if (tree && previous) {
      if (plan.kind === 'same') deriveWordIndex(tree, previous.tree, 0, 0, 0);
      else if (plan.kind === 'partial' || plan.kind === 'module') deriveWordIndex(tree, previous.tree, plan.editStart, plan.oldEditEnd, plan.newEditEnd);
    }
    if (tree && plan.kind === 'module' && edited) plan = narrowToModule(plan, edited, tree, parseText);
    if (!tree) notes.push({ code: 'skipped', severity: 'info', range: input.lines.rangeOf(0, 0), message: 'parsing exceeded its work budget; only text rules ran' });
  } catch (e) {
    log(`parse failed for ${input.doc.path}: ${(e as Error).message}`);
  } finally {
    edited?.delete();
  }
  return { tree, parseText, plan };
}

/**
 * The plan once the new tree is known: narrowed to the function the edit is in, or a full run when nothing can be
 * carried over. Records in `facts` what the helpers will read of the whole tree.
 */
export function settlePlan(plan: RequeryPlan, tree: Tree | null, text: string, state: IncrementalState | undefined, facts: DocumentFacts): RequeryPlan {
  if (plan.kind === 'partial' && tree) plan = narrowToFunction(plan, tree);
  if ((plan.kind === 'partial' || plan.kind === 'module') && !tree) plan = { kind: 'full' };
  // A fact of the whole document that some finding rests on (a word another function's rule checks for, an
  // import, a file constant) may have changed with this edit: then nothing can be carried over.
  if (plan.kind !== 'full' && !state?.facts?.holdFor(text, tree, plan.kind === 'partial')) plan = { kind: 'full' };
  // Helpers record what they read of the whole tree in this analysis's facts; after an edit inside one function,
  // what they read outside functions is known already.
  if (state && tree) recordFactsFor(tree, facts);
  if (plan.kind === 'partial' && state?.facts) facts.keepOutsideFunctions(state.facts);
  if (plan.kind !== 'full' && state?.facts) facts.keepVerdicts(state.facts);
  return plan;
}
