import type { Node, Tree } from '../source/parse';
import type { RawFinding } from '../match/match';
import type { DocumentFacts } from './documentFacts';
import type { SemanticModel } from '../semantic';
import type { KeywordScan } from './keywordReuse';
import type { UnfinishedScan } from '../source/pythonUnfinished';
import { FUNCTION_LIST, FUNCTION_TYPES, isFunctionNode } from './units';
import { commonAffixes } from '../source/textDiff';

// Incremental re-analysis for the editor. The unit is the OUTERMOST function: rules follow values within a
// function (a query built on one line, executed on another), never across functions; what a function's findings
// read from the rest of the file (imports, file constants, the quote style) is recorded as document facts and
// re-checked after every edit. A keystroke inside a function re-runs the queries over that function only. A
// keystroke elsewhere (module-level code, a class's fields, between functions) re-runs them over all code outside
// functions, whose values flow from statement to statement, and carries over the findings of every function
// tree-sitter reports unchanged; an unclosed bracket that swallows the functions after it re-runs those too.

export { isFunctionNode };

export type Span = readonly [start: number, end: number];

export type RequeryPlan =
  | { kind: 'full' }
  /** The text did not change: every finding carries over. */
  | { kind: 'same' }
  | {
      kind: 'partial';
      /** The edit, from a common-prefix/suffix diff of the old and new text. */
      editStart: number;
      oldEditEnd: number;
      newEditEnd: number;
      /** The outermost function around the edit, in the old text and (after narrowToFunction) in the new one. */
      oldStart: number;
      oldEnd: number;
      newStart: number;
      newEnd: number;
    }
  | {
      kind: 'module';
      editStart: number;
      oldEditEnd: number;
      newEditEnd: number;
      /** The outermost functions of the old text (from before the edit), in old offsets. */
      oldFunctions: Span[];
      /** After narrowToModule: the functions whose findings carry over, in old and in new offsets (same order). */
      carriedOld: Span[];
      carriedNew: Span[];
      /** The code between carried functions, where the queries re-run (new offsets, whitespace-only gaps left out). */
      gaps: Span[];
      /** The outermost functions of the new tree, for the next edit. */
      newFunctions: Span[];
      /** The edit and the ranges where the tree's structure changed, merged (new offsets). */
      affected: Span[];
    };

/** The spans of the outermost functions under `root` that overlap [start, end) (all of them by default), in order. */
export function outermostFunctions(root: Node, range?: { start: Point; end: Point }): Span[] {
  const found = range ? root.descendantsOfType(FUNCTION_LIST, range.start, range.end) : root.descendantsOfType(FUNCTION_LIST);
  const out: Span[] = [];
  for (const f of found) {
    // Document order: an outer function comes before the functions nested in it.
    if (f && (out.length === 0 || f.startIndex >= out[out.length - 1]![1])) out.push([f.startIndex, f.endIndex]);
  }
  return out;
}

function outermostFunction(root: Node, start: number, end: number): Node | undefined {
  let n: Node | null = root.descendantForIndex(start, Math.max(start, end - 1));
  let found: Node | undefined;
  while (n && n.parent) {
    if (FUNCTION_TYPES.has(n.type)) found = n;
    n = n.parent;
  }
  return found;
}

/** tree-sitter points count rows by `\n` only and columns in UTF-16 units (web-tree-sitter). */
type Point = { row: number; column: number };

function pointAt(text: string, offset: number): Point {
  return pointAfter(text, { row: 0, column: 0 }, 0, offset);
}

