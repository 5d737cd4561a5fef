import * as assert from 'assert';
import { Engine } from '../engine';
import { blankLongCommentRuns } from '../engine/source/pythonComments';

// tree-sitter-python parses a run of N comment lines in N² time: the engine blanks long runs before parsing.

const engine = Engine.create();

describe('python comment runs', () => {
  it('blanks the comment lines of long runs only, keeping every offset and line break', () => {
    const run = (n: number, indent = ''): string => Array.from({ length: n }, (_, i) => `${indent}# old line ${i}\n`).join('');
    const text = `x = 1  # a trailing comment\n${run(3)}\ndef f():\n${run(40, '    ')}\n    return "# not a comment"\n${run(5)}`;
    const out = blankLongCommentRuns(text, 32);
    assert.strictEqual(out.length, text.length);
    assert.strictEqual(out.replace(/[^\n]/g, ''), text.replace(/[^\n]/g, ''));
    assert.ok(out.includes('# a trailing comment') && out.includes('# old line 2\n') && out.includes('"# not a comment"'));
    assert.ok(!out.includes('    # old line 39'), 'the long run is blanked');
    assert.ok(out.includes('# old line 4\n'), 'the short run after the code stays');
  });

  it('leaves lines that look like comments inside triple-quoted strings alone', () => {
    const doc = Array.from({ length: 40 }, (_, i) => `# inside a docstring ${i}\n`).join('');
    const text = `s = """\n${doc}"""\nt = '\\'' + "it's"\n`;
    assert.strictEqual(blankLongCommentRuns(text, 32), text);
    // Blank lines between comment lines keep a run going.
    const spaced = Array.from({ length: 40 }, (_, i) => `# c${i}\n\n`).join('');
    assert.ok(!blankLongCommentRuns(spaced, 32).includes('#'));
  });

  it('analyses a file with thousands of commented-out lines in time (it ran out of parse budget)', async function () {
    this.timeout(60000);
    const commented = Array.from({ length: 16000 }, (_, i) => `    # legacy_call_${i}(arg)\n`).join('');
    const text = `import hashlib\n\ndef legacy():\n${commented}    return 1\n\ndef digest(b):\n    return hashlib.md5(b).hexdigest()\n`;
    const r = await engine.analyze({ path: 'legacy.py', languageId: 'python', text });
    assert.deepStrictEqual(r.notes.filter((n) => n.code === 'skipped'), []);
    assert.deepStrictEqual(r.findings.map((f) => [f.ruleId, f.range.start.line]), [['weak-hash', 16006]]);
  });
});
