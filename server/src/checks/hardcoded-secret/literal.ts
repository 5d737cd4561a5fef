import type { Node, Tree } from '../../engine/source/parse';
import { INTERPOLATION_TYPES } from '../shared/constants';

// String literals across the eight grammars: where their content starts and ends, whether they interpolate,
// and which name they are assigned, passed or keyed to.

const LITERAL_TYPES = new Set([
  'string', // js, ts, python, php single-quoted, ruby
  'template_string', // js, ts
  'string_literal', // java, c#
  'verbatim_string_literal', // c# @"..."
  'raw_string_literal', // go `...`, c# """..."""
  'interpreted_string_literal', // go
  'encapsed_string', // php "..."
]);

export function isLiteral(node: Node): boolean {
  return LITERAL_TYPES.has(node.type);
}

/** True when the literal builds its value from code (f-string, template, "#{x}", "$x"): not a hardcoded secret. */
export function hasInterpolation(node: Node): boolean {
  const stack = [...node.namedChildren];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) continue;
    if (INTERPOLATION_TYPES.has(n.type)) return true;
  }
  return false;
}

/** Offsets of a literal's content between its delimiters (prefixes such as r, b, @ and $ are part of the opener). */
export function literalContent(node: Node): { start: number; end: number; text: string } | undefined {
  const text = node.text;
  const open = /^[A-Za-z@$]{0,3}("""|'''|["'`])/.exec(text);
  if (!open) return undefined;
  const quote = open[1]!;
  if (!text.endsWith(quote) || text.length < open[0].length + quote.length) return undefined;
  const start = node.startIndex + open[0].length;
  const end = node.endIndex - quote.length;
  return { start, end, text: text.slice(open[0].length, text.length - quote.length) };
}

/** The smallest string literal that contains the span [start, end). */
export function enclosingLiteral(tree: Tree, start: number, end: number): Node | undefined {
  let n: Node | null = tree.rootNode.descendantForIndex(start, Math.max(start, end - 1));
  while (n) {
    if (isLiteral(n)) return n;
    n = n.parent;
  }
  return undefined;
}

function lastIdentifier(node: Node | null): Node | null {
  if (!node) return null;
  const named = node.namedChildren.filter((c): c is Node => c !== null);
  switch (node.type) {
    case 'member_expression':
      return node.childForFieldName('property');
    case 'attribute':
      return node.childForFieldName('attribute');
    case 'field_access':
      return node.childForFieldName('field');
    case 'selector_expression':
      return node.childForFieldName('field');
    case 'member_access_expression':
      return node.childForFieldName('name');
    case 'call': // ruby self.secret = ...
      return node.childForFieldName('method');
    case 'expression_list':
      return named.length === 1 ? lastIdentifier(named[0]!) : null;
    case 'variable_name':
      return node;
    case 'subscript':
      return node.childForFieldName('subscript');
    case 'subscript_expression':
      return node.childForFieldName('index') ?? named[named.length - 1] ?? null;
    case 'element_reference':
      return named[named.length - 1] ?? null;
    default:
      return node;
  }
}

/**
 * The name a literal is assigned, passed or keyed to, or undefined where the literal stands alone (an argument,
 * an element of a list). Used to name the environment variable when the finding came from the provider layer.
 */
export function nameForLiteral(literal: Node): Node | undefined {
  let node: Node = literal;
  let parent = node.parent;
  // Go and C# wrap values (expression_list, literal_element, argument, equals_value_clause).
  while (parent && ['expression_list', 'literal_element', 'equals_value_clause', 'argument', 'parenthesized_expression'].includes(parent.type)) {
    if (parent.type === 'argument' && parent.childForFieldName('name')) break;
    if (parent.type === 'expression_list' && parent.namedChildren.length !== 1) return undefined;
    node = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  const field = (name: string): Node | null => parent!.childForFieldName(name);
  let target: Node | null = null;
  switch (parent.type) {
    case 'variable_declarator':
    case 'const_spec':
    case 'var_spec':
    case 'keyword_argument':
    case 'default_parameter':
    case 'typed_default_parameter':
    case 'public_field_definition':
    case 'property_declaration':
    case 'argument':
      target = field('name');
      break;
    case 'field_definition':
      target = field('property');
      break;
    case 'required_parameter':
    case 'optional_parameter':
      target = field('pattern');
      break;
    case 'pair':
    case 'keyed_element':
      target = field('key');
      break;
    case 'assignment':
    case 'assignment_expression':
    case 'assignment_statement':
    case 'short_var_declaration':
    case 'assignment_pattern':
      if ((field('right') ?? field('value'))?.id !== node.id && parent.type !== 'assignment_pattern') return undefined;
      target = lastIdentifier(field('left'));
      break;
    case 'property_element':
      target = field('name');
      break;
    case 'array_element_initializer': {
      // PHP 'key' => 'value': the key is the first child, the literal the second.
      const kids = parent.namedChildren.filter((c): c is Node => c !== null);
      if (kids.length !== 2 || kids[1]!.id !== node.id) return undefined;
      target = kids[0]!;
      break;
    }
    default:
      return undefined;
  }
  if (!target) return undefined;
  if (target.type === 'literal_element') target = target.namedChildren[0] ?? null;
  return target ?? undefined;
}
