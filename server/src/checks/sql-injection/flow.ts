import type { Node } from '../../engine/source/parse';
import { isConstantExpression } from '../shared/constants';
import { declaredType, fileConstantValue, unwrapParens } from '../shared/ast';
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

const NUMERIC_TYPES = /^(int|long|short|byte|sbyte|ushort|uint|ulong|nint|nuint|integer|long|double|float|decimal|number|bigint|boolean|bool|guid|uuid|datetime|datetimeoffset|localdate|localdatetime|instant|u?int(8|16|32|64)?|float(32|64)|rune|time\.time|time\.duration)\??$/i;

const NUMERIC_CALL = /^(int|float|bool|len|abs|round|Number|parseInt|parseFloat|Math\.\w+|Integer\.(parseInt|valueOf)|Long\.(parseLong|valueOf)|Double\.(parseDouble|valueOf)|Boolean\.parseBoolean|strconv\.(Itoa|FormatInt|FormatUint|FormatFloat|FormatBool|Quote)|(int|long|double|decimal|Guid)\.Parse|Convert\.To(Int16|Int32|Int64|Double|Decimal|Boolean)|intval|floatval|boolval|count|strlen|absint|Integer|Float)$/;

const TO_STRING_CALL = /^(str|String|String\.valueOf|Integer\.toString|Long\.toString|strval|Convert\.ToString|fmt\.Sprint|strconv\.Itoa)$/;

const NUMERIC_METHOD = /^(to_i|to_f|to_r|to_c|size|length|count|id)$/;

/** printf directives that only ever print a number. */
const NUMERIC_SPEC = /^%(\d+\$)?[-+ #0]*\d*(\.\d+)?[dfiuxXoeEgGb]$/;

const PLACEHOLDER_LIST = /^(placeholders?|qmarks|marks|binds|bind_?vars|in_?params)$/i;

function callName(node: Node): string | undefined {
  const fn = node.childForFieldName('function') ?? (node.type === 'method_invocation' ? node : null);
  if (node.type === 'method_invocation') {
    const obj = node.childForFieldName('object');
    return `${obj ? `${obj.text}.` : ''}${node.childForFieldName('name')?.text ?? ''}`;
  }
  if (node.type === 'call' && node.childForFieldName('method')) {
    // Ruby x.to_i; Integer(x)
    return node.childForFieldName('receiver') ? `.${node.childForFieldName('method')!.text}` : node.childForFieldName('method')!.text;
  }
  return fn?.text.replace(/\s+/g, '');
}

/** True when a value cannot carry text that changes the SQL: constants, numbers, numeric conversions. */
export function isSafeValue(part: ValuePart, depth = 0): boolean {
  if (part.spec && NUMERIC_SPEC.test(part.spec)) return true;
  return isSafeNode(part.node, depth);
}

function isSafeNode(raw: Node, depth: number): boolean {
  const node = unwrapParens(raw);
  if (isConstantExpression(node)) return true;
  if (depth > 3) return false;
  const t = node.type;
  if (t === 'call' || t === 'call_expression' || t === 'method_invocation' || t === 'invocation_expression' || t === 'function_call_expression') {
    const name = callName(node) ?? '';
    if (NUMERIC_CALL.test(name)) return true;
    if (name.startsWith('.') && NUMERIC_METHOD.test(name.slice(1))) return true;
    // A string conversion of a safe value is safe: str(LIMIT), String.valueOf(n), strval($n).
    if (TO_STRING_CALL.test(name)) {
      const list = node.childForFieldName('arguments') ?? node.namedChildren.find((c) => c !== null && /^(argument_list|arguments)$/.test(c.type)) ?? null;
      const args = (list?.namedChildren ?? []).filter((c): c is Node => c !== null).map((c) => (c.type === 'argument' && c.namedChild(0) ? c.namedChild(0)! : c));
      return args.length > 0 && args.every((a) => isSafeNode(a, depth + 1));
    }
    const recv = node.childForFieldName('object') ?? node.childForFieldName('receiver') ?? node.childForFieldName('function')?.childForFieldName('object');
    if (recv && /(\.|^)(toString|to_s)$/.test(name)) return isSafeNode(recv, depth + 1);
    return false;
  }
  // WordPress table names ($wpdb->posts, $wpdb->prefix) are configuration, not input.
  if (t === 'member_access_expression' && /^\$wpdb->\w+$/.test(node.text)) return true;
  if (t === 'cast_expression') return /\b(int|integer|float|double|bool|boolean|long|decimal)\b/i.test(node.childForFieldName('type')?.text ?? node.text.slice(0, 12));
  const name = node.type === 'identifier' || node.type === 'variable_name' ? node.text : undefined;
  if (name) {
    if (PLACEHOLDER_LIST.test(name.replace(/^\$/, ''))) return true;
    const declared = declaredType(node, name);
    if (declared && NUMERIC_TYPES.test(declared.replace(/\s+/g, ''))) return true;
    const values = assignedValues(node);
    if (values && values.every((v) => isSafeNode(v, depth + 1) || isPlaceholderList(v))) return true;
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
  build.parts.forEach((p, i) => {
    if (p.kind !== 'value' || isSafeValue(p)) return;
    dynamic.push(p);
    if (isQuoted(build.parts, i)) return;
    const { before, after } = neighbours(build.parts, i);
    // Glued to a word (`log_` + x) or after FROM / ORDER BY: part of an identifier, not a value.
    const glued = (before && /\w$/.test(before.raw)) || (after && /^\w/.test(after.raw));
    if (glued || (before && IDENTIFIER_BEFORE.test(before.raw)) || IDENTIFIER_WORD.test(lastWord(p.node))) identifierLike = true;
  });
  if (dynamic.length === 0) return undefined;
  const sqlText = build.parts.map((p) => (p.kind === 'lit' ? p.raw : ' ? ')).join('');
  if (!looksLikeSql(sqlText, mode)) return undefined;
  return { build, dynamic, identifierLike, sqlText };
}
