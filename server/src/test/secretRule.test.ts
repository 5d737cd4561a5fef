import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, packageRoot } from '../engine';
import { applyFixes } from '../engine/match/fixes';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';
import type { Finding } from '../engine/types';

// Engine-level behaviour of the hardcoded-secret rule that the fixture annotations cannot express: masking,
// severity in test files, one finding per secret, the import the fix adds, and where each layer runs.
// Every credential below is fake. Assertion messages never include a flagged value.

const engine = Engine.create();
const RULE = 'hardcoded-secret';
const fixturesDir = path.join(packageRoot(), 'test-fixtures', RULE);

async function scan(p: string, text: string, languageId = fixtureLanguage(p)): Promise<Finding[]> {
  const r = await engine.analyze({ path: p, languageId, text });
  return r.findings.filter((f) => f.ruleId === RULE);
}

function flagged(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.range.start.line !== f.range.end.line) return lines[f.range.start.line]!.slice(f.range.start.character);
  return lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character);
}

function fixedText(text: string, findings: Finding[]): string {
  return applyFixes(text, findings.filter((f) => f.fixes.length > 0).map((f) => f.fixes[0]!)).text;
}

describe('hardcoded-secret rule', () => {
  it('never puts a flagged value into a message or a fix title (all fixtures)', async () => {
    let checked = 0;
    for (const file of fixtureFiles(fixturesDir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const f of await scan(path.basename(file), text)) {
        const raw = flagged(text, f).replace(/^["'`]|["'`]$/g, '');
        // The masked form keeps at most 4 + 2 characters; any longer piece of the value must not appear.
        for (let i = 0; i + 7 <= raw.length; i++) {
          const piece = raw.slice(i, i + 7);
          assert.ok(!f.message.includes(piece), `${path.basename(file)}:${f.range.start.line + 1} message leaks part of the value`);
          for (const fix of f.fixes) assert.ok(!fix.title.includes(piece), `${path.basename(file)}:${f.range.start.line + 1} fix title leaks part of the value`);
        }
        checked++;
      }
    }
    assert.ok(checked > 50, `only ${checked} findings checked`);
  });

  it('reports a literal once when it is written at the call, converted or not (all fixtures: no overlapping findings)', async () => {
    // `new HMACSHA256(Encoding.UTF8.GetBytes("k"))`, `jwt.sign(p, Buffer.from("k"))`: the literal-at-call query
    // reports the literal; the semantic layer only what reached the call through a variable.
    const overlapping: string[] = [];
    for (const file of fixtureFiles(fixturesDir)) {
      const found = await scan(path.basename(file), fs.readFileSync(file, 'utf8'));
      const at = (f: Finding): [number, number] => [f.range.start.line * 1e6 + f.range.start.character, f.range.end.line * 1e6 + f.range.end.character];
      for (let i = 0; i < found.length; i++) {
        for (let j = i + 1; j < found.length; j++) {
          const [a0, a1] = at(found[i]!);
          const [b0, b1] = at(found[j]!);
          if (a0 < b1 && b0 < a1) overlapping.push(`${path.basename(file)}:${found[i]!.range.start.line + 1}`);
        }
      }
    }
    assert.deepStrictEqual(overlapping, []);
  });

  it('demotes generic findings in test files (info, one confidence level lower), not elsewhere', async () => {
    const text = 'db_password = "Qx7-vigil-Fixture-92kLm"\n';
    const prod = await scan('app/settings.py', text);
    const test = await scan('tests/test_settings.py', text);
    assert.deepStrictEqual(prod.map((f) => [f.severity, f.confidence, f.demoted]), [['error', 'medium', undefined]]);
    assert.deepStrictEqual(test.map((f) => [f.severity, f.confidence, f.demoted?.reason]), [['info', 'low', 'test code: in a tests/ folder']]);
  });

  it('keeps checksum-verified provider tokens at error with high confidence in test files', async () => {
    const f = await scan('tests/test_client.py', 'token = "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"\n');
    assert.deepStrictEqual(f.map((x) => [x.severity, x.confidence]), [['error', 'high']]);
  });

  it('reports a provider token keyed to a secret name once, with the provider message and a fix', async () => {
    const text = 'const githubToken = "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";\n';
    const f = await scan('src/app.js', text);
    assert.strictEqual(f.length, 1);
    assert.match(f[0]!.message, /^GitHub personal access token \(checksum verified\)/);
    assert.strictEqual(fixedText(text, f), 'const githubToken = process.env.GITHUB_TOKEN;\n');
    assert.strictEqual(f[0]!.fixes[0]!.applicability, 'unsafe');
  });

  it('reports a provider token in .env once (the generic layer defers to it)', async () => {
    const f = await scan('.env', 'GITHUB_TOKEN=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\nDB_PASSWORD=Qx7-vigil-Fixture-92kLm\n');
    assert.deepStrictEqual(f.map((x) => [x.range.start.line, x.confidence]), [[0, 'high'], [1, 'medium']]);
  });

  it('does not run the text-file generic regexes on code (the query covers it once)', async () => {
    const f = await scan('src/app.py', 'password = "Qx7-vigil-Fixture-92kLm"  # password: Zr4!vigil_fixture_T9qW\n');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0]!.range.start.character, 11);
  });

  it('runs only provider formats on prose', async () => {
    const text = 'password: Qx7-vigil-Fixture-92kLm\n\ntoken xoxb-1234567890-9876543210123-vigilFAKEslackBot0123456\n';
    const f = await scan('docs/setup.md', text, 'markdown');
    assert.deepStrictEqual(f.map((x) => x.range.start.line), [2]);
  });

  it('reads unquoted values only in configuration formats', async () => {
    const line = 'password = Qx7vigilFixture92kLm\n';
    assert.strictEqual((await scan('settings.ini', line)).length, 1);
    assert.strictEqual((await scan('Main.kt', line, 'kotlin')).length, 0);
    assert.strictEqual((await scan('Main.kt', 'val password = "Qx7-vigil-Fixture-92kLm"\n', 'kotlin')).length, 1);
  });

  it('adds `import os` after a module docstring, after __future__ imports, or at the top', async () => {
    const doc = '"""Settings."""\n\npassword = "Qx7-vigil-Fixture-92kLm"\n';
    assert.strictEqual(fixedText(doc, await scan('a.py', doc)), '"""Settings."""\n\nimport os\n\npassword = os.environ["PASSWORD"]\n');
    const future = 'from __future__ import annotations\nimport sys\npassword = "Qx7-vigil-Fixture-92kLm"\n';
    assert.strictEqual(fixedText(future, await scan('b.py', future)), 'from __future__ import annotations\nimport os\nimport sys\npassword = os.environ["PASSWORD"]\n');
    const bare = '# settings\npassword = "Qx7-vigil-Fixture-92kLm"\n';
    assert.strictEqual(fixedText(bare, await scan('c.py', bare)), '# settings\nimport os\n\npassword = os.environ["PASSWORD"]\n');
    const has = 'import os, sys\npassword = "Qx7-vigil-Fixture-92kLm"\n';
    assert.strictEqual(fixedText(has, await scan('d.py', has)), 'import os, sys\npassword = os.environ["PASSWORD"]\n');
  });

  it('applies every fix in a file that needs one shared import', async () => {
    const text = 'import sys\na_password = "Qx7-vigil-Fixture-92kLm"\nb_password = "Zr4!vigil_fixture_T9qW"\n';
    const out = fixedText(text, await scan('e.py', text));
    assert.strictEqual(out, 'import os\nimport sys\na_password = os.environ["A_PASSWORD"]\nb_password = os.environ["B_PASSWORD"]\n');
  });

  it('adds the Go "os" import to a single import, or after the package clause', async () => {
    const single = 'package main\n\nimport "fmt"\n\nvar password = "Qx7-vigil-Fixture-92kLm"\n\nfunc main() { fmt.Println(password) }\n';
    assert.strictEqual(fixedText(single, await scan('a.go', single)), 'package main\n\nimport "fmt"\nimport "os"\n\nvar password = os.Getenv("PASSWORD")\n\nfunc main() { fmt.Println(password) }\n');
    const none = 'package main\n\nvar password = "Qx7-vigil-Fixture-92kLm"\n';
    assert.strictEqual(fixedText(none, await scan('b.go', none)), 'package main\n\nimport "os"\n\nvar password = os.Getenv("PASSWORD")\n');
    const has = 'package main\n\nimport (\n\t"os"\n)\n\nvar password = "Qx7-vigil-Fixture-92kLm"\n';
    assert.strictEqual(fixedText(has, await scan('c.go', has)), 'package main\n\nimport (\n\t"os"\n)\n\nvar password = os.Getenv("PASSWORD")\n');
  });

  it('offers no fix where a call is not allowed, but still reports', async () => {
    const php = '<?php\nclass A {\n  const API_SECRET = "c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3";\n  private $password = "Qx7-vigil-Fixture-92kLm";\n}\n';
    const f = await scan('a.php', php);
    assert.deepStrictEqual(f.map((x) => x.fixes.length), [0, 0]);
    const go = 'package main\n\nconst (\n\tpassword = "Qx7-vigil-Fixture-92kLm"\n\tuser = "svc"\n)\n';
    assert.deepStrictEqual((await scan('a.go', go)).map((x) => x.fixes.length), [0]);
  });

  it('offers no fix when the token is only part of a longer string', async () => {
    const f = await scan('a.js', 'const url = "https://hooks.slack.com/services/T0VIGILFK/B0FAKEHOOK/vigilFAKEwbhk0123vigilFK?x=1";\n');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0]!.fixes.length, 0);
  });

  it('uses `System.Environment` in C# files without `using System;`', async () => {
    const cs = 'class A { string password = "Qx7-vigil-Fixture-92kLm"; }\n';
    assert.strictEqual(fixedText(cs, await scan('A.cs', cs)), 'class A { string password = System.Environment.GetEnvironmentVariable("PASSWORD"); }\n');
  });

  it('keeps the HTTP scheme when moving a header credential to the environment', async () => {
    const rb = 'headers = { "Authorization" => "Bearer c9F2kL7qR4vX8mZ1nB6tY3wH5jD0pS" }\n';
    assert.strictEqual(fixedText(rb, await scan('a.rb', rb)), 'headers = { "Authorization" => "Bearer " + ENV["AUTHORIZATION"] }\n');
  });

  it('does not flag interpolated or concatenated values', async () => {
    assert.strictEqual((await scan('a.py', 'password = f"{prefix}Qx7-vigil-Fixture"\n')).length, 0);
    assert.strictEqual((await scan('a.js', 'const password = `${prefix}Qx7-vigil-Fixture`;\n')).length, 0);
    assert.strictEqual((await scan('a.rb', 'password = "#{prefix}Qx7-vigil-Fixture"\n')).length, 0);
    assert.strictEqual((await scan('a.php', '<?php $password = "$prefix-Qx7-vigil-Fixture";\n')).length, 0);
  });

  it('an express-session options object held in a variable gives its secret as a key, unless the code writes the entry again', async () => {
    // The secret-named entry alone is a medium-confidence secret; passed to session() it is a key (high).
    const head = "const session = require('express-session');\nconst app = require('express')();\n";
    const held = await scan('app.js', `${head}const sess = { secret: 'Kx9-vigil-fixture', resave: false, cookie: {} };\napp.use(session(sess));\n`);
    assert.deepStrictEqual(held.map((f) => [f.range.start.line + 1, f.confidence, /signing or encryption key/.test(f.message)]), [[3, 'high', true]]);
    const rewritten = await scan('app.js', `${head}const sess = { secret: 'Kx9-vigil-fixture' };\nsess.secret = process.env.SESSION_SECRET;\napp.use(session(sess));\n`);
    assert.deepStrictEqual(rewritten.map((f) => [f.range.start.line + 1, f.confidence]), [[3, 'medium']]);
  });
});
