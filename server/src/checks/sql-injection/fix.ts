import type { Node } from '../../engine/source/parse';
import type { MatchContext, OffsetEdit, Options } from '../shared/types';
import { capture, optString } from '../shared/types';
import { isConstantExpression } from '../shared/constants';
import { indentAt, referencesInScope } from '../shared/ast';
import { isQuoted, type SqlAnalysis } from './flow';
import type { LitPart, Part, ValuePart } from './build';
import { passValues, type Placeholder, type Rewrite } from './pass';

// Rewrites a built query to a parameterised one: the literal pieces become one string literal with the
// driver's placeholders (quotes around a quoted value dropped), and the values move to the parameters.
// Every step refuses (no fix) rather than guess: mixed quote styles, literal text that would be read as a
// placeholder (% ? { }), values in identifier positions, a variable that is used elsewhere too.

/** Delimiters of a string node, normalised to a plain (non-interpolating) literal of the same family. */
function delimiters(str: Node): { open: string; close: string } | undefined {
  const text = str.text;
  const m = /^([A-Za-z]*)(@?\$?@?)("""|"|'''|'|`)/.exec(text);
  if (!m) return undefined;
  const quote = m[3]!;
  if (!text.endsWith(quote) || text.length < m[0].length + quote.length) return undefined;
  // Python prefixes: keep r/b/u, drop f (the rewrite has no interpolation left). C#: drop $, keep @.
  const prefix = m[1]!.replace(/[fF]/g, '');
  const at = m[2]!.includes('@') ? '@' : '';
  return { open: `${prefix}${at}${quote}`, close: quote };
}

function placeholderText(p: Placeholder, i: number, name: string): string {
  switch (p) {
    case 'qmark':
      return '?';
    case 'pyformat':
    case 'wpdb':
      return '%s';
    case 'dollar':
      return `$${i + 1}`;
    case 'jpa':
      return `?${i + 1}`;
    case 'brace':
      return `{${i}}`;
    case 'at':
      return name;
  }
}

function paramName(v: ValuePart, taken: Set<string>, i: number): string {
  const m = /([A-Za-z_]\w*)\W*$/.exec(v.node.text);
  let base = m ? `@${m[1]!.replace(/^\$/, '')}` : `@p${i}`;
  if (taken.has(base)) base = `${base}${i}`;
  taken.add(base);
  return base;
}

/** Builds the parameterised literal, or undefined when the rewrite would not be mechanical. */
export function rewrite(parts: Part[], placeholder: Placeholder, dynamic: ReadonlySet<Part> = new Set(parts)): Rewrite | undefined {
  const lits = parts.filter((p): p is LitPart => p.kind === 'lit');
  if (lits.length === 0) return undefined;
  const delims = lits.map((l) => delimiters(l.str));
  const first = delims[0];
  if (!first || delims.some((d) => !d || d.open !== first.open || d.close !== first.close)) return undefined;
  // Characters the placeholder syntax or the new literal would reinterpret.
  if (lits.some((l) => /[%?{}]|\$\d/.test(l.raw))) return undefined;
  const raws = parts.map((p) => (p.kind === 'lit' ? p.raw : ''));
  const values: ValuePart[] = [];
  const quoted: boolean[] = [];
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind !== 'value') continue;
    // Safe non-literal values (a constant, a number) would need inlining, which is not mechanical.
    if (!p.movable || !dynamic.has(p) || isConstantExpression(p.node)) return undefined;
    const q = isQuoted(parts, i);
    const before = raws[i - 1] ?? '';
    const after = raws[i + 1] ?? '';
    if (q) {
      if (/\\'$/.test(before)) return undefined;
      raws[i - 1] = before.slice(0, -1);
      raws[i + 1] = after.slice(1);
    } else if (/['"`]$/.test(before) || /^['"`]/.test(after)) {
      // Half-quoted or partly quoted ('%" + x + "%'): the value is not the whole SQL string literal.
      return undefined;
    }
    const name = placeholder === 'at' ? paramName(p, taken, values.length) : '';
    raws[i] = placeholderText(placeholder, values.length, name);
    values.push(p);
    quoted.push(q);
    names.push(name);
  }
  if (values.length === 0) return undefined;
  return { literal: `${first.open}${raws.join('')}${first.close}`, values, quoted, names };
}

const MOVABLE_TYPES = /^(identifier|variable_name|member_expression|attribute|field_access|selector_expression|member_access_expression|subscript_expression|element_reference|subscript|element_access_expression|index_expression|constant|instance_variable|scoped_identifier)$/;

/**
 * Computes the fix edits: where the new literal goes (the sink argument, or the one assignment of the
 * local variable that held the query) and how the values are passed (by style, pass.ts).
 */
export function parameterise(ctx: MatchContext, a: SqlAnalysis, options: Options): OffsetEdit[] | undefined {
  if (a.identifierLike) return undefined;
  const sql = capture(ctx, 'sql')?.node;
  const call = capture(ctx, 'finding')?.node;
  if (!sql || !call) return undefined;
  const style = optString(options, 'style');
  if (!style) return undefined;
  const pass = passValues(style, ctx, call, sql);
  if (!pass) return undefined;
  const rw = rewrite(a.build.parts, pass.placeholder, new Set(a.dynamic));
  if (!rw) return undefined;
  const indent = indentAt(ctx.text, call.startIndex);
  const writes = a.build.writes;
  if (pass.placesLiteral) return writes.length === 0 ? pass.edits(rw, indent) : undefined;
  const edits: OffsetEdit[] = [];
  if (writes.length === 0) {
    edits.push({ start: sql.startIndex, end: sql.endIndex, text: pass.wrap ? pass.wrap(rw.literal, rw) : rw.literal });
  } else {
    // Built in a local: rewrite its single assignment, when the variable serves only this sink, and only
    // move values whose evaluation cannot change between the assignment and the call.
    if (!pass.allowLocal || writes.length !== 1 || writes[0]!.kind !== 'set') return undefined;
    if (referencesInScope(sql, sql.text).length !== 2) return undefined;
    if (rw.values.some((v) => !MOVABLE_TYPES.test(v.node.type))) return undefined;
    const value = writes[0]!.value;
    edits.push({ start: value.startIndex, end: value.endIndex, text: rw.literal });
    if (pass.wrap) edits.push({ start: sql.startIndex, end: sql.endIndex, text: pass.wrap(sql.text, rw) });
  }
  const more = pass.edits(rw, indent);
  if (!more) return undefined;
  return [...edits, ...more];
}
