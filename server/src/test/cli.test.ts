import { spawnSync } from 'child_process';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useColor } from '../cli/text';
import { ROOT, SECRET_VALUE, demoRepo, demoRule, installedCopy, json, tmpDir, vigil, writeFiles } from './cliHelpers';

function assertUsageError(r: ReturnType<typeof vigil>, pattern: RegExp): void {
  assert.strictEqual(r.status, 2, `exit ${r.status}: ${r.stderr}`);
  // Warnings about the tool's own rule files are not part of the one-line error.
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('vigil: warning:'));
  assert.strictEqual(lines.length, 1, `one line expected, got:\n${r.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

describe('cli: basics and usage errors', () => {
  it('--version prints the package version; help prints usage', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = vigil(['--version']);
    assert.strictEqual(v.status, 0);
    assert.strictEqual(v.stdout.trim(), pkg.version);
    for (const args of [['help'], ['--help'], []]) {
      const h = vigil(args);
      assert.strictEqual(h.status, 0);
      assert.match(h.stdout, /vigil scan \[paths\.\.\.\]/);
      assert.match(h.stdout, /Exit codes/);
    }
  });

  it('exits 2 with one line for unknown flags, commands, bad values and missing paths', () => {
    assertUsageError(vigil(['scan', '--bogus']), /--bogus/);
    assertUsageError(vigil(['frobnicate']), /unknown command 'frobnicate'/);
    assertUsageError(vigil(['scan', '--format', 'xml']), /--format must be one of text, json, sarif/);
    assertUsageError(vigil(['scan', '--fail-on', 'sometimes']), /--fail-on must be one of/);
    assertUsageError(vigil(['scan', '--jobs', '0']), /--jobs/);
    assertUsageError(vigil(['scan', '--max-memory', 'lots']), /--max-memory/);
    assertUsageError(vigil(['scan', '--shard', '3/2']), /--shard/);
    assertUsageError(vigil(['scan', '--shard', 'x']), /--shard/);
    assertUsageError(vigil(['scan', 'no/such/path']), /path no\/such\/path does not exist/);
    assertUsageError(vigil(['scan', '--staged', '--changed-since', 'HEAD']), /cannot be combined/);
    assertUsageError(vigil(['rules', '--staged']), /--staged does not apply to `vigil rules`/);
    assertUsageError(vigil(['scan', '--config', 'missing.yaml']), /config file missing.yaml does not exist/);
  });

  it('gives the same report under a memory budget (--max-memory)', () => {
    const dir = demoRepo({ 'a.py': 'import hashlib\nh = hashlib.md5(b"x")\n', 'b.txt': 'DEMO_TOKEN_1\n' });
    const plain = vigil(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    const budgeted = vigil(['scan', '.', '--format', 'json', '--fail-on', 'none', '--max-memory', '10'], { cwd: dir });
    assert.strictEqual(budgeted.status, 0, budgeted.stderr);
    const findings = (out: string): unknown => (JSON.parse(out) as { findings: unknown[] }).findings;
    assert.deepStrictEqual(findings(budgeted.stdout), findings(plain.stdout));
    assert.ok((findings(plain.stdout) as unknown[]).length >= 2);
  });

  it('exits 2 naming file and line for a broken config: YAML syntax, schema, unknown rule id', () => {
    const a = demoRepo({ 'a.txt': 'x\n' }, 'severity:\n  demo-token: loud\n');
    assertUsageError(vigil(['scan'], { cwd: a }), /\.vigil\.yaml:3: severity\.demo-token must be one of: error, warning, info/);
    const b = demoRepo({}, 'disable: [unclosed\n');
    assertUsageError(vigil(['scan'], { cwd: b }), /\.vigil\.yaml:\d+: YAML:/);
    const c = demoRepo({}, 'colour: red\n');
    assertUsageError(vigil(['scan'], { cwd: c }), /\.vigil\.yaml:2: unknown key 'colour'/);
    const d = demoRepo({}, 'disable: [no-such-rule]\n');
    assertUsageError(vigil(['scan'], { cwd: d }), /unknown rule id 'no-such-rule'/);
  });

  it('exits 2 on a broken custom rule file, naming file and line', () => {
    const dir = demoRepo({ 'vigil-rules/demo-token.yaml': 'id: demo-token\ntitle: x\nseverity: loud\n' });
    assertUsageError(vigil(['scan'], { cwd: dir }), /demo-token\.yaml:\d+:/);
  });

  it('refuses a custom rule whose regex backtracks catastrophically (the bundled checker loads)', () => {
    // The checker ships as its own bundle beside cli.js: an installed copy without node_modules must find it.
    const dir = demoRepo({ 'vigil-rules/demo-token.yaml': demoRule('demo-token', '^(a+)+$') });
    assertUsageError(vigil(['scan'], { cwd: dir, cli: installedCopy() }), /demo-token\.yaml:\d+:.*(exponential|backtrack|linear)/i);
  });
});

describe("cli: the README's first command", () => {
  it('scans the sample app and reports its planted problems in every file', () => {
    // The repository's own .vigilignore excludes examples/ (they are vulnerable on purpose), which once made
    // this command print "0 findings" to every new user.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const first = /```bash\n([^\n]+)\n/.exec(readme)?.[1] ?? '';
    const m = /node server\/out\/cli\.js (scan [^#]+?)\s*(?:#|$)/.exec(first);
    assert.ok(m, `no vigil scan in the README's first command: ${first}`);
    const r = vigil([...m[1]!.trim().split(/\s+/), '--format', 'json'], { cwd: ROOT });
    assert.strictEqual(r.status, 0, r.stderr);
    const paths = json(r).findings.map((f) => f.path);
    for (const file of ['app.py', 'server.js', 'Dockerfile', 'deployment.yaml']) {
      assert.ok(paths.some((p) => p.endsWith(`sample-app/${file}`)), `no finding in ${file}: ${paths.join(', ')}`);
    }
  });

  it('ends, as typed, with a line telling a new user what to try next', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const first = /```bash\n([^\n]+)\n/.exec(readme)?.[1] ?? '';
    const args = /node server\/out\/cli\.js (scan [^#]+?)\s*(?:#|$)/.exec(first)![1]!.trim().split(/\s+/);
    // Run as the README runs it (`node server/out/cli.js` from the repository root), so the advice names that.
    const r = spawnSync(process.execPath, [path.join('server', 'out', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const last = r.stdout.trimEnd().split('\n').pop() ?? '';
    assert.match(last, /^Next: `node server\/out\/cli\.js explain [a-z0-9-]+` tells why/);
    assert.match(last, /VS Code/);
    assert.match(last, /docs: https:\/\/\S+/);
    const rule = /explain ([a-z0-9-]+)/.exec(last)![1]!;
    const explained = vigil(['explain', rule]);
    assert.strictEqual(explained.status, 0, `the advised command fails: ${explained.stderr}`);
  });

  it('gives no advice on a clean run, nor inside a report file', () => {
    const dir = demoRepo({ 'src/a.txt': 'nothing here\n' });
    assert.doesNotMatch(vigil(['scan'], { cwd: dir }).stdout, /Next:/);
    const found = demoRepo({ 'src/a.txt': 'ok\nvalue = DEMO_TOKEN_1\n' });
    assert.match(vigil(['scan'], { cwd: found }).stdout, /\nNext: `vigil explain demo-token`/);
    const out = path.join(found, 'report.txt');
    vigil(['scan', '--output', out], { cwd: found });
    const report = fs.readFileSync(out, 'utf8');
    assert.match(report, /demo-token/);
    assert.doesNotMatch(report, /Next:/);
  });
});

describe('cli: --fail-on and config', () => {
  const files = { 'src/a.txt': 'ok\nvalue = DEMO_TOKEN_1\n' };
  it('exit code follows --fail-on (finding is a warning)', () => {
    const dir = demoRepo(files);
    assert.strictEqual(vigil(['scan'], { cwd: dir }).status, 0, 'default error: a warning does not fail');
    assert.strictEqual(vigil(['scan', '--fail-on', 'warning'], { cwd: dir }).status, 1);
    assert.strictEqual(vigil(['scan', '--fail-on', 'info'], { cwd: dir }).status, 1);
    assert.strictEqual(vigil(['scan', '--fail-on', 'error'], { cwd: dir }).status, 0);
    assert.strictEqual(vigil(['scan', '--fail-on', 'none'], { cwd: dir }).status, 0);
  });
  it('config severity overrides and disable apply', () => {
    const up = demoRepo(files, 'severity: { demo-token: error }\n');
    const r = vigil(['scan', '--format', 'json'], { cwd: up });
    assert.strictEqual(r.status, 1);
    assert.strictEqual(json(r).findings.find((f) => f.ruleId === 'demo-token')?.severity, 'error');
    const off = demoRepo(files, 'disable: [demo-token]\n');
    const r2 = vigil(['scan', '--format', 'json', '--fail-on', 'info'], { cwd: off });
    assert.deepStrictEqual(json(r2).findings.filter((f) => f.ruleId.startsWith('demo-')), []);
  });
  it('--config names another config file', () => {
    const dir = demoRepo(files);
    fs.writeFileSync(path.join(dir, 'strict.yaml'), 'rules: [vigil-rules]\nseverity: { demo-token: error }\n');
    assert.strictEqual(vigil(['scan', '--config', 'strict.yaml'], { cwd: dir }).status, 1);
  });
  it('config maxFileSize skips bigger files and lists them as skipped', () => {
    const dir = demoRepo({ 'big.txt': `${'x'.repeat(500)}\nDEMO_TOKEN_2\n`, 'small.txt': 'DEMO_TOKEN_3\n' }, 'maxFileSize: 200\n');
    const rep = json(vigil(['scan', '--format', 'json'], { cwd: dir }));
    assert.deepStrictEqual(rep.findings.filter((f) => f.ruleId === 'demo-token').map((f) => f.path), ['small.txt']);
    assert.ok(rep.skipped.some((s) => s.path === 'big.txt' && /size limit/.test(s.reason)), JSON.stringify(rep.skipped));
  });
});

describe('cli: formats and output', () => {
  it('json lists findings with path, 1-based line/column, fingerprint; --output writes the file', () => {
    const dir = demoRepo({ 'b.txt': 'one\n  DEMO_TOKEN_7\n', 'a.txt': 'DEMO_TOKEN_8\n' });
    const rep = json(vigil(['scan', '--format', 'json'], { cwd: dir }));
    const mine = rep.findings.filter((f) => f.ruleId === 'demo-token');
    assert.deepStrictEqual(mine.map((f) => [f.path, f.line, f.column]), [['a.txt', 1, 1], ['b.txt', 2, 3]], 'sorted by path');
    assert.match(mine[0]!.fingerprint, /^[0-9a-f]{32}$/);
    const out = vigil(['scan', '--format', 'json', '--output', 'reports/v.json'], { cwd: dir });
    assert.strictEqual(out.stdout, '');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'reports/v.json'), 'utf8')).findings, rep.findings);
  });

  it('text groups by file with a code frame; colours only when asked for', () => {
    const dir = demoRepo({ 'a.txt': 'before\nvalue = DEMO_TOKEN_9\nafter\n' });
    const plain = vigil(['scan'], { cwd: dir }).stdout;
    assert.match(plain, /^a\.txt$/m);
    assert.match(plain, /^ {2}2:9 +warning +Demo finding of demo-token/m);
    assert.match(plain, /> 2 \| value = DEMO_TOKEN_9/);
    assert.match(plain, /\| {9}\^{12}/);
    assert.match(plain, /1 finding \(0 error, 1 warning, 0 info\), 4 files scanned/);
    assert.doesNotMatch(plain, /\x1b\[/, 'no colour when not a terminal');
    assert.match(vigil(['scan', '--color'], { cwd: dir }).stdout, /\x1b\[33m/);
    assert.doesNotMatch(vigil(['scan', '--color', '--no-color'], { cwd: dir }).stdout, /\x1b\[/);
  });

  it('colour decision: flag wins, NO_COLOR disables, terminal enables', () => {
    assert.strictEqual(useColor(undefined, true, {}), true);
    assert.strictEqual(useColor(undefined, false, {}), false);
    assert.strictEqual(useColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.strictEqual(useColor(true, false, { NO_COLOR: '1' }), true);
    assert.strictEqual(useColor(false, true, {}), false);
  });

  it('never prints a secret rule’s flagged text: text frames, json and sarif are masked', () => {
    const dir = demoRepo({ 'conf.txt': `a = 1\nkey = ${SECRET_VALUE}\nother = ${SECRET_VALUE}x\n` });
    for (const format of ['text', 'json', 'sarif']) {
      const r = vigil(['scan', '--format', format], { cwd: dir });
      assert.strictEqual(r.status, 1, `${format}: ${r.stderr}`);
      assert.ok(r.stdout.includes('demo-secret'), `${format} reports the finding`);
      assert.ok(!r.stdout.includes(SECRET_VALUE.slice(8)), `${format} output leaks the secret:\n${r.stdout}`);
    }
    assert.match(vigil(['scan'], { cwd: dir }).stdout, /key = DEMO\*{8}n5/);
  });

  it('--jobs 1 and --jobs 3 give identical reports', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`d${i % 4}/f${i}.txt`] = `line\n${i % 3 === 0 ? `DEMO_TOKEN_${i}` : 'clean'}\n`;
    const dir = demoRepo(files);
    const one = json(vigil(['scan', '--format', 'json', '--jobs', '1'], { cwd: dir }));
    const three = json(vigil(['scan', '--format', 'json', '--jobs', '3'], { cwd: dir }));
    assert.strictEqual(one.findings.filter((f) => f.ruleId === 'demo-token').length, 10);
    assert.deepStrictEqual(three.findings, one.findings);
    assert.strictEqual(three.summary.filesScanned, one.summary.filesScanned);
  });

  it('scans only the named paths', () => {
    const dir = demoRepo({ 'a/x.txt': 'DEMO_TOKEN_1\n', 'b/y.txt': 'DEMO_TOKEN_2\n', 'c.txt': 'DEMO_TOKEN_3\n' });
    const rep = json(vigil(['scan', 'a', 'c.txt', '--format', 'json'], { cwd: dir }));
    assert.deepStrictEqual(rep.findings.map((f) => f.path), ['a/x.txt', 'c.txt']);
  });

  it('a named folder excluded by an ignore file is noted, and --no-ignore scans it (built-in excludes stay)', () => {
    const dir = demoRepo({
      '.vigilignore': 'fixtures/\n',
      '.gitignore': 'generated.txt\n',
      'fixtures/x.txt': 'DEMO_TOKEN_1\n',
      'generated.txt': 'DEMO_TOKEN_2\n',
      'node_modules/m/y.txt': 'DEMO_TOKEN_3\n',
    });
    const ignored = vigil(['scan', 'fixtures', '--format', 'json'], { cwd: dir });
    assert.strictEqual(ignored.status, 0, ignored.stderr);
    const rep = JSON.parse(ignored.stdout) as { findings: unknown[]; skipped: { path: string; reason: string }[] };
    assert.deepStrictEqual(rep.findings, []);
    assert.deepStrictEqual(rep.skipped, [{ path: 'fixtures', reason: 'excluded by ignore rules (--no-ignore scans it)' }]);
    const all = json(vigil(['scan', '--no-ignore', '--format', 'json'], { cwd: dir }));
    assert.deepStrictEqual(all.findings.map((f) => f.path).sort(), ['fixtures/x.txt', 'generated.txt']);
  });
});

describe('cli: suppressions', () => {
  const text = [
    'DEMO_TOKEN_1 # vigil-ignore demo-token -- test data',
    '# vigil-ignore-next-line demo-token until 2000-01-01 -- old',
    'DEMO_TOKEN_2',
    'DEMO_TOKEN_3 # vigil-ignore demo-token until 2999-12-31',
    '',
  ].join('\n');
  it('suppressed findings are hidden, shown with --include-suppressed; expired ones report', () => {
    const dir = demoRepo({ 's.txt': text });
    const def = json(vigil(['scan', '--format', 'json'], { cwd: dir }));
    assert.deepStrictEqual(def.findings.filter((f) => f.ruleId === 'demo-token').map((f) => f.line), [3], 'expired suppression no longer applies');
    const all = json(vigil(['scan', '--format', 'json', '--include-suppressed'], { cwd: dir }));
    const mine = all.findings.filter((f) => f.ruleId === 'demo-token');
    assert.deepStrictEqual(mine.map((f) => f.line), [1, 3, 4]);
    assert.strictEqual(mine[0]!.suppression?.justification, 'test data');
    assert.strictEqual(all.summary.suppressed, 2);
    assert.strictEqual(vigil(['scan', '--include-suppressed', '--fail-on', 'warning'], { cwd: dir }).status, 1, 'the expired one still fails');
  });
  it('`vigil suppressions` lists rule, reason, expiry and whether it expired', () => {
    const dir = demoRepo({ 's.txt': text });
    const r = vigil(['suppressions', '--format', 'json'], { cwd: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as { suppressions: { path: string; line: number; rules: string[]; reason: string | null; until: string | null; expired: boolean }[] }).suppressions;
    assert.deepStrictEqual(
      rows.map((x) => [x.path, x.line, x.rules.join(','), x.reason, x.until, x.expired]),
      [
        ['s.txt', 1, 'demo-token', 'test data', null, false],
        ['s.txt', 2, 'demo-token', 'old', '2000-01-01', true],
        ['s.txt', 4, 'demo-token', null, '2999-12-31', false],
      ],
    );
    const t = vigil(['suppressions'], { cwd: dir }).stdout;
    assert.match(t, /s\.txt:2 {2}demo-token until 2000-01-01 \(EXPIRED\) -- old/);
    assert.match(t, /3 suppressions, 1 expired, 1 without a reason/);
  });
});

describe('cli: rules, explain, test-rules', () => {
  it('`vigil rules` lists every rule with severity, languages and CWE', () => {
    const dir = demoRepo();
    const r = vigil(['rules', '--format', 'json'], { cwd: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { id: string; severity: string; languages: string[]; cwe: number[]; custom: boolean }[];
    const demo = rows.find((x) => x.id === 'demo-token');
    assert.deepStrictEqual(demo, { ...demo, severity: 'warning', languages: ['text'], cwe: [798], custom: true });
    assert.ok(rows.some((x) => x.id === 'weak-hash' && !x.custom));
    assert.match(vigil(['rules'], { cwd: dir }).stdout, /^weak-hash +warning +high +CWE-328,CWE-327 +.*\bpython\b/m);
  });
  it('`vigil explain` prints the docs; an unknown id exits 2', () => {
    const r = vigil(['explain', 'weak-hash']);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^# Weak hash algorithm/);
    assert.match(r.stdout, /## Why it is risky/);
    assertUsageError(vigil(['explain', 'weak']), /unknown rule 'weak' \(did you mean .*weak-hash.*\?\)/);
  });
  it('`vigil test-rules` passes good fixtures (exit 0) and fails wrong ones (exit 1)', () => {
    const dir = tmpDir();
    writeFiles(dir, {
      'rules/demo-token.yaml': fs.readFileSync(path.join(demoRepo(), 'vigil-rules/demo-token.yaml'), 'utf8'),
      'test-fixtures/demo-token/cases.txt': '# vigil-expect: demo-token\nDEMO_TOKEN_1\n# vigil-ok: demo-token\nDEMO_TOKEN_x\n',
    });
    const ok = vigil(['test-rules', dir]);
    assert.strictEqual(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /1 rule, 1 fixture, 0 failures/);
    fs.writeFileSync(path.join(dir, 'test-fixtures/demo-token/cases.txt'), '# vigil-ok: demo-token\nDEMO_TOKEN_1\n# vigil-expect: demo-token\nDEMO_TOKEN_x\n');
    const bad = vigil(['test-rules', dir]);
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stdout, /FAIL .*expected no demo-token/);
    assert.match(bad.stdout, /FAIL .*expected demo-token, got nothing/);
    assertUsageError(vigil(['test-rules', path.join(dir, 'nope')]), /is not a folder/);
  });
});
