import type { Node } from '../../engine/source/parse';

// Node types across the eight grammars. A value is "constant" when nothing in it can come from outside
// the program: literals, ALL_CAPS names, and operators over those.

const STRING_TYPES = new Set([
  'string', // js, python, php (single-quoted), ruby
  'template_string', // js/ts
  'concatenated_string', // python "a" "b"
  'string_literal', // java, c#
  'text_block', // java
  'interpreted_string_literal', // go
  'raw_string_literal', // go, c#
  'verbatim_string_literal', // c#
  'interpolated_string_expression', // c# $"..."
  'encapsed_string', // php "..."
  'heredoc', // php, ruby
  'nowdoc', // php
  'character_literal',
  'char_literal',
  'rune_literal',
  'symbol', // ruby :sym
  'simple_symbol',
  'string_value',
]);

/**
 * Node types inside a string literal that put code into it (`${x}`, `{x}`, `#{x}`, PHP's `"$x"` and `"{$a[0]}"`,
 * C#'s `$"{x}"`): a string holding one is built, not constant. The one list for every helper that asks.
 */
export const INTERPOLATION_TYPES: ReadonlySet<string> = new Set([
  'template_substitution',
  'interpolation',
  'variable_name',
  'member_access_expression',
  'subscript_expression',
  'dynamic_variable_name',
  'heredoc_body_interpolation',
  'string_interpolation',
  'interpolated_string_expression',
]);

const SCALAR_TYPES = new Set([
  'number',
  'integer',
  'float',
  'true',
  'false',
  'null',
  'none',
  'nil',
  'undefined',
  'decimal_integer_literal',
  'hex_integer_literal',
  'octal_integer_literal',
  'binary_integer_literal',
  'decimal_floating_point_literal',
  'int_literal',
  'float_literal',
  'imaginary_literal',
  'integer_literal',
  'real_literal',
  'boolean_literal',
  'null_literal',
  'boolean',
  'rational',
  'iota',
]);

const WRAPPER_TYPES = new Set(['parenthesized_expression', 'parenthesized_statements', 'expression_statement']);

const OPERATOR_TYPES = new Set([
  'binary_expression', // js, java, go, c#, php
  'binary_operator', // python
  'binary', // ruby
  'unary_expression',
  'unary_operator',
  'unary',
]);

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const REQUEST_ATTRIBUTES = /^(GET|POST|FILES|COOKIES|META|REQUEST|DATA|BODY)$/;

function isConstantName(text: string): boolean {
  return CONSTANT_NAME.test(text) && /[A-Z]/.test(text);
}

export function hasInterpolation(node: Node): boolean {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (INTERPOLATION_TYPES.has(child.type)) return true;
    if (hasInterpolation(child)) return true;
  }
  return false;
}

export function isStringNode(node: Node): boolean {
  return STRING_TYPES.has(node.type);
}

/** Objects whose ALL_CAPS members are environment variables, not constants (Node, Vite and other bundlers). */
const ENVIRONMENT_OBJECTS = /^(process\.env|import\.meta\.env)$/;

/** True when the expression's value cannot depend on input: literals, ALL_CAPS constants and operators over them. */
export function isConstantExpression(node: Node | null | undefined, depth = 0): boolean {
  if (!node || depth > 50) return false;
  const t = node.type;
  if (STRING_TYPES.has(t)) return !hasInterpolation(node);
  if (SCALAR_TYPES.has(t)) return true;
  if (WRAPPER_TYPES.has(t) || OPERATOR_TYPES.has(t)) {
    const kids = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return kids.length > 0 && kids.every((c) => isConstantExpression(c, depth + 1));
  }
  if (t === 'identifier' || t === 'constant' || t === 'name' || t === 'variable_name') {
    return isConstantName(node.text.replace(/^\$/, ''));
  }
  // Foo.BAR, Foo::BAR, self::BAR, Config.MAX_ROWS: constant when the last segment is ALL_CAPS.
  if (
    t === 'member_expression' ||
    t === 'field_access' ||
    t === 'attribute' ||
    t === 'selector_expression' ||
    t === 'member_access_expression' ||
    t === 'scope_resolution' ||
    t === 'class_constant_access_expression'
  ) {
    const last = node.namedChildren[node.namedChildren.length - 1];
    // Django's request.GET / POST / COOKIES / META are ALL_CAPS attributes that hold the request's input.
    if (last && REQUEST_ATTRIBUTES.test(last.text) && !isConstantName(node.namedChildren[0]?.text ?? '')) return false;
    // `process.env.TARGET_DIR` is spelled like a constant but holds what the environment says.
    if (ENVIRONMENT_OBJECTS.test((node.namedChildren[0]?.text ?? '').replace(/\s+/g, ''))) return false;
    return last ? isConstantName(last.text) : false;
  }
  return false;
}
