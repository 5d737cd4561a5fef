import type { Node } from '../../engine/source/parse';
import { isConstantExpression } from './constants';
import { shadowedByParameter, writesBefore } from './ast';
import { declarationSites } from './declarations';
import { treeFact } from '../../engine/incremental/documentFacts';
import { calleeText } from './calls';
import { isSafeValue, ternaryBranches, type SafeSink } from './safeValues';

// "Can this expression carry outside input into a shell, an evaluator or HTML?" across the eight grammars.
// Deliberately shallow: string building (interpolation, concatenation, format calls) is looked through,
// a local variable is followed to its earlier writes in the same function, and calls to a named sanitiser
// (shlex.quote, escapeshellarg, DOMPurify.sanitize, int(...)) count as safe. Everything else that is not a
// literal or an ALL_CAPS constant is treated as input.

export interface Taint {
  /** Some part can come from outside the program. */
  tainted: boolean;
  /** The value is a string built around such a part (interpolation, concatenation, formatting). */
  built: boolean;
}

const CLEAN: Taint = { tainted: false, built: false };
const OPAQUE: Taint = { tainted: true, built: false };

const INTERPOLATED_STRINGS = new Set([
  'string',
  'template_string',
  'encapsed_string',
  'interpolated_string_expression',
  'heredoc',
  'subshell',
  'shell_command_expression',
]);

const CONCAT_OPERATORS = new Set(['+', '.', '<<', '%']);

const BINARY_TYPES = new Set(['binary_expression', 'binary_operator', 'binary']);

const CALL_TYPES = new Set([
  'call', // python, ruby
  'call_expression', // js, go
  'method_invocation', // java
  'invocation_expression', // c#
  'function_call_expression', // php
  'member_call_expression',
  'scoped_call_expression',
]);

/** Calls that build a string from their receiver and arguments: format, Sprintf, String.format, join, concat. */
const FORMAT_CALLEE = /(?:^|[.:>])(format|Sprintf|sprintf|vsprintf|Format|concat|Concat|join|Join)$/;

/** Unwraps parentheses and PHP `argument` wrappers. */
function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if ((n.type === 'parenthesized_expression' || n.type === 'argument') && n.namedChildCount === 1 && n.namedChild(0)) {
      n = n.namedChild(0)!;
      continue;
    }
    return n;
  }
}

export { calleeText };

function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').map(unwrap);
}

/** The receiver of a method-style call (`"..." .format`, `x.to_i`), when the grammar exposes one. */
function receiverOf(call: Node): Node | null {
  const fn = call.childForFieldName('function');
  if (fn) return fn.childForFieldName('object') ?? fn.childForFieldName('operand') ?? fn.childForFieldName('expression');
  return call.childForFieldName('object') ?? call.childForFieldName('receiver');
}

function merge(a: Taint, b: Taint): Taint {
  return { tainted: a.tainted || b.tainted, built: a.built || b.built };
}

/** Interpolated parts of a string-like node: the expressions inside `${}`, `#{}`, `{}`, or PHP `$x`. */
function interpolatedParts(node: Node): Node[] {
  const out: Node[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_substitution' || c.type === 'interpolation') {
      const inner = c.childForFieldName('expression') ?? c.namedChildren.find((k) => k !== null && !/brace|format|alignment/.test(k.type)) ?? null;
      if (inner) out.push(inner);
    } else if (/^(variable_name|member_access_expression|subscript_expression|dynamic_variable_name|complex_interpolation|heredoc_body)$/.test(c.type)) {
      if (c.type === 'heredoc_body') out.push(...interpolatedParts(c));
      else out.push(c);
    }
  }
  return out;
}

// Names declared once as constants at file or class level (`const footer = "..."` in Go, C# `const string X`,
// Java `static final`, PHP `const`, module-level JS `const` and Python / Ruby constants) whose value is a constant.
// A constant declared inside a function (C# `const string x` in a method, Go `const` in a func) is that
// function's local: local data flow sees it there, and other functions must not.
const DECLARATION_TYPES = new Set(['const_spec', 'const_element', 'field_declaration', 'local_declaration_statement', 'lexical_declaration', 'assignment']);

/** The (name, value) pairs a file-level declaration node declares. */
function declaredPairs(n: Node): [Node | null | undefined, Node | null | undefined][] {
  const t = n.type;
  if (t === 'const_spec') {
    const values = n.childForFieldName('value')?.namedChildren ?? [];
    return n.childrenForFieldName('name').map((nm, i) => [nm, values[i] ?? null]);
  }
  if (t === 'const_element') return [[n.namedChild(0), n.namedChild(n.namedChildCount - 1)]];
  if ((t === 'field_declaration' || t === 'local_declaration_statement') && /\b(const|final|readonly)\b/.test(n.namedChildren.filter((c) => c !== null && /^modifiers?$/.test(c.type)).map((c) => c!.text).join(' '))) {
    return n.descendantsOfType('variable_declarator').flatMap((d) => (d ? [[d.childForFieldName('name') ?? d.namedChild(0), d.childForFieldName('value') ?? d.namedChild(d.namedChildCount - 1)]] : []));
  }
  if (t === 'lexical_declaration' && n.child(0)?.text === 'const' && /^(program|export_statement)$/.test(n.parent?.type ?? '')) {
    return n.namedChildren.flatMap((d) => (d?.type === 'variable_declarator' ? [[d.childForFieldName('name'), d.childForFieldName('value')]] : []));
  }
  if (t === 'assignment' && (n.parent?.parent?.type === 'module' || n.childForFieldName('left')?.type === 'constant')) {
    return [[n.childForFieldName('left'), n.childForFieldName('right')]];
  }
  return [];
}

