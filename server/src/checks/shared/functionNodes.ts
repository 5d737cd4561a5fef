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

/**
 * Scopes past this size are indexed with ownNodesOfTypes: a module, or code an unclosed bracket left outside
 * every function. Below it, one descendantsOfType call costs less than a cursor's many steps.
 */
export function isLargeScope(scope: Node): boolean {
  return scope.endIndex - scope.startIndex > 16_384;
}

/** Every node type some caller indexes scopes by (see indexedTypes): one walk of a scope finds them all. */
const INDEXED_TYPES = new Set<string>();

/**
 * Declares, at module load, the node types a caller will ask ownNodesOfTypes for, and returns them as the set to
 * pass: the first walk of a scope then collects every declared type, and the other callers filter it.
 */
export function indexedTypes(types: Iterable<string>): ReadonlySet<string> {
  const set = new Set(types);
  for (const t of set) INDEXED_TYPES.add(t);
  return set;
}

interface ScopeWalk {
  /** The types the walk collected. */
  types: ReadonlySet<string>;
  nodes: readonly Node[];
  /** The walk's nodes of one caller's types, by that caller's set. */
  byTypes: Map<ReadonlySet<string>, readonly Node[]>;
}

/**
 * Facts of one scope (a function, or a module's top level), kept per parsed tree: a keystroke's new tree starts
 * empty, and every use of every name in the scope reads the same entry.
 */
export class ScopeCache<T> {
  private readonly trees = new WeakMap<object, Map<string, T>>();

  get(scope: Node): T | undefined {
    return this.trees.get(scope.tree)?.get(scopeKey(scope));
  }

  set(scope: Node, value: T): T {
    let perTree = this.trees.get(scope.tree);
    if (!perTree) {
      perTree = new Map();
      this.trees.set(scope.tree, perTree);
    }
    perTree.set(scopeKey(scope), value);
    return value;
  }

  /** The entry of `scope`, computed on the first ask. */
  of(scope: Node, compute: () => T): T {
    return this.get(scope) ?? this.set(scope, compute());
  }
}

const scopeKey = (scope: Node): string => `${scope.startIndex}:${scope.endIndex}:${scope.type}`;

const walks = new ScopeCache<ScopeWalk>();

/**
 * The nodes of `types` under `scope` that lie in no function nested in it, in document order (`scope` itself
 * excluded). A cursor that steps over every nested function visits only the scope's own code: for a module,
 * that is a few percent of the file, where `descendantsOfType` walks and hands back every matching node of
 * every function (about 10x the cost on a 10,000-line module, paid once per keystroke when typing leaves code
 * outside any function). One walk per tree and scope serves every caller: the writes, the reaching definitions
 * and the allow-list checks of one use each walked a module that an unclosed bracket had left outside every
 * function, three walks per SQL value checked (a third of a keystroke's time in a 1,000-line JavaScript file).
 */
export function ownNodesOfTypes(scope: Node, types: ReadonlySet<string>): readonly Node[] {
  let walk = walks.get(scope);
  const known = walk?.byTypes.get(types);
  if (known) return known;
  if (!walk || ![...types].every((t) => walk!.types.has(t))) {
    const union = new Set([...INDEXED_TYPES, ...types]);
    walk = walks.set(scope, { types: union, nodes: walkOwn(scope, union), byTypes: new Map() });
  }
  const nodes = walk.nodes.filter((n) => types.has(n.type));
  walk.byTypes.set(types, nodes);
  return nodes;
}

function walkOwn(scope: Node, types: ReadonlySet<string>): Node[] {
  const out: Node[] = [];
  const cursor = scope.walk();
  try {
    let more = cursor.gotoFirstChild();
    while (more) {
      const type = cursor.nodeType;
      // `block` is a scope only as a Ruby call's block (isFunctionNode); elsewhere it is a statement list.
      const fn = FUNCTION_TYPES.has(type) && (type === 'block' || type === 'do_block' ? isFunctionNode(cursor.currentNode) : true);
      if (!fn && types.has(type)) out.push(cursor.currentNode);
      if (!fn && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          more = false;
          break;
        }
      }
    }
  } finally {
    cursor.delete();
  }
  return out;
}
