import type { Node } from '../../engine/source/parse';

// Field declarations of a file by name, for the taint sources that mark a field as filled from outside by its
// decorator or annotation (rules/taint/sources.yaml `fields`, e.g. Angular's `@Input()`). Built once per tree.

const FIELD_TYPES = new Set(['public_field_definition', 'field_definition', 'field_declaration', 'property_declaration']);
const byTree = new WeakMap<object, Map<string, Node>>();

function fieldName(decl: Node): string | undefined {
  const direct = decl.childForFieldName('name') ?? decl.childForFieldName('property');
  if (direct) return direct.text;
  // Java / C#: the name sits in the declarator.
  const declarator = decl.namedChildren.find((c) => c?.type === 'variable_declarator' || c?.type === 'variable_declaration');
  const inner = declarator?.type === 'variable_declaration' ? declarator.namedChildren.find((c) => c?.type === 'variable_declarator') : declarator;
  return (inner?.childForFieldName('name') ?? inner?.namedChild(0))?.text;
}

/** The declaration of the field `name` in the file of `root`, if one is declared there. */
export function fieldDeclaration(root: Node, name: string): Node | undefined {
  let index = byTree.get(root.tree);
  if (!index) {
    index = new Map();
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (FIELD_TYPES.has(n.type)) {
        const id = fieldName(n);
        if (id !== undefined && !index.has(id)) index.set(id, n);
        continue;
      }
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
    byTree.set(root.tree, index);
  }
  return index.get(name);
}
