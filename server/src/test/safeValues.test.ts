import * as assert from 'assert';
import { parse } from '../engine/source/parse';
import type { Node } from '../engine/source/parse';
import type { CodeLanguage } from '../engine/types';
import { safeReason, type SafeSink } from '../checks/shared/safeValues';

// The shared safe-value facts behind every injection rule (checks/shared/safeValues.ts, allowList.ts): which
// values cannot change the syntax of the sink they reach, and which still can.

/** The first argument of the last call to `callee` in `code`. */
async function argOf(lang: CodeLanguage, code: string, callee: string): Promise<Node> {
  const tree = await parse(lang, code);
  assert.ok(tree, 'parsed');
  let found: Node | undefined;
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const n = stack.pop()!;
    // Ruby names a receiverless call's callee `method`.
    const fn = n.childForFieldName('function') ?? (n.childForFieldName('receiver') ? null : n.childForFieldName('method'));
    const args = n.childForFieldName('arguments');
    if (fn?.text === callee && args) {
      const first = args.namedChildren.find((c) => c !== null);
      if (first) found = first.type === 'argument' ? first.namedChild(0)! : first;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  assert.ok(found, `no call to ${callee}`);
  return found;
}

const reason = async (lang: CodeLanguage, code: string, sink: SafeSink = 'any'): Promise<string | undefined> => safeReason(await argOf(lang, code, 'sink'), sink);

describe('safe values for injection sinks', () => {
  it('knows numbers: conversions, counts, typed parameters, comparisons', async () => {
    assert.strictEqual(await reason('python', 'def f(x):\n    sink(int(x))\n'), 'number');
    assert.strictEqual(await reason('javascript', 'function f(a) { sink(a.length); }'), 'number');
    assert.strictEqual(await reason('python', 'def f(page: int):\n    sink(page)\n'), 'number');
    assert.strictEqual(await reason('php', '<?php function f(int $id) { sink($id); }'), 'number');
    assert.strictEqual(await reason('ruby', 'def f(x)\n  sink(x.to_i)\nend\n'), 'number');
    assert.strictEqual(await reason('javascript', 'function f(a) { sink(a === "x"); }'), 'number');
    assert.strictEqual(await reason('javascript', 'function f(a) { sink(a); }'), undefined);
  });

  it('counts an escaper only for its own sink', async () => {
    assert.strictEqual(await reason('php', '<?php function f($x) { sink(escapeshellarg($x)); }', 'shell'), 'escaped');
    assert.strictEqual(await reason('php', '<?php function f($x) { sink(escapeshellarg($x)); }', 'html'), undefined);
    assert.strictEqual(await reason('python', 'def f(x):\n    sink(html.escape(x))\n', 'html'), 'escaped');
    assert.strictEqual(await reason('python', 'def f(x):\n    sink(html.escape(x))\n', 'sql'), undefined);
    assert.strictEqual(await reason('ruby', 'def f(t)\n  sink(connection.quote_table_name(t))\nend\n', 'sql'), 'escaped');
  });

  it('marks SQL escapers that add no quotes as safe only between quotes', async () => {
    assert.strictEqual(await reason('php', '<?php function f($db, $x) { sink(mysqli_real_escape_string($db, $x)); }', 'sql'), 'quoted-escape');
  });

  it('reads ternaries, constant lookups and allow-list checks', async () => {
    assert.strictEqual(await reason('javascript', 'function f(d) { sink(d ? "ASC" : "DESC"); }'), 'allow-listed');
    assert.strictEqual(await reason('javascript', 'function f(d, x) { sink(d ? "ASC" : x); }'), undefined);
    assert.strictEqual(await reason('python', 'def f(d, x):\n    sink("ASC" if d else x)\n'), undefined);
    assert.strictEqual(await reason('python', 'COLS = {"a": "name"}\ndef f(k):\n    sink(COLS[k])\n'), 'allow-listed');
    assert.strictEqual(await reason('python', 'COLS = ("a", "b")\ndef f(k):\n    if k not in COLS:\n        raise ValueError(k)\n    sink(k)\n'), 'allow-listed');
    assert.strictEqual(await reason('python', 'COLS = ("a", "b")\ndef f(k):\n    if k in COLS:\n        raise ValueError(k)\n    sink(k)\n'), undefined);
    assert.strictEqual(await reason('ruby', 'def f(k)\n  return unless %w[a b].include?(k)\n  sink(k)\nend\n'), 'allow-listed');
    assert.strictEqual(await reason('javascript', 'function f(k) { if (k === "a" || k === "b") { sink(k); } }'), 'allow-listed');
    assert.strictEqual(await reason('javascript', 'function f(k) { if (k === "a" || k.length) { sink(k); } }'), undefined);
  });

  it('forgets a check once the name is written again', async () => {
    const code = 'const OK = ["a"];\nfunction f(k, v) { if (!OK.includes(k)) return; k = v; sink(k); }';
    assert.strictEqual(await reason('javascript', code), undefined);
  });

  it('does not take a parameter for the file-level constant it shadows', async () => {
    assert.strictEqual(await reason('go', 'package m\nconst limit = 10\nfunc F() { sink(limit) }\n'), 'constant');
    assert.strictEqual(await reason('go', 'package m\nconst limit = 10\nfunc F(limit string) { sink(limit) }\n'), undefined);
  });
});
