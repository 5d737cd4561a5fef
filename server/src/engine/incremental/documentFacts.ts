import type { Node, Tree } from '../source/parse';

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
