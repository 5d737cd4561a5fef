import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse, type Node } from '../engine/source/parse';
import { packageRoot } from '../engine';
import type { CodeLanguage } from '../engine/types';
import { isCodeLanguage } from '../engine/source/languages';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';
import { FUNCTION_TYPES, indexedTypes, isFunctionNode, ownNodesOfTypes } from '../checks/shared/functionNodes';

// ownNodesOfTypes (the cursor walk that indexes a large scope, such as a module) must hand back exactly what the
// per-scope indexes found before with descendantsOfType and a skip of nested functions.

const TYPES = new Set(['assignment', 'assignment_expression', 'variable_declarator', 'local_variable_declaration', 'short_var_declaration', 'expression_statement', 'if_statement', 'if', 'call', 'call_expression', 'method_invocation', 'return_statement', 'block', 'identifier']);

function reference(scope: Node): Node[] {
  const out: Node[] = [];
  let nestedEnd = -1;
  for (const n of scope.descendantsOfType([...TYPES, ...FUNCTION_TYPES])) {
    if (!n || n.startIndex < nestedEnd || (n.startIndex === scope.startIndex && n.endIndex === scope.endIndex && n.type === scope.type)) continue;
    if (isFunctionNode(n)) {
      nestedEnd = n.endIndex;
      continue;
    }
    if (TYPES.has(n.type)) out.push(n);
  }
  return out;
}

const spans = (ns: readonly Node[]): string[] => ns.map((n) => `${n.type}@${n.startIndex}-${n.endIndex}`);

describe('ownNodesOfTypes', () => {
  const files = fixtureFiles(path.join(packageRoot(), 'test-fixtures')).filter((f) => isCodeLanguage(fixtureLanguage(f)));

  it('finds what descendantsOfType finds outside nested functions, for every fixture file and each of its functions', async () => {
    let scopes = 0;
    for (const file of files) {
      const tree = await parse(fixtureLanguage(file) as CodeLanguage, fs.readFileSync(file, 'utf8'));
      if (!tree) continue;
      try {
        const fns = [tree.rootNode, ...tree.rootNode.descendantsOfType(['function_declaration', 'function_definition', 'method_declaration', 'method', 'block', 'do_block']).filter((n): n is Node => n !== null && isFunctionNode(n))];
        for (const scope of fns) {
          assert.deepStrictEqual(spans(ownNodesOfTypes(scope, TYPES)), spans(reference(scope)), `${path.basename(file)} ${scope.type}@${scope.startIndex}`);
          scopes++;
        }
      } finally {
        tree.delete();
      }
    }
    assert.ok(scopes > files.length, `only ${scopes} scopes in ${files.length} files`);
  });

  it('walks a scope once for every declared set of types, and once more for a set declared after the walk', async () => {
    const writes = indexedTypes(['assignment_expression', 'variable_declarator']);
    const calls = indexedTypes(['call_expression']);
    const tree = await parse('javascript', 'let a = f(1);\nfunction g() { let b = h(); }\na = k(a);\nif (a) { a = 2; }\n');
    assert.ok(tree);
    try {
      const root = tree.rootNode;
      let walks = 0;
      const walk = root.walk.bind(root);
      root.walk = () => {
        walks++;
        return walk();
      };
      assert.deepStrictEqual(ownNodesOfTypes(root, writes).map((n) => n.text), ['a = f(1)', 'a = k(a)', 'a = 2']);
      assert.deepStrictEqual(ownNodesOfTypes(root, calls).map((n) => n.text), ['f(1)', 'k(a)']);
      assert.strictEqual(walks, 1);
      // A set nobody declared is walked for, and then served from that walk too.
      const numbers = new Set(['number']);
      assert.deepStrictEqual(ownNodesOfTypes(root, numbers).map((n) => n.text), ['1', '2']);
      assert.deepStrictEqual(ownNodesOfTypes(root, numbers).map((n) => n.text), ['1', '2']);
      assert.deepStrictEqual(ownNodesOfTypes(root, calls).map((n) => n.text), ['f(1)', 'k(a)']);
      assert.strictEqual(walks, 2);
    } finally {
      tree.delete();
    }
  });

  it('steps over a Ruby block but into a Java block', async () => {
    const ruby = await parse('ruby', 'x = 1\nitems.each do |i|\n  y = i\nend\nz = 2\n');
    const java = await parse('java', 'class A { void f() { { int y = 1; } } }');
    assert.ok(ruby && java);
    assert.deepStrictEqual(ownNodesOfTypes(ruby.rootNode, new Set(['assignment'])).map((n) => n.text), ['x = 1', 'z = 2']);
    const method = java.rootNode.descendantsOfType('method_declaration')[0]!;
    assert.deepStrictEqual(ownNodesOfTypes(method, new Set(['local_variable_declaration'])).map((n) => n.text), ['int y = 1;']);
    ruby.delete();
    java.delete();
  });
});
