import type { Node } from '../../engine/source/parse';

// Which nodes open a local scope, in every grammar. Its own file because both the tree utilities (ast.ts) and
// the declaration finder (declarations.ts) need it, and ast.ts uses the declaration finder: kept in ast.ts it
// made the two files import each other.

export const FUNCTION_TYPES = new Set([
  // js / ts
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  // python
  'function_definition',
  'lambda',
  // java / c#
  'method_declaration',
  'constructor_declaration',
  'lambda_expression',
  'local_function_statement',
  'accessor_declaration',
  'anonymous_method_expression',
  // go
  'func_literal',
  // php (function_definition shared with python)
  'method_declaration',
  'anonymous_function',
  'anonymous_function_creation_expression',
  'arrow_function',
  // ruby
  'method',
  'singleton_method',
  'block',
  'do_block',
]);

/** True for a node that starts a new local scope (function, method, lambda, Ruby block). */
export function isFunctionNode(node: Node): boolean {
  // Ruby's `block` is a brace block; other grammars use `block` for a statement list, which is no scope.
  if (node.type === 'block' || node.type === 'do_block') return node.parent?.type === 'call';
  return FUNCTION_TYPES.has(node.type);
}
