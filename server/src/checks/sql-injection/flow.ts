import type { Node } from '../../engine/source/parse';
import { isConstantExpression } from '../shared/constants';
import { fileConstantValue, unwrapParens } from '../shared/ast';
import { safeReasonOfUse } from '../shared/safeValues';
import { treeFact } from '../../engine/incremental/documentFacts';
import { assignedValues, decompose, type Build, type LitPart, type Part, type ValuePart } from './build';

// Decides whether a built string is an injectable SQL query: which inserted values can carry input,
// whether the literal text looks like SQL at all, and whether a value sits where SQL needs an identifier
// (table, column, sort order), which no placeholder can fill.

export type SqlMode = 'statement' | 'condition' | 'any';

export interface SqlAnalysis {
  build: Build;
  /** Values that can carry input, in order. */
  dynamic: ValuePart[];
  /** A dynamic value sits in an identifier position or is named like one (table, column, order). */
  identifierLike: boolean;
  /**
   * The dynamic values that name a schema object: after DATABASE / SCHEMA / SEQUENCE / TEMPLATE, between identifier
   * quotes (`` `x` ``, `"x"`, `[x]`), or qualifying a name (`x.CURRVAL`). Not a sort column or a FROM table.
   */
  names: Set<ValuePart>;
  /** The SQL text with each value shown as `?` (for keyword checks and tests). */
  sqlText: string;
}

