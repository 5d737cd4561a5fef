import type { Node } from '../../engine/source/parse';
import { isStringNode } from '../shared/constants';
import { enclosingFunction, localName, operatorText, unwrapParens, writesBefore, type LocalWrite } from '../shared/ast';
import { functionDefs, reachingDefs } from '../shared/reaching';

// Decomposes a string-building expression into literal pieces and inserted values, the same way in all
// eight grammars: concatenation (+ . <<), interpolation (template literals, f-strings, "#{x}", "$x", $"{x}"),
// printf-style and brace-style formatting (% .format String.format fmt.Sprintf sprintf string.Format),
// and local variables built earlier in the same function.

export interface LitPart {
  kind: 'lit';
  /** Source text of the literal's body piece, escapes as written. */
  raw: string;
  /** The string node it came from (its delimiters decide how a rewritten literal is written). */
  str: Node;
}

export interface ValuePart {
  kind: 'value';
  node: Node;
  /** printf / brace format directive that inserted it (`%d`, `{0:N}`), when it came from a format call. */
  spec?: string;
  /** False when the value cannot simply move into a parameter list (format options, !r conversions). */
  movable: boolean;
}

export type Part = LitPart | ValuePart;

export type BuildKind = 'concatenation' | 'interpolation' | 'formatting';

export interface Build {
  parts: Part[];
  kinds: Set<BuildKind>;
  /** The local-variable writes that were followed (empty when built inline at the sink). */
  writes: LocalWrite[];
}

const CONTENT_TYPES = new Set([
  'string_content',
  'string_fragment',
  'escape_sequence',
  'escape_interpolation',
  'interpreted_string_literal_content',
  'raw_string_literal_content',
  'string_literal_content',
  'verbatim_string_literal_content',
  'heredoc_content',
  'text',
]);

const DELIMITER_TYPES = new Set(['string_start', 'string_end', 'interpolation_start', 'heredoc_start', 'heredoc_end', 'heredoc_beginning', 'heredoc_end']);

const CONCAT_OPERATORS = new Set(['+', '.', '<<']);

/** A string node's body split at interpolations; leaf strings (C# verbatim) yield their body as one piece. */
function stringParts(str: Node): Part[] {
  if (str.namedChildCount === 0 && str.childCount <= 1) {
    const m = /^([@$]*"+|'|`)([\s\S]*?)("+|'|`)$/.exec(str.text);
    return m && m[2] ? [{ kind: 'lit', raw: m[2], str }] : [];
  }
  const out: Part[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0) out.push({ kind: 'lit', raw: str.text.slice(runStart - str.startIndex, runEnd - str.startIndex), str });
    runStart = -1;
  };
  for (let i = 0; i < str.childCount; i++) {
    const c = str.child(i);
    if (!c || !c.isNamed || DELIMITER_TYPES.has(c.type)) continue;
    if (CONTENT_TYPES.has(c.type)) {
      if (runStart < 0) runStart = c.startIndex;
      runEnd = c.endIndex;
      continue;
    }
    flush();
    out.push(interpolationValue(c));
  }
  flush();
  return out;
}

/** The expression inside `${x}`, `{x}`, `#{x}`; PHP's "$x" is the variable itself. */
function interpolationValue(node: Node): ValuePart {
  if (node.type === 'template_substitution' || node.type === 'interpolation') {
    const inner = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'interpolation_brace');
    const expr = inner[0] ?? node;
    return { kind: 'value', node: expr, movable: inner.length === 1 };
  }
  return { kind: 'value', node, movable: true };
}

/** `%s`-style directives, with `%%` kept as literal text. Named `%(x)s` directives are reported by name. */
const PRINTF = /%(?:(\d+)\$|\(([A-Za-z_]\w*)\))?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?([a-zA-Z%])/g;
const BRACES = /\{\{|\}\}|\{([^{}]*)\}/g;

interface Directive {
  start: number;
  end: number;
  spec: string;
  /** Positional index, or a name for `%(x)s` / `{x}`. */
  key: number | string;
}

function directives(raw: string, style: 'printf' | 'braces'): Directive[] | undefined {
  const out: Directive[] = [];
  let next = 0;
  if (style === 'printf') {
    for (const m of raw.matchAll(PRINTF)) {
      if (m[3] === '%') continue;
      if (m[0].includes('*')) return undefined;
      const key = m[1] ? Number(m[1]) - 1 : m[2] ?? next++;
      out.push({ start: m.index, end: m.index + m[0].length, spec: m[0], key });
    }
  } else {
    for (const m of raw.matchAll(BRACES)) {
      if (m[1] === undefined) continue;
      const field = /^([A-Za-z_]\w*|\d*)/.exec(m[1])![1]!;
      const key = field === '' ? next++ : /^\d+$/.test(field) ? Number(field) : field;
      out.push({ start: m.index, end: m.index + m[0].length, spec: m[0], key });
    }
  }
  return out;
}

