import type { FilterHelper, FixHelper, MatchContext, HelperOptions } from '../shared/types';
import { lineOf, optString, opt } from '../shared/types';
import { analyseQuery, type SqlAnalysis, type SqlMode } from './flow';
import { parameterise } from './fix';
import { inputSourceOf } from '../shared/inputEvidence';
import { applyTaint, taintOfCapture } from '../shared/taintHelpers';
import type { TaintFinding } from '../shared/taint';

// Helpers of the sql-injection rule. The rule's queries find the sinks and capture the query argument
// as `sql`; `sqlInjectable` decides whether that argument is a query built from input, and the fix
// helper `sqlParameterise` rewrites it to placeholders with the values passed separately.

const analyses = new WeakMap<MatchContext, SqlAnalysis>();

/** The strongest evidence among a query's values decides: a traced source, a parameter, another file's result. */
const RANK: Record<TaintFinding['evidence'], number> = { source: 2, parameter: 1, return: 0 };

const KIND_WORDS: Record<string, string> = {
  concatenation: 'string concatenation',
  interpolation: 'string interpolation',
  formatting: 'string formatting',
};

function oneLine(s: string, max = 40): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const filters: Record<string, FilterHelper> = {
  /**
   * The target (default capture `sql`) is a string built from a value that can carry input, and reads as
   * SQL (`mode`: statement = a whole statement, condition = a WHERE fragment, any = no check).
   * Sets `how`, `value` and `origin` for the message; lowers confidence to medium when the value is an
   * identifier (table, column, sort order), which a placeholder cannot replace.
   */
  sqlInjectable: (ctx, target, options) => {
    if (!target?.node) return false;
    const mode = (optString(options, 'mode') ?? 'statement') as SqlMode;
    const a = analyseQuery(target.node, mode);
    if (!a) return false;
    // Only values input reaches count (taint.ts): a value that is provably constant, or an unknown call's result on
    // constants, is not injection. The strongest evidence among the values decides the confidence and the path.
    let best: TaintFinding | undefined;
    // Whether a value outside a schema-object name carries input, or any value carries input from a proven source.
    let standalone = false;
    for (const p of a.dynamic) {
      const t = taintOfCapture(ctx, { name: 'value', text: p.node.text, start: p.node.startIndex, end: p.node.endIndex, node: p.node }, undefined, 'sql');
      if (t && (!best || RANK[t.evidence] > RANK[best.evidence])) best = t;
      if (t && (t.evidence === 'source' || !a.names.has(p))) standalone = true;
    }
    if (!best) return false;
    // Names of schema objects (a database, a sequence, a quoted column) cannot be bound as parameters, so database
    // libraries and migration helpers insert the ones their caller passes: a parameter there alone is how such code
    // is written, reported only where a caller passes input (in the file, or in another file of a scan). A sort
    // column or a table after FROM stays reported: that is where request values are put.
    if (!applyTaint(ctx, best, target, standalone)) return false;
    analyses.set(ctx, a);
    const kinds = [...a.build.kinds].map((k) => KIND_WORDS[k] ?? k);
    ctx.vars['how'] = kinds.length > 0 ? kinds.join(' and ') : 'string building';
    ctx.vars['value'] = oneLine(a.dynamic[0]!.node.text);
    const first = a.build.writes[0]?.node;
    ctx.vars['origin'] = first ? ` (built on line ${lineOf(ctx, first.startIndex)})` : '';
    ctx.vars['advice'] = a.identifierLike
      ? 'A placeholder cannot stand for a table or column name: map the input to a fixed allow-list of names instead.'
      : 'Use placeholders in the SQL and pass the value as a bound parameter.';
    if (a.identifierLike && ctx.confidence === 'high') ctx.confidence = 'medium';
    if (a.identifierLike && ctx.crossFile?.confidence === 'high') ctx.crossFile.confidence = 'medium';
    const input = inputSourceOf(target.node);
    if (input) ctx.input = input;
    return true;
  },
};

export const fixes: Record<string, FixHelper> = {
  /** Rewrites the query to the driver's placeholders and passes the values separately (see fix.ts). */
  sqlParameterise: (ctx, options) => {
    const a = analyses.get(ctx);
    if (!a) return undefined;
    return parameterise(ctx, a, options);
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  sqlInjectable: { mode: opt.oneOf(['statement', 'condition', 'any'] satisfies SqlMode[]) },
  sqlParameterise: { style: opt.string },
};
