import * as assert from 'assert';
import { Engine } from '../engine';
import { parse } from '../engine/parse';

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

async function treeCalls(text: string): Promise<{ calls: number; findings: number }> {
  const probe = await parse('python', 'x = 1\n');
  assert.ok(probe);
  const proto = Object.getPrototypeOf(probe.rootNode) as Record<string, unknown>;
  probe.delete();
  const names = ['namedChild', 'child', 'childForFieldName'] as const;
  const saved = names.map((n) => proto[n]);
  let calls = 0;
  names.forEach((n, i) => {
    const original = saved[i] as (...a: unknown[]) => unknown;
    proto[n] = function (this: unknown, ...a: unknown[]) {
      calls++;
      return original.apply(this, a);
    };
  });
  try {
    const r = await engine.analyze({ path: 'broken.py', languageId: 'python', text });
    return { calls, findings: r.findings.length };
  } finally {
    names.forEach((n, i) => (proto[n] = saved[i]));
  }
}

describe('analysis cost', () => {
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
});
