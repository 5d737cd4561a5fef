import type { Node } from '../../engine/source/parse';
import { isConstantExpression } from './constants';
import { declaredType, fileConstantValue, operatorText, shadowedByParameter, unwrapParens, writesBefore } from './ast';
import { argumentNodes, calleeText } from './calls';
import { guardedByAllowList, isConstantCollection } from './allowList';
import { treeFact } from '../../engine/incremental/documentFacts';

// The one place that decides "this value cannot change the syntax of what it is inserted into", for every
// injection helper (SQL, shell, code, HTML, NoSQL). A value is safe when it is
//   - a number or a boolean: numeric conversions (int(), parseInt, Number, Integer.parseInt, to_i, (int) casts),
//     counts and lengths (len, count, size, .length), comparisons, a parameter or local typed as a number;
//   - escaped or quoted for this sink by a well-known helper (quote_table_name, escapeshellarg, htmlspecialchars);
//   - one of a fixed set of constants: a ternary or `||` of safe values, a lookup in a constant map or list
//     (`COLUMNS[key]`, `SORTS.get(k)`), or a name checked against one before the use (`if x in ALLOWED`);
//   - a local whose every write before the use is safe.
// Everything here is a fact about the value, not about the sink's rule, so the rules stay data.

export type SafeSink = 'sql' | 'shell' | 'code' | 'html' | 'nosql' | 'any';

/**
 * Why a value is safe. `quoted-escape` is an escaper that does not add its own quotes
 * (`mysqli_real_escape_string`, `addslashes`): safe for SQL only between quotes, which the caller decides.
 */
export type SafeReason = 'constant' | 'number' | 'escaped' | 'quoted-escape' | 'allow-listed' | 'string';

export const SAFE_SINKS: readonly SafeSink[] = ['sql', 'shell', 'code', 'html', 'nosql', 'any'];

/** Conversions and measurements whose result is a number or a boolean, by callee text (spaces removed). */
const NUMERIC_CALL =
  /^(int|float|bool|len|abs|round|ord|Number|Boolean|BigInt|parseInt|parseFloat|Number\.(parseInt|parseFloat|isInteger|isSafeInteger|isFinite|isNaN)|isNaN|isFinite|Math\.\w+|Integer\.(parseInt|valueOf)|Long\.(parseLong|valueOf)|Short\.parseShort|Double\.(parseDouble|valueOf)|Float\.(parseFloat|valueOf)|Boolean\.(parseBoolean|valueOf)|UUID\.fromString|uuid\.UUID|strconv\.(Itoa|FormatInt|FormatUint|FormatFloat|FormatBool)|(int|long|short|double|float|decimal|bool|Guid|uint|ulong)\.Parse|Convert\.To(Int16|Int32|Int64|UInt16|UInt32|UInt64|Double|Single|Decimal|Boolean)|intval|floatval|boolval|count|sizeof|strlen|mb_strlen|absint|is_numeric|ctype_digit|isset|empty|Integer|Float|Rational|int(8|16|32|64)|uint(8|16|32|64)?|float(32|64))$/;

/** Conversions to text that keep a safe value safe (`str(LIMIT)`), and that make any value a plain string. */
const TO_STRING_CALL = /^(str|String|String\.valueOf|Integer\.toString|Long\.toString|strval|Convert\.ToString|fmt\.Sprint|strconv\.Quote)$/;

/** Methods on a receiver whose result is a number or boolean: Ruby `x.to_i`, Java `list.size()`, `s.isdigit()`. */
const NUMERIC_METHOD = /^(to_i|to_f|to_r|to_c|size|length|count|id|isdigit|isnumeric|isdecimal|isalnum|hashCode|ordinal|getId|intValue|longValue|doubleValue|compareTo|equals|isEmpty|empty\?|nil\?|zero\?|include\?|present\?|blank\?|startsWith|endsWith|includes|indexOf|contains|Count|Length)$/;

/** Properties whose value is a number: JS `arr.length`, `set.size`; Java `array.length`; C# `list.Count`. */
const NUMERIC_PROPERTY = /^(length|size|Count|Length)$/;