/** The point of `offset`, from the known point `from` of an earlier offset `fromOffset` (scans only between them). */
function pointAfter(text: string, from: Point, fromOffset: number, offset: number): Point {
  let row = from.row;
  let lineStart = fromOffset - from.column;
  for (let i = text.indexOf('\n', fromOffset); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * Diffs the old and new text, edits the old tree in place so the parser can reuse it, and decides whether the
 * change lies strictly inside one function. Returns `full` when a partial re-analysis would not be sound; the
 * old tree is edited either way (unless the text is the same), so it is always a valid base for the next parse.
 */
export function planRequery(oldTree: Tree, oldText: string, newText: string, oldFunctions?: () => Span[] | undefined): RequeryPlan {
  if (oldText === newText) return { kind: 'same' };
  const { prefix: start, suffix } = commonAffixes(oldText, newText);
  const oldEditEnd = oldText.length - suffix;
  const newEditEnd = newText.length - suffix;
  const fn = outermostFunction(oldTree.rootNode, start, oldEditEnd);
  const inside = fn !== undefined && fn.startIndex < start && oldEditEnd < fn.endIndex;
  let plan: RequeryPlan = { kind: 'full' };
  if (inside) plan = { kind: 'partial', editStart: start, oldEditEnd, newEditEnd, oldStart: fn.startIndex, oldEnd: fn.endIndex, newStart: -1, newEnd: -1 };
  else {
    // The old functions must be read before the tree learns of the edit.
    const functions = oldFunctions?.();
    if (functions) plan = { kind: 'module', editStart: start, oldEditEnd, newEditEnd, oldFunctions: functions, carriedOld: [], carriedNew: [], gaps: [], newFunctions: [], affected: [] };
  }
  // The old tree learns of the edit even when the queries must re-run everywhere: the parser still reuses every
  // subtree the edit did not touch, which makes a re-parse of a large file cost about as much as the edit.
  const startPosition = pointAt(oldText, start);
  oldTree.edit({
    startIndex: start,
    oldEndIndex: oldEditEnd,
    newEndIndex: newEditEnd,
    startPosition,
    oldEndPosition: pointAfter(oldText, startPosition, start, oldEditEnd),
    newEndPosition: pointAfter(newText, startPosition, start, newEditEnd),
  });
  return plan;
}

/** Finds the same function in the new tree; if the edit changed the code's structure around it, falls back to full. */
export function narrowToFunction(plan: RequeryPlan, tree: Tree): RequeryPlan {
  if (plan.kind !== 'partial') return plan;
  const delta = plan.newEditEnd - plan.oldEditEnd;
  const fn = outermostFunction(tree.rootNode, plan.editStart, plan.newEditEnd);
  if (!fn || fn.startIndex !== plan.oldStart || fn.endIndex !== plan.oldEnd + delta) return { kind: 'full' };
  return { ...plan, newStart: fn.startIndex, newEnd: fn.endIndex };
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Index of the span of the sorted, disjoint `spans` that contains [start, end), or -1. */
function containing(spans: Span[], start: number, end: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (start < s) hi = mid - 1;
    else if (start >= e) lo = mid + 1;
    else return end <= e ? mid : -1;
  }
  return -1;
}

/** True when the new tree has an outermost function spanning exactly [start, end). */
function isOutermostFunctionAt(root: Node, start: number, end: number): boolean {
  let n: Node | null = root.descendantForIndex(start, Math.max(start, end - 1));
  let found = false;
  for (; n && n.parent; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type)) continue;
    if (found || n.startIndex !== start || n.endIndex !== end) return false;
    found = true;
  }
  return found;
}

/**
 * Completes a `module` plan once the new tree exists. tree-sitter's changed ranges say where the structure of
 * the tree changed: every character outside them has the same ancestors in both trees, so a function outside
 * them (and outside the edit) is the same function. The nearest function on each side of a changed range is
 * checked directly (it may have grown into the range: a line typed at its indentation). Returns `full` when the
 * edit reaches into every function anyway.
 */
export function narrowToModule(plan: RequeryPlan, oldTree: Tree, tree: Tree, text: string): RequeryPlan {
  if (plan.kind !== 'module') return plan;
  const delta = plan.newEditEnd - plan.oldEditEnd;
  const affected = mergeSpans([[plan.editStart, plan.newEditEnd], ...oldTree.getChangedRanges(tree).map((r): Span => [r.startIndex, r.endIndex])]);
  const touches = (s: number, e: number): boolean => affected.some(([a, b]) => s <= b && a <= e);
  const carriedOld: Span[] = [];
  const carriedNew: Span[] = [];
  for (const [s, e] of plan.oldFunctions) {
    const shift = e <= plan.editStart ? 0 : s >= plan.oldEditEnd ? delta : undefined;
    if (shift === undefined || touches(s + shift, e + shift)) continue;
    carriedOld.push([s, e]);
    carriedNew.push([s + shift, e + shift]);
  }
  const drop = new Set<number>();
  const root = tree.rootNode;
  for (const [, b] of affected) {
    // Carried functions do not touch the range: the first one after it and the one before that are its neighbours.
    const after = carriedNew.findIndex(([s]) => s > b);
    const before = (after < 0 ? carriedNew.length : after) - 1;
    for (const i of [before, after]) {
      if (i >= 0 && i < carriedNew.length && !drop.has(i) && !isOutermostFunctionAt(root, carriedNew[i]![0], carriedNew[i]![1])) drop.add(i);
    }
  }
  const keptOld = carriedOld.filter((_, i) => !drop.has(i));
  const keptNew = carriedNew.filter((_, i) => !drop.has(i));
  const dropped = carriedNew.filter((_, i) => drop.has(i));
  if (keptNew.length === 0) return { kind: 'full' };
  // The code between carried functions, and the functions in it that the edit made or changed.
  const gaps: Span[] = [];
  const newFunctions: Span[] = [];
  const nonBlank = /\S/g;
  let cursor = 0;
  let point: Point = { row: 0, column: 0 };
  let pointOffset = 0;
  const pointOf = (o: number): Point => {
    point = pointAfter(text, point, pointOffset, o);
    pointOffset = o;
    return point;
  };
  const addGap = (s: number, e: number): void => {
    nonBlank.lastIndex = s;
    const m = nonBlank.exec(text);
    if (!m || m.index >= e) return;
    gaps.push([s, e]);
    // Any other gap held no function before the edit (the old list is complete) and none after (it is unchanged).
    if (!touches(s, e) && !dropped.some(([ds, de]) => ds < e && s < de)) return;
    const start = pointOf(s);
    for (const f of outermostFunctions(root, { start, end: pointOf(e) })) if (f[0] >= s && f[1] <= e) newFunctions.push(f);
  };
  for (const [s, e] of keptNew) {
    if (s > cursor) addGap(cursor, s);
    newFunctions.push([s, e]);
    cursor = e;
  }
  if (cursor < text.length) addGap(cursor, text.length);
  newFunctions.sort((x, y) => x[0] - y[0]);
  return { ...plan, carriedOld: keptOld, carriedNew: keptNew, gaps, newFunctions, affected };
}

