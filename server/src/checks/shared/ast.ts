import type { Node } from '../../engine/source/parse';
import { declarationSites } from './declarations';
import { FUNCTION_TYPES, indexedTypes, isFunctionNode, isLargeScope, ownNodesOfTypes, ScopeCache } from './functionNodes';

export { isFunctionNode };

// Generic syntax-tree utilities over the eight grammars, for helpers that need a little data flow
// (which string did this local variable hold when it reached the sink?). Deliberately intra-procedural
// and flow-insensitive beyond "source order": enough for the common build-then-call idiom, cheap to run.

/** The innermost function-like node around `node`, or the root (module-level code) when there is none. */
export function enclosingFunction(node: Node): Node {
  let n: Node | null = node.parent;
  let last: Node = node;
  while (n) {
    if (isFunctionNode(n)) return n;
    last = n;
    n = n.parent;
  }
  return last;
}

/** The declarations of a class-like type in every grammar: classes, modules, traits, interfaces, structs, records, enums. */
const CLASS_TYPES = new Set(['class_definition', 'class', 'module', 'singleton_class', 'class_declaration', 'trait_declaration', 'interface_declaration', 'struct_declaration', 'record_declaration', 'enum_declaration', 'object_declaration']);

/** The innermost class-like declaration around `node` (its fields and methods are the class's), if any. */
export function enclosingClass(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (CLASS_TYPES.has(p.type)) return p;
  return undefined;
}

/** Node identity: the wasm binding hands out a new object per access, so compare spans and types. */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return Boolean(a && b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type);
}

/** Unwraps parentheses: `(x)` → `x`. */
export function unwrapParens(node: Node): Node {
  let n = node;
  while ((n.type === 'parenthesized_expression' || n.type === 'parenthesized_statements') && n.namedChildCount === 1) {
    const inner = n.namedChild(0);
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** The name of a plain local-variable reference (`q`, PHP `$q`), or undefined for anything else. */
export function localName(node: Node): string | undefined {
  if (node.type === 'identifier' || node.type === 'variable_name') return node.text;
  return undefined;
}

/** A write to a local variable: `set` replaces its value, `append` adds to the end (`+=`, `.=`, `<<`). */
export interface LocalWrite {
  kind: 'set' | 'append';
  /** The assigned or appended expression. */
  value: Node;
  /** The whole assignment / declaration node, for edits. */
  node: Node;
}

/** A binary or assignment node's operator (`+`, `+=`, `<<`), by field where the grammar names it. */
export function operatorText(node: Node): string {
  const op = node.childForFieldName('operator');
  if (op) return op.text;
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed) return c.text;
  }
  return '';
}

/** Interprets one node as a write to `name`, across the grammars' assignment and declaration shapes. */
function writeOf(node: Node, name: string): LocalWrite | undefined {
  const t = node.type;
  const left = (): Node | null => node.childForFieldName('left') ?? node.childForFieldName('name') ?? node.namedChild(0);
  const right = (): Node | null => node.childForFieldName('right') ?? node.childForFieldName('value') ?? node.namedChild(node.namedChildCount - 1);
  const single = (n: Node | null): Node | null => {
    // Go wraps both sides in expression_list; only the one-variable form is followed.
    if (n?.type === 'expression_list') return n.namedChildCount === 1 ? n.namedChild(0) : null;
    return n;
  };
  switch (t) {
    case 'assignment': // python, ruby
    case 'assignment_expression': // js, java, c#, php
    case 'assignment_statement': // go
    case 'short_var_declaration': // go
    case 'augmented_assignment': // python
    case 'augmented_assignment_expression': // js, php
    case 'operator_assignment': {
      // ruby
      const l = single(left());
      const r = single(right());
      if (!l || !r || l.text !== name || sameNode(l, r)) return undefined;
      const op = operatorText(node);
      if (op === '=' || op === ':=') return { kind: 'set', value: r, node };
      if (op === '+=' || op === '.=' || op === '<<=') return { kind: 'append', value: r, node };
      return undefined;
    }
    case 'variable_declarator': {
      // js, java, c#: `name = value`; c# has no field names on the declarator.
      const l = node.childForFieldName('name') ?? node.namedChild(0);
      const r = node.childForFieldName('value') ?? (node.namedChildCount > 1 ? node.namedChild(node.namedChildCount - 1) : null);
      if (!l || !r || l.text !== name || sameNode(l, r)) return undefined;
      return { kind: 'set', value: r, node };
    }
    case 'var_spec': {
      // go `var q = ...`
      const names = node.childrenForFieldName('name');
      const value = single(node.childForFieldName('value'));
      if (names.length !== 1 || names[0]?.text !== name || !value) return undefined;
      return { kind: 'set', value, node };
    }
    case 'binary': {
      // ruby `q << "..."` as a statement appends in place
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if (operatorText(node) !== '<<' || !l || !r || l.text !== name) return undefined;
      const p = node.parent;
      if (p && p.type !== 'body_statement' && p.type !== 'program' && p.type !== 'then' && p.type !== 'else' && p.type !== 'do' && p.type !== 'block_body') return undefined;
      return { kind: 'append', value: r, node };
    }
    default:
      return undefined;
  }
}

