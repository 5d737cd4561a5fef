import type { Node, Tree } from './parse';

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

type Fact = { value: string; compute: TextCompute; tree?: false } | { value: string; compute: TreeCompute; tree: true };

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
  recordTree(key: string, value: string, compute: TreeCompute): void {
    if (!this.facts.has(key)) this.facts.set(key, { value, compute, tree: true });
  }

  /** True when every recorded fact computes the same on `text` and its tree (tree facts fail without a tree). */
  holdFor(text: string, tree?: Tree | null): boolean {
    for (const f of this.facts.values()) {
      if (f.tree) {
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

/**
 * A fact of the whole tree that `node` belongs to: `compute(root)` gives the value, `serialize` the form compared
 * after an edit (default JSON). Recorded in the facts of the analysis that parsed the tree, if any.
 */
export function treeFact<T>(node: Node, key: string, compute: (root: Node) => T, serialize: (value: T) => string = (v) => JSON.stringify(v) ?? 'undefined'): T {
  const root = node.tree.rootNode;
  const value = compute(root);
  factsByTree.get(node.tree)?.recordTree(key, serialize(value), (r) => serialize(compute(r)));
  return value;
}
