// Hardcoded secrets across the files of one scan (issue 14): a password or key parameter filled only by a
// parameter of a function nothing in its file calls, or by another file's function, is settled by the same
// machinery as taint across files (checks/shared/taintScope.ts, project/scan/crossFile.ts), with a string literal
// in place of input: a literal passed or returned elsewhere is a hardcoded secret at the sink, with the path to
// the literal; anything else is none. The value is shown masked.
import * as assert from 'assert';
import { Engine, type Finding } from '../engine';
import { settleCrossFile, type FileResult } from '../project';
import { analyseAsScan } from './crossFileHelpers';

const engine = Engine.create();
const SECRET = 'Zq8vT2mK9pLx4Rw7';

const FILES: Record<string, string> = {
  'vault/Boot.java': [
    'package vault;',
    'import java.io.BufferedReader;',
    'import java.io.InputStreamReader;',
    'public class Boot {',
    '    public void fixed() throws Exception {',
    `        String pw = "${SECRET}";`,
    '        new Db().open(pw);',
    '    }',
    '    public void typed() throws Exception {',
    '        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));',
    '        new Db().openTyped(in.readLine());',
    '    }',
    '    public void fromEnv() throws Exception {',
    '        new Db().openEnv(System.getenv("DB_PW"));',
    '    }',
    '    public void relayed() throws Exception {',
    `        new Relay().pass("${SECRET}");`,
    '    }',
    '    public void listed() throws Exception {',
    '        java.util.List<String> l = new java.util.ArrayList<String>();',
    `        l.add("${SECRET}");`,
    '        new Db().openListed(l);',
    '    }',
    '    public void listedEnv() throws Exception {',
    '        java.util.List<String> l = new java.util.ArrayList<String>();',
    '        l.add(System.getenv("DB_PW"));',
    '        new Db().openListedEnv(l);',
    '    }',
    '    public void templated() throws Exception {',
    '        new Db().openTemplated("${DB_PASSWORD}");',
    '    }',
    '}',
    '',
  ].join('\n'),
  'vault/Relay.java': ['package vault;', 'public class Relay {', '    public void pass(String p) throws Exception {', '        new Db().openRelayed(p);', '    }', '}', ''].join('\n'),
  'vault/Db.java': [
    'package vault;',
    'import java.sql.Connection;',
    'import java.sql.DriverManager;',
    'public class Db {',
    '    public Connection open(String password) throws Exception {',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openTyped(String password) throws Exception {',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openEnv(String password) throws Exception {',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openRelayed(String password) throws Exception {',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openNobody(String password) throws Exception {',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openListed(java.util.List<String> l) throws Exception {',
    '        String password = l.get(0);',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openListedEnv(java.util.List<String> l) throws Exception {',
    '        String password = l.get(0);',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '    public Connection openTemplated(String password) throws Exception {',
    '        return DriverManager.getConnection("jdbc:h2:mem:x", "app", password);',
    '    }',
    '}',
    '',
  ].join('\n'),
  'vault/Keys.java': [
    'package vault;',
    'public class Keys {',
    '    public String fixedKey() {',
    '        String k;',
    `        k = "${SECRET}";`,
    '        return k;',
    '    }',
    '    public String envKey() { return System.getenv("AES_KEY"); }',
    '}',
    '',
  ].join('\n'),
  'vault/Crypt.java': [
    'package vault;',
    'import javax.crypto.spec.SecretKeySpec;',
    'import java.net.PasswordAuthentication;',
    'public class Crypt {',
    '    public SecretKeySpec fixed() throws Exception {',
    '        String k = (new Keys()).fixedKey();',
    '        return new SecretKeySpec(k.getBytes("UTF-8"), "AES");',
    '    }',
    '    public SecretKeySpec env() throws Exception {',
    '        String k = (new Keys()).envKey();',
    '        return new SecretKeySpec(k.getBytes("UTF-8"), "AES");',
    '    }',
    '    public PasswordAuthentication auth() {',
    '        String k = new Keys().fixedKey();',
    '        return new PasswordAuthentication("app", k.toCharArray());',
    '    }',
    '}',
    '',
  ].join('\n'),
};

const analyseAll = (files: Record<string, string>, order?: string[]): Promise<FileResult[]> => analyseAsScan(engine, files, order);

const secrets = (results: FileResult[]): string[] =>
  results
    .flatMap((r) => r.findings.filter((f) => f.ruleId === 'hardcoded-secret').map((f) => `${r.rel}:${f.range.start.line + 1} ${f.confidence}`))
    .sort();

function at(results: FileResult[], rel: string, line: number): Finding {
  const f = results.find((r) => r.rel === rel)?.findings.find((x) => x.ruleId === 'hardcoded-secret' && x.range.start.line + 1 === line);
  assert.ok(f, `no finding at ${rel}:${line}`);
  return f;
}

describe('hardcoded secrets across files', () => {
  it('a literal passed from another file, directly, through a relay or inside a collection, or returned by one, is reported at the sink; input, the environment, a placeholder and no caller are not', async () => {
    const results = await analyseAll(FILES);
    settleCrossFile(results);
    // Boot.java's own literals are not reported there (a local passed to a call is no secret by itself).
    assert.deepStrictEqual(secrets(results).filter((s) => !s.startsWith('vault/Boot.java')), ['vault/Crypt.java:15 high', 'vault/Crypt.java:7 high', 'vault/Db.java:15 high', 'vault/Db.java:22 high', 'vault/Db.java:6 high']);
    assert.ok(results.every((r) => r.findings.every((x) => x.crossFile === undefined) && r.calls === undefined && r.returns === undefined));
  });

  it('the finding says where the literal is, with the flow from it, and never shows the value raw', async () => {
    const results = await analyseAll(FILES);
    settleCrossFile(results);
    const f = at(results, 'vault/Db.java', 6);
    const steps = (f.flow ?? []).map((s) => `${s.path ?? '.'}:${s.range.start.line + 1} ${s.message}`);
    assert.deepStrictEqual(steps.slice(0, 2), ['vault/Boot.java:6 constant written here', 'vault/Boot.java:6 assigned to `pw`']);
    assert.match(steps[2]!, /^vault\/Boot\.java:7 passed to `open` in another file as argument 1$/);
    assert.match(steps[steps.length - 1]!, /^\.:6 /);
    assert.match(f.message, /^Hardcoded password \(Zq\*+/);
    assert.match(f.message, /A call in vault\/Boot\.java \(line 7\) passes it, a literal written on line 6\./);
    const relayed = (at(results, 'vault/Db.java', 15).flow ?? []).map((s) => s.path ?? '.');
    assert.deepStrictEqual([...new Set(relayed)], ['vault/Boot.java', 'vault/Relay.java', '.']);
    const key = at(results, 'vault/Crypt.java', 7);
    assert.strictEqual(key.flow?.[0]?.path, 'vault/Keys.java');
    assert.match(key.message, /`fixedKey` in vault\/Keys\.java \(line 5\) returns it\./);
    for (const r of results) {
      for (const x of r.findings) {
        assert.ok(!x.message.includes(SECRET), x.message);
        for (const s of x.flow ?? []) assert.ok(!s.message.includes(SECRET), s.message);
      }
    }
  });

  it('Python: a literal passed to a function imported from another module reaches its jwt key; an environment value does not', async () => {
    const files: Record<string, string> = {
      'app/run.py': ['import os', 'from app.tokens import make, make_env', '', 'def run():', `    k = "${SECRET}"`, '    return make({"a": 1}, k)', '', 'def run_env():', '    return make_env({"a": 1}, os.environ["JWT_KEY"])', ''].join('\n'),
      'app/tokens.py': ['import jwt', '', 'def make(payload, key):', '    return jwt.encode(payload, key, algorithm="HS256")', '', 'def make_env(payload, key):', '    return jwt.encode(payload, key, algorithm="HS256")', ''].join('\n'),
    };
    const results = await analyseAll(files);
    settleCrossFile(results);
    assert.deepStrictEqual(secrets(results), ['app/tokens.py:4 high']);
    const f = at(results, 'app/tokens.py', 4);
    assert.strictEqual(f.flow?.[0]?.path, 'app/run.py');
    assert.deepStrictEqual(f.fixes, []);
  });

  it('a literal on one path does not hide input on another from taint across files', async () => {
    const files: Record<string, string> = {
      'shop/Page.java': [
        'package shop;',
        'import javax.servlet.http.HttpServletRequest;',
        'public class Page {',
        '    public void show(HttpServletRequest request, boolean mine) throws Exception {',
        '        String who = "guest";',
        '        if (mine) who = request.getParameter("who");',
        '        new Orders().of(who);',
        '    }',
        '}',
        '',
      ].join('\n'),
      'shop/Orders.java': [
        'package shop;',
        'import java.sql.*;',
        'public class Orders {',
        '    private Connection db;',
        '    public ResultSet of(String customer) throws SQLException {',
        '        return db.createStatement().executeQuery("select * from orders where customer = \'" + customer + "\'");',
        '    }',
        '}',
        '',
      ].join('\n'),
    };
    const results = await analyseAll(files);
    settleCrossFile(results);
    const sql = results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'sql-injection').map((f) => `${r.rel}:${f.range.start.line + 1} ${f.confidence}`));
    assert.deepStrictEqual(sql, ['shop/Orders.java:6 high']);
  });

  it('the outcome does not depend on the order the files finished in', async () => {
    const keys = Object.keys(FILES);
    const a = await analyseAll(FILES, keys);
    const b = await analyseAll(FILES, [...keys].reverse());
    settleCrossFile(a);
    settleCrossFile(b);
    const norm = (rs: FileResult[]): string => JSON.stringify([...rs].sort((x, y) => x.rel.localeCompare(y.rel)));
    assert.strictEqual(norm(a), norm(b));
  });

  it('without the scan (the editor, a file alone) nothing is reported from parameters or other files', async () => {
    for (const rel of ['vault/Db.java', 'vault/Crypt.java']) {
      const r = await engine.analyze({ path: rel, languageId: 'java', text: FILES[rel]! });
      assert.deepStrictEqual(r.findings.filter((f) => f.ruleId === 'hardcoded-secret'), [], rel);
      assert.strictEqual(r.calls, undefined);
    }
    // A scan without the file that passes or returns the literal reports nothing either.
    const partial = await analyseAll({ 'vault/Db.java': FILES['vault/Db.java']!, 'vault/Crypt.java': FILES['vault/Crypt.java']! });
    settleCrossFile(partial);
    assert.deepStrictEqual(secrets(partial), []);
  });
});
