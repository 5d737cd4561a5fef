import type { FilterHelper, HelperOptions } from './types';
import { documentTest, escapeRegExp, optString, optStrings, opt } from './types';

// File-level context for the crypto rules: what a receiver was declared as, which library a file imports.
// Textual where a declaration's shape is regular enough.

export const filters: Record<string, FilterHelper> = {
  /**
   * The target identifier is declared in this file with one of `types` (Java/C# `Random rnd`,
   * `var rnd = new Random()`, `ObjectInputStream in = ...`). Word boundaries keep `SecureRandom` out of `Random`.
   */
  cryptoDeclaredAs: (ctx, target, options) => {
    if (!target) return false;
    const types = optStrings(options, 'types');
    if (types.length === 0) return false;
    const t = `(?:${types.map(escape).join('|')})`;
    const name = escapeRegExp(target.text);
    const re = new RegExp(`(?<![\\w.])${t}(?:<[^>\\n]*>)?\\s+${name}\\b|\\b${name}\\s*=\\s*new\\s+${t}\\s*[(<]`);
    return documentTest(ctx, re);
  },

  /** The whole file matches `pattern` (an import or require of the library the call belongs to). */
  cryptoFileMatches: (ctx, _target, options) => {
    const pattern = optString(options, 'pattern');
    return pattern !== undefined && documentTest(ctx, new RegExp(pattern, 'm'));
  },

  /** The target sits inside a method or function whose name matches `pattern`. */
  cryptoInsideFunction: (_ctx, target, options) => {
    const pattern = optString(options, 'pattern');
    if (!target?.node || !pattern) return false;
    const re = new RegExp(pattern);
    for (let n = target.node.parent; n; n = n.parent) {
      if (/method|function/.test(n.type)) {
        const name = n.childForFieldName('name')?.text;
        if (name && re.test(name)) return true;
      }
    }
    return false;
  },

  /** The target's parent is none of `types` (a bare Ruby `rand` that is not the method name of a call). */
  cryptoParentIsNot: (_ctx, target, options) => {
    const parent = target?.node?.parent;
    return Boolean(parent) && !optStrings(options, 'types').includes(parent!.type);
  },

  /** The target block has no statements (comments only): a certificate check that accepts everything. */
  cryptoEmptyBlock: (_ctx, target) => {
    if (!target?.node) return false;
    return target.node.namedChildren.every((c) => c === null || c.type === 'comment' || c.type === 'line_comment' || c.type === 'block_comment');
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  cryptoDeclaredAs: { types: opt.strings },
  cryptoFileMatches: { pattern: opt.string },
  cryptoInsideFunction: { pattern: opt.string },
  cryptoParentIsNot: { types: opt.strings },
  cryptoEmptyBlock: {},
};
