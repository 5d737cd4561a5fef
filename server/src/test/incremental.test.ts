import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { DocumentSession, Engine, packageRoot, type Finding } from '../engine';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';
import { isCodeLanguage } from '../engine/source/languages';

// Incremental analysis must be invisible: after any sequence of edits, a session's findings equal those of a
// fresh full analysis of the same text. This property is what makes the per-function shortcut safe.
const engine = Engine.create();
const root = path.join(packageRoot(), 'test-fixtures');
const codeFixtures = fs
  .readdirSync(root)
  .flatMap((d) => fixtureFiles(path.join(root, d)))
  .filter((f) => isCodeLanguage(fixtureLanguage(f)));

const strip = (fs_: Finding[]): unknown[] => fs_.map((f) => ({ ...f }));

interface Edit {
  at: number;
  del: number;
  insert: string;
}

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
}

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.integer({ min: 0, max: 4 }),
  insert: fc.constantFrom(
    ...['', 'x', ' ', '"', "'", '(', ')', '{', '}', '\n', ' + user', 'md5', '.execute(q)', '#', '//', '$'],
    // Whole lines that change what functions read from the rest of the file (imports, constants, fields).
    ...['\nimport os\n', '\nfrom hashlib import md5\n', '\nimport hashlib as h\n', '\nconst q = "users";\n', '\nstatic final String T = "t";\n', '\nconst T = "t"\n', '\nuse PDO;\n', '\nimport "crypto/md5"\n'],
    // A long run of comment lines, which Python parsing blanks (pythonComments.ts): edits next to it change that.
    '\n' + '# old code\n'.repeat(40),
    // Unfinished Python lines, which Python parsing blanks (pythonUnfinished.ts), and a definition line after them.
    ' =', '.', ' +=', '\ndef extra(a):\n    return a\n',
  ),
});

/**
 * Opens `text` in a session, edits it to `edited`, and asserts the session's findings equal a full analysis of
 * the edited text; `check` then sees the rule ids before and after (full), the plan the edit took, and the session.
 */
async function editOnce(
  doc: { path: string; languageId: string },
  text: string,
  edited: string,
  check: (r: { before: string[]; full: string[]; plan: string }, s: DocumentSession) => Promise<void>,
): Promise<void> {
  const s = new DocumentSession(engine);
  try {
    const before = await s.analyze({ ...doc, text });
    const inc = await s.analyze({ ...doc, text: edited });
    const plan = s.lastPlan ?? '';
    const full = await engine.analyze({ ...doc, text: edited });
    assert.deepStrictEqual(strip(inc.findings), strip(full.findings));
    await check({ before: before.findings.map((f) => f.ruleId), full: full.findings.map((f) => f.ruleId), plan }, s);
  } finally {
    s.dispose();
  }
}

