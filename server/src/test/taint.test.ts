// The taint engine (checks/shared/taint.ts and its parts): which values a source reaches, with what evidence,
// across assignments, branches, loops, collections, fields and same-file calls; and the sources file's checks.
import * as assert from 'assert';
import { Engine } from '../engine';
import { parse } from '../engine/source/parse';
import type { Node } from '../engine/source/parse';
import type { CodeLanguage } from '../engine/types';
import { taintAt } from '../checks/shared/taint';
import { outsideSources, parseSources } from '../checks/shared/taintSpecs';
import { traceSteps } from '../checks/shared/taintTrace';

/** The first argument of the last call whose callee text is `callee`. */
async function argOf(lang: CodeLanguage, code: string, callee: string): Promise<Node> {
  const tree = await parse(lang, code);
  assert.ok(tree, 'parsed');
  let found: Node | undefined;
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const fn = n.childForFieldName('function') ?? (n.type === 'method_invocation' ? n : null);
    const text = n.type === 'method_invocation' ? `${n.childForFieldName('object')?.text ?? ''}.${n.childForFieldName('name')?.text ?? ''}` : fn?.text;
    const args = n.childForFieldName('arguments');
    if (text === callee && args) {
      const first = args.namedChildren.find((c) => c !== null);
      if (first && (!found || first.startIndex > found.startIndex)) found = first.type === 'argument' ? first.namedChild(0)! : first;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  assert.ok(found, `no call to ${callee}`);
  return found;
}

async function evidence(lang: CodeLanguage, code: string, callee: string, sanitizer?: RegExp): Promise<string | undefined> {
  const t = taintAt(await argOf(lang, code, callee), lang, sanitizer ? { sanitizer } : {});
  return t ? `${t.evidence}${t.built ? '+built' : ''}` : undefined;
}

describe('taint engine', () => {
  it('a parameter in an f-string is weak evidence, and the string is built', async () => {
    assert.strictEqual(await evidence('python', 'def f(d):\n    os.system(f"ls {d}")\n', 'os.system'), 'parameter+built');
  });

  it('a sanitiser stops the input, an unrelated call does not', async () => {
    const src = 'from flask import request\ndef f():\n    d = request.args["d"]\n    os.system("ls " + WRAP(d))\n';
    const shell = /(^|\.)(shlex\.quote|quote)$/;
    assert.strictEqual(await evidence('python', src.replace('WRAP', 'shlex.quote'), 'os.system', shell), undefined);
    assert.strictEqual(await evidence('python', src.replace('WRAP', 'html.escape'), 'os.system', shell), 'source+built');
  });

  it('a local holding a constant is clean; one built from a parameter is not', async () => {
    assert.strictEqual(await evidence('python', 'def f():\n    cmd = "df -h"\n    os.system(cmd)\n', 'os.system'), undefined);
    assert.strictEqual(await evidence('python', 'def f(x):\n    cmd = "ls %s" % x\n    os.system(cmd)\n', 'os.system'), 'parameter+built');
  });

  it('file-level constants that are not ALL_CAPS (C# const, Go const) are clean unless a parameter shadows them', async () => {
    assert.strictEqual(await evidence('csharp', 'class A { const string Divider = "<hr/>"; object F() { return Html.Raw(Divider); } }', 'Html.Raw'), undefined);
    assert.strictEqual(await evidence('go', 'package m\nconst footer = "<p>x</p>"\nfunc F() { template.HTML(footer) }\n', 'template.HTML'), undefined);
    assert.strictEqual(await evidence('go', 'package m\nconst footer = "<p>x</p>"\nfunc F(footer string) { template.HTML(footer) }\n', 'template.HTML'), 'parameter');
  });

  it('arithmetic over input is no text', async () => {
    assert.strictEqual(await evidence('javascript', 'function f(req) { el.write(req.query.n * 2 + 1); }', 'el.write'), undefined);
  });

  it('a later constant overwrites the input; a branch that can never run does not reach', async () => {
    const java = (body: string): string => `class A { static final boolean OFF = false; void f(javax.servlet.http.HttpServletRequest request) { String d = request.getParameter("d"); ${body} sink.run(d); } }`;
    assert.strictEqual(await evidence('java', java(''), 'sink.run'), 'source');
    assert.strictEqual(await evidence('java', java('d = "x";'), 'sink.run'), undefined);
    assert.strictEqual(await evidence('java', java('if (OFF) { d = "x"; }'), 'sink.run'), 'source');
    assert.strictEqual(await evidence('java', java('if (c) { d = "x"; }'), 'sink.run'), 'source');
    const dead = 'class A { static final boolean OFF = false; void f(javax.servlet.http.HttpServletRequest request) { String d = "x"; if (OFF) { d = request.getParameter("d"); } sink.run(d); } }';
    assert.strictEqual(await evidence('java', dead, 'sink.run'), undefined);
    assert.strictEqual(await evidence('java', dead.replace('if (OFF)', 'if (!OFF)'), 'sink.run'), 'source');
  });

  it('a write later in a loop reaches a use earlier in it', async () => {
    const js = 'function f(req) { let d = "x"; for (const k of ks) { run(d); d = req.query.k; } }';
    assert.strictEqual(await evidence('javascript', js, 'run'), 'source');
  });

  it('collections: constant keys keep entries apart; lists, builders and loops carry their elements', async () => {
    const put = (key: string): string => `class A { void f(javax.servlet.http.HttpServletRequest r) { java.util.Map<String, String> m = new java.util.HashMap<>(); m.put("a", r.getHeader("h")); m.put("b", "lit"); sink.run(m.get("${key}")); } }`;
    assert.strictEqual(await evidence('java', put('a'), 'sink.run'), 'source');
    assert.strictEqual(await evidence('java', put('b'), 'sink.run'), undefined);
    const py = 'from flask import request\ndef f():\n    d = {"a": request.args["x"], "b": "lit"}\n    parts = []\n    for v in [d["a"]]:\n        parts.append(v)\n    run(",".join(parts))\n';
    assert.strictEqual(await evidence('python', py, 'run'), 'source+built');
    assert.strictEqual(await evidence('python', py.replace('d["a"]]', 'd["b"]]'), 'run'), undefined);
  });

  it('iteration: a callback or block parameter and a comprehension variable hold the elements of what they iterate', async () => {
    const js = (coll: string): string => `app.get('/x', (req, res) => { ${coll}.forEach((item) => { run("v" + item); }); });`;
    assert.strictEqual(await evidence('javascript', js('req.body.items'), 'run'), 'source+built');
    assert.strictEqual(await evidence('javascript', js("['a', 'b']"), 'run'), undefined);
    const reduce = "app.get('/x', (req, res) => { req.query.ids.reduce((acc, id) => run(id), 0); });";
    assert.strictEqual(await evidence('javascript', reduce, 'run'), 'source');
    // Ruby, through the rule that reads it: proven input is high confidence; a constant list gives nothing.
    const rb = (coll: string): string => `class C < ApplicationController\n  def index\n    ${coll}.each do |id|\n      User.where("id = #{id}")\n    end\n  end\nend\n`;
    const found = async (code: string): Promise<string[]> => (await Engine.create().analyze({ path: 'c.rb', languageId: 'ruby', text: code })).findings.map((f) => `${f.ruleId}/${f.confidence}`);
    assert.deepStrictEqual(await found(rb('params[:ids]')), ['sql-injection/high']);
    assert.deepStrictEqual(await found(rb('%w[a b]')), []);
    const py = (coll: string): string => `from flask import request\ndef f():\n    return [run("v" + n) for n in ${coll}]\n`;
    assert.strictEqual(await evidence('python', py('request.args.getlist("n")'), 'run'), 'source+built');
    assert.strictEqual(await evidence('python', py('("a", "b")'), 'run'), undefined);
    const java = 'class A { void f(javax.servlet.http.HttpServletRequest r) { java.util.Arrays.asList(r.getParameterValues("v")).forEach(v -> sink.run(v)); } }';
    assert.strictEqual(await evidence('java', java, 'sink.run'), 'source');
  });

  it('same-file calls: a helper that returns input, a parameter filled by a caller, fields of the object', async () => {
    const helper = 'class A { String src(javax.servlet.http.HttpServletRequest r) { return r.getParameter("p").trim(); } void f(javax.servlet.http.HttpServletRequest r) { sink.run(src(r)); } }';
    const t = taintAt(await argOf('java', helper, 'sink.run'), 'java');
    assert.strictEqual(t?.evidence, 'source');
    assert.deepStrictEqual(traceSteps(t.trace).map((s) => s.message), ['request parameter read here: `r.getParameter("p")`', 'passed through `r.getParameter("p").trim(…)`', 'returned', 'returned by `src`']);
    const caller = 'class A { private void g(String v) { sink.run(v); } void f(javax.servlet.http.HttpServletRequest r) { g("x"); g(r.getCookies()[0].getValue()); } }';
    assert.strictEqual(await evidence('java', caller, 'sink.run'), 'source');
    assert.strictEqual(await evidence('java', caller.replace('g(r.getCookies()[0].getValue());', ''), 'sink.run'), undefined);
    const field = 'class A { private String data; void a(javax.servlet.http.HttpServletRequest r) { data = r.getParameter("p"); } void b() { sink.run(data); } }';
    assert.strictEqual(await evidence('java', field, 'sink.run'), 'source');
    assert.strictEqual(await evidence('java', field.replace('r.getParameter("p")', '"lit"'), 'sink.run'), undefined);
  });

  it('a parameter passed to an unknown call on an object is no evidence; text operations on it are', async () => {
    assert.strictEqual(await evidence('java', 'class A { public void f(Req r) { sink.run(r.getContextPath()); } }', 'sink.run'), undefined);
    assert.strictEqual(await evidence('java', 'class A { public void f(String s) { sink.run(s.trim()); } }', 'sink.run'), 'parameter');
  });

  it('recursion and self-reference end (a cycle is cut, not followed forever)', async () => {
    const js = 'function f(x) { if (x.length > 9) return g(x.slice(1)); return x; }\nfunction g(y) { return f(y); }\nfunction h(req) { let a = "/" + req.query.q; run(f(a)); }';
    assert.strictEqual(await evidence('javascript', js, 'run'), 'source+built');
    // f(x) = f(x) + g(x) never returns its argument: nothing flows, and the analysis still ends.
    const never = 'function f(x) { return f(x) + g(x); }\nfunction g(y) { return f(y); }\nfunction h(req) { run(f(req.query.q)); }';
    assert.strictEqual(await evidence('javascript', never, 'run'), undefined);
  });

  it('the sources file: a broken entry is an error naming the file and the entry', () => {
    assert.throws(() => parseSources('sources.yaml', 'java:\n  calls:\n    - { path: "(", kind: x }\n'), /sources\.yaml: java\.calls\[0\]\.path: invalid regex/);
    assert.throws(() => parseSources('sources.yaml', 'java:\n  calls: 3\n'), /sources\.yaml: java\.calls must be a list/);
    const ok = parseSources('sources.yaml', 'go:\n  calls:\n    - { path: "^os\\\\.Getenv$", kind: environment }\n');
    assert.ok(ok.get('go')?.calls[0]?.path.test('os.Getenv'));
    assert.strictEqual(ok.get('go')?.calls[0]?.origin, 'outside');
    assert.throws(() => parseSources('sources.yaml', 'go:\n  calls:\n    - { path: "x", kind: x, origin: admin }\n'), /java|go\.calls\[0\]\.origin must be outside or operator/);
  });

  it('operator sources (environment, properties, command line) count only where a rule does not ask for outside input', () => {
    const file = parseSources('sources.yaml', 'go:\n  calls:\n    - { path: "^os\\\\.Getenv$", kind: environment variable, origin: operator }\n    - { path: "\\\\.FormValue$", kind: request input }\n  entry: "^main$"\n');
    const go = file.get('go')!;
    const outside = outsideSources(go);
    assert.deepStrictEqual(outside.calls.map((c) => c.kind), ['', 'request input']);
    assert.strictEqual(outside.entry, undefined);
    assert.strictEqual(go.calls.length, 2);
  });
});
