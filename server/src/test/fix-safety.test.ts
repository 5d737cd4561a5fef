// Which quick fixes are `safe` (fix-all applies them): only those that keep a correct program's behaviour.
// The rewrites themselves are proven by the .fixed fixtures; this checks the verdicts and their conditions.
import * as assert from 'assert';
import { Engine, type Fix } from '../engine';

const engine = Engine.create();

async function fixesOf(path: string, languageId: string, text: string, ruleId: string): Promise<Fix[]> {
  const r = await engine.analyze({ path, languageId, text });
  const f = r.findings.filter((x) => x.ruleId === ruleId);
  assert.strictEqual(f.length, 1, `one ${ruleId} finding expected in:\n${text}\ngot ${JSON.stringify(r.findings.map((x) => x.ruleId))}`);
  return f[0]!.fixes;
}

describe('fix safety', () => {
  it('Python yaml.load without a Loader → safe_load is safe; Ruby YAML.load → safe_load is not (Psych 3 refuses dates, symbols, aliases)', async () => {
    const py = await fixesOf('a.py', 'python', 'import yaml\n\ndef read(f):\n    return yaml.load(f)\n', 'insecure-deserialization');
    assert.deepStrictEqual(py.map((f) => f.applicability), ['safe']);
    const rb = await fixesOf('a.rb', 'ruby', 'def read(body)\n  YAML.load(body)\nend\n', 'insecure-deserialization');
    assert.deepStrictEqual(rb.map((f) => f.applicability), ['unsafe']);
  });

  it('random → secrets is safe, and offered only where the generator is not seeded', async () => {
    const code = 'import random\n\ndef token(alphabet):\n    reset_token = random.choice(alphabet)\n    return reset_token\n';
    assert.deepStrictEqual((await fixesOf('t.py', 'python', code, 'insecure-random')).map((f) => f.applicability), ['safe']);
    assert.deepStrictEqual(await fixesOf('t.py', 'python', code.replace('import random\n', 'import random\nrandom.seed(7)\n'), 'insecure-random'), []);
  });

  it('bounded Python integers: literal bounds only, the same count of values', async () => {
    const fix = async (call: string): Promise<string[]> =>
      (await fixesOf('t.py', 'python', `import random\n\ndef f(user):\n    user.otp = ${call}\n`, 'insecure-random')).flatMap((f) => f.edits.map((e) => e.newText));
    assert.deepStrictEqual(await fix('random.randint(100000, 999999)'), ['\nimport secrets', '100000 + secrets.randbelow(900000)']);
    assert.deepStrictEqual(await fix('random.randrange(0, 10)'), ['\nimport secrets', 'secrets.randbelow(10)']);
    assert.deepStrictEqual(await fix('random.randint(low, high)'), [], 'bounds that are names get no fix');
  });

  it('path-traversal: keeping the file name is unsafe, and only the input\'s own part is wrapped', async () => {
    const fixed = async (body: string): Promise<Fix[]> =>
      fixesOf('Files.cs', 'csharp', `using System.IO;\nusing Microsoft.AspNetCore.Mvc;\n\npublic class FilesController : Controller\n{\n    public IActionResult Read()\n    {\n        string name = Request.Query["name"];\n${body}\n        return Ok();\n    }\n}\n`, 'path-traversal');
    const direct = await fixed('        File.ReadAllText(Path.Combine("/srv", name));');
    assert.deepStrictEqual(direct.map((f) => [f.applicability, f.edits.map((e) => e.newText)]), [['unsafe', ['Path.GetFileName(name)']]]);
    // The basename of an already joined path would drop its base folder.
    assert.deepStrictEqual(await fixed('        string p = Path.Combine("/srv", name);\n        File.ReadAllText(p);'), []);
    // The input names a folder, not the file.
    assert.deepStrictEqual(await fixed('        File.ReadAllText(Path.Combine("/srv", name, "index.html"));'), []);
    // A folder sink: `..` is a name of its own and still leaves the folder.
    assert.deepStrictEqual(await fixed('        Directory.Delete(Path.Combine("/srv", name));'), []);
  });

  it('ldap-injection: escaping an assertion value is safe; input that is filter syntax gets no fix', async () => {
    const php = (filter: string): string => `<?php\nfunction find($conn) {\n    return ldap_search($conn, 'dc=example', ${filter});\n}\n`;
    const value = await fixesOf('a.php', 'php', php(`'(uid=' . $_GET['u'] . ')'`), 'ldap-injection');
    assert.deepStrictEqual(value.map((f) => [f.applicability, f.edits.map((e) => e.newText)]), [['safe', ["ldap_escape($_GET['u'], '', LDAP_ESCAPE_FILTER)"]]]);
    assert.deepStrictEqual(await fixesOf('a.php', 'php', php(`'(&(objectClass=person)' . $_GET['f'] . ')'`), 'ldap-injection'), []);
    // Blank lines before `<?php` move the tree's start: the string is still split at the right offsets.
    const interpolated = await fixesOf('a.php', 'php', `\n\n<p>directory</p>\n${php(`"(uid={$_GET['u']})"`)}`, 'ldap-injection');
    assert.deepStrictEqual(interpolated.flatMap((f) => f.edits.map((e) => e.newText)), [`"(uid=" . ldap_escape($_GET['u'], '', LDAP_ESCAPE_FILTER) . ")"`]);
    // No escaper of the file's library is imported (ldap3 without ldap3.utils.conv): no guess at one.
    const py = 'from flask import request\nfrom ldap3 import Connection\n\ndef find(conn: Connection):\n    conn.search("dc=example", "(uid=" + request.args["u"] + ")")\n';
    assert.deepStrictEqual(await fixesOf('a.py', 'python', py, 'ldap-injection'), []);
  });

  it('open-redirect: LocalRedirect only for a controller\'s own Redirect; both redirect fixes are unsafe', async () => {
    const cs = (base: string, call: string): string =>
      `using Microsoft.AspNetCore.Mvc;\n\npublic class A${base}\n{\n    public IActionResult Go([FromQuery] string to)\n    {\n        return ${call}(to);\n    }\n}\n`;
    const local = await fixesOf('A.cs', 'csharp', cs(' : Controller', 'Redirect'), 'open-redirect');
    assert.deepStrictEqual(local.map((f) => [f.applicability, f.edits.map((e) => e.newText)]), [['unsafe', ['LocalRedirect']]]);
    assert.deepStrictEqual(await fixesOf('A.cs', 'csharp', cs(' : Helper', 'Redirect'), 'open-redirect'), [], 'no LocalRedirect outside a controller');
    const rb = await fixesOf('a.rb', 'ruby', 'class A < ApplicationController\n  def go\n    redirect_to params[:to]\n  end\nend\n', 'open-redirect');
    assert.deepStrictEqual(rb.map((f) => [f.applicability, f.edits.map((e) => e.newText)]), [['unsafe', [', allow_other_host: false']]]);
  });

  it('an added import is skipped when the file binds the module already (`import os.path` binds os)', async () => {
    const code = 'import os.path\n\nDB_PASSWORD = "h7Gq2LmX9vTz4RkP1wYc"\n';
    const fixes = await fixesOf('settings.py', 'python', code, 'hardcoded-secret');
    assert.deepStrictEqual(fixes.flatMap((f) => f.edits.map((e) => e.newText)), ['os.environ["DB_PASSWORD"]']);
  });
});
