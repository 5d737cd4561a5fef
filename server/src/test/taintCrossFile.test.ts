// Taint across the files of one scan (issue 15): a sink reached from a parameter of a function nothing in its own
// file calls is settled by the calls the other files make (checks/shared/taintScope.ts, project/scan/crossFile.ts).
// Input passed in file A raises the sink in file B to the rule's confidence with the path through A; only
// constants passed drops it; no known caller leaves it as single-file analysis does.
import * as assert from 'assert';
import { Engine, type Finding } from '../engine';
import { CrossFileBuffer, ScanCache, crossFileSettler, runScan, settleCrossFile, walk, type FileResult, type WorkerInit } from '../project';
import { json, tmpDir, vigil, writeFiles } from './cliHelpers';
import { analyseAsScan } from './crossFileHelpers';

const engine = Engine.create();

const JAVA: Record<string, string> = {
  'shop/Checkout.java': [
    'package shop;',
    'import javax.servlet.http.HttpServletRequest;',
    'public class Checkout {',
    '    public void byCustomer(HttpServletRequest request) throws Exception {',
    '        String who = request.getParameter("customer");',
    '        (new OrderStore()).ordersOf(who);',
    '    }',
    '    public void forAdmin() throws Exception {',
    '        String who = "admin";',
    '        OrderStore store = new OrderStore();',
    '        store.ordersFor(who);',
    '    }',
    '    public void relay(HttpServletRequest request) throws Exception {',
    '        new Relay().hand(request.getParameter("path"));',
    '    }',
    '}',
    '',
  ].join('\n'),
  'shop/Relay.java': [
    'package shop;',
    'public class Relay {',
    '    public void hand(String p) throws Exception {',
    '        Archive.open(p);',
    '    }',
    '}',
    '',
  ].join('\n'),
  'shop/Archive.java': [
    'package shop;',
    'public class Archive {',
    '    public static void open(String name) throws Exception {',
    '        new java.io.FileInputStream(new java.io.File(name));',
    '    }',
    '}',
    '',
  ].join('\n'),
  'shop/OrderStore.java': [
    'package shop;',
    'import java.sql.*;',
    'public class OrderStore {',
    '    private Connection db;',
    '    public ResultSet ordersOf(String customer) throws SQLException {',
    '        return db.createStatement().executeQuery("select * from orders where customer = \'" + customer + "\'");',
    '    }',
    '    public ResultSet ordersFor(String customer) throws SQLException {',
    '        return db.createStatement().executeQuery("select * from orders where customer = \'" + customer + "\'");',
    '    }',
    '    public ResultSet ordersBy(String customer) throws SQLException {',
    '        return db.createStatement().executeQuery("select * from orders where customer = \'" + customer + "\'");',
    '    }',
    '}',
    '',
  ].join('\n'),
};

const PYTHON: Record<string, string> = {
  'app/routes.py': ['from flask import request', 'from app.accounts import find_user', 'from app import accounts', '', 'def profile():', '    return find_user(request.args.get("name"))', '', 'def everyone():', '    return accounts.find_plain("all")', ''].join('\n'),
  'app/accounts.py': [
    'import sqlite3',
    '',
    'def find_user(name):',
    '    db = sqlite3.connect("users.db")',
    '    return db.execute("select * from users where name = \'" + name + "\'")',
    '',
    'def find_plain(name):',
    '    db = sqlite3.connect("users.db")',
    '    return db.execute("select * from users where name = \'" + name + "\'")',
    '',
  ].join('\n'),
};

const analyseAll = (files: Record<string, string>, order?: string[]): Promise<FileResult[]> => analyseAsScan(engine, files, order);

const shown = (results: FileResult[], rule: string): string[] =>
  results
    .flatMap((r) => r.findings.filter((f) => f.ruleId === rule).map((f) => ({ rel: r.rel, f })))
    .map(({ rel, f }) => `${rel}:${f.range.start.line + 1} ${f.confidence}`)
    .sort();

function finding(results: FileResult[], rel: string, line: number): Finding {
  const f = results.find((r) => r.rel === rel)?.findings.find((x) => x.range.start.line + 1 === line);
  assert.ok(f, `no finding at ${rel}:${line}`);
  return f;
}

