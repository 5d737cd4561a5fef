import type { FilterHelper, HelperOptions } from './types';
import { documentTest, optString, opt } from './types';

// File-level context for the crypto rules: which library a file imports, which method a call sits in.
// (What a receiver was declared as is the semantic model's business: engine/semantic.)

export const filters: Record<string, FilterHelper> = {
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

  /** The target block has no statements (comments only): a certificate check that accepts everything. */
  cryptoEmptyBlock: (_ctx, target) => {
    if (!target?.node) return false;
    return target.node.namedChildren.every((c) => c === null || c.type === 'comment' || c.type === 'line_comment' || c.type === 'block_comment');
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  cryptoFileMatches: { pattern: opt.string },
  cryptoInsideFunction: { pattern: opt.string },
  cryptoEmptyBlock: {},
};
