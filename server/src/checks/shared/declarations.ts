import { sourceOf, type Node } from '../../engine/source/parse';
import { isFunctionNode } from './functionNodes';
import { wordOccurrences } from '../../engine/source/words';

// Finding a file-level declaration of one name without walking the whole tree. A walk of every declaration in a
// 10,000-line file (even inside tree-sitter) cost 40 ms, and the incremental analysis re-checks the constants
// that findings rest on after every keystroke. Instead: look the name up in the file's word index (words.ts),
// keep the places followed by `=` on the same line (every declaration with a value the constant helpers read has
// that shape), then climb from each hit to the declaration node around it. Cost: the tree's depth per hit.


const perTree = new WeakMap<object, WeakMap<ReadonlySet<string>, Map<string, Node[]>>>();

/**
 * The nodes of one of `types` around an occurrence of `name` followed by `=` (a type annotation may come between),
 * outside every function, each once, in document order.
 */
export function declarationSites(root: Node, name: string, types: ReadonlySet<string>): Node[] {
  let byTypes = perTree.get(root.tree);
  if (!byTypes) {
    byTypes = new WeakMap();
    perTree.set(root.tree, byTypes);
  }
  let memo = byTypes.get(types);
  if (!memo) {
    memo = new Map();
    byTypes.set(types, memo);
  }
  const known = memo.get(name);
  if (known) return known;
  const out: Node[] = [];
  const seen = new Set<number>();
  const text = sourceOf(root);
  const assigned = /[^=\n;(){}]*=(?![=>~])/y;
  for (const at of wordOccurrences(root.tree, name)) {
    assigned.lastIndex = at + name.length;
    if (!assigned.test(text)) continue;
    let n: Node | null = root.descendantForIndex(at, at + name.length);
    while (n && n.parent && !types.has(n.type) && !isFunctionNode(n)) n = n.parent;
    if (!n || !n.parent || !types.has(n.type) || seen.has(n.startIndex)) continue;
    let inFunction = false;
    for (let p: Node | null = n.parent; p && !inFunction; p = p.parent) inFunction = isFunctionNode(p);
    if (inFunction) continue;
    seen.add(n.startIndex);
    out.push(n);
  }
  memo.set(name, out);
  return out;
}