// Keywords must be followed by whitespace, so URLs and selectors ("/select?from=", "select-box") do not read as SQL.
const STATEMENT_START = /^[\s(]*(with\s+\w+(\s*\([^)]*\))?\s+as\s*\(|create\s+(or\s+replace\s+)?(table|view|index|unique|temp|temporary|procedure|function|trigger|database|schema)\s|drop\s+(table|view|index|procedure|function|trigger|database|schema)\s|alter\s+(table|view|index|database|schema)\s|truncate\s|pragma\s|grant\s|revoke\s|declare\s+@|merge\s+into\s|insert\s+into\s|replace\s+into\s|upsert\s|from\s+\w+|exec(ute)?\s+(\w+\.)*(sp|usp|xp)_)/i;
const STATEMENT_SHAPE = /\bselect\s[\s\S]*?\sfrom\s|\binsert\s+into\s|\bupdate\s[\s\S]*?\sset\s|\bdelete\s+from\s/i;
const CONDITION = /(=|<|>|\b(like|ilike|in|is|between|and|or|not|exists|regexp)\b)/i;

export function looksLikeSql(sql: string, mode: SqlMode): boolean {
  const statement = STATEMENT_START.test(sql) || STATEMENT_SHAPE.test(sql);
  if (mode === 'statement') return statement;
  if (mode === 'condition') return statement || CONDITION.test(sql);
  return true;
}

/** printf directives that only ever print a number. */
const NUMERIC_SPEC = /^%(\d+\$)?[-+ #0]*\d*(\.\d+)?[dfiuxXoeEgGb]$/;

const PLACEHOLDER_LIST = /^(placeholders?|qmarks|marks|binds|bind_?vars|in_?params)$/i;

/** True when a value cannot carry text that changes the SQL: constants, numbers, numeric conversions. */
export function isSafeValue(part: ValuePart, depth = 0, quoted = false): boolean {
  if (part.spec && NUMERIC_SPEC.test(part.spec)) return true;
  return isSafeNode(part.node, depth, quoted);
}

function isSafeNode(raw: Node, depth: number, quoted = false): boolean {
  const node = unwrapParens(raw);
  if (isConstantExpression(node)) return true;
  // Numbers, quoting helpers, allow-listed names (safeValues.ts); an escaper that adds no quotes only inside quotes.
  // A name's writes are followed below through the reaching definitions, which know dead branches.
  const reason = safeReasonOfUse(node, 'sql');
  if (reason && (reason !== 'quoted-escape' || quoted)) return true;
  if (depth > 3) return false;
  // WordPress table names ($wpdb->posts, $wpdb->prefix) are configuration, not input.
  if (node.type === 'member_access_expression' && /^\$wpdb->\w+$/.test(node.text)) return true;
  const name = node.type === 'identifier' || node.type === 'variable_name' ? node.text : undefined;
  if (name) {
    if (PLACEHOLDER_LIST.test(name.replace(/^\$/, ''))) return true;
    const values = assignedValues(node);
    if (values && values.every((v) => isSafeNode(v, depth + 1, quoted) || isPlaceholderList(v))) return true;
    if (!values) {
      // A file-level constant is a fact of the whole file (see documentFacts.ts).
      const safe = treeFact(
        node,
        `safe-constant/${depth}/${name}`,
        (root) => {
          const constant = fileConstantValue(root, name);
          return constant !== undefined && isSafeNode(constant, depth + 1);
        },
        String,
        { outsideFunctions: true, deserialize: (v) => v === 'true' },
      );
      if (safe) return true;
    }
  }
  return false;
}

/** `", ".join("?" * len(ids))`, `ids.map(() => "?").join(",")`: a list of placeholders, not data. */
function isPlaceholderList(node: Node): boolean {
  const text = node.text;
  return /join|repeat|fill|implode|map|\*/.test(text) && /(['"])(\?|%s|\$\d|@\w+)\1/.test(text);
}

const IDENTIFIER_BEFORE = /(\b(from|join|into|update|table|by|asc|desc|exists)|[.`"[])\s*$/i;
const NAME_BEFORE = /\b(database|schema|sequence|template)\s+$/i;
/** Between identifier quotes, or followed by `.name` (`seq.CURRVAL`, `schema.tbl`). */
function namesObject(before: LitPart | undefined, after: LitPart | undefined): boolean {
  if (before && NAME_BEFORE.test(before.raw)) return true;
  if (after && /^\.[A-Za-z_]/.test(after.raw)) return true;
  const open = before?.raw.slice(-1);
  const close = after?.raw[0];
  return (open === '`' && close === '`') || (open === '"' && close === '"') || (open === '[' && close === ']');
}
const IDENTIFIER_WORD = /^(tables?|tbl|columns?|cols?|fields?|order|sort|dir|direction|schema|database|dbname|identifier|ident)$/i;

/** The last word of a value's name (`sortOrder` → order, `table_name` → name), lower-cased. */
function lastWord(node: Node): string {
  const m = /([A-Za-z_]\w*)\W*$/.exec(node.text);
  const words = (m?.[1] ?? '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').split('_').filter(Boolean);
  return words[words.length - 1] ?? '';
}

/** Literal text right before / after part `i` (only when the neighbour is a literal). */
export function neighbours(parts: Part[], i: number): { before?: LitPart; after?: LitPart } {
  const b = parts[i - 1];
  const a = parts[i + 1];
  return { ...(b?.kind === 'lit' ? { before: b } : {}), ...(a?.kind === 'lit' ? { after: a } : {}) };
}

export function isQuoted(parts: Part[], i: number): boolean {
  const { before, after } = neighbours(parts, i);
  return Boolean(before && after && /'$/.test(before.raw) && /^'/.test(after.raw));
}

/** Analyses the query argument; undefined when it is not a built string, or nothing in it can carry input. */
export function analyseQuery(arg: Node, mode: SqlMode): SqlAnalysis | undefined {
  const build = decompose(arg);
  if (!build) return undefined;
  const dynamic: ValuePart[] = [];
  let identifierLike = false;
  const names = new Set<ValuePart>();
  build.parts.forEach((p, i) => {
    if (p.kind !== 'value' || isSafeValue(p, 0, isQuoted(build.parts, i))) return;
    dynamic.push(p);
    if (isQuoted(build.parts, i)) return;
    const { before, after } = neighbours(build.parts, i);
    // Glued to a word (`log_` + x) or after FROM / ORDER BY: part of an identifier, not a value.
    const glued = (before && /\w$/.test(before.raw)) || (after && /^\w/.test(after.raw));
    if (glued || (before && IDENTIFIER_BEFORE.test(before.raw)) || IDENTIFIER_WORD.test(lastWord(p.node))) identifierLike = true;
    if (namesObject(before, after)) {
      identifierLike = true;
      names.add(p);
    }
  });
  if (dynamic.length === 0) return undefined;
  const sqlText = build.parts.map((p) => (p.kind === 'lit' ? p.raw : ' ? ')).join('');
  if (!looksLikeSql(sqlText, mode)) return undefined;
  return { build, dynamic, identifierLike, names, sqlText };
}
