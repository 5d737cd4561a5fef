import type { Node } from '../source/parse';

// The node types of the incremental unit (incremental.ts): an edit inside one outermost function re-runs that
// function only. A leaf module, so document facts (documentFacts.ts) can find a node's unit without importing the
// rest of the incremental analysis.

export const FUNCTION_LIST = [
  'function_definition', // python, php
  'function_declaration', // js/ts, go
  'function_expression',
  'generator_function_declaration',
  'generator_function',
  'arrow_function', // js/ts, php
  'method_definition', // js/ts
  'method_declaration', // java, c#, go, php
  'constructor_declaration', // java, c#
  'compact_constructor_declaration',
  'local_function_statement', // c#
  'accessor_declaration',
  'func_literal', // go
  'method', // ruby
  'singleton_method',
  'anonymous_function', // php
  'lambda', // python
];
export const FUNCTION_TYPES: ReadonlySet<string> = new Set(FUNCTION_LIST);

/** Whether `n` is a function, method or lambda in the sense of the incremental unit. */
export function isFunctionNode(n: Node): boolean {
  return FUNCTION_TYPES.has(n.type);
}
