import type { Tree } from '../source/parse';
import type { Lowering } from './ir';
import type { SemanticModel } from './model';
import { evaluate } from './evaluate';
import { java } from './lower/java';
import { python } from './lower/python';
import { csharp } from './lower/csharp';
import { go } from './lower/go';
import { javascript } from './lower/javascript';

// The semantic layer's entry point: the model of a tree, built once and shared by every matcher and helper of
// an analysis. Rules read facts from it (resolved names, possible values) and never the grammar.

export type { SemanticModel, SemCall, SemFlow, SemArg } from './model';
export type { Vals, Origin } from './values';
export { nameMatches } from './names';

const LOWERINGS: Record<string, Lowering> = {
  java,
  python,
  csharp,
  go,
  javascript,
  javascriptreact: javascript,
  typescript: javascript,
  typescriptreact: javascript,
};

/** Whether the semantic layer reads this language. */
export function hasSemantics(languageId: string): boolean {
  return Object.hasOwn(LOWERINGS, languageId);
}

const models = new WeakMap<Tree, SemanticModel>();

/** The model of `tree` (cached per tree); undefined for a language with no lowering. */
export function semanticModel(tree: Tree, languageId: string): SemanticModel | undefined {
  const lowering = Object.hasOwn(LOWERINGS, languageId) ? LOWERINGS[languageId] : undefined;
  if (!lowering) return undefined;
  let m = models.get(tree);
  if (!m) {
    m = evaluate(lowering.lower(tree.rootNode), lowering);
    models.set(tree, m);
  }
  return m;
}
