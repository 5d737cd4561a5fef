import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from './types';
import { inputSourceOf } from './inputEvidence';

// Ruby's string evals as metaprogramming. Frameworks write `class_eval <<-RUBY ... def #{name} ... RUBY` to
// define methods named by the program's own identifiers (a %w list, a constant, an association the model
// declares); a parser generator emits `module_eval(<<'.,.,', ...)` blocks of constant code. Neither is an
// injection: the code is generated from the program, not from a request. Only outside input makes it one.

/**
 * The body of a heredoc whose opening (`<<-RUBY`, `<<~EOS`, `<<'X'`) is `opening`. Ruby puts heredoc bodies
 * after the line that opens them, so tree-sitter makes each body a later sibling of the opening's statement;
 * the n-th opening in a statement owns the n-th body after it.
 */
export function heredocBodyOf(opening: Node): Node | undefined {
  let stmt: Node | null = opening;
  while (stmt && stmt.nextNamedSibling?.type !== 'heredoc_body') stmt = stmt.parent;
  if (!stmt) return undefined;
  const openings: Node[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'heredoc_beginning') openings.push(n);
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(stmt);
  const index = openings.findIndex((n) => n.startIndex === opening.startIndex);
  if (index < 0) return undefined;
  let seen = 0;
  for (let s = stmt.nextNamedSibling; s && s.type === 'heredoc_body'; s = s.nextNamedSibling) {
    if (seen++ === index) return s;
  }
  return undefined;
}

function interpolationsOf(body: Node): Node[] {
  return body.namedChildren.filter((c): c is Node => c !== null && c.type === 'interpolation');
}

export const filters: Record<string, FilterHelper> = {
  /**
   * False when the target is a heredoc with no interpolation (a quoted `<<'X'` one, or one that simply has none):
   * its code is a constant. Every other target passes unchanged, for the helpers after this one to judge.
   */
  rubyHeredocNotConstant: (_ctx, target) => {
    const node = target?.node;
    if (!node || node.type !== 'heredoc_beginning') return true;
    const body = heredocBodyOf(node);
    return body === undefined || interpolationsOf(body).length > 0;
  },

  /**
   * The code string (a string, an expression, or a heredoc's interpolations) shows outside input: a request's
   * params, a cookie, standard input (inputEvidence.ts). Sets `input`. For the evals that define methods on a
   * class or module, where a value that is merely not constant is the program's own identifier.
   */
  rubyEvalInput: (ctx, target) => {
    const node = target?.node;
    if (!node) return false;
    const parts = node.type === 'heredoc_beginning' ? interpolationsOf(heredocBodyOf(node) ?? node) : [node];
    for (const p of parts) {
      const input = inputSourceOf(p);
      if (input) {
        ctx.input = input;
        return true;
      }
    }
    return false;
  },
};

export const options: Record<string, HelperOptions> = {
  rubyHeredocNotConstant: {},
  rubyEvalInput: {},
};
