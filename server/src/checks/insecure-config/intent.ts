import type { Node } from '../../engine/source/parse';
import type { Capture, FilterHelper, HelperOptions, MatchContext } from '../shared/types';
import { optString, opt } from '../shared/types';
import { enclosingFunction } from '../shared/ast';

// Configuration rules read what the code means, not only what it says: a test that builds the insecure combination
// to assert that the framework refuses it (`expect(() => cors({ origin: '*', credentials: true })).toThrow()`,
// `assertThrows(..., config::validateAllowCredentials)`, `with pytest.raises(...)`) is the opposite of the finding,
// and a wildcard origin in one method says nothing about the credentials allowed in another.

/** Assertions that the code they wrap or follow throws, across the test frameworks of the eight languages. */
const THROW_ASSERTION =
  /\b(?:assertThrows\w*|expectThrows|assertThatThrownBy|assertThatExceptionOfType|assertThatIllegal\w+Exception|isThrownBy|toThrow\w*|assert\.(?:throws|rejects)|Assert\.Throws\w*|ThrowsException\w*|ExpectedException|expectException\w*|pytest\.raises|assertRaises\w*|assert_raises|raise_error|Should\(\)\.Throw\w*|ShouldThrow)\b|@Test\s*\(\s*expected\s*=/;

/** Nodes whose text spans more than one test: an assertion somewhere inside says nothing about the match. */
const CONTAINERS = new Set(['program', 'module', 'source_file', 'compilation_unit', 'class_body', 'class_declaration', 'class_definition', 'class', 'declaration_list', 'namespace_declaration', 'file_scoped_namespace_declaration', 'interface_body', 'body_statement']);

/** A named function or method: a test's own scope, which holds its assertions before or after the match. */
const NAMED_FUNCTIONS = new Set(['function_declaration', 'method_definition', 'function_definition', 'method_declaration', 'constructor_declaration', 'method', 'singleton_method', 'local_function_statement', 'generator_function_declaration']);

/** A test case written as a call with a block or callback (`it('...', () => {})`, `test "..." do ... end`). */
function isTestCall(n: Node): boolean {
  if (n.type !== 'call_expression' && n.type !== 'call') return false;
  const fn = n.childForFieldName('function') ?? n.childForFieldName('method');
  return /^(?:it|test|specify|scenario|example|should)$/.test(fn?.text ?? '');
}

/** The node of a capture: its own for query patterns, the smallest node around its span for regex patterns. */
function nodeOf(ctx: MatchContext, target: Capture | undefined): Node | undefined {
  if (!target) return undefined;
  return target.node ?? ctx.tree?.rootNode.descendantForIndex(target.start, Math.max(target.start, target.end - 1)) ?? undefined;
}

/** True when `node` sits inside a statement or a test that asserts something throws. */
export function insideThrowAssertion(node: Node): boolean {
  for (let a: Node | null = node.parent; a; a = a.parent) {
    if (CONTAINERS.has(a.type)) return false;
    if (THROW_ASSERTION.test(a.text)) return true;
    if (NAMED_FUNCTIONS.has(a.type) || isTestCall(a)) return false;
  }
  return false;
}

export const filters: Record<string, FilterHelper> = {
  /**
   * The match (target) sits in code that asserts it throws: inside the assertion's call, or in a test case (a
   * named function, an `it`/`test` block) that holds such an assertion. Used negated, to drop the match.
   */
  assertedToThrow: (ctx, target) => {
    const n = nodeOf(ctx, target);
    return n ? insideThrowAssertion(n) : false;
  },

  /** The text of the function around the target (the file for top-level code) matches `pattern`. */
  functionMatches: (ctx, target, options) => {
    const pattern = optString(options, 'pattern');
    const n = nodeOf(ctx, target);
    if (!n || !pattern) return false;
    return new RegExp(pattern, options['caseSensitive'] === true ? '' : 'i').test(enclosingFunction(n).text);
  },
};

export const options: Record<string, HelperOptions> = {
  assertedToThrow: {},
  functionMatches: { pattern: opt.string, caseSensitive: opt.boolean },
};
