// The CLI's report as a CI integrator meets it: nothing named on the command line disappears without a reason,
// a reader that stops early does not turn a clean run into a crash, and the JSON counts mean what they say.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, demoRepo, json, vigil } from './cliHelpers';

/** Runs the CLI with a stdout pipe that the parent closes after the first chunk, as `| head -1` does. */
function runClosingEarly(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; got: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let got = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', (d: Buffer) => {
      got = d.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('cli: a closed stdout', () => {
  // Far more than a pipe's buffer, so the CLI is still writing when the reader goes away.
  const many = Array.from({ length: 2000 }, (_, i) => `DEMO_TOKEN_${i}`).join('\n');
  it('ends the run quietly with the normal exit code (--fail-on none: 0, --fail-on warning: 1), every time', async function () {
    this.timeout(240000);
    const dir = demoRepo({ 'many.txt': `${many}\n` });
    for (let i = 0; i < 4; i++) {
      const r = await runClosingEarly(['scan', '--fail-on', 'none'], dir);
      assert.ok(r.got > 0, 'some output arrived before the pipe closed');
      assert.strictEqual(r.stderr, '', `nothing on stderr, got: ${r.stderr.slice(0, 300)}`);
      assert.strictEqual(r.code, 0, `try ${i}: exit ${r.code}`);
    }
    const failing = await runClosingEarly(['scan', '--format', 'json', '--fail-on', 'warning'], dir);
    assert.strictEqual(failing.stderr, '');
    assert.strictEqual(failing.code, 1, 'findings at --fail-on still fail the run');
  });
});

describe('cli: files named on the command line never vanish', function () {
  // Several CLI runs per test, on a machine that may be busy.
  this.timeout(240000);
  const source = 'x = 1\nDEMO_TOKEN_7 = 2\n';
  function repo(): string {
    const dir = demoRepo();
    fs.writeFileSync(path.join(dir, 'plain.txt'), source);
    fs.writeFileSync(path.join(dir, 'bom8.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]));
    fs.writeFileSync(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()]));
    fs.writeFileSync(path.join(dir, 'blob.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01, 0x44, 0x45, 0x4d, 0x4f]));
    fs.writeFileSync(path.join(dir, 'odd.txt'), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    return dir;
  }
  const names = ['plain.txt', 'bom8.txt', 'le.txt', 'be.txt', 'blob.txt', 'odd.txt'];

  it('decodes UTF-16 LE and BE with a byte-order mark, and drops a UTF-8 one, with the same positions as plain UTF-8', () => {
    const r = json(vigil(['scan', ...names, '--format', 'json'], { cwd: repo() }));
    const at = r.findings.filter((f) => f.ruleId === 'demo-token').map((f) => `${f.path}:${f.line}:${f.column}`);
    assert.deepStrictEqual(at.sort(), ['be.txt:2:1', 'bom8.txt:2:1', 'le.txt:2:1', 'plain.txt:2:1']);
    assert.strictEqual(r.summary.filesScanned, 4);
  });

  it('lists every file it did not analyse with a reason, in json, text and sarif', () => {
    const dir = repo();
    const r = json(vigil(['scan', ...names, '--format', 'json'], { cwd: dir }));
    assert.deepStrictEqual(
      r.skipped.map((s) => [s.path, s.reason]),
      [
        ['blob.txt', 'binary content (a NUL byte in the first 8,000 characters)'],
        ['odd.txt', 'not valid UTF-16 LE (odd number of bytes)'],
      ],
    );
    assert.strictEqual(r.summary.skipped, 2);
    assert.strictEqual(r.summary.filesScanned + r.summary.skipped, names.length, 'every named file is either scanned or skipped');
    const text = vigil(['scan', ...names], { cwd: dir }).stdout;
    assert.match(text, /Skipped 2 files:\n {2}blob\.txt: binary content/);
    const sarif = JSON.parse(vigil(['scan', ...names, '--format', 'sarif'], { cwd: dir }).stdout) as {
      runs: { invocations: { toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[];
    };
    const notes = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => `${n.locations[0]!.physicalLocation.artifactLocation.uri}: ${n.message.text}`);
    assert.ok(notes.some((n) => n.startsWith('blob.txt: Skipped: binary content')), notes.join('\n'));
  });

  it('says so when a rule had more matches in a file than are examined', () => {
    const dir = demoRepo();
    const calls = Array.from({ length: 1200 }, (_, i) => `h${i} = hashlib.md5(data)`).join('\n');
    fs.writeFileSync(path.join(dir, 'gen.py'), `import hashlib\n${calls}\n`);
    fs.writeFileSync(path.join(dir, 'few.py'), 'import hashlib\nh = hashlib.md5(data)\n');
    const out = JSON.parse(vigil(['scan', 'gen.py', 'few.py', '--format', 'json'], { cwd: dir }).stdout) as { notes: { path: string; message: string }[] };
    const capped = out.notes.filter((n) => /only the first 2,000 of [\d,]+ matches/.test(n.message));
    assert.deepStrictEqual(capped.map((n) => n.path), ['gen.py'], JSON.stringify(out.notes));
    assert.match(capped[0]!.message, /^rule weak-hash:/);
  });
});

describe('cli: suppressions as the report shows them', function () {
  this.timeout(240000);
  const text = [
    'DEMO_TOKEN_1 # vigil-ignore demo-token -- test data',
    'DEMO_TOKEN_2 # vigil-ignore demo-token until 2099-02-30 -- no such day',
    'DEMO_TOKEN_3 # vigil-ignore demo-tokn -- typo',
    '# vigil-ignore-next-line demo-token until 2099-12-31',
    'DEMO_TOKEN_4',
    '',
  ].join('\n');

  it('an impossible date is an info note, and that suppression does not apply', () => {
    const dir = demoRepo({ 's.txt': text });
    const out = JSON.parse(vigil(['scan', '--format', 'json'], { cwd: dir }).stdout) as { findings: { line: number; ruleId: string }[]; notes: { line: number; code: string; message: string }[] };
    assert.deepStrictEqual(out.findings.filter((f) => f.ruleId === 'demo-token').map((f) => f.line), [2, 3]);
    const dateNote = out.notes.find((n) => n.line === 2);
    assert.match(dateNote?.message ?? '', /invalid date '2099-02-30'/, JSON.stringify(out.notes));
    assert.match(out.notes.find((n) => n.line === 3)?.message ?? '', /Unknown rule 'demo-tokn'/);
  });

  it('`vigil suppressions` flags unknown rule ids and impossible dates', () => {
    const dir = demoRepo({ 's.txt': text });
    const rows = (JSON.parse(vigil(['suppressions', '--format', 'json'], { cwd: dir }).stdout) as { suppressions: { line: number; unknownRules: string[]; problem?: string }[] }).suppressions;
    assert.deepStrictEqual(rows.map((r) => [r.line, r.unknownRules, r.problem ?? null]), [
      [1, [], null],
      [2, [], "has an invalid date '2099-02-30' (use a real date as YYYY-MM-DD); it suppresses nothing until that is fixed"],
      [3, ['demo-tokn'], "unknown rule 'demo-tokn' (see `vigil rules`)"],
      [4, [], null],
    ]);
    const t = vigil(['suppressions'], { cwd: dir }).stdout;
    assert.match(t, /s\.txt:3 {2}demo-tokn -- typo \[problem: unknown rule 'demo-tokn'/);
    assert.match(t, /4 suppressions, 0 expired, 1 without a reason, 2 with a problem\n$/);
  });

  it('json: suppression.line is 1-based like the finding lines, and summary.suppressed counts without --include-suppressed', () => {
    const dir = demoRepo({ 's.txt': text });
    const all = json(vigil(['scan', '--format', 'json', '--include-suppressed'], { cwd: dir }));
    const mine = all.findings.filter((f) => f.ruleId === 'demo-token' && f.suppression) as unknown as { line: number; suppression: { line: number } }[];
    assert.deepStrictEqual(mine.map((f) => [f.line, f.suppression.line]), [
      [1, 1],
      [5, 4],
    ]);
    assert.strictEqual(all.summary.suppressed, 2);
    const def = json(vigil(['scan', '--format', 'json'], { cwd: dir }));
    assert.ok(!def.findings.some((f) => f.suppression));
    assert.strictEqual(def.summary.suppressed, 2, 'counted even when not listed');
    assert.match(vigil(['scan'], { cwd: dir }).stdout, /, 2 suppressed, /);
  });
});
