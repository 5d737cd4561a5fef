import { createHash } from 'crypto';
import type { Node, Tree } from '../source/parse';
import { isFunctionNode } from './units';

// What helpers learn from the whole document rather than from the matched code: "the file mentions
// ScriptEngine", "this JavaScript file imports child_process as cp", "single quotes are the majority", "TABLE is a
// file-level constant with a literal value", "md5 here is `from hashlib import md5`". The editor's incremental
// analysis re-runs only the code that changed and carries every other finding over, which is sound only while
// these facts still hold: an edit in one place can add the word, the import or the constant that a finding
// elsewhere depends on. Each fact is recorded with the function that computes it, so the next edit can re-check
// all of them against the new text and tree (a few regex tests and lookups in per-tree indexes) and fall back to
// a full analysis if one changed.

type TextCompute = (text: string) => string;
type TreeCompute = (root: Node) => string;

type Fact = { value: string; compute: TextCompute; tree?: false } | { value: string; compute: TreeCompute; tree: true; outsideFunctions: boolean };

export interface TreeFactOptions<T = unknown> {
  /**
   * The fact reads only code outside functions (file constants, Go imports): an edit inside one function, which
   * leaves the function's span and every other character as they were, cannot change it, so it is neither
   * re-checked nor (with `deserialize`) computed again after such an edit.
   */
  outsideFunctions?: boolean;
  /** Turns a recorded value back into the fact's value (with `outsideFunctions`, to reuse it). */
  deserialize?: (recorded: string) => T;
}

export class DocumentFacts {
  private readonly facts = new Map<string, Fact>();
  /**
   * Helpers' verdicts on code inside functions (verdictAcrossEdits), shared by the analyses of one document for
   * as long as every recorded fact holds.
   */
  verdicts = new Map<string, string>();

  /** The fact `key` of `text`, computed once per analysis and recorded. */
  get(key: string, text: string, compute: TextCompute): string {
    let f = this.facts.get(key);
    if (!f) {
      f = { value: compute(text), compute };
      this.facts.set(key, f);
    }
    return f.value;
  }

  /** Records the fact `key` of the syntax tree (a file's imports, its constants) unless already recorded. */
  /** The recorded value of a fact that reads only code outside functions, if there is one. */
  outsideFunctionsValue(key: string): string | undefined {
    const f = this.facts.get(key);
    return f?.tree && f.outsideFunctions ? f.value : undefined;
  }

  /**
   * Takes over the facts of `other` that read only code outside functions, after an edit inside one function
   * (which cannot change them): helpers then reuse their values instead of reading the whole file again.
   */
  keepOutsideFunctions(other: DocumentFacts): void {
    for (const [k, f] of other.facts) if (f.tree && f.outsideFunctions && !this.facts.has(k)) this.facts.set(k, f);
  }

  recordTree(key: string, value: string, compute: TreeCompute, opts: TreeFactOptions = {}): void {
    if (!this.facts.has(key)) this.facts.set(key, { value, compute, tree: true, outsideFunctions: opts.outsideFunctions === true });
  }

  /**
   * True when every recorded fact computes the same on `text` and its tree (tree facts fail without a tree).
   * `insideOneFunction`: the edit lay inside one function and left its span as it was (see TreeFactOptions).
   */
  holdFor(text: string, tree?: Tree | null, insideOneFunction = false): boolean {
    for (const f of this.facts.values()) {
      if (f.tree) {
        if (insideOneFunction && f.outsideFunctions) continue;
        if (!tree || f.compute(tree.rootNode) !== f.value) return false;
      } else if (f.compute(text) !== f.value) return false;
    }
    return true;
  }

  /** Takes over the verdicts of the previous analysis, whose facts hold for this one (bounded in number). */
  keepVerdicts(other: DocumentFacts): void {
    this.verdicts = other.verdicts.size > MAX_VERDICTS ? new Map() : other.verdicts;
  }

  /** Adds the facts of `other` this one lacks (those behind findings carried over from an earlier run). */
  absorb(other: DocumentFacts): void {
    for (const [k, f] of other.facts) if (!this.facts.has(k)) this.facts.set(k, f);
  }
}

// Helpers deep in the data-flow code see syntax nodes, not the analysis: the facts of the analysis that parsed a
// tree are found from the tree. Outside an editor session (CLI, scans) no facts are recorded.
const factsByTree = new WeakMap<object, DocumentFacts>();

export function recordFactsFor(tree: Tree, facts: DocumentFacts): void {
  factsByTree.set(tree, facts);
}

/** Whether an analysis records facts for this tree (an editor session); a CLI scan does not. */
export function recordsFacts(node: Node): boolean {
  return factsByTree.has(node.tree);
}

/**
 * A fact of the whole tree that `node` belongs to: `compute(root)` gives the value, `serialize` the form compared
 * after an edit (default JSON). Recorded in the facts of the analysis that parsed the tree, if any.
 */
export function treeFact<T>(
  node: Node,
  key: string,
  compute: (root: Node) => T,
  serialize: (value: T) => string = (v) => JSON.stringify(v) ?? 'undefined',
  opts: TreeFactOptions<T> = {},
): T {
  const facts = factsByTree.get(node.tree);
  const known = opts.deserialize ? facts?.outsideFunctionsValue(key) : undefined;
  if (known !== undefined) return opts.deserialize!(known);
  const root = node.tree.rootNode;
  const value = compute(root);
  facts?.recordTree(key, serialize(value), (r) => serialize(compute(r)), opts);
  return value;
}

const MAX_VERDICTS = 4096;
/** A function larger than this is not worth keying by its text. */
const MAX_SCOPE = 50_000;

/** The outermost function around `node`: the unit an editor's incremental analysis re-runs (incremental.ts). */
function outermostFunction(node: Node): Node | undefined {
  let out: Node | undefined;
  for (let p = node.parent; p; p = p.parent) if (isFunctionNode(p)) out = p;
  return out;
}

/**
 * A helper's verdict on `node` that depends only on the text of the outermost function around it and on what the
 * helper records as facts (a field's readers, a function's callers): in an editor session it is computed once and
 * reused by later analyses while the function's text is the same and every fact holds, so an edit outside the
 * function (which re-runs the semantic patterns of the whole file) does not compute it again. `key` names the
 * helper and whatever else the verdict depends on (its options, the algorithm a matcher found). Outside a
 * function, or outside an editor session, it is computed every time.
 */
export function verdictAcrossEdits(node: Node, key: string, compute: () => string): string {
  const facts = factsByTree.get(node.tree);
  const fn = facts ? outermostFunction(node) : undefined;
  if (!facts || !fn || fn.endIndex - fn.startIndex > MAX_SCOPE) return compute();
  // Hashed: a key holding the function's text would keep a whole old document alive (a sliced string).
  const id = createHash('sha256').update(`${key}\0${node.startIndex - fn.startIndex}:${node.endIndex - fn.startIndex}\0${fn.text}`).digest('base64');
  let v = facts.verdicts.get(id);
  if (v === undefined) {
    v = compute();
    facts.verdicts.set(id, v);
  }
  return v;
}
