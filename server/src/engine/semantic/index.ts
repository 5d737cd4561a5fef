import type { Node, Tree } from '../source/parse';
import { callCount } from '../source/words';
import type { Decl, Lowering, Module } from './ir';
import type { SemanticModel } from './model';
import { evaluate } from './evaluate';
import { java } from './lower/java';
import { python } from './lower/python';
import { csharp } from './lower/csharp';
import { go } from './lower/go';
import { javascript } from './lower/javascript';
import { php } from './lower/php';
import { ruby } from './lower/ruby';

// The semantic layer's entry point: the model of a tree, built once and shared by every matcher and helper of
// an analysis. Rules read facts from it (resolved names, possible values) and never the grammar.

export type { SemanticModel, SemCall, SemFlow, SemArg } from './model';
export type { Vals, Origin } from './values';
export { nameMatches } from './names';
/** What the evaluator treats as writing a variable or calling the file's own function (for incremental reuse). */
export { FILLERS, MUTATORS, SELF } from './evaluate';

const LOWERINGS: Record<string, Lowering> = {
  java,
  python,
  csharp,
  go,
  javascript,
  javascriptreact: javascript,
  typescript: javascript,
  typescriptreact: javascript,
  php,
  ruby,
};

/** Whether the semantic layer reads this language. */
export function hasSemantics(languageId: string): boolean {
  return Object.hasOwn(LOWERINGS, languageId);
}

const loweredModules = new WeakMap<Tree, Module>();
/** What each tree's lowering read of its top-level nodes, and the memo a tree inherits from the tree it was parsed from. */
const declMemos = new WeakMap<Tree, Map<number, Decl>>();
const inherited = new WeakMap<Tree, ReadonlyMap<number, Decl>>();

/**
 * Records that `tree` was parsed incrementally from `from`, which is still alive: the lowering of `tree` may then
 * reuse what that of `from` read of the subtrees the two share (ir.ts DeclMemo).
 */
export function parsedFrom(tree: Tree, from: Tree): void {
  const memo = declMemos.get(from);
  if (memo) inherited.set(tree, memo);
}

/**
 * The lowered module of `tree` (cached per tree: lowering is lazy below the top level, so the full model and an
 * editor's module-level re-run share it); undefined for a language with no lowering.
 */
export function loweredModule(tree: Tree, languageId: string): Module | undefined {
  const lowering = Object.hasOwn(LOWERINGS, languageId) ? LOWERINGS[languageId] : undefined;
  if (!lowering) return undefined;
  let mod = loweredModules.get(tree);
  if (!mod) {
    const next = new Map<number, Decl>();
    mod = lowering.lower(tree.rootNode, { previous: inherited.get(tree), next });
    declMemos.set(tree, next);
    inherited.delete(tree);
    mod.callCount = (name) => (/^[\w$]+$/.test(name) ? callCount(tree, name) : 0);
    loweredModules.set(tree, mod);
  }
  return mod;
}

/**
 * Names the module binds to something a keyword names (`import { createHash as h }`, `const r = Math.random`):
 * a function that calls `h(..)` or `r()` holds none of the keywords and is wanted all the same.
 */
function aliases(mod: Module, keywords: readonly string[]): string[] {
  const out: string[] = [];
  const has = (text: string): boolean => {
    const t = text.toLowerCase();
    return keywords.some((k) => t.includes(k));
  };
  for (const i of mod.imports) if (has(i.qualified) && !has(i.local)) out.push(i.local.toLowerCase());
  for (const s of mod.body) if (s.k === 'let' && s.target.kind === 'name' && s.value && s.value.k !== 'call' && has(s.value.node.text) && !has(s.target.name)) out.push(s.target.name.toLowerCase());
  return out;
}

const models = new WeakMap<Tree, Map<string, SemanticModel>>();

const keywordTest = (keywords: readonly string[]) => (fn: { text: string }): boolean => {
  const text = fn.text.toLowerCase();
  return keywords.some((k) => text.includes(k));
};

/**
 * The model of `tree` (cached per tree and keyword set); undefined for a language with no lowering. With
 * `keywords` (lower-case), only functions whose text holds one of them are evaluated for their own sake, as the
 * patterns' keyword prefilter already does for whole files: typing in a large file pays for the functions that
 * can match, and others only when one of those calls them.
 */
export function semanticModel(tree: Tree, languageId: string, keywords?: readonly string[], onlyFunctions?: (fn: Node) => boolean): SemanticModel | undefined {
  const lowering = Object.hasOwn(LOWERINGS, languageId) ? LOWERINGS[languageId] : undefined;
  if (!lowering) return undefined;
  // Part of a tree (the function being edited): not cached, the next keystroke has a new tree anyway.
  // No call-site prescan while typing: the edited function runs on its own, with unknown parameters.
  if (onlyFunctions) return evaluate(lowering.lower(tree.rootNode), lowering, onlyFunctions);
  let byKeywords = models.get(tree);
  if (!byKeywords) {
    byKeywords = new Map();
    models.set(tree, byKeywords);
  }
  const key = keywords ? keywords.join('\n') : '*';
  let m = byKeywords.get(key);
  if (!m) {
    const mod = loweredModule(tree, languageId)!;
    const words = keywords ? [...keywords, ...aliases(mod, keywords)] : undefined;
    m = evaluate(mod, lowering, words ? keywordTest(words) : undefined);
    byKeywords.set(key, m);
  }
  return m;
}

/**
 * The model of the code of `tree` that `evaluated` picks (the classes whose fields to evaluate; it is asked about
 * functions too), with no function waiting for its callers: module-level statements always run first, and the
 * fields of a class before any function, so their values are the full model's. For an edit among them
 * (incremental/semanticModule.ts).
 */
export function moduleModel(tree: Tree, languageId: string, evaluated: (n: Node) => boolean): SemanticModel | undefined {
  const lowering = Object.hasOwn(LOWERINGS, languageId) ? LOWERINGS[languageId] : undefined;
  const mod = loweredModule(tree, languageId);
  if (!lowering || !mod) return undefined;
  return evaluate({ ...mod, callCount: undefined }, lowering, evaluated);
}

/**
 * The model of the module-level code and of the functions `within` picks, among those the keywords want, with the
 * full model's call counts (a function the file calls waits for its first call): for an edit at module level that
 * calls functions nothing else calls, which then run with its arguments as in the full model
 * (incremental/semanticModule.ts).
 */
export function unitsModel(tree: Tree, languageId: string, keywords: readonly string[] | undefined, within: (n: Node) => boolean): SemanticModel | undefined {
  const lowering = Object.hasOwn(LOWERINGS, languageId) ? LOWERINGS[languageId] : undefined;
  const mod = loweredModule(tree, languageId);
  if (!lowering || !mod) return undefined;
  const test = keywords ? keywordTest([...keywords, ...aliases(mod, keywords)]) : undefined;
  return evaluate(mod, lowering, (n) => within(n) && (!test || test(n)));
}