/**
 * The previous query findings inside the functions a `module` plan carries, shifted to the new text. Findings in
 * the code between functions are dropped (the queries re-run there). Undefined when a carried finding's fix
 * reaches into the edit (its offsets cannot be mapped): the caller then re-runs all.
 */
export function carryModule(previous: RawFinding[], plan: RequeryPlan): RawFinding[] | undefined {
  if (plan.kind !== 'module') return undefined;
  const delta = plan.newEditEnd - plan.oldEditEnd;
  const { editStart, oldEditEnd } = plan;
  // Offsets outside the edit move with it; one where text was inserted could belong before or after the insertion.
  const map = (o: number): number | undefined =>
    o < editStart || (o === editStart && o < oldEditEnd) ? o : o > oldEditEnd || (o === oldEditEnd && o > editStart) ? o + delta : undefined;
  const out: RawFinding[] = [];
  for (const f of previous) {
    const i = containing(plan.carriedOld, f.start, f.end);
    if (i < 0) continue;
    const [fs, fe] = plan.carriedOld[i]!;
    const fixes: RawFinding['fixes'] = [];
    for (const x of f.fixes) {
      const edits: typeof x.edits = [];
      for (const e of x.edits) {
        // An edit outside the finding's function (an import to add) was computed from the rest of the file, as a
        // recorded fact; a fact that still holds gives the same offsets, which is right only before the edit.
        // (After it, the fact's offsets move with the text unless the file changed there: an import typed above
        // the old first one put the new first import where the old one was, found by the random-edit property.)
        const outside = e.start < fs || e.end > fe;
        if (outside && e.end >= editStart) return undefined;
        const start = map(e.start);
        const end = map(e.end);
        if (start === undefined || end === undefined) return undefined;
        edits.push({ ...e, start, end });
      }
      fixes.push({ ...x, edits });
    }
    const anchors = f.anchors?.map(map);
    if (anchors?.some((a) => a === undefined)) return undefined;
    // A taint step in the edited code (a caller, a field write) is stale: the facts it rests on decide again.
    const flow = f.flow?.map((s) => ({ ...s, start: map(s.start), end: map(s.end) }));
    if (flow?.some((s) => s.start === undefined || s.end === undefined)) return undefined;
    // Inside a carried function, which the edit does not touch, start and end always map.
    out.push(delta === 0 ? f : { ...f, start: map(f.start)!, end: map(f.end)!, fixes, ...(anchors ? { anchors: anchors as number[] } : {}), ...(flow ? { flow: flow as { start: number; end: number; message: string }[] } : {}) });
  }
  return out;
}

/** The outermost functions after a `partial` plan: the edited one changed length, the ones after it moved. */
export function functionsAfter(plan: RequeryPlan, functions: Span[] | undefined): Span[] | undefined {
  if (plan.kind === 'same') return functions;
  if (plan.kind === 'module') return plan.newFunctions;
  if (plan.kind !== 'partial' || !functions) return undefined;
  const delta = plan.newEditEnd - plan.oldEditEnd;
  return functions.map(([s, e]): Span => (e <= plan.editStart ? [s, e] : s >= plan.oldEditEnd ? [s + delta, e + delta] : [s, e + delta]));
}

/**
 * The previous query findings that lie outside the changed function, shifted to the new text. Undefined when a
 * carried finding's fix reaches into the changed function (its edits could be stale): the caller then re-runs all.
 */
