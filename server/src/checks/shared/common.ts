import type { FilterHelper, FixHelper, HelperOptions } from './types';
import { capture, optString, optStrings, opt } from './types';
import { isConstantExpression } from './constants';

export const filters: Record<string, FilterHelper> = {
  /**
   * Kept so custom rules written for it still load; does nothing now. The engine demotes the findings of every
   * rule in test and fixture code (finalise/demote.ts, the `tests` setting), which is what this helper did for one.
   */
  lowerSeverityInTests: () => true,

  /** The target's text matches `pattern` (a regex, case-insensitive unless `caseSensitive`). */
  textMatches: (_ctx, target, options) => {
    const pattern = optString(options, 'pattern');
    if (!target || !pattern) return false;
    return new RegExp(pattern, options['caseSensitive'] === true ? '' : 'i').test(target.text);
  },

  /** The target expression can carry input: not a literal, not an ALL_CAPS constant, not an operator over those. */
  nonConstant: (_ctx, target) => {
    if (!target?.node) return false;
    return !isConstantExpression(target.node);
  },

  /**
   * The call (target) has a keyword argument `name` whose value text is one of `values`
   * (Python `usedforsecurity=False`, Ruby `verify: false`).
   */
  hasKeywordArgument: (_ctx, target, options) => {
    const name = optString(options, 'name');
    const values = optStrings(options, 'values');
    if (!target?.node || !name) return false;
    const stack = [target.node];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'keyword_argument' || n.type === 'pair') {
        const key = n.childForFieldName('name') ?? n.childForFieldName('key') ?? n.namedChildren[0];
        const value = n.childForFieldName('value') ?? n.namedChildren[n.namedChildren.length - 1];
        const keyText = key?.text.replace(/:$/, '').replace(/^['"]|['"]$/g, '');
        if (keyText === name && (values.length === 0 || (value && values.includes(value.text)))) return true;
      }
      if (n.type === 'argument_list' || n === target.node) {
        for (const c of n.namedChildren) if (c) stack.push(c);
      }
    }
    return false;
  },

  /**
   * Copies a capture's text into a template variable (`as`), optionally transformed. `tailOf` takes the last
   * segment of another variable instead (`TripleDES` of the resolved `{{name}}` of a call, whatever alias the code
   * called it by). Always keeps the match.
   */
  setVar: (ctx, target, options) => {
    const as = optString(options, 'as') ?? 'value';
    const fromCapture = optString(options, 'from');
    const src = fromCapture ? capture(ctx, fromCapture) : target;
    const tailOf = optString(options, 'tailOf');
    const tail = tailOf !== undefined ? ctx.vars[tailOf]?.split(/\.|\/|::|\\/).pop() : undefined;
    let value = optString(options, 'value') ?? tail ?? src?.text ?? '';
    if (options['upper'] === true) value = value.toUpperCase();
    if (options['unquote'] === true) value = value.replace(/^['"`]|['"`]$/g, '');
    ctx.vars[as] = value;
    return true;
  },

  /** Test code: lower the severity one step (error to warning, warning to info). Always keeps the match. */
};

export const fixes: Record<string, FixHelper> = {
  /**
   * Appends an argument (`text`) to the argument list in `capture`: `f(a)` becomes `f(a, text)`, `f()` becomes
   * `f(text)`. Generic enough for custom rules that require a keyword (a timeout, a safe loader).
   */
  appendKeywordArgument: (ctx, options) => {
    const name = optString(options, 'capture') ?? 'args';
    const text = optString(options, 'text');
    const args = capture(ctx, name);
    if (!args || !text) return undefined;
    const close = args.end - 1;
    if (ctx.text[close] !== ')') return undefined;
    const inner = ctx.text.slice(args.start + 1, close);
    if (inner.trim() === '') return [{ start: args.start + 1, end: close, text }];
    const trailingComma = /,\s*$/.test(inner);
    return [{ start: close, end: close, text: trailingComma ? ` ${text}` : `, ${text}` }];
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  textMatches: { pattern: opt.string, caseSensitive: opt.boolean },
  nonConstant: {},
  hasKeywordArgument: { name: opt.string, values: opt.strings },
  setVar: { as: opt.string, from: opt.string, value: opt.string, upper: opt.boolean, unquote: opt.boolean, tailOf: opt.string },
  lowerSeverityInTests: {},
  appendKeywordArgument: { capture: opt.string, text: opt.string },
};