describe('incremental analysis', () => {
  it('reuses the tree for an edit inside a function and says so', async () => {
    const text = 'import hashlib\n\ndef a(x):\n    return hashlib.md5(x)\n\ndef b(y):\n    z = 1\n    return z\n';
    const s = new DocumentSession(engine);
    const doc = { path: 'a.py', languageId: 'python' };
    const first = await s.analyze({ ...doc, text });
    assert.strictEqual(s.lastPlan, 'full');
    const edited = text.replace('z = 1', 'z = 12');
    const second = await s.analyze({ ...doc, text: edited });
    assert.match(s.lastPlan ?? '', /^partial/);
    assert.deepStrictEqual(second.findings, first.findings);
    await s.analyze({ ...doc, text: edited });
    assert.strictEqual(s.lastPlan, 'same');
    s.dispose();
  });

  it('carries the functions over an edit outside them and re-queries only the code between them', async () => {
    const text = 'import hashlib\n\ndef a(x):\n    return hashlib.md5(x)\n\ndef b(y):\n    z = 1\n    return z\n';
    await editOnce({ path: 'a.py', languageId: 'python' }, text, 'import os\n' + text, async (r) => {
      assert.strictEqual(r.plan, 'module 2 carried, 1 gaps');
      assert.deepStrictEqual(r.full, ['weak-hash']);
    });
    // An unclosed bracket at module level swallows the function after it: that one is re-queried too.
    await editOnce({ path: 'a.py', languageId: 'python' }, text, text.replace('\ndef b', '\nx = f(\ndef b'), async (r) => {
      assert.match(r.plan, /^(module 1 carried|full)/);
    });
  });

  it('re-analyses a function when an edit outside it changes a file constant the function uses', async () => {
    const text = 'using System.Diagnostics;\nclass Runner {\n    const string tbl = "bob";\n    void B() {\n        Process.Start("cmd.exe", "/c dir " + tbl);\n    }\n}\n';
    const doc = { path: 'runner.cs', languageId: 'csharp' };
    // A new field leaves the constant alone: B's (absent) finding carries over.
    await editOnce(doc, text, text.replace('const string tbl', 'int count = 0;\n    const string tbl'), async (r) => {
      assert.deepStrictEqual(r.before, []);
      assert.match(r.plan, /^module 1 carried/);
    });
    // The constant becomes input: the recorded fact fails and B is analysed again (the fact check fails without it).
    await editOnce(doc, text, text.replace('const string tbl = "bob";', 'static string tbl = Console.ReadLine();'), async (r) => {
      assert.deepStrictEqual(r.before, []);
      assert.strictEqual(r.plan, 'full');
      assert.deepStrictEqual(r.full, ['command-injection']);
    });
  });

  it('reads a module-level edit with offsets from the start of the document when the file starts with blanks', async () => {
    // Found by the random-edit property below: the root node's text starts at the first token, so a leading blank
    // shifted every offset by one and the check that nothing else reads `MessageDigest` looked at the wrong nodes.
    // The broken first line declares a variable `MessageDigest` (of type `mport`); the edit turns it into an
    // expression, and the class's `MessageDigest.getInstance("MD5")` is the library's again.
    const text = ' +=mport java.security.MessageDigest;\n\npublic class Tokens {\n    void f() throws Exception {\n        MessageDigest md = MessageDigest.getInstance("MD5");\n    }\n}\n';
    await editOnce({ path: 'Tokens.java', languageId: 'java' }, text, ' + user' + text, async (r) => {
      assert.deepStrictEqual(r.before, []);
      assert.deepStrictEqual(r.full, ['weak-hash']);
    });
  });

  it('renumbers the lines a carried finding quotes when lines are added above it', async () => {
    // Found by the random-edit property below: "built on line 26" stayed 26 after a line was added at the top.
    const file = path.join(root, 'sql-injection', 'store.go');
    const text = fs.readFileSync(file, 'utf8');
    await editOnce({ path: 'store.go', languageId: 'go' }, text, '\n' + text, async (r) => {
      assert.match(r.plan, /^module/);
      assert.ok(r.full.length > 0);
    });
  });

  it('does not move a carried import fix when an import is typed above the first one', async () => {
    // Found by the random-edit property: "import os goes before the first import" held as a fact (the new first
    // import began where the old one had), yet the carried fix's insertion point was shifted with the text.
    const doc = { path: 'secrets.py', languageId: 'python' };
    let text = fs.readFileSync(path.join(root, 'hardcoded-secret', 'secrets.py'), 'utf8');
    const s = new DocumentSession(engine);
    try {
      await s.analyze({ ...doc, text }, { today: '2026-01-01' });
      for (const e of [{ at: 0, del: 0, insert: '\nfrom hashlib import md5\n' }, { at: 0, del: 1, insert: '}' }, { at: 0, del: 0, insert: '\nimport hashlib as h\n' }]) {
        text = apply(text, e);
        const inc = await s.analyze({ ...doc, text }, { today: '2026-01-01' });
        const full = await engine.analyze({ ...doc, text }, { today: '2026-01-01' });
        assert.deepStrictEqual(strip(inc.findings), strip(full.findings), `after ${JSON.stringify(e)} (${s.lastPlan})`);
      }
    } finally {
      s.dispose();
    }
  });

  it('a constant declared inside one function does not silence the same name in another', async () => {
    // Before the fix, a C# local `const` counted as a file constant: a full analysis then dropped the finding
    // in B, while the editor (re-analysing only A) kept it.
    const text =
      'using System;\nusing System.Diagnostics;\nclass Runner {\n    static string tbl = Console.ReadLine();\n    void A() {\n        int x = 1;\n    }\n    void B() {\n        Process.Start("cmd.exe", "/c dir " + tbl);\n    }\n}\n';
    await editOnce({ path: 'runner.cs', languageId: 'csharp' }, text, text.replace('int x = 1;', 'const string tbl = "bob";'), async (r) => {
      assert.deepStrictEqual(r.before, ['command-injection']);
      assert.match(r.plan, /^partial/);
      assert.deepStrictEqual(r.full, ['command-injection']);
    });
  });

  it('re-analyses everything when an edit in one function changes a fact of the whole file another relies on', async () => {
    // The SpEL pattern flags parseExpression only in a file that mentions an ExpressionParser; adding one in
    // a() changes b()'s finding although b() did not change (and no rule keyword appeared or vanished).
    const text =
      'class Calc {\n    void a() {\n        int x = 1;\n    }\n    Object b(HttpServletRequest request) {\n        return parser.parseExpression(request.getParameter("e")).getValue();\n    }\n}\n';
    const edited = text.replace('int x = 1;', 'Object p = new SpelExpressionParser();');
    const doc = { path: 'Calc.java', languageId: 'java' };
    await editOnce(doc, text, edited, async (r, s) => {
      assert.deepStrictEqual(r.before, []);
      assert.strictEqual(r.plan, 'full');
      assert.deepStrictEqual(r.full, ['code-injection']);
      // An edit that leaves the facts alone still re-analyses just the function.
      await s.analyze({ ...doc, text: edited.replace('Object p', 'Object q') });
      assert.match(s.lastPlan ?? '', /^partial/);
    });
  });

  it('equals a full analysis after random edit sequences on every code fixture', async function () {
    this.timeout(600000);
    assert.ok(codeFixtures.length > 20, 'expected the rule fixtures to be present');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...codeFixtures), fc.array(editArb, { minLength: 1, maxLength: 6 }), async (file, edits) => {
        const languageId = fixtureLanguage(file);
        const p = path.basename(file);
        let text = fs.readFileSync(file, 'utf8');
        const s = new DocumentSession(engine);
        try {
          await s.analyze({ path: p, languageId, text }, { today: '2026-01-01' });
          for (const e of edits) {
            text = apply(text, e);
            const inc = await s.analyze({ path: p, languageId, text }, { today: '2026-01-01' });
            const full = await engine.analyze({ path: p, languageId, text }, { today: '2026-01-01' });
            assert.deepStrictEqual(strip(inc.findings), strip(full.findings), `after edit ${JSON.stringify(e)} (${s.lastPlan})`);
          }
        } finally {
          s.dispose();
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  describe('semantic patterns after an edit inside one function', () => {
    const java = (alg: string, n: string): string =>
      `import java.security.MessageDigest;\n\npublic class Svc {\n    private byte[] hash(String alg, byte[] d) throws Exception {\n        int n = ${n};\n        return MessageDigest.getInstance(alg).digest(d);\n    }\n\n    byte[] token(byte[] d) throws Exception {\n        return hash("${alg}", d);\n    }\n}\n`;
    const doc = { path: 'Svc.java', languageId: 'java' };

    it('keeps the finding a caller\'s argument gives a private function typed in', async () => {
      // The edited function takes its parameter's value from its caller: alone, it would run with an unknown one.
      await editOnce(doc, java('MD5', '1'), java('MD5', '12'), async ({ full }) => assert.deepStrictEqual(full, ['weak-hash']));
    });

    it('finds what a call typed in a function gives the function it calls', async () => {
      await editOnce(doc, java('SHA-256', '1'), java('MD5', '1'), async ({ before, full }) => {
        assert.deepStrictEqual(before, []);
        assert.deepStrictEqual(full, ['weak-hash']);
      });
    });
  });

  describe('semantic patterns after an edit inside a Ruby method', () => {
    const ruby = (alg: string): string =>
      `require "openssl"\n\nWEAK = "MD5"\nSTRONG = "SHA256"\n\nclass Digests\n  def self.hasher(alg)\n    OpenSSL::Digest.new(alg)\n  end\n\n  def token(data)\n    hasher(${alg}).hexdigest(data)\n  end\nend\n`;

    it('sees `def self.name` as a definition of what the method calls (a name after a dot is otherwise a member call)', async () => {
      // No keyword comes or goes (both constants stay in the file): only the evaluation can tell the difference.
      await editOnce({ path: 'digests.rb', languageId: 'ruby' }, ruby('STRONG'), ruby('WEAK'), async ({ before, full }) => {
        assert.deepStrictEqual(before, []);
        assert.deepStrictEqual(full, ['weak-hash']);
      });
    });
  });

  describe('semantic patterns after an edit inside a Python function', () => {
    // A definition's name is settled from the text when no `def` or `class` precedes it; these spellings have one.
    const py = (alg: string, def: string): string =>
      `import hashlib\n\nWEAK = "md5"\nSTRONG = "sha256"\n\n\n@cached\n${def}(alg):\n    return hashlib.new(alg)\n\n\ndef token(data):\n    return hasher(${alg})\n`;

    for (const def of ['async def hasher', 'def \\\n        hasher', 'def  hasher']) {
      it(`sees \`${def.replace(/\n\s*/, ' ')}\` as the definition of what the function calls`, async () => {
        await editOnce({ path: 'digests.py', languageId: 'python' }, py('STRONG', def), py('WEAK', def), async ({ before, full }) => {
          assert.deepStrictEqual(before, []);
          assert.deepStrictEqual(full, ['weak-hash']);
        });
      });
    }
  });

  describe('findings that depend on other functions of the file (weak-hash uses, insecure-deserialization codecs)', () => {
    it('reports a stored digest again when the method reading its field stops handing it to EVALSHA', async () => {
      const py = (call: string): string => `import hashlib\n\n\nclass Script:\n    def __init__(self, client, script):\n        self.client = client\n        self.sha = hashlib.sha1(script).hexdigest()\n\n    def run(self, keys):\n        return self.client.${call}(self.sha, keys)\n`;
      await editOnce({ path: 'script.py', languageId: 'python' }, py('evalsha'), py('publish'), async ({ before, full }) => {
        assert.deepStrictEqual(before, []);
        assert.deepStrictEqual(full, ['weak-hash']);
      });
    });

    it('reports a returned digest again when a call typed outside every function uses it as a signature', async () => {
      // The verdict inside `fingerprint` is kept across edits outside it (documentFacts.ts verdictAcrossEdits) only
      // while the statements calling it are the same: here a new caller makes the digest a signature (`token` would be a new keyword, which resets the session anyway).
      const py = (extra: string): string => `import hashlib\n\n\ndef fingerprint(data):\n    return hashlib.md5(data).hexdigest()\n\n\netag = fingerprint(b"x")\n${extra}`;
      await editOnce({ path: 'tags.py', languageId: 'python' }, py(''), py('sig = fingerprint(b"y")\n'), async ({ before, full }) => {
        assert.deepStrictEqual(before, []);
        assert.deepStrictEqual(full, ['weak-hash']);
      });
    });

    it('reports a decoder again when the encoder next to it stops returning its dump', async () => {
      const rb = (enc: string): string => `class Coder\n  def self.dump(value)\n    ${enc}\n  end\n\n  def self.load(value)\n    Marshal.load(value)\n  end\nend\n`;
      await editOnce({ path: 'coder.rb', languageId: 'ruby' }, rb('Marshal.dump(value)'), rb('value.to_s'), async ({ before, full }) => {
        assert.deepStrictEqual(before, []);
        assert.deepStrictEqual(full, ['insecure-deserialization']);
      });
    });
  });

  describe('semantic patterns after an edit outside every function', () => {
    const py = 'import hashlib\nimport os\n\nALG = "sha256"\n\n\ndef digest(data):\n    return hashlib.new(ALG, data).hexdigest()\n\n\ndef legacy(data):\n    return hashlib.md5(data).hexdigest()\n';

    /** Types `line` char by char on a new line before line `at`, comparing each step with a full analysis. */
    async function typeLine(doc: { path: string; languageId: string }, text: string, at: number, line: string): Promise<string[]> {
      const s = new DocumentSession(engine);
      const plans: string[] = [];
      try {
        await s.analyze({ ...doc, text });
        let offset = text.split('\n').slice(0, at).join('\n').length + (at > 0 ? 1 : 0);
        text = `${text.slice(0, offset)}\n${text.slice(offset)}`;
        for (const ch of ['', ...line]) {
          text = text.slice(0, offset) + ch + text.slice(offset);
          offset += ch.length;
          const inc = await s.analyze({ ...doc, text });
          const full = await engine.analyze({ ...doc, text });
          assert.deepStrictEqual(strip(inc.findings), strip(full.findings), `after typing ${JSON.stringify(text.slice(offset - 20, offset))} (${s.semanticPlan})`);
          plans.push(s.semanticPlan ?? '');
        }
      } finally {
        s.dispose();
      }
      return plans;
    }

    it('re-runs only a module-level statement that nothing else reads', async () => {
      const plans = await typeLine({ path: 'app.py', languageId: 'python' }, py, 4, 'token_value = hashlib.md5(payload).hexdigest()');
      assert.ok(plans.filter((p) => p === 'module').length > plans.length / 2, plans.join(' '));
    });

    it('re-runs only the statement when another module-level statement merely writes the same name', async () => {
      const twice = `${py}\ntoken_value = hashlib.sha256(b"seed").hexdigest()\n`;
      const plans = await typeLine({ path: 'app.py', languageId: 'python' }, twice, 4, 'token_value = hashlib.md5(payload).hexdigest()');
      assert.ok(plans.filter((p) => p === 'module').length > plans.length * 0.8, plans.join(' '));
    });

    it('re-runs only the field when another field of the class merely declares the same name', async () => {
      const java = 'import java.security.MessageDigest;\n\npublic class Limits {\n    private static final int LIMIT_A = 7;\n\n    static byte[] digest(byte[] d) throws Exception {\n        return MessageDigest.getInstance("SHA-256").digest(d);\n    }\n}\n';
      const plans = await typeLine({ path: 'Limits.java', languageId: 'java' }, java, 4, '    private static final int LIMIT_A = 42;');
      assert.ok(!plans.some((p) => p.includes("mentioned elsewhere")), plans.join(" "));
    });

    it('re-runs with the statement another statement reads the name it writes in (even while writing it, `+=`)', async () => {
      const appended = `${py}\ntoken_value += "-v2"\n`;
      const plans = await typeLine({ path: 'app.py', languageId: 'python' }, appended, 4, 'token_value = "x"');
      assert.strictEqual(plans[plans.length - 1], 'module');
    });

    it('re-runs with a function that reads the name it writes, when nothing calls that function', async () => {
      const plans = await typeLine({ path: 'app.py', languageId: 'python' }, py, 4, 'ALG = "md5"');
      assert.strictEqual(plans[plans.length - 1], 'module');
      const r = await engine.analyze({ path: 'app.py', languageId: 'python', text: py.replace('ALG = "sha256"', 'ALG = "sha256"\nALG = "md5"') });
      assert.deepStrictEqual(r.findings.map((f) => [f.ruleId, f.range.start.line]), [['weak-hash', 8], ['weak-hash', 12]]);
    });

    it('runs everything when the statement writes a name a function reads that another function calls', async () => {
      const called = `${py}\n\ndef caller(data):\n    return digest(data)\n`;
      const plans = await typeLine({ path: 'app.py', languageId: 'python' }, called, 4, 'ALG = "md5"');
      assert.strictEqual(plans[plans.length - 1], 'full (name mentioned elsewhere: ALG)');
    });

    it('runs everything when the statement calls a function of the file', async () => {
      const plans = await typeLine({ path: 'app.py', languageId: 'python' }, py, 12, 'x = legacy(b"k")');
      // Either reason: the name is the function's, and weak-hash records the statements calling it (where its
      // returned digest goes decides the finding inside it, checks/weak-hash/follow.ts).
      const last = plans[plans.length - 1] ?? '';
      assert.ok(last === 'full (name mentioned elsewhere: legacy)' || last === 'full', last);
    });

    it('re-runs a field typed among a class\'s members', async () => {
      const java = 'import java.security.MessageDigest;\n\npublic class Billing {\n    static final String ALG = "SHA-256";\n\n    static byte[] digest(byte[] d) throws Exception {\n        return MessageDigest.getInstance(ALG).digest(d);\n    }\n\n    static final class Repo {\n        byte[] old(byte[] d) throws Exception {\n            return MessageDigest.getInstance("MD5").digest(d);\n        }\n    }\n}\n';
      const plans = await typeLine({ path: 'Billing.java', languageId: 'java' }, java, 9, '    private static final String LEGACY = "MD5";');
      assert.ok(plans.includes('module'), plans.join(' '));
      await typeLine({ path: 'Billing.java', languageId: 'java' }, java, 4, '    static final String ALG = "MD5";');
    });

    it('equals a full analysis while module-level lines are typed into semantic fixtures', async function () {
      this.timeout(600000);
      const semanticRules = ['weak-hash', 'weak-cipher', 'hardcoded-secret', 'insecure-random', 'tls-verify-disabled', 'insecure-deserialization'];
      const files = codeFixtures.filter((f) => semanticRules.some((r) => f.includes(`${path.sep}${r}${path.sep}`)));
      const lines = [
        'ALG = "MD5"', 'const ALG = "md5";', 'static final String ALG = "DES";', 'md5 = hashlib.md5(b"x")', 'key = os.getenv("SECRET_KEY", "hunter2hunter2")',
        'SECRET_KEY = "hunter2hunter2hunter2"', 'token = helper(1)', 'x = Math.random()', 'random = None', 'import hashlib as h', '$key = "abc";',
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...files), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...lines), async (file, where, line) => {
          const text = fs.readFileSync(file, 'utf8');
          const at = Math.floor(where * text.split('\n').length);
          await typeLine({ path: path.basename(file), languageId: fixtureLanguage(file) }, text, at, line);
        }),
        { numRuns: 40, seed: 20261203 },
      );
    });
  });
});