/** Declared types that hold no text: numbers, booleans, UUIDs, dates. */
export const NUMERIC_TYPES =
  /^(int|long|short|byte|sbyte|ushort|uint|ulong|nint|nuint|integer|double|float|decimal|number|bigint|boolean|bool|guid|uuid|datetime|datetimeoffset|localdate|localdatetime|instant|u?int(8|16|32|64)?|float(32|64)|rune|time\.time|time\.duration)\??$/i;

/** Escapers per sink, by the end of the callee text (`(^|[.:>\\])name$`). Only helpers made for that sink. */
const ESCAPERS: Record<Exclude<SafeSink, 'any' | 'code'>, RegExp> = {
  // Helpers that add their own quotes or quote an identifier.
  sql: /(^|[.:>\\])(quote_table_name|quote_column_name|quote_ident|quote_identifier|quote_literal|quote_string|quoteIdentifier|quoteIdent|quoteLiteral|quoteName|quoteColumnName|quoteTableName|quoteSingleIdentifier|quote|escapeId|escapeIdentifier|escapeLiteral|pg_escape_identifier|pg_escape_literal|sanitize_sql|sanitize_sql_array|sanitize_sql_like|sanitize_sql_for_order|sanitize_sql_for_conditions|QuoteIdentifier|QuoteLiteral|sql\.Identifier|sql\.Literal|encodeForSQL|(mysql|SqlString|sqlstring|connection|conn|pool|db)\.escape)$/,
  shell: /(^|[.:>\\])(shlex\.quote|pipes\.quote|shellescape|Shellwords\.escape|Shellwords\.shellescape|escapeshellarg|shellQuote|shell_quote|quoteShellArg)$/,
  // Rails' tag builders (content_tag, tag, link_to, safe_join) escape the content and attributes they are given.
  html: /(^|[.:>\\])(htmlspecialchars|htmlentities|esc_html|esc_attr|esc_url|esc_textarea|wp_kses|wp_kses_post|strip_tags|html\.escape|cgi\.escape|markupsafe\.escape|escape|conditional_escape|format_html|format_html_join|bleach\.clean|nh3\.clean|ERB::Util\.h|ERB::Util\.html_escape|html_escape|unwrapped_html_escape|h|CGI\.escapeHTML|CGI\.escape_html|Rack::Utils\.escape_html|sanitize|DOMPurify\.sanitize|sanitizeHtml|sanitizeHTML|escapeHtml|escapeHTML|escape_html|_\.escape|lodash\.escape|he\.encode|he\.escape|encodeURIComponent|encodeURI|filterXSS|xss|forHtml|forHtmlContent|forHtmlAttribute|escapeHtml4|escapeXml|escapeXml10|htmlEscape|encodeForHTML|encodeForHTMLAttribute|HtmlEncode|HtmlAttributeEncode|Encode|EscapeString|HTMLEscapeString|HTMLEscaper|Sanitize|SanitizeBytes|content_tag|content_tag_string|tag|safe_join|link_to)$/,
  // A string cannot be an operator object; an escaped pattern cannot widen a regular expression.
  nosql: /(^|[.:>\\])(String|str|strval|String\.valueOf|toString|to_s|escapeRegExp|escapeRegex|escape_regex|_\.escapeRegExp|re\.escape|Regexp\.escape|Regexp\.quote|preg_quote|Pattern\.quote|mongoSanitize|sanitize|sanitizeFilter|mongo_sanitize)$/,
};

/** SQL escapers that do not add quotes: safe only inside a quoted literal. */
const SQL_QUOTED_ESCAPE = /(^|[.:>\\])(escape_string|real_escape_string|mysqli_real_escape_string|mysql_real_escape_string|mysql_escape_string|pg_escape_string|sqlite_escape_string|escapeString|esc_sql|escape_sql|addslashes|escapeSql)$/;