describe('taint across files', () => {
  it('Java: input passed in one file raises the sink in another, with the path through the caller; a constant caller drops it', async () => {
    const results = await analyseAll(JAVA);
    settleCrossFile(results);
    // ordersBy has no caller in the scan: single-file analysis decides (a built query from a parameter: medium).
    assert.deepStrictEqual(shown(results, 'sql-injection'), ['shop/OrderStore.java:12 medium', 'shop/OrderStore.java:6 high']);
    const f = finding(results, 'shop/OrderStore.java', 6);
    const steps = (f.flow ?? []).map((s) => `${s.path ?? '.'}:${s.range.start.line + 1} ${s.message}`);
    assert.deepStrictEqual(steps.slice(0, 3), ['shop/Checkout.java:5 request parameter read here: `request.getParameter("customer")`', 'shop/Checkout.java:5 assigned to `who`', 'shop/Checkout.java:6 passed to `ordersOf` in another file as argument 1']);
    assert.match(steps[steps.length - 1]!, /^\.:6 reaches the sink/);
    assert.match(f.message, /A call in shop\/Checkout\.java \(line 6\) passes input to it\./);
    assert.ok(results.every((r) => r.findings.every((x) => x.crossFile === undefined) && r.calls === undefined && r.returns === undefined));
  });

  it('Java: through a chain of files and a static call, a sink only proven sources reach (path-traversal)', async () => {
    const results = await analyseAll(JAVA);
    settleCrossFile(results);
    assert.deepStrictEqual(shown(results, 'path-traversal'), ['shop/Archive.java:4 high']);
    const via = (finding(results, 'shop/Archive.java', 4).flow ?? []).map((s) => s.path ?? '.');
    assert.deepStrictEqual([...new Set(via)], ['shop/Checkout.java', 'shop/Relay.java', '.']);
  });

  it('a path sink that counts only outside input stays quiet when the caller in another file passes the environment', async () => {
    const files: Record<string, string> = {
      'web/Backup.java': [
        'package web;',
        'import javax.servlet.http.HttpServletRequest;',
        'public class Backup {',
        '    public void nightly() throws Exception {',
        '        new Store().put(System.getenv("BACKUP_DIR"));',
        '    }',
        '    public void upload(HttpServletRequest request) throws Exception {',
        '        new Store().take(request.getParameter("dir"));',
        '    }',
        '    public void both(HttpServletRequest request) throws Exception {',
        '        new Store().share(System.getProperty("user.home"));',
        '        new Store().share(request.getHeader("X-Dir"));',
        '    }',
        '}',
        '',
      ].join('\n'),
      'web/Store.java': [
        'package web;',
        'public class Store {',
        '    public void put(String dir) throws Exception {',
        '        new java.io.FileOutputStream(new java.io.File(dir));',
        '    }',
        '    public void take(String dir) throws Exception {',
        '        new java.io.FileOutputStream(new java.io.File(dir));',
        '    }',
        '    public void share(String dir) throws Exception {',
        '        new java.io.FileOutputStream(new java.io.File(dir));',
        '    }',
        '}',
        '',
      ].join('\n'),
    };
    const results = await analyseAll(files);
    settleCrossFile(results);
    // put: only the operator's environment arrives (as in one file: no finding); take and share: a request value does.
    assert.deepStrictEqual(shown(results, 'path-traversal'), ['web/Store.java:10 high', 'web/Store.java:7 high']);
    // The same environment value still counts for a rule that takes every source (command injection).
    const shell: Record<string, string> = {
      'web/Cron.java': ['package web;', 'public class Cron {', '    public void tick() throws Exception {', '        new Shell().run(System.getenv("JOB"));', '    }', '}', ''].join('\n'),
      'web/Shell.java': ['package web;', 'public class Shell {', '    public void run(String job) throws Exception {', '        Runtime.getRuntime().exec("sh -c " + job);', '    }', '}', ''].join('\n'),
    };
    const sh = await analyseAll(shell);
    settleCrossFile(sh);
    assert.deepStrictEqual(shown(sh, 'command-injection'), ['web/Shell.java:4 high']);
  });

  it('in a developer-controlled folder (tools/), a sink waits for the scan: kept when a caller elsewhere passes input, dropped otherwise', async () => {
    const files: Record<string, string> = {
      'web/Page.java': [
        'package web;',
        'import javax.servlet.http.HttpServletRequest;',
        'import tools.Report;',
        'public class Page {',
        '    public void show(HttpServletRequest request) throws Exception {',
        '        new Report().run(request.getParameter("who"));',
        '    }',
        '}',
        '',
      ].join('\n'),
      'tools/Report.java': [
        'package tools;',
        'import java.sql.*;',
        'public class Report {',
        '    private Connection db;',
        '    public ResultSet run(String who) throws SQLException {',
        '        return db.createStatement().executeQuery("select * from runs where who = \'" + who + "\'");',
        '    }',
        '    public ResultSet alone(String who) throws SQLException {',
        '        return db.createStatement().executeQuery("select * from runs where who = \'" + who + "\'");',
        '    }',
        '}',
        '',
      ].join('\n'),
    };
    const results = await analyseAll(files);
    settleCrossFile(results);
    assert.deepStrictEqual(shown(results, 'sql-injection'), ['tools/Report.java:6 high']);
    // Alone (the editor without a scan), the folder's rule holds: no evidence of outside input, no finding.
    const r = await engine.analyze({ path: 'tools/Report.java', languageId: 'java', text: files['tools/Report.java']! });
    assert.deepStrictEqual(r.findings.filter((f) => f.ruleId === 'sql-injection'), []);
  });

  it('without the scan (the editor, a file alone) nothing changes: the parameter is medium evidence, or none', async () => {
    const r = await engine.analyze({ path: 'shop/OrderStore.java', languageId: 'java', text: JAVA['shop/OrderStore.java']! });
    assert.deepStrictEqual(r.findings.filter((f) => f.ruleId === 'sql-injection').map((f) => [f.range.start.line + 1, f.confidence]), [[6, 'medium'], [9, 'medium'], [12, 'medium']]);
    assert.ok(r.findings.every((f) => f.crossFile === undefined) && r.calls === undefined);
    const a = await engine.analyze({ path: 'shop/Archive.java', languageId: 'java', text: JAVA['shop/Archive.java']! });
    assert.deepStrictEqual(a.findings.filter((f) => f.ruleId === 'path-traversal'), []);
  });

  it('a settler built once over the other files settles one file as the whole scan does, and leaves their summaries (the editor)', async () => {
    const all = await analyseAll(JAVA);
    const others = (await analyseAll(JAVA)).filter((r) => r.rel !== 'shop/OrderStore.java');
    const settle = crossFileSettler(others);
    const own = (await analyseAll({ 'shop/OrderStore.java': JAVA['shop/OrderStore.java']! }))[0]!;
    settle(own);
    settleCrossFile(all);
    assert.deepStrictEqual(own.findings, all.find((r) => r.rel === 'shop/OrderStore.java')!.findings);
    assert.ok(others.some((r) => r.calls !== undefined), 'the stored summaries stay for the next keystroke');
    // Settling again (the next keystroke) gives the same.
    const again = (await analyseAll({ 'shop/OrderStore.java': JAVA['shop/OrderStore.java']! }))[0]!;
    settle(again);
    assert.deepStrictEqual(again.findings, own.findings);
  });

  it('the outcome does not depend on the order the files finished in', async () => {
    const keys = Object.keys(JAVA);
    const a = await analyseAll(JAVA, keys);
    const b = await analyseAll(JAVA, [...keys].reverse());
    settleCrossFile(a);
    settleCrossFile(b);
    const norm = (rs: FileResult[]): string => JSON.stringify([...rs].sort((x, y) => x.rel.localeCompare(y.rel)));
    assert.strictEqual(norm(a), norm(b));
  });

  it('Java: an object passed whole carries what its fields were given before the call', async () => {
    const files: Record<string, string> = {
      'shop/Basket.java': [
        'package shop;',
        'import javax.servlet.http.HttpServletRequest;',
        'public class Basket {',
        '    public static class Query { public String customer; }',
        '    public void lookup(HttpServletRequest request) throws Exception {',
        '        Query q = new Query();',
        '        q.customer = request.getParameter("customer");',
        '        new QueryRunner().run(q);',
        '    }',
        '    public void fixed() throws Exception {',
        '        Query q = new Query();',
        '        q.customer = "admin";',
        '        new QueryRunner().runFixed(q);',
        '    }',
        '}',
        '',
      ].join('\n'),
      'shop/QueryRunner.java': [
        'package shop;',
        'import java.sql.*;',
        'public class QueryRunner {',
        '    private Connection db;',
        '    public ResultSet run(Basket.Query q) throws SQLException {',
        '        String customer = q.customer;',
        '        return db.createStatement().executeQuery("select * from orders where customer = \'" + customer + "\'");',
        '    }',
        '    public ResultSet runFixed(Basket.Query q) throws SQLException {',
        '        String customer = q.customer;',
        '        return db.createStatement().executeQuery("select * from orders where customer = \'" + customer + "\'");',
        '    }',
        '}',
        '',
      ].join('\n'),
    };
    const results = await analyseAll(files);
    settleCrossFile(results);
    assert.deepStrictEqual(shown(results, 'sql-injection'), ['shop/QueryRunner.java:7 high']);
  });

  it('a value another file returns: reported when that function returns input, not when it returns a constant or alone', async () => {
    const files: Record<string, string> = {
      'jobs/Runner.java': [
        'package jobs;',
        'public class Runner {',
        '    public void run() throws Exception {',
        '        String arg = new Settings().fromUser();',
        '        Runtime.getRuntime().exec("tar -xf " + arg);',
        '    }',
        '    public void runDefault() throws Exception {',
        '        String arg = new Settings().fixed();',
        '        Runtime.getRuntime().exec("tar -xf " + arg);',
        '    }',
        '}',
        '',
      ].join('\n'),
      'jobs/Settings.java': [
        'package jobs;',
        'public class Settings {',
        '    public String fromUser() throws Exception {',
        '        String v = System.getenv("ARCHIVE");',
        '        return v;',
        '    }',
        '    public String fixed() { return "backup.tar"; }',
        '}',
        '',
      ].join('\n'),
    };
    const results = await analyseAll(files);
    settleCrossFile(results);
    assert.deepStrictEqual(shown(results, 'command-injection'), ['jobs/Runner.java:5 high']);
    const f = finding(results, 'jobs/Runner.java', 5);
    assert.strictEqual(f.flow?.[0]?.path, 'jobs/Settings.java');
    assert.match(f.message, /`fromUser` in jobs\/Settings\.java \(line 5\) returns input\./);
    // Alone (the editor), a call to another file's function is no evidence.
    const alone = await engine.analyze({ path: 'jobs/Runner.java', languageId: 'java', text: files['jobs/Runner.java']! });
    assert.deepStrictEqual(alone.findings.filter((x) => x.ruleId === 'command-injection'), []);
    // In a scan without the function's file, nothing is raised either.
    const partial = await analyseAll({ 'jobs/Runner.java': files['jobs/Runner.java']! });
    settleCrossFile(partial);
    assert.deepStrictEqual(shown(partial, 'command-injection'), []);
  });

  it('Python: a function imported from another module, by name and through the module', async () => {
    const results = await analyseAll(PYTHON);
    settleCrossFile(results);
    assert.deepStrictEqual(shown(results, 'sql-injection'), ['app/accounts.py:5 high']);
    const steps = (finding(results, 'app/accounts.py', 5).flow ?? []).map((s) => s.path ?? '.');
    assert.strictEqual(steps[0], 'app/routes.py');
  });

  it('a rescan over the content-hash cache settles afresh (the cache keeps what each file said, not the outcome)', async () => {
    const dir = tmpDir('vigil-xfile-cache-');
    writeFiles(dir, JAVA);
    const init: WorkerInit = { root: dir, customRuleDirs: [], analysis: { crossFile: true }, source: 'fs', mode: 'analyze', frames: false, maxFileSize: 1 << 20 };
    const cache = new ScanCache('test');
    const once = async (): Promise<string[]> => {
      const buffer = new CrossFileBuffer();
      const out: FileResult[] = [];
      await runScan(walk([], { root: dir }), { ...init, cache, jobs: 1 }, (r) => {
        const now = buffer.take(r);
        if (now) out.push(now);
      });
      out.push(...buffer.settle());
      return shown(out, 'sql-injection');
    };
    assert.deepStrictEqual(await once(), ['shop/OrderStore.java:12 medium', 'shop/OrderStore.java:6 high']);
    assert.deepStrictEqual(await once(), ['shop/OrderStore.java:12 medium', 'shop/OrderStore.java:6 high']);
    // The caller changes, the callee's file does not (its result comes from the cache): settled afresh.
    writeFiles(dir, { 'shop/Checkout.java': JAVA['shop/Checkout.java']!.replace('request.getParameter("customer")', '"guest"') });
    assert.deepStrictEqual(await once(), ['shop/OrderStore.java:12 medium']);
  });

  it('vigil scan settles it across the files it scans, and says where in JSON, SARIF and text', () => {
    const dir = tmpDir('vigil-xfile-');
    writeFiles(dir, JAVA);
    const r = json(vigil(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir }));
    const sql = r.findings.filter((f) => f.ruleId === 'sql-injection').map((f) => `${f.path}:${f.line} ${(f as unknown as Finding).confidence}`);
    assert.deepStrictEqual(sql, ['shop/OrderStore.java:6 high', 'shop/OrderStore.java:12 medium']);
    const flow = (r.findings.find((f) => f.path === 'shop/OrderStore.java' && f.line === 6) as unknown as { flow: { path?: string; line: number }[] }).flow;
    assert.deepStrictEqual(flow[0], { ...flow[0], path: 'shop/Checkout.java', line: 5 });
    const sarif = JSON.parse(vigil(['scan', '.', '--format', 'sarif', '--fail-on', 'none'], { cwd: dir }).stdout) as { runs: { results: { ruleId: string; codeFlows?: { threadFlows: { locations: { location: { physicalLocation: { artifactLocation: { uri: string } } } }[] }[] }[] }[] }[] };
    const uris = sarif.runs[0]!.results.filter((x) => x.ruleId === 'sql-injection' && x.codeFlows).flatMap((x) => x.codeFlows![0]!.threadFlows[0]!.locations.map((l) => l.location.physicalLocation.artifactLocation.uri));
    assert.ok(uris.includes('shop/Checkout.java') && uris.includes('shop/OrderStore.java'), JSON.stringify(uris));
    const text = vigil(['scan', '.', '--fail-on', 'none', '--no-color'], { cwd: dir }).stdout;
    assert.match(text, /shop\/Checkout\.java:5:\d+ +request parameter read here/);
  });
});