/** The value of the file-level constant `name`; null when it is declared more than once (ambiguous). */
function declaredConstant(root: Node, name: string): Node | null | undefined {
  let value: Node | null | undefined;
  for (const site of declarationSites(root, name, DECLARATION_TYPES)) {
    for (const [nm, v] of declaredPairs(site)) {
      if (!nm || !v || nm.text !== name) continue;
      value = value === undefined ? v : null;
    }
  }
  return value;
}

/** True when `name` is a file-level constant whose value is a constant expression and no parameter shadows it. */
function isDeclaredConstant(use: Node, name: string): boolean {
  // What another part of the file declares is a fact the incremental analysis re-checks after an edit.
  const constant = treeFact(
    use,
    `constant-expression/${name}`,
    (root) => {
      const value = declaredConstant(root, name);
      return value ? isConstantExpression(value) : false;
    },
    String,
    { outsideFunctions: true, deserialize: (v) => v === 'true' },
  );
  if (!constant) return false;
  // A parameter of the same name in an enclosing function shadows the constant.
  return !shadowedByParameter(use, name);
}

export interface TaintOptions {
  /** Callee text (see calleeText) of calls whose result is safe for this sink. */
  sanitizer?: RegExp;
  /** The kind of sink, for the shared safe-value facts (numbers, allow-lists, this sink's escapers). */
  sink?: SafeSink;
}

/** Decides whether `node` can carry outside input. */
export function taintOf(node: Node, opts: TaintOptions = {}, depth = 0): Taint {
  if (depth > 12) return OPAQUE;
  const n = unwrap(node);
  const t = n.type;
  if (isConstantExpression(n)) return CLEAN;
  // Code passed as code (a Ruby &block, a lambda) is not a string to evaluate.
  if (/^(block_argument|lambda|arrow_function|function_expression|function|do_block|block)$/.test(t)) return CLEAN;
  if (INTERPOLATED_STRINGS.has(t)) {
    let acc: Taint = CLEAN;
    for (const p of interpolatedParts(n)) acc = merge(acc, taintOf(p, opts, depth + 1));
    return acc.tainted ? { tainted: true, built: true } : CLEAN;
  }
  if (t === 'concatenated_string') {
    let acc: Taint = CLEAN;
    for (const c of n.namedChildren) if (c) acc = merge(acc, taintOf(c, opts, depth + 1));
    return acc;
  }
  if (BINARY_TYPES.has(t)) {
    const op = n.childForFieldName('operator')?.text ?? '';
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return OPAQUE;
    const acc = merge(taintOf(l, opts, depth + 1), taintOf(r, opts, depth + 1));
    // Arithmetic and comparisons over input give numbers or booleans, which cannot smuggle syntax.
    if (!CONCAT_OPERATORS.has(op)) return CLEAN;
    return acc.tainted ? { tainted: true, built: true } : CLEAN;
  }
  if (t === 'tuple' || t === 'list' || t === 'array' || t === 'array_creation_expression') {
    let acc: Taint = CLEAN;
    for (const c of n.namedChildren) if (c) acc = merge(acc, taintOf(c, opts, depth + 1));
    return acc;
  }
  if (t === 'ternary_expression' || t === 'conditional_expression' || t === 'conditional') {
    // The condition does not flow into the value; the branches do (Python puts the condition in the middle).
    let acc: Taint = CLEAN;
    for (const c of ternaryBranches(n)) acc = merge(acc, taintOf(c, opts, depth + 1));
    return acc;
  }
  if (CALL_TYPES.has(t)) {
    const callee = calleeText(n);
    if (opts.sanitizer?.test(callee)) return CLEAN;
    if (isSafeValue(n, opts.sink ?? 'any')) return CLEAN;
    if (FORMAT_CALLEE.test(callee)) {
      let acc: Taint = CLEAN;
      const recv = receiverOf(n);
      if (recv) acc = merge(acc, taintOf(recv, opts, depth + 1));
      for (const a of callArguments(n)) acc = merge(acc, taintOf(a, opts, depth + 1));
      return acc.tainted ? { tainted: true, built: true } : CLEAN;
    }
    return OPAQUE;
  }
  if (t === 'constant' || t === 'name') return isDeclaredConstant(n, n.text) ? CLEAN : OPAQUE;
  if (t === 'identifier' || t === 'variable_name') {
    // Numbers, allow-listed names and locals built only from safe values (safeValues.ts).
    if (isSafeValue(n, opts.sink ?? 'any')) return CLEAN;
    const writes = writesBefore(n, n.text);
    if (writes.length === 0) return isDeclaredConstant(n, n.text) ? CLEAN : OPAQUE;
    // A name reassigned inside a loop or branch after the use is out of reach of this source-order view,
    // so only the writes before the use count; an unresolved write keeps the value opaque.
    let acc: Taint = CLEAN;
    for (const w of writes) acc = merge(acc, taintOf(w.value, opts, depth + 1));
    return acc;
  }
  // Subscripts into constant maps, casts, unary operators, `.length`.
  return isSafeValue(n, opts.sink ?? 'any') ? CLEAN : OPAQUE;
}
