import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../engine';
import { blankUnfinishedSyntax, unfinishedSyntax } from '../engine/source/pythonUnfinished';
import { DocumentSession } from '../engine/incremental/session';

// A Python line being typed (`h = hashlib.sha256(`, `token =`, `hashlib.`) made tree-sitter-python re-read the rest
// of the file on every keystroke; the engine blanks such unfinished syntax before parsing (pythonUnfinished.ts).

const engine = Engine.create();

/** The blanked spans as the text they cover, for readable assertions. */
const spans = (text: string): string[] => unfinishedSyntax(text).map(([o, n]) => `${o}:${text.slice(o, o + n)}`);

describe('unfinished Python syntax', () => {
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