const CALL_TYPES = new Set(['call', 'call_expression', 'method_invocation', 'invocation_expression', 'function_call_expression', 'member_call_expression', 'scoped_call_expression']);
const UNARY_TYPES = new Set(['unary_expression', 'unary_operator', 'unary', 'not_operator', 'unary_op_expression', 'prefix_unary_expression']);
const BINARY_TYPES = new Set(['binary_expression', 'binary_operator', 'binary', 'boolean_operator', 'comparison_operator']);
const COMPARISON_OPS = /^(==|===|!=|!==|<|>|<=|>=|<=>|=~|!~|instanceof|in|not in|is|is not|eq|ne|lt|gt|le|ge)$/;
const SUBSCRIPT_TYPES = new Set(['subscript', 'subscript_expression', 'element_reference', 'index_expression', 'element_access_expression', 'array_access']);
const TERNARY_TYPES = new Set(['ternary_expression', 'conditional_expression', 'conditional']);
const COMPREHENSIONS = new Set(['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);
const MEMBER_TYPES = new Set(['member_expression', 'field_access', 'attribute', 'selector_expression', 'member_access_expression']);
/** Lookup methods on a map or list: `SORTS.get(k)`, `COLUMNS.fetch(k)`, `ALLOWED.find(...)`. */
const LOOKUP_METHOD = /^(get|fetch|getOrDefault|GetValueOrDefault|dig|find|at|values_at|first|last|sample)$/;

const MAX_DEPTH = 5;

function unwrap(node: Node): Node {
  let n = unwrapParens(node);
  while (n.type === 'argument' && n.namedChildCount === 1 && n.namedChild(0)) n = unwrapParens(n.namedChild(0)!);
  return n;
}

/** The method name of a method-style call and its receiver: `x.to_i`, `list.size()`, `$a->count()`. */
function methodCall(call: Node): { name: string; receiver: Node | null } | undefined {
  if (call.type === 'method_invocation') {
    const name = call.childForFieldName('name')?.text;
    return name ? { name, receiver: call.childForFieldName('object') } : undefined;
  }
  if (call.type === 'call' && call.childForFieldName('method')) {
    return { name: call.childForFieldName('method')!.text, receiver: call.childForFieldName('receiver') };
  }
  if (call.type === 'member_call_expression') {
    const name = call.childForFieldName('name')?.text;
    return name ? { name, receiver: call.childForFieldName('object') } : undefined;
  }
  const fn = call.childForFieldName('function');
  if (fn && MEMBER_TYPES.has(fn.type)) {
    const name = (fn.childForFieldName('property') ?? fn.childForFieldName('field') ?? fn.childForFieldName('attribute') ?? fn.childForFieldName('name'))?.text;
    const receiver = fn.childForFieldName('object') ?? fn.childForFieldName('operand') ?? fn.childForFieldName('expression');
    return name ? { name, receiver } : undefined;
  }
  return undefined;
}

/** Methods that build a new collection from what a function or block returns for each element. */
const MAP_METHOD = /^(map|map!|collect|collect!|flat_map)$/;
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'lambda', 'block', 'do_block']);

function isEscaper(text: string, sink: SafeSink): boolean {
  return sink !== 'any' && sink !== 'code' && ESCAPERS[sink].test(text.replace(/\s+/g, ''));
}

/** A function value (`x => esc(x)`, `lambda v: esc(v)`, Ruby `{ |i| esc(i) }`) whose result is an escaper's. */
function returnsEscaped(fn: Node, sink: SafeSink): boolean {
  let body = fn.childForFieldName('body');
  if (body && (body.type === 'block_body' || body.type === 'body_statement' || body.type === 'statement_block')) {
    const last = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').pop();
    body = last?.type === 'return_statement' ? (last.namedChild(0) ?? null) : (last ?? null);
  }
  if (body?.type === 'expression_statement') body = body.namedChild(0);
  return body !== null && body !== undefined && CALL_TYPES.has(body.type) && isEscaper(calleeText(body), sink);
}

/**
 * Every element passed through this sink's escaper: `map(conditional_escape, xs)`, `xs.map(escapeHtml)`,
 * `cols.map { |c| quote_column_name(c) }`. The collection (and text joined from it) holds only escaped parts.
 */
