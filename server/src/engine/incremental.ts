import type { Node, Tree } from './parse';
import type { RawFinding } from './match';
import type { DocumentFacts } from './documentFacts';

// Incremental re-analysis for the editor: a keystroke inside a function re-parses incrementally and re-runs the
// queries over that function only; everything else carries over. The unit is the OUTERMOST function around the
// change, because rules follow values within a function (a query built on one line, executed on another), never
// across functions. Any change outside a function (imports, module constants, class fields) re-runs everything.

const FUNCTION_TYPES = new Set([
  'function_definition', // python, php
  'function_declaration', // js/ts, go
  'function_expression',
  'generator_function_declaration',
  'generator_function',
  'arrow_function', // js/ts, php
  'method_definition', // js/ts
  'method_declaration', // java, c#, go, php
  'constructor_declaration', // java, c#
  'compact_constructor_declaration',
  'local_function_statement', // c#
  'accessor_declaration',
  'func_literal', // go
  'method', // ruby
  'singleton_method',
  'anonymous_function', // php
  'lambda', // python
]);

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
    };

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
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    last = i;
  }
  return { row, column: offset - last - 1 };
}

/**
 * Diffs the old and new text, edits the old tree in place so the parser can reuse it, and decides whether the
 * change lies strictly inside one function. Returns `full` when a partial re-analysis would not be sound; the
 * old tree is edited either way (unless the text is the same), so it is always a valid base for the next parse.
 */
export function planRequery(oldTree: Tree, oldText: string, newText: string): RequeryPlan {
  if (oldText === newText) return { kind: 'same' };
  const min = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < min && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < min - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const oldEditEnd = oldText.length - suffix;
  const newEditEnd = newText.length - suffix;
  const fn = outermostFunction(oldTree.rootNode, start, oldEditEnd);
  const inside = fn !== undefined && fn.startIndex < start && oldEditEnd < fn.endIndex;
  const plan: RequeryPlan = inside
    ? { kind: 'partial', editStart: start, oldEditEnd, newEditEnd, oldStart: fn.startIndex, oldEnd: fn.endIndex, newStart: -1, newEnd: -1 }
    : { kind: 'full' };
  // The old tree learns of the edit even when the queries must re-run everywhere: the parser still reuses every
  // subtree the edit did not touch, which makes a re-parse of a large file cost about as much as the edit.
  oldTree.edit({
    startIndex: start,
    oldEndIndex: oldEditEnd,
    newEndIndex: newEditEnd,
    startPosition: pointAt(oldText, start),
    oldEndPosition: pointAt(oldText, oldEditEnd),
    newEndPosition: pointAt(newText, newEditEnd),
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
    if (delta === 0 || f.start < plan.oldStart) {
      out.push(f);
      continue;
    }
    out.push({
      ...f,
      start: shift(f.start),
      end: shift(f.end),
      fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: shift(e.start), end: shift(e.end) })) })),
    });
  }
  return out;
}

/** What a document session keeps between runs: the last text, its tree and the query findings. */
export class IncrementalState {
  key: string | undefined;
  text: string | undefined;
  tree: Tree | null = null;
  queryRaw: RawFinding[] | undefined;
  /** The whole-document facts the carried findings rest on; a partial run is sound only while they hold. */
  facts: DocumentFacts | undefined;
  failedRules = 0;
  /** How the last run went (`full`, `same`, `partial a-b`), for logs and benchmarks. */
  lastPlan: string | undefined;

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
    this.failedRules = 0;
  }
}