/** Visits the nodes of `scope` in source order, not descending into nested functions. */
export function walkScope(scope: Node, visit: (n: Node) => boolean | void): void {
  const stack: Node[] = [];
  for (let i = scope.namedChildCount - 1; i >= 0; i--) {
    const c = scope.namedChild(i);
    if (c) stack.push(c);
  }
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) return;
    if (isFunctionNode(n)) continue;
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}

// Node types writeOf and declaredType look at.
const WRITE_TYPES = ['assignment', 'assignment_expression', 'assignment_statement', 'short_var_declaration', 'augmented_assignment', 'augmented_assignment_expression', 'operator_assignment', 'variable_declarator', 'var_spec', 'binary'];
const TYPED_DECLARATION_TYPES = ['formal_parameter', 'parameter', 'parameter_declaration', 'local_variable_declaration', 'variable_declaration', 'var_spec', 'required_parameter', 'optional_parameter', 'typed_parameter', 'typed_default_parameter', 'simple_parameter'];
const TYPED_DECLARATIONS = new Set(TYPED_DECLARATION_TYPES);
const INDEXED = indexedTypes([...WRITE_TYPES, ...TYPED_DECLARATION_TYPES]);
const INDEXED_AND_FUNCTION_TYPES = [...new Set([...INDEXED, ...FUNCTION_TYPES])];

const scopeIndexes = new ScopeCache<readonly Node[]>();

/**
 * The writes and typed declarations of one scope (what walkScope would visit, in the same source order), found
 * once per parsed tree and scope by one walk inside tree-sitter. Walking the scope node by node for every use
 * was quadratic when an unclosed bracket had turned the rest of a file into one scope: 1.5 s per keystroke on
 * a 10,000-line Python file.
 */
function scopeIndex(scope: Node): readonly Node[] {
  return scopeIndexes.of(scope, () => {
    // Nested functions are their own scopes: nothing inside them belongs to this one. One walk finds both (in
    // document order a function comes before what it contains); two walks cost twice as much on a large scope.
    if (isLargeScope(scope)) return ownNodesOfTypes(scope, INDEXED);
    const nodes: Node[] = [];
    let nestedEnd = -1;
    for (const n of scope.descendantsOfType(INDEXED_AND_FUNCTION_TYPES)) {
      if (!n || n.startIndex < nestedEnd || sameNode(n, scope)) continue;
      if (isFunctionNode(n)) nestedEnd = n.endIndex;
      else if (INDEXED.has(n.type)) nodes.push(n);
    }
    return nodes;
  });
}

/** The name a write-shaped node may write (what writeOf compares with `name`), without judging the write. */
function writtenName(node: Node): string | undefined {
  switch (node.type) {
    case 'variable_declarator':
      return (node.childForFieldName('name') ?? node.namedChild(0))?.text;
    case 'var_spec':
      return node.childrenForFieldName('name')[0]?.text;
    case 'binary':
      return node.childForFieldName('left')?.text;
    default: {
      if (!WRITE_TYPES.includes(node.type)) return undefined;
      let l = node.childForFieldName('left') ?? node.childForFieldName('name') ?? node.namedChild(0);
      if (l?.type === 'expression_list') l = l.namedChildCount === 1 ? l.namedChild(0) : null;
      return l?.text;
    }
  }
}

const scopeWrites = new WeakMap<object, Map<string, Map<string, Node[]>>>();

/**
 * The write-shaped nodes of a scope that may write `name`, in source order, grouped by name once per scope: with
 * one list for the whole scope, every use read every write before it, and a 200,000-line module with a query
 * every thousand lines took 38 times as long as one of 25,000 lines.
 */
function scopeWritesTo(scope: Node, name: string): Node[] {
  let perTree = scopeWrites.get(scope.tree);
  if (!perTree) {
    perTree = new Map();
    scopeWrites.set(scope.tree, perTree);
  }
  const key = `${scope.startIndex}:${scope.endIndex}:${scope.type}`;
  let byName = perTree.get(key);
  if (!byName) {
    byName = new Map();
    for (const n of scopeIndex(scope)) {
      const w = writtenName(n);
      if (w === undefined) continue;
      const list = byName.get(w);
      if (list) list.push(n);
      else byName.set(w, [n]);
    }
    perTree.set(key, byName);
  }
  return byName.get(name) ?? [];
}

/**
 * The writes to local `name` in the function around `use` that end before `use`: the last plain assignment
 * and every append after it, in source order. Empty when the name is never assigned there (a parameter).
 */
export function writesBefore(use: Node, name: string): LocalWrite[] {
  const scope = enclosingFunction(use);
  const all: LocalWrite[] = [];
  for (const n of scopeWritesTo(scope, name)) {
    if (n.startIndex >= use.startIndex) break;
    const w = writeOf(n, name);
    // A write that contains the use (q = q + x with use inside) is not "before" it.
    if (w && n.endIndex <= use.startIndex) all.push(w);
  }
  let lastSet = -1;
  all.forEach((w, i) => {
    if (w.kind === 'set') lastSet = i;
  });
  return lastSet >= 0 ? all.slice(lastSet) : all;
}

