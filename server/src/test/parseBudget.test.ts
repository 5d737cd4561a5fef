import * as assert from 'assert';
import { DEFAULT_PARSE_BUDGET, parse } from '../engine/source/parse';

// The parse budget counts work, not time (issue 19): whether a document gets syntax rules must not depend on
// how busy the machine is.

/** Raw tree-sitter-python input: a function holding `lines` comment lines, which it parses in quadratic time. */
const commentRun = (lines: number): string =>
  `import hashlib\n\ndef legacy():\n${Array.from({ length: lines }, (_, i) => `    # legacy_call_${i}(arg)\n`).join('')}    return 1\n`;

/** Runs `fn` while the clock jumps a minute forward on every read, as on a machine slowed to a crawl. */
async function withRunawayClock<T>(fn: () => Promise<T>): Promise<T> {
  const real = Date.now;
  let now = real();
  Date.now = () => (now += 60_000);
  try {
    return await fn();
  } finally {
    Date.now = real;
  }
}

describe('parse budget', function () {
  this.timeout(120_000);

  it('finishes a large parse whatever the clock says', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `def f${i}(a, b):\n    return hashlib.md5(a + b).hexdigest()\n\n`).join('');
    const calm = await parse('python', text);
    const slowed = await withRunawayClock(() => parse('python', text));
    assert.ok(calm && slowed, 'both parses finish');
    assert.strictEqual(slowed.rootNode.childCount, calm.rootNode.childCount);
    assert.strictEqual(slowed.rootNode.childCount, 3000);
    calm.delete();
    slowed.delete();
  });

  it('gives up on a pathological input at the budget, the same way every time', async () => {
    // 600 lines take about 5,000 units (under 2% of the default budget); a budget of 1,000 units stops them every time,
    // a budget of 100,000 never does.
    const text = commentRun(600);
    const verdicts: boolean[] = [];
    for (let i = 0; i < 2; i++) verdicts.push((await parse('python', text, { parseBudget: 1_000 })) === null);
    verdicts.push((await withRunawayClock(() => parse('python', text, { parseBudget: 1_000 }))) === null);
    assert.deepStrictEqual(verdicts, [true, true, true]);
    const enough = await withRunawayClock(() => parse('python', text, { parseBudget: 100_000 }));
    assert.ok(enough, 'a sufficient budget finishes, also with the clock running away');
    enough.delete();
  });

  it('the default budget stops a comment run that would take many seconds', async () => {
    assert.ok(DEFAULT_PARSE_BUDGET > 0);
    // 8,000 lines take about 900,000 units (some 15 s of parsing); the budget stops them after about a third.
    assert.strictEqual(await parse('python', commentRun(8000)), null);
    // The parser is reused after an abandoned parse: the next document parses normally.
    const after = await parse('python', 'x = 1\n');
    assert.ok(after);
    assert.strictEqual(after.rootNode.type, 'module');
    assert.strictEqual(after.rootNode.hasError, false);
    after.delete();
  });
});