/** Splits a plain format-string literal at its directives and inserts the matching arguments. */
function formatParts(fmt: Node, args: Node[], style: 'printf' | 'braces', named: Map<string, Node> = new Map()): Part[] | undefined {
  const fmtNode = unwrapParens(fmt);
  if (!isStringNode(fmtNode)) return undefined;
  const pieces = stringParts(fmtNode);
  if (pieces.some((p) => p.kind === 'value')) return undefined;
  const raw = pieces.map((p) => (p as LitPart).raw).join('');
  const ds = directives(raw, style);
  if (!ds) return undefined;
  const out: Part[] = [];
  let pos = 0;
  for (const d of ds) {
    if (d.start > pos) out.push({ kind: 'lit', raw: raw.slice(pos, d.start), str: fmtNode });
    const arg = typeof d.key === 'number' ? args[d.key] : named.get(d.key);
    if (!arg) return undefined;
    // A format option (`%-10s`, `{0:N}`) changes the text, so the value cannot move into a parameter unchanged.
    const plain = /^(%[sdvi]|%\d+\$[sdi]|\{\d*\})$/.test(d.spec);
    out.push({ kind: 'value', node: arg, spec: d.spec, movable: plain && typeof d.key === 'number' });
    pos = d.end;
  }
  if (pos < raw.length) out.push({ kind: 'lit', raw: raw.slice(pos), str: fmtNode });
  return out;
}

function argNodes(list: Node | null): Node[] {
  if (!list) return [];
  return list.namedChildren
    .filter((c): c is Node => c !== null && c.type !== 'comment')
    .map((c) => (c.type === 'argument' && c.namedChildCount === 1 ? c.namedChild(0)! : c));
}

function calleeName(call: Node): string {
  const fn = call.childForFieldName('function') ?? call.childForFieldName('name') ?? call.namedChild(0);
  const method = call.childForFieldName('method');
  const recv = call.childForFieldName('receiver') ?? call.childForFieldName('object') ?? call.childForFieldName('scope');
  if (method) return `${recv ? `${recv.text}.` : ''}${method.text}`;
  if (call.type === 'method_invocation' || call.type === 'member_call_expression' || call.type === 'scoped_call_expression') {
    return `${recv?.text ?? ''}.${call.childForFieldName('name')?.text ?? ''}`;
  }
  return fn?.text.replace(/\s+/g, '').replace('::', '.') ?? '';
}

/** Format calls, by callee: which argument is the format, and its directive style. */
function formatCall(node: Node): Part[] | undefined {
  const name = calleeName(node);
  const args = argNodes(node.childForFieldName('arguments') ?? node.namedChildren.find((c) => c?.type === 'argument_list' || c?.type === 'arguments') ?? null);
  // Python / Ruby-free "...".format(a, b=c)
  const fnNode = node.childForFieldName('function');
  if (fnNode?.type === 'attribute' && fnNode.childForFieldName('attribute')?.text === 'format') {
    const obj = fnNode.childForFieldName('object');
    if (!obj) return undefined;
    const named = new Map<string, Node>();
    const positional: Node[] = [];
    for (const a of args) {
      if (a.type === 'keyword_argument') {
        const k = a.childForFieldName('name');
        const v = a.childForFieldName('value');
        if (k && v) named.set(k.text, v);
      } else positional.push(a);
    }
    return formatParts(obj, positional, 'braces', named);
  }
  if (/^(String\.format|fmt\.Sprintf|sprintf|vsprintf|Kernel\.format|format|util\.format|String\.Format|string\.Format)$/.test(name)) {
    const style = /^(String\.Format|string\.Format)$/.test(name) ? 'braces' : 'printf';
    const [fmt, ...rest] = args;
    if (!fmt) return undefined;
    // PHP vsprintf takes the values as one array.
    const values = name === 'vsprintf' && rest[0] && /array/.test(rest[0].type) ? argNodes(rest[0]).map((e) => (e.type === 'array_element_initializer' ? e.namedChild(0)! : e)) : rest;
    return formatParts(fmt, values, style);
  }
  return undefined;
}