export function carryOver(previous: RawFinding[], plan: RequeryPlan): RawFinding[] | undefined {
  if (plan.kind === 'same') return previous;
  if (plan.kind !== 'partial') return undefined;
  const delta = plan.newEditEnd - plan.oldEditEnd;
  const out: RawFinding[] = [];
  const shift = (o: number): number => (o >= plan.oldEnd ? o + delta : o);
  for (const f of previous) {
    const overlaps = f.start < plan.oldEnd && f.end > plan.oldStart;
    if (overlaps) continue;
    if (f.fixes.some((x) => x.edits.some((e) => e.start < plan.oldEnd && e.end > plan.oldStart))) return undefined;
    if (f.flow?.some((s) => s.start < plan.oldEnd && s.end > plan.oldStart)) return undefined;
    // A finding before the function may still have fix edits after it (a Go import fix rewrites every call).
    if (delta === 0) {
      out.push(f);
      continue;
    }
    out.push(shiftFinding(f, shift));
  }
  return out;
}

/** A finding with every offset it holds (span, fix edits, quoted line anchors) moved by `shift`. */
export function shiftFinding(f: RawFinding, shift: (offset: number) => number): RawFinding {
  return {
    ...f,
    start: shift(f.start),
    end: shift(f.end),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: shift(e.start), end: shift(e.end) })) })),
    ...(f.anchors ? { anchors: f.anchors.map(shift) } : {}),
    ...(f.flow ? { flow: f.flow.map((s) => ({ ...s, start: shift(s.start), end: shift(s.end) })) } : {}),
  };
}

/** What a module-level edit's semantic re-run needs of the last run. */
export interface SemanticModuleState {
  /** The tree the rest describes (the state's tree: the parser reuses an edited copy of it, see parsePlan.ts). */
  tree: Tree;
  /** The last module-level re-run's model of this tree and the classes it was for (JSON), if any. */
  model: SemanticModel | undefined;
  pathKey: string | undefined;
  /** Upper bounds of the matches each rule examined in the whole file (MAX_MATCHES_PER_RULE applies). */
  seen: Map<string, number>;
}

/** What a document session keeps between runs: the last text, its tree and the query findings. */
export class IncrementalState {
  key: string | undefined;
  /** The text `tree` was parsed from (see blankLongCommentRuns: for Python it may differ from the document's). */
  text: string | undefined;
  tree: Tree | null = null;
  queryRaw: RawFinding[] | undefined;
  /** The whole-document facts the carried findings rest on; a partial run is sound only while they hold. */
  facts: DocumentFacts | undefined;
  failedRules = 0;
  /** The outermost functions of `tree` (see outermostFunctions), once a module-level edit has needed them. */
  functions: Span[] | undefined;
  /** How the last run went (`full`, `same`, `partial a-b`), for logs and benchmarks. */
  lastPlan: string | undefined;
  /**
   * The findings of each regex pattern (`rule id#index`) that ran in full or in part last time, the document text
   * they were found in and what identifies the document (see regexIncremental.ts).
   */
  regex: { key: string; text: string; runs: Map<string, RawFinding[]> } | undefined;
  /** How many regex patterns re-ran on the changed lines only, last time (for tests and logs). */
  regexLinesOnly = 0;
  /** The semantic patterns' findings of the last run (see semanticReuse.ts). */
  semanticRaw: RawFinding[] | undefined;
  /** The rule keywords' counts in the last text (keywordReuse.ts); they depend on the text alone, so reset keeps them. */
  keywordScan: KeywordScan | undefined;
  /** The last Python text's scan for unfinished syntax (pythonUnfinished.ts); it too depends on the text alone. */
  pythonScan: UnfinishedScan | undefined;
  /** How the semantic patterns ran last time (`full`, `same`, `partial`, `module`), for tests and logs. */
  semanticPlan: string | undefined;
  /** Why the last module-level edit's semantic patterns ran in full (the check that failed), for tests and logs. */
  semanticFallback: string | undefined;
  /** What a module-level edit's semantic re-run needs of the last run (see semanticModule.ts). */
  semanticModule: SemanticModuleState | undefined;

  store(key: string, text: string, tree: Tree | null, queryRaw: RawFinding[], failedRules: number, facts: DocumentFacts): void {
    if (this.tree && this.tree !== tree) this.tree.delete();
    this.key = key;
    this.text = text;
    this.tree = tree;
    this.queryRaw = queryRaw;
    this.failedRules = failedRules;
    this.facts = facts;
  }

  reset(): void {
    this.tree?.delete();
    this.tree = null;
    this.key = undefined;
    this.text = undefined;
    this.queryRaw = undefined;
    this.facts = undefined;
    this.functions = undefined;
    this.failedRules = 0;
    this.regex = undefined;
    this.semanticRaw = undefined;
    this.semanticModule = undefined;
  }
}
