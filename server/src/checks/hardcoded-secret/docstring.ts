import type { MatchContext } from '../shared/types';

// Strings that are documentation: a Python string standing alone as a statement (a docstring, or a block of prose
// between statements) is never evaluated for its value. The connection URLs and `key = value` lines in them are
// illustrations, like the examples in a README, so only provider formats (whose shape alone is evidence) count.

const STRING_TYPES = new Set(['string', 'concatenated_string']);

/** True when UTF-16 offset `at` lies inside a Python string that is a whole expression statement. */
export function inPythonDocString(ctx: MatchContext, at: number): boolean {
  if (ctx.doc.languageId !== 'python' || !ctx.tree) return false;
  let n = ctx.tree.rootNode.descendantForIndex(at);
  while (n && !STRING_TYPES.has(n.type)) n = n.parent;
  if (!n) return false;
  while (n.parent && STRING_TYPES.has(n.parent.type)) n = n.parent;
  return n.parent?.type === 'expression_statement' && n.parent.namedChildCount === 1;
}
