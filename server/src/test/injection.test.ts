import * as assert from 'assert';
import { Engine } from '../engine';
import { parse } from '../engine/source/parse';
import type { Node } from '../engine/source/parse';
import type { CodeLanguage, Finding } from '../engine/types';
import { jsCommandWords, pythonCommandWords } from '../checks/command-injection/argv';

// Unit tests for the helpers behind command-injection, code-injection, xss and insecure-config: the argv
// tokeniser behind the shell quick fixes, and the path filter that the fixtures (which run under their base name)
// cannot exercise. The taint engine they share has its own tests (taint.test.ts).

/** Parses `code` and returns the first argument of the last call whose callee text is `callee`. */
async function argOf(lang: CodeLanguage, code: string, callee: string): Promise<Node> {
  const tree = await parse(lang, code);
  assert.ok(tree, 'parsed');
  let found: Node | undefined;
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const fn = n.childForFieldName('function');
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

describe('injection helpers: shell command to argument vector', () => {
  const words = async (lang: 'python' | 'javascript', code: string, callee: string): Promise<string[] | undefined> => {
    const arg = await argOf(lang, code, callee);
    const tree = arg.tree;
    const w = lang === 'python' ? pythonCommandWords(arg, tree.rootNode.text) : jsCommandWords(arg, tree.rootNode.text);
    return w?.map((x) => (x.kind === 'literal' ? `lit:${x.text}` : `val:${x.code}`));
  };

  it('splits plain words and whole-word values', async () => {
    assert.deepStrictEqual(await words('python', 'run(f"tar czf {a} {b}")', 'run'), ['lit:tar', 'lit:czf', 'val:a', 'val:b']);
    assert.deepStrictEqual(await words('javascript', 'run("wc -l " + file)', 'run'), ['lit:wc', 'lit:-l', 'val:file']);
    assert.deepStrictEqual(await words('javascript', 'run(`ls -la ${dir}`)', 'run'), ['lit:ls', 'lit:-la', 'val:dir']);
  });

  it('refuses anything a shell would interpret or a value glued to text', async () => {
    assert.strictEqual(await words('python', `run(f"cat '{name}'")`, 'run'), undefined, 'quotes');
    assert.strictEqual(await words('python', 'run(f"ls {d}/*.log")', 'run'), undefined, 'glued value and glob');
    assert.strictEqual(await words('python', 'run(f"ls {d} | wc -l")', 'run'), undefined, 'pipe');
    assert.strictEqual(await words('python', 'run(f"head -n {n:>3} x")', 'run'), undefined, 'format spec');
    assert.strictEqual(await words('python', 'run(f"--out={d}")', 'run'), undefined, 'value inside a word');
    assert.strictEqual(await words('javascript', 'run(`${prog} -v`)', 'run'), undefined, 'program is a value');
    assert.strictEqual(await words('javascript', 'run(`echo $HOME ${x}`)', 'run'), undefined, 'shell variable');
  });
});

describe('injection rules through the engine', () => {
  const engine = Engine.create();
  const findings = async (path: string, languageId: string, text: string, ruleId: string): Promise<Finding[]> =>
    (await engine.analyze({ path, languageId, text }, {})).findings.filter((f) => f.ruleId === ruleId);

  it('insecure-config: DEBUG = True is reported in production settings, not in development settings folders', async () => {
    const text = 'DEBUG = True\n';
    assert.strictEqual((await findings('mysite/settings/production.py', 'python', text, 'insecure-config')).length, 1);
    assert.strictEqual((await findings('mysite/settings.py', 'python', text, 'insecure-config')).length, 1);
    assert.strictEqual((await findings('mysite/settings/dev.py', 'python', text, 'insecure-config')).length, 0);
    assert.strictEqual((await findings('mysite/local_settings.py', 'python', text, 'insecure-config')).length, 0);
    assert.strictEqual((await findings('scripts/tool.py', 'python', text, 'insecure-config')).length, 0, 'not a settings module');
  });

  it('command-injection: a parameter nobody calls is medium confidence, input from a request high, a constant nothing', async () => {
    const text = 'import os\nfrom flask import request\n\ndef a(cmd):\n    os.system(cmd)\n\ndef b():\n    os.system("ls " + request.args["d"])\n\ndef c():\n    os.system(get_default())\n';
    const got = (await findings('x.py', 'python', text, 'command-injection')).map((f) => [f.range.start.line, f.confidence]);
    assert.deepStrictEqual(got, [
      [4, 'medium'],
      [7, 'high'],
    ]);
  });

  it('command-injection: the argv fix is offered as a suggestion and never for a glued value', async () => {
    const text = 'import subprocess\n\ndef a(d):\n    subprocess.run(f"ls {d}", shell=True)\n\ndef b(d):\n    subprocess.run(f"ls {d}/x", shell=True)\n';
    const fs = await findings('x.py', 'python', text, 'command-injection');
    assert.strictEqual(fs.length, 2);
    assert.deepStrictEqual(fs[0]!.fixes.map((f) => f.applicability), ['suggestion']);
    assert.deepStrictEqual(fs[1]!.fixes, []);
  });

  it('xss: a template |safe is only reported in template files', async () => {
    const text = '<div>{{ body|safe }}</div>\n';
    assert.strictEqual((await findings('templates/page.html', 'html', text, 'xss')).length, 1);
    assert.strictEqual((await findings('notes/page.md', 'markdown', text, 'xss')).length, 0);
  });
});