/** Every reference to `name` (identifier or PHP variable) in the function around `node`. */
export function referencesInScope(node: Node, name: string): Node[] {
  const out: Node[] = [];
  walkScope(enclosingFunction(node), (n) => {
    if ((n.type === 'identifier' || n.type === 'variable_name') && n.text === name) out.push(n);
  });
  return out;
}

/**
 * The declared type of `name` in the function around `use` (Java, C#, Go, TypeScript, Python and PHP parameters and
 * locals), as written, or undefined when untyped or not found.
 */
export function declaredType(use: Node, name: string): string | undefined {
  const fn = enclosingFunction(use);
  // Parameters live outside the body on most grammars, so the function node itself is read first.
  return typedNames(fn).get(name) ?? scopeTypes(fn).get(name);
}

/** The declared type of every name `n` declares with one (a typed declaration, parameter or annotation). */
function typedNames(n: Node, out = new Map<string, string>()): Map<string, string> {
  if (!TYPED_DECLARATIONS.has(n.type)) return out;
  const typeNode = n.childForFieldName('type') ?? n.namedChildren.find((c) => c !== null && /type|identifier$/.test(c.type) && c.type !== 'identifier') ?? null;
  if (!typeNode) return out;
  const names: (Node | null)[] = [...n.childrenForFieldName('name')];
  if (names.length === 0) {
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier') names.push(c);
      if (c.type === 'variable_declarator') names.push(c.childForFieldName('name') ?? c.namedChild(0));
    }
  }
  const pattern = n.childForFieldName('pattern');
  if (pattern) names.push(pattern);
  const type = typeNode.type === 'type_annotation' ? typeNode.text.replace(/^:\s*/, '') : typeNode.text;
  for (const x of names) if (x && !out.has(x.text)) out.set(x.text, type);
  return out;
}

const scopeTypeMaps = new ScopeCache<Map<string, string>>();

/**
 * The first declared type of each name in a scope, found once per scope: reading the whole scope for every use
 * was quadratic in a large module.
 */
function scopeTypes(scope: Node): Map<string, string> {
  return scopeTypeMaps.of(scope, () => {
    const types = new Map<string, string>();
    for (const n of scopeIndex(scope)) typedNames(n, types);
    return types;
  });
}

/** The statement that contains `node` directly inside a block (for inserting lines before or after it). */
export function enclosingStatement(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parent) {
    const p: Node = n.parent;
    if (/^(block|statement_block|compound_statement|statement_list|body_statement|program|module|source_file|declaration_list|switch_section|then|else|do|class_body)$/.test(p.type)) return n;
    if (isFunctionNode(p)) return n;
    n = p;
  }
  return undefined;
}

/** The indentation (spaces and tabs) of the line on which offset `at` lies. */
export function indentAt(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

const CONSTANT_SITES = new Set(['const_spec', 'variable_declarator']);

/** The value a declaration node gives `name` when it declares a file-level constant of that name. */
function constantValue(n: Node, name: string): Node | undefined {
  if (n.type === 'const_spec') {
    const names = n.childrenForFieldName('name');
    const value = n.childForFieldName('value');
    const v = value?.namedChildCount === 1 ? value.namedChild(0) : null;
    return names.length === 1 && names[0]?.text === name && v ? v : undefined;
  }
  const decl = n.parent;
  if (!decl) return undefined;
  const isConst =
    (decl.type === 'lexical_declaration' && decl.child(0)?.text === 'const' && decl.parent?.type === 'program') ||
    (/^(field_declaration|variable_declaration)$/.test(decl.type) && /\b(const|static\s+final|final\s+static)\b/.test((decl.parent ?? decl).text.slice(0, 80)));
  const l = n.childForFieldName('name') ?? n.namedChild(0);
  const v = n.childForFieldName('value') ?? (n.namedChildCount > 1 ? n.namedChild(n.namedChildCount - 1) : null);
  return isConst && l?.text === name && v ? v : undefined;
}

/**
 * The value of a file-level constant named `name`: Go `const x = ...`, JS/TS top-level `const x = ...`,
 * C# / Java fields declared `const` / `static final`; the first declaration wins. Undefined when there is none.
 */
export function fileConstantValue(from: Node, name: string): Node | undefined {
  const root = from.tree.rootNode;
  for (const site of declarationSites(root, name, CONSTANT_SITES)) {
    const v = constantValue(site, name);
    if (v) return v;
  }
  return undefined;
}

/** A parameter of a function around `use` is named `name`, so it shadows a file-level constant of that name. */
export function shadowedByParameter(use: Node, name: string): boolean {
  const pattern = new RegExp(`(^|[^\\w$])\\$?${name.replace(/[$]/g, '\\$')}\\b`);
  for (let p: Node | null = use.parent; p; p = p.parent) {
    const params = p.childForFieldName('parameters');
    if (params && pattern.test(params.text)) return true;
  }
  return false;
}
