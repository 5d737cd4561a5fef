import * as assert from 'assert';
import { DocumentSession, Engine } from '../engine';
import { parse } from '../engine/source/parse';

// Work per analysis must grow linearly with the file, also when the file does not parse. Timing would be
// flaky, so these tests count calls into the syntax tree (each one crosses into WASM) at two sizes.

const engine = Engine.create();

/** Python module code: functions that build and run a query, then an unclosed bracket before half of them. */
function brokenPython(blocks: number): string {
  const fn = (i: number): string =>
    `def lookup_${i}(conn, name):\n    cur = conn.cursor()\n    q = "SELECT * FROM users WHERE name = '" + name + "'"\n    cur.execute(q)\n    return cur.fetchall()\n\n\n`;
  const parts: string[] = ['import hashlib\n\n\n'];
  for (let i = 0; i < blocks; i++) {
    if (i === blocks / 2) parts.push('token = hashlib.sha256(pay\n');
    parts.push(fn(i));
  }
  return parts.join('');
}

/**
 * Calls into the syntax tree while `run` runs: node-by-node steps, plus every node a tree-sitter walk
 * (descendantsOfType) hands back, which is where a whole-file walk shows up.
 */
async function countTreeCalls<T>(run: () => Promise<T>): Promise<{ calls: number; result: T }> {
  const probe = await parse('python', 'x = 1\n');
  assert.ok(probe);
  const proto = Object.getPrototypeOf(probe.rootNode) as Record<string, unknown>;
  probe.delete();
  const names = ['namedChild', 'child', 'childForFieldName', 'descendantForIndex', 'descendantsOfType'] as const;
  const saved = names.map((n) => proto[n]);
  let calls = 0;
  names.forEach((n, i) => {
    const original = saved[i] as (...a: unknown[]) => unknown;
    proto[n] = function (this: unknown, ...a: unknown[]) {
      const r = original.apply(this, a);
      calls += Array.isArray(r) ? 1 + r.length : 1;
      return r;
    };
  });
  // `namedChildren` is a getter: a node-by-node walk of the tree in JavaScript reads it at every node.
  const getters = ['namedChildren'] as const;
  const savedGetters = getters.map((g) => Object.getOwnPropertyDescriptor(proto, g));
  getters.forEach((g, i) => {
    const d = savedGetters[i];
    if (!d?.get) return;
    const get = d.get;
    Object.defineProperty(proto, g, {
      ...d,
      get(this: unknown) {
        const r = get.call(this) as unknown[];
        calls += 1 + r.length;
        return r;
      },
    });
  });
  try {
    const result = await run();
    return { calls, result };
  } finally {
    names.forEach((n, i) => (proto[n] = saved[i]));
    getters.forEach((g, i) => {
      const d = savedGetters[i];
      if (d) Object.defineProperty(proto, g, d);
    });
  }
}

async function treeCalls(text: string): Promise<{ calls: number; findings: number }> {
  const { calls, result } = await countTreeCalls(() => engine.analyze({ path: 'broken.py', languageId: 'python', text }));
  return { calls, findings: result.findings.length };
}

/** JavaScript: a file constant and a function that builds SQL from it, `blocks` times. */
function constantsAndQueries(blocks: number): string {
  const parts: string[] = [];
  for (let i = 0; i < blocks; i++) {
    parts.push(`const TABLE_${i} = "users_${i}";\n\nfunction load${i}(db, id) {\n  const n = 1;\n  return db.query("SELECT * FROM " + TABLE_${i} + " WHERE id = " + id);\n}\n\n`);
  }
  return parts.join('');
}

/** Tree calls of one keystroke in an open document: a space typed after `const n = 1;` in the middle function. */
async function keystrokeCalls(blocks: number): Promise<{ calls: number; plan: string }> {
  const text = constantsAndQueries(blocks);
  const at = text.indexOf('const n = 1;', text.indexOf(`function load${blocks / 2}(`)) + 'const n = 1;'.length;
  const session = new DocumentSession(engine);
  const doc = { path: 'load.js', languageId: 'javascript' };
  try {
    await session.analyze({ ...doc, text });
    const { calls } = await countTreeCalls(() => session.analyze({ ...doc, text: `${text.slice(0, at)} ${text.slice(at)}` }));
    return { calls, plan: session.lastPlan ?? '' };
  } finally {
    session.dispose();
  }
}

/** Python: helpers that each return a weak digest (whose use is read where the helper is called), `blocks` times. */
function digestHelpers(blocks: number): string {
  const parts: string[] = ['import hashlib\n\n\n'];
  for (let i = 0; i < blocks; i++) parts.push(`def token_${i}(data):\n    value = data.strip()\n    return hashlib.md5(value).hexdigest()\n\n\n`);
  return parts.join('');
}

describe('analysis cost', () => {
  it('stays linear with many findings whose use is read elsewhere in the file (weak-hash call sites)', async function () {
    this.timeout(120000);
    const small = await treeCalls(digestHelpers(50));
    const large = await treeCalls(digestHelpers(200));
    assert.ok(small.findings >= 50, `expected findings in the small file, got ${small.findings}`);
    // A walk of the whole file per finding grows 16x for 4x the code.
    const ratio = large.calls / small.calls;
    assert.ok(ratio < 6, `tree calls grew ${ratio.toFixed(1)}x for 4x the code (${small.calls} -> ${large.calls})`);
  });

  it('stays linear when an unclosed bracket turns the rest of a file into one scope', async function () {
    this.timeout(120000);
    const small = await treeCalls(brokenPython(100));
    const large = await treeCalls(brokenPython(400));
    // The analysis still runs on the broken part: the flagged queries are found at both sizes.
    assert.ok(small.findings >= 50, `expected findings in the small file, got ${small.findings}`);
    assert.ok(large.findings >= 4 * small.findings * 0.9, `findings should grow with the file: ${small.findings} -> ${large.findings}`);
    // 4x the code: about 4x the calls when linear, 16x when every use re-walks the scope.
    const ratio = large.calls / small.calls;
    assert.ok(ratio < 6, `tree calls grew ${ratio.toFixed(1)}x for 4x the code (${small.calls} -> ${large.calls})`);
  });

  it('keeps a keystroke inside a function from re-reading the whole file', async function () {
    this.timeout(120000);
    // The file constants a function's findings rest on are re-checked after an edit elsewhere; an edit inside
    // one function cannot change them. Re-checking them by walking every declaration of the file made each such
    // keystroke linear in the file (40 ms on 10,000 lines of Python).
    const small = await keystrokeCalls(40);
    const large = await keystrokeCalls(160);
    assert.match(small.plan, /^partial/);
    assert.match(large.plan, /^partial/);
    const ratio = large.calls / small.calls;
    assert.ok(ratio < 1.5, `a keystroke's tree calls grew ${ratio.toFixed(1)}x for 4x the file (${small.calls} -> ${large.calls})`);
  });
});