function mappedThroughEscaper(node: Node, sink: SafeSink): boolean {
  if (sink === 'any' || sink === 'code') return false;
  const args = argumentNodes(node);
  if (calleeText(node) === 'map' && args[0] !== undefined) return isEscaper(args[0].text, sink) || (FUNCTION_VALUES.has(args[0].type) && returnsEscaped(args[0], sink));
  const m = methodCall(node);
  if (!m || !m.receiver || !MAP_METHOD.test(m.name)) return false;
  const fn = args[0] ?? node.namedChildren.find((c): c is Node => c !== null && (c.type === 'block' || c.type === 'do_block'));
  if (!fn) return false;
  return FUNCTION_VALUES.has(fn.type) ? returnsEscaped(fn, sink) : isEscaper(fn.text, sink);
}

function callReason(node: Node, sink: SafeSink, depth: number): SafeReason | undefined {
  const callee = calleeText(node);
  if (NUMERIC_CALL.test(callee)) return 'number';
  if (sink !== 'any' && sink !== 'code' && ESCAPERS[sink].test(callee)) return 'escaped';
  if (mappedThroughEscaper(node, sink)) return 'escaped';
  if (sink === 'sql' && SQL_QUOTED_ESCAPE.test(callee)) return 'quoted-escape';
  const m = methodCall(node);
  if (m && m.receiver && NUMERIC_METHOD.test(m.name)) return 'number';
  // A text conversion keeps the reason of what it converts: str(LIMIT) is safe, str(name) is not.
  const args = argumentNodes(node);
  if (TO_STRING_CALL.test(callee) && args.length > 0) {
    const inner = args.map((a) => safeReason(a, sink, depth + 1));
    if (inner.every((r) => r !== undefined)) return inner[0];
  }
  if (m && m.receiver && /^(toString|to_s|ToString|String)$/.test(m.name)) return safeReason(m.receiver, sink, depth + 1);
  // A lookup in a constant map or list gives one of its constant values (or nothing).
  if (m && m.receiver && LOOKUP_METHOD.test(m.name) && isConstantCollection(m.receiver)) {
    const fallback = m.name === 'get' || m.name === 'fetch' || m.name === 'getOrDefault' ? args.slice(1) : [];
    if (fallback.every((a) => safeReason(a, sink, depth + 1) !== undefined)) return 'allow-listed';
  }
  return undefined;
}

function identifierReason(node: Node, sink: SafeSink, depth: number): SafeReason | undefined {
  const name = node.text;
  const declared = declaredType(node, name);
  if (declared && NUMERIC_TYPES.test(declared.replace(/\s+/g, ''))) return 'number';
  const writes = writesBefore(node, name);
  if (writes.length > 0 && writes[0]!.kind === 'set') {
    const reasons = writes.map((w) => safeReason(w.value, sink, depth + 1));
    if (reasons.every((r) => r !== undefined)) return reasons.includes('quoted-escape') ? 'quoted-escape' : reasons[0];
  }
  if (guardedByAllowList(node, name)) return 'allow-listed';
  if (writes.length === 0 && !shadowedByParameter(node, name)) {
    // A file-level constant is a fact of the whole file, recorded for the incremental analysis (documentFacts.ts).
    const safe = treeFact(
      node,
      `safe-value/${sink}/${name}`,
      (root) => {
        const constant = fileConstantValue(root, name);
        return constant !== undefined && safeReason(constant, sink, depth + 1) !== undefined;
      },
      String,
      { outsideFunctions: true, deserialize: (v) => v === 'true' },
    );
    if (safe) return 'constant';
  }
  return undefined;
}

