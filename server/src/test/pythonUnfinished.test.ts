import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../engine';
import { blankScan, blankUnfinishedSyntax, scanUnfinished, unfinishedSyntax } from '../engine/source/pythonUnfinished';
import { DocumentSession } from '../engine/incremental/session';

// A Python line being typed (`h = hashlib.sha256(`, `token =`, `hashlib.`) made tree-sitter-python re-read the rest
// of the file on every keystroke; the engine blanks such unfinished syntax before parsing (pythonUnfinished.ts).

const engine = Engine.create();

/** The blanked spans as the text they cover, for readable assertions. */
const spans = (text: string): string[] => unfinishedSyntax(text).map(([o, n]) => `${o}:${text.slice(o, o + n)}`);

describe('unfinished Python syntax', () => {
  it('resumed around an edit, equals a scan of the whole text after random edit sequences', () => {
    // Pieces that open and close brackets and strings across lines, start definitions and end lines in operators;
    // long runs of plain lines put checkpoints (every 4,096 characters) on both sides of the edits.
    const pieces = ['(', ')', '[', ']', '{', '}', '\n', '\ndef f():\n', '\nclass C:\n', '"""', "'", '"', '#', ' = ', '.', 'x', '\\', '\n    pass\n', 'a.b(c,\n'];
    const filler = 'value = compute(a, b)  # plain\n'.repeat(160);
    const piece = fc.oneof({ arbitrary: fc.constantFrom(...pieces), weight: 9 }, { arbitrary: fc.constant(filler), weight: 3 });
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 6000 }), insert: fc.array(piece, { maxLength: 4 }) });
    let resumed = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start.join('');
        let scan = scanUnfinished(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert.join('') + text.slice(Math.min(text.length, at + e.del));
          const before = scan;
          scan = scanUnfinished(text, before);
          const whole = scanUnfinished(text);
          const order = (f: readonly [number, number][]): [number, number][] => [...f].sort((a, b) => a[0] - b[0]);
          assert.deepStrictEqual(order(scan.found), order(whole.found), JSON.stringify(text));
          assert.strictEqual(blankScan(scan), blankUnfinishedSyntax(text));
          // Where both have a checkpoint, the brackets open there are the same.
          const byAt = new Map(whole.checkpoints.map((c) => [c.at, c]));
          for (const c of scan.checkpoints) {
            const w = byAt.get(c.at);
            if (w) assert.deepStrictEqual(c.open, w.open);
          }
          // Counted: scans that kept checkpoints from before the edit (the resumed path, not a fresh scan).
          if (scan.checkpoints.some((c) => before.checkpoints.includes(c))) resumed++;
        }
      }),
      { numRuns: 300, seed: 20261204 },
    );
    assert.ok(resumed > 50, `the scan resumed from an old checkpoint only ${resumed} times`);
  });

  it('resumed after a line break at which a bracket is open, sees a definition typed on the next line', () => {
    // The line break's handling reads the next line (does it start a def?): a checkpoint there is before the edit
    // but its verdict is not; the scan must resume from an earlier one.
    const text = `x = f(\n${'a,\n'.repeat(3000)}b)\n`;
    const scan = scanUnfinished(text);
    const at = scan.checkpoints[1]!.at;
    assert.deepStrictEqual(scan.checkpoints[1]!.open, [5]);
    const typed = `${text.slice(0, at + 1)}def g():\n${text.slice(at + 1)}`;
    assert.deepStrictEqual(scanUnfinished(typed, scan).found, scanUnfinished(typed).found);
    assert.deepStrictEqual(unfinishedSyntax(typed), [[5, 1]]);
  });

  it('finds brackets left open before a def or class, at any indentation', () => {
    const text = 'x = foo(a, [1,\ndef f():\n    y = g(\n    def h():\n        pass\nclass C: pass\n';
    assert.deepStrictEqual(spans(text), ['7:(', '11:[', '33:(']);
    const blanked = blankUnfinishedSyntax(text);
    assert.strictEqual(blanked.length, text.length);
    assert.strictEqual(blanked, text.replace('foo(', 'foo ').replace('[1', ' 1').replace('g(', 'g '));
  });

  it('leaves brackets that close later, and brackets and defs inside strings and comments', () => {
    const valid = [
      'x = foo(\n    a,\n    b)\ndef f(): pass\n',
      'd = {\n"def": 1,\n}\n',
      's = """(\ndef not_code():\n"""\ndef f(): pass\n',
      "t = '(' + \"[\"  # (\ndef f(): pass\n",
      "u = f'{a[0]}' + r'\\' + 'it''s'\ndef f(): pass\n",
      'class C(Base,\n        Mixin):\n    pass\n',
    ];
    for (const text of valid) assert.deepStrictEqual(spans(text), [], text);
  });

  it('finds an operator or attribute dot that ends a line outside brackets', () => {
    assert.deepStrictEqual(spans('token =\nx = 1\n'), ['6:=']);
    assert.deepStrictEqual(spans('h = hashlib.\n'), ['11:.']);
    assert.deepStrictEqual(spans('h = f(x).  # typing\n'), ['8:.']);
    assert.deepStrictEqual(spans('total +=\r\nn = a //\n'), ['6:+=', '16://']);
    assert.deepStrictEqual(spans('ok = a ==\n'), ['7:==']);
  });

  it('leaves line ends that valid code has: numbers, the Ellipsis, import *, colons, commas, continuations', () => {
    const valid = [
      'TIMEOUT = 20.\nx = 1_000.\n',
      'def stub(): ...\n',
      'from os import *\n',
      'if x:\n    pass\n',
      'pair = 1,\n',
      'x = a + \\\n    b\n',
      'y = foo(a +\n        b)\n',
      'z = "ends with =" # a = \n',
    ];
    for (const text of valid) assert.deepStrictEqual(spans(text), [], text);
  });

  it('changes no valid Python file among the fixtures', () => {
    const root = path.resolve(__dirname, '../../../test-fixtures');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.py')) files.push(p);
      }
    };
    walk(root);
    assert.ok(files.length >= 10, `${files.length} Python fixtures`);
    for (const f of files) assert.deepStrictEqual(spans(fs.readFileSync(f, 'utf8')), [], f);
  });

  it('an open bracket at module level no longer re-analyses the functions after it', async () => {
    const fn = (i: number): string => `def f${i}(data):\n    return hashlib.md5(data).hexdigest()\n\n`;
    const head = `import hashlib\n\n${Array.from({ length: 10 }, (_, i) => fn(i)).join('')}`;
    const tail = Array.from({ length: 10 }, (_, i) => fn(i + 10)).join('');
    const doc = { path: 'app.py', languageId: 'python' };
    const s = new DocumentSession(engine);
    try {
      await s.analyze({ ...doc, text: `${head}x = 1\n\n${tail}` });
      for (const typed of ['x = hashlib.sha256(', 'x = hashlib.', 'x =']) {
        const text = `${head}${typed}\n\n${tail}`;
        const inc = await s.analyze({ ...doc, text });
        const carried = Number(/^module (\d+) carried/.exec(s.lastPlan ?? '')?.[1] ?? -1);
        assert.ok(carried >= 19, `${typed}: ${s.lastPlan}`);
        // Every function keeps its weak-hash finding, as a full analysis of the same text says.
        const full = await engine.analyze({ ...doc, text });
        assert.deepStrictEqual(inc.findings.map((f) => f.range.start.line), full.findings.map((f) => f.range.start.line));
        assert.strictEqual(full.findings.filter((f) => f.ruleId === 'weak-hash').length, 20);
      }
    } finally {
      s.dispose();
    }
  });
});
