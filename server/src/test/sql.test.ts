import * as assert from 'assert';
import { Engine } from '../engine';
import { parse, type Node } from '../engine/source/parse';
import type { CodeLanguage } from '../engine/types';
import { writesBefore } from '../checks/shared/ast';
import { decompose } from '../checks/sql-injection/build';
import { looksLikeSql } from '../checks/sql-injection/flow';
import { rewrite } from '../checks/sql-injection/fix';

// Unit tests of the sql-injection helpers: the pieces the fixtures exercise only as a whole.

async function lastIdentifier(lang: CodeLanguage, text: string, name: string): Promise<Node> {
  const tree = await parse(lang, text);
  assert.ok(tree);
  let found: Node | undefined;
  const stack: Node[] = [tree.rootNode];
  while (stack.length) {
    const n = stack.pop()!;
    if ((n.type === 'identifier' || n.type === 'variable_name') && n.text === name && (!found || n.startIndex > found.startIndex)) found = n;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  assert.ok(found, `no identifier ${name}`);
  return found;
}

describe('sql-injection helpers', () => {
  it('reads SQL statements, not URLs, selectors or prose', () => {
    assert.ok(looksLikeSql('SELECT id FROM users WHERE name = ?', 'statement'));
    assert.ok(looksLikeSql('  insert into t (a) values ( ? )', 'statement'));
    assert.ok(looksLikeSql('UPDATE users SET name = ?', 'statement'));
    assert.ok(!looksLikeSql('/api/select?from= ? ', 'statement'));
    assert.ok(!looksLikeSql('select#row- ? ', 'statement'));
    assert.ok(!looksLikeSql('SELECT step for ? ', 'statement'));
    assert.ok(looksLikeSql("name = ' ? '", 'condition'));
    assert.ok(!looksLikeSql('deploy ? ', 'condition'));
  });

  it('follows a local variable to its last assignment and later appends, skipping nested functions', async () => {
    const text = [
      'def f(x, y):',
      '    q = "old"',
      '    q = "SELECT a FROM t"',
      '    def inner():',
      '        q = "ignored" + y',
      '    q += " WHERE b = " + x',
      '    run(q)',
      '    q = "after"',
    ].join('\n');
    const use = await lastIdentifier('python', text.replace(/\n {4}q = "after"$/, ''), 'q');
    const ws = writesBefore(use, 'q');
    assert.deepStrictEqual(
      ws.map((w) => [w.kind, w.value.text]),
      [
        ['set', '"SELECT a FROM t"'],
        ['append', '" WHERE b = " + x'],
      ],
    );
  });

  it('decomposes format calls into literal and value parts', async () => {
    const tree = await parse('go', 'package m\nfunc f(x string) { g(fmt.Sprintf("SELECT a FROM t WHERE n = \'%s\' AND k = %d%%", x, 3)) }');
    assert.ok(tree);
    const call = tree.rootNode.descendantsOfType('call_expression').find((c) => c?.text.startsWith('fmt.'));
    assert.ok(call);
    const b = decompose(call);
    assert.ok(b);
    assert.deepStrictEqual(
      b.parts.map((p) => (p.kind === 'lit' ? p.raw : `<${p.node.text}${p.spec ?? ''}>`)),
      ["SELECT a FROM t WHERE n = '", '<x%s>', "' AND k = ", '<3%d>', '%%'],
    );
  });

  it('drops the quotes around a quoted value and refuses a partly quoted one', async () => {
    const build = async (src: string) => {
      const tree = await parse('javascript', `q(${src});`);
      const arg = tree!.rootNode.descendantsOfType('arguments')[0]!.namedChild(0)!;
      return decompose(arg)!;
    };
    const ok = rewrite((await build(`"SELECT a FROM t WHERE n = '" + x + "' AND m = " + y`)).parts, 'dollar');
    assert.strictEqual(ok?.literal, '"SELECT a FROM t WHERE n = $1 AND m = $2"');
    assert.deepStrictEqual(ok?.quoted, [true, false]);
    assert.strictEqual(rewrite((await build(`"SELECT a FROM t WHERE n LIKE '%" + x + "%'"`)).parts, 'qmark'), undefined);
    assert.strictEqual(rewrite((await build(`'SELECT a FROM t WHERE n = ' + "'" + x + "'"`)).parts, 'qmark'), undefined);
  });

  it('a constant written only in a branch that never runs does not make the value safe', async () => {
    // The else branch's constant comes after the input in source order; only the reaching definitions see it is dead.
    const text = [
      'class A {',
      '  void f(java.sql.Statement st, java.io.BufferedReader in) throws Exception {',
      '    String data;',
      '    if (true) { data = in.readLine(); } else { data = null; }',
      '    st.execute("SELECT * FROM t WHERE n = \'" + data + "\'");',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await Engine.create().analyze({ path: 'A.java', languageId: 'java', text });
    assert.deepStrictEqual(r.findings.filter((f) => f.ruleId === 'sql-injection').map((f) => [f.range.start.line, f.confidence]), [[4, 'high']]);
    const dead = text.replace('if (true)', 'if (false)');
    const d = await Engine.create().analyze({ path: 'A.java', languageId: 'java', text: dead });
    assert.deepStrictEqual(d.findings.filter((f) => f.ruleId === 'sql-injection'), []);
  });

  it('lowers confidence and offers no fix for a value in an identifier position', async () => {
    const engine = Engine.create();
    const text = 'def f(cur, sort_column, name):\n    cur.execute("SELECT a FROM t ORDER BY " + sort_column)\n    cur.execute("SELECT a FROM t WHERE n = \'" + name + "\'")\n';
    const r = await engine.analyze({ path: 'a.py', languageId: 'python', text });
    const sql = r.findings.filter((f) => f.ruleId === 'sql-injection');
    assert.deepStrictEqual(
      sql.map((f) => [f.range.start.line, f.confidence, f.fixes.length]),
      [
        // Both values arrive in parameters nothing in the file passes (medium evidence); the identifier gets no fix.
        [1, 'medium', 0],
        [2, 'medium', 1],
      ],
    );
    assert.strictEqual(sql[1]!.fixes[0]!.applicability, 'suggestion');
  });
});