/** Why `node` is safe to insert into a `sink`, or undefined when it may carry text that changes its syntax. */
export function safeReason(raw: Node, sink: SafeSink, depth = 0): SafeReason | undefined {
  const node = unwrap(raw);
  if (isConstantExpression(node)) return 'constant';
  if (depth > MAX_DEPTH) return undefined;
  const t = node.type;
  if (CALL_TYPES.has(t)) return callReason(node, sink, depth);
  if (t === 'identifier' || t === 'variable_name') return identifierReason(node, sink, depth);
  if (t === 'cast_expression') {
    const type = node.childForFieldName('type')?.text ?? node.text.slice(0, 12);
    if (/\b(int|integer|float|double|bool|boolean|long|short|decimal)\b/i.test(type)) return 'number';
    if (sink === 'nosql' && /\bstring\b/i.test(type)) return 'string';
    return undefined;
  }
  if (UNARY_TYPES.has(t)) {
    // !x, not x, -x, ~x, typeof x give booleans, numbers or a fixed word.
    return /^(!|not|-|\+|~|typeof)$/.test(operatorText(node)) ? 'number' : undefined;
  }
  if (BINARY_TYPES.has(t)) {
    const op = operatorText(node).trim();
    if (COMPARISON_OPS.test(op) || t === 'comparison_operator') return 'number';
    // Anything else (+, ., ||, *) is safe when every operand is: `"t_" + shard_id`, `limit || 20`.
    const kids = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const reasons = kids.map((k) => safeReason(k, sink, depth + 1));
    return kids.length > 0 && reasons.every((r) => r !== undefined) ? (reasons.includes('quoted-escape') ? 'quoted-escape' : reasons.find((r) => r !== 'constant') ?? 'constant') : undefined;
  }
  if (TERNARY_TYPES.has(t)) {
    const branches = ternaryBranches(node);
    const reasons = branches.map((b) => safeReason(b, sink, depth + 1));
    return branches.length > 0 && reasons.every((r) => r !== undefined) ? 'allow-listed' : undefined;
  }
  if (SUBSCRIPT_TYPES.has(t)) {
    const object = node.childForFieldName('object') ?? node.childForFieldName('value') ?? node.childForFieldName('operand') ?? node.childForFieldName('expression') ?? node.childForFieldName('array') ?? node.namedChild(0);
    return object && isConstantCollection(object) ? 'allow-listed' : undefined;
  }
  if (MEMBER_TYPES.has(t)) {
    const prop = node.childForFieldName('property') ?? node.childForFieldName('field') ?? node.childForFieldName('name') ?? node.childForFieldName('attribute');
    if (prop && NUMERIC_PROPERTY.test(prop.text)) return 'number';
    return undefined;
  }
  // `[escape(v) for v in values]`, `(format_html(f, *a) for a in rows)`: every element is what the escaper returns.
  if (COMPREHENSIONS.has(t)) {
    // `{k: escape(v) for k, v in kw.items()}`: the values are what is inserted.
    const raw = node.childForFieldName('body');
    const body = raw?.type === 'pair' ? raw.childForFieldName('value') : raw;
    return body && CALL_TYPES.has(unwrap(body).type) && isEscaper(calleeText(unwrap(body)), sink) ? 'escaped' : undefined;
  }
  if (sink === 'nosql' && (t === 'template_string' || t === 'string' || t === 'encapsed_string')) return 'string';
  return undefined;
}

/**
 * As safeReason, for a caller that follows a name's writes itself, flow-sensitively (the taint engine): a bare
 * name is safe here only by its declared numeric type or an allow-list check before the use, never by the
 * writes this module would pick, which do not know dead branches or loop back-edges.
 */
export function safeReasonOfUse(raw: Node, sink: SafeSink): SafeReason | undefined {
  const node = unwrap(raw);
  if (node.type !== 'identifier' && node.type !== 'variable_name') return safeReason(node, sink);
  const declared = declaredType(node, node.text);
  if (declared && NUMERIC_TYPES.test(declared.replace(/\s+/g, ''))) return 'number';
  return guardedByAllowList(node, node.text) ? 'allow-listed' : undefined;
}

/** The value branches of a conditional expression, whatever the grammar puts first. */
export function ternaryBranches(node: Node): Node[] {
  const c = node.childForFieldName('consequence') ?? node.childForFieldName('body');
  const a = node.childForFieldName('alternative');
  if (c || a) return [c, a].filter((x): x is Node => x !== null);
  const kids = node.namedChildren.filter((k): k is Node => k !== null && k.type !== 'comment');
  // Python `a if c else b`: the condition sits in the middle.
  if (node.type === 'conditional_expression' && kids.length === 3) return [kids[0]!, kids[2]!];
  return kids.slice(1);
}

/** True when `node` cannot change the syntax of a `sink` it is inserted into (see safeReason). */
export function isSafeValue(node: Node, sink: SafeSink = 'any'): boolean {
  return safeReason(node, sink) !== undefined;
}