/** Python `"..." % x` / Ruby `"..." % [x]`: the right side is one value or a tuple / array of them. */
function percentFormat(node: Node): Part[] | undefined {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return undefined;
  const r = unwrapParens(right);
  if (r.type === 'tuple' || r.type === 'array') return formatParts(left, argNodes(r), 'printf');
  if (r.type === 'dictionary' || r.type === 'hash') {
    const named = new Map<string, Node>();
    for (const p of r.namedChildren) {
      const k = p?.childForFieldName('key');
      const v = p?.childForFieldName('value');
      if (k && v) named.set(k.text.replace(/^[:'"]|['"]$/g, ''), v);
    }
    return formatParts(left, [], 'printf', named);
  }
  return formatParts(left, [r], 'printf');
}

const MAX_DEPTH = 6;

/**
 * Decomposes `expr` into literal and value parts. Returns undefined when `expr` is not a string being built
 * (a plain value, a call, a parameter): callers treat that as "not a query we can see being built".
 */
export function decompose(expr: Node, depth = 0, kinds: Set<BuildKind> = new Set(), writes: LocalWrite[] = []): Build | undefined {
  const node = unwrapParens(expr);
  const done = (parts: Part[] | undefined, kind?: BuildKind): Build | undefined => {
    if (!parts) return undefined;
    if (kind) kinds.add(kind);
    return { parts, kinds, writes };
  };
  if (depth > MAX_DEPTH) return undefined;
  if (isStringNode(node) || node.type === 'concatenated_string') {
    if (node.type === 'concatenated_string') {
      const parts: Part[] = [];
      for (const s of node.namedChildren) if (s) parts.push(...stringParts(s));
      return done(parts, parts.some((p) => p.kind === 'value') ? 'interpolation' : undefined);
    }
    const parts = stringParts(node);
    return done(parts, parts.some((p) => p.kind === 'value') ? 'interpolation' : undefined);
  }
  const t = node.type;
  if (t === 'binary_expression' || t === 'binary_operator' || t === 'binary') {
    const op = operatorText(node);
    if (op === '%') return done(percentFormat(node), 'formatting');
    if (!CONCAT_OPERATORS.has(op)) return undefined;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return undefined;
    const l = decompose(left, depth + 1, kinds, writes);
    const r = decompose(right, depth + 1, kinds, writes);
    // `a + b` with no string on either side is arithmetic (or unknown), not query building.
    if (!l && !r) return undefined;
    if (op === '<<' && !l) return undefined;
    const parts = [...(l?.parts ?? [{ kind: 'value', node: left, movable: true } as ValuePart]), ...(r?.parts ?? [{ kind: 'value', node: right, movable: true } as ValuePart])];
    return done(parts, 'concatenation');
  }
  if (t === 'call' || t === 'call_expression' || t === 'method_invocation' || t === 'invocation_expression' || t === 'function_call_expression') {
    return done(formatCall(node), 'formatting');
  }
  const name = localName(node);
  if (name && depth < MAX_DEPTH) {
    // Inline only the build-then-call idiom: one assignment that reaches the use on every path, and appends after
    // it. A name set in two branches (input in one, a constant in the other) is a value, not a known string.
    const defs = reachingDefs(functionDefs(enclosingFunction(node)), node, name);
    if (!defs || defs.length === 0 || defs[defs.length - 1]!.kind !== 'set' || defs.some((d, i) => i < defs.length - 1 && d.kind !== 'append')) return undefined;
    const ws = writesBefore(node, name);
    if (ws.length === 0) return undefined;
    const parts: Part[] = [];
    let seen = false;
    for (const w of ws) {
      const b = decompose(w.value, depth + 1, kinds, writes);
      if (b) seen = true;
      parts.push(...(b?.parts ?? [{ kind: 'value', node: w.value, movable: false } as ValuePart]));
    }
    if (!seen) return undefined;
    writes.push(...ws);
    return done(parts);
  }
  return undefined;
}

/** Resolves a value that is a local variable to the expressions assigned to it before `at` (for constness checks). */
export function assignedValues(value: Node): Node[] | undefined {
  const name = localName(value);
  if (!name) return undefined;
  // The writes that can reach this use (branches and dead code considered), not only the last one in source order.
  const defs = reachingDefs(functionDefs(enclosingFunction(value)), value, name);
  if (!defs || defs.length === 0 || defs.some((d) => d.kind === 'param' || d.kind === 'each')) return undefined;
  return defs.flatMap((d) => d.values);
}
