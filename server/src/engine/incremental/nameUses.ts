import { sourceOf, type Node, type Tree } from '../source/parse';
import { wordOccurrences } from '../source/words';
import type { RequeryPlan, Span } from './incremental';

// Where a name occurs in a document and how the code reads it there, for the semantic step's incremental plans
// (semanticReuse.ts, semanticModule.ts, moduleReach.ts): every lookup goes through the tree's word index
// (words.ts), so a keystroke costs the occurrences of the names it touches, not a pass over the file per name.

/**
 * How code reads the word `name` at `p`: not at all (a keyword, or part of a string or comment), as a name that
 * may be a definition's (its node is its parent's `name` field, unless the parent is a call: Java's and PHP's
 * calls name the method in a `name` field too), or as any other identifier (with any `$`/`@` sigil). One tree
 * lookup answers both questions the plans ask.
 */
export function wordAt(root: Node, p: number, name: string): 'none' | 'definition' | 'read' {
  const node = root.descendantForIndex(p, p + name.length);
  if (!node) return 'definition';
  if (!node.isNamed || /string|comment|content|fragment|escape/.test(node.type)) return 'none';
  if (node.text.replace(/^[$@]+/, '').toLowerCase() !== name.toLowerCase()) return 'none';
  if (node.text !== name) return 'definition';
  const parent = node.parent;
  const named = parent?.childForFieldName('name');
  // The node types a lowering makes a function of (lower/*.ts fnOf: function_definition, method_declaration,
  // local_function_statement, singleton_method, a C# property...) all say so; a parameter or a call does not.
  return named !== null && named !== undefined && named.id === node.id && /function|method|constructor|property|definition|declaration/.test(parent!.type) && !/call|invocation/.test(parent!.type) ? 'definition' : 'read';
}

/** Whether the word at `p` is `name` as code reads it. */
export function readsName(root: Node, p: number, name: string): boolean {
  return wordAt(root, p, name) !== 'none';
}

const identifier = /[A-Za-z_$][\w$]*/g;

/** calledInFile's counts (evaluate.ts) of the identifiers that start in [start, end), looking past `end`. */
export function callCounts(text: string, start: number, end: number): Map<string, number> {
  const counts = new Map<string, number>();
  identifier.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = identifier.exec(text)) !== null && m.index < end) {
    let i = identifier.lastIndex;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '(') counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

/** Offsets where `name` occurs as a whole word in the tree's text outside `skip` (sorted spans). */
export function occurrences(tree: Tree, name: string, skip: Span[], ignoreCase = false): number[] {
  return wordOccurrences(tree, name, ignoreCase).filter((at) => !skip.some(([s, e]) => at >= s && at < e));
}

/**
 * Whether the identifier at `p` is written as a member (`x.name`, `$x->name`, `X::name`). Ruby's singleton method
 * definitions (`def self.name`, `def obj.name`) put a definition's name after a `.` too: those are not members here.
 */
export function memberAccessAt(text: string, p: number): boolean {
  let i = p - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const c = text[i];
  const op = c === '.' ? 1 : (c === '>' && text[i - 1] === '-') || (c === ':' && text[i - 1] === ':') ? 2 : 0;
  if (op === 0) return false;
  const lineStart = text.lastIndexOf('\n', i) + 1;
  return !/(?:^|[\s;])def\s+[\w$]*\s*$/.test(text.slice(lineStart, i + 1 - op));
}

/** Whether the identifier `name` at `p` may name a definition (see wordAt). */
export function possibleDefinition(root: Node, p: number, name: string): boolean {
  return wordAt(root, p, name) === 'definition';
}

/**
 * Whether re-evaluating the one function an edit lies in, on its own, gives the full model's findings (the
 * `partial` plan): not when the function is called in the file (a caller gives its parameters their values and
 * reads its result), nor when it calls a function of the file, old text or new (which then runs with its
 * arguments, and sees the fields as it left them).
 */
export function functionStandsAlone(tree: Tree, oldText: string, plan: Extract<RequeryPlan, { kind: 'partial' }>, languageId: string): boolean {
  // The document's text: the root node's own starts at the first token, and offsets count from the document's start.
  const text = sourceOf(tree.rootNode);
  const root = tree.rootNode;
  const inside: Span[] = [[plan.newStart, plan.newEnd]];
  let fn: Node | null = root.descendantForIndex(plan.newStart, Math.max(plan.newStart, plan.newEnd - 1));
  while (fn && !(fn.startIndex === plan.newStart && fn.endIndex === plan.newEnd)) fn = fn.parent;
  if (!fn) return false;
  const nameNode = fn.childForFieldName('name');
  const own = nameNode?.text;
  // Its own name elsewhere only where other functions of that name are defined (no call, no reference)...
  if (own !== undefined && own !== '') {
    const uses = occurrences(tree, own, inside);
    if (uses.length > 5000 || uses.some((p) => wordAt(root, p, own) === 'read')) return false;
    // ...and inside it only as its name (a recursive or self call may reach another function of that name).
    if (occurrences(tree, own, []).some((p) => p >= plan.newStart && p < plan.newEnd && p !== nameNode!.startIndex && readsName(root, p, own))) return false;
  }
  const called = new Set([...callCounts(oldText, plan.oldStart, plan.oldEnd).keys(), ...callCounts(text, plan.newStart, plan.newEnd).keys()]);
  for (const n of called) if (n !== own && definedOutside(tree, text, n, inside, languageId)) return false;
  return true;
}

/**
 * Whether a function of the file outside `skip` may be named `name` (so a call of it there runs that function),
 * or the name occurs too often to tell. A name right after `.`, `->` or `::` is a member access (`db.query(..)`
 * elsewhere in the file), never a definition's name, so most occurrences are settled from the text without a walk
 * of the tree: a keystroke stays independent of how often the file calls a method of the same name.
 */
export function definedOutside(tree: Tree, text: string, name: string, skip: Span[], languageId: string): boolean {
  const keywordFirst = Object.hasOwn(DEFINITION_KEYWORDS, languageId) ? DEFINITION_KEYWORDS[languageId] : undefined;
  const at = occurrences(tree, name, skip);
  return at.length > 5000 || at.some((p) => !memberAccessAt(text, p) && !(keywordFirst && !afterDefinitionKeyword(text, p, keywordFirst)) && possibleDefinition(tree.rootNode, p, name));
}

/**
 * Languages whose definitions (the nodes possibleDefinition accepts) always follow a keyword on their line:
 * Python's `def`/`class`, Ruby's `def` (a Ruby `class` or `module` is no definition there). An occurrence
 * without it is settled from the text: a file that calls `len(` 3,000 times costs no tree lookup per call.
 */
const DEFINITION_KEYWORDS: Record<string, RegExp> = {
  python: /(?:^|[^\w$])(?:def|class)(?:\s|\\\n)+$/,
  ruby: /(?:^|[^\w$])def\s+(?:[\w$]+\s*(?:\.|::)\s*)?$/,
};

/** Whether the identifier at `p` follows its language's definition keyword (see DEFINITION_KEYWORDS). */
function afterDefinitionKeyword(text: string, p: number, keyword: RegExp): boolean {
  // Its line and the one before (Python allows `def \` with the name on the next line).
  const previousEnd = text.lastIndexOf('\n', p - 1);
  const from = previousEnd <= 0 ? 0 : text.lastIndexOf('\n', previousEnd - 1) + 1;
  return keyword.test(text.slice(from, p));
}
