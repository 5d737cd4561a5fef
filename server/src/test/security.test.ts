// The tool's own security (issue 8, point 5): Vigil never touches the network, never runs code named by a
// workspace, and files in the workspace (.vigil.yaml, baselines, suppression comments) cannot point it at files
// outside the workspace. Policy: custom rule folders must resolve (symlinks included) inside the repository.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../engine';
import { CLI, tmpDir, writeFiles } from './cliHelpers';
import { LspClient, SERVER_JS } from './lspClient';

// Preloaded with --require: every way Node opens a connection or resolves a name records the attempt and fails.
const NET_SHIM = `
const fs = require('fs');
const LOG = process.env.VIGIL_NET_LOG;
function deny(what) {
  try { fs.appendFileSync(LOG, what + '\\n'); } catch {}
  throw new Error('network access denied by the test harness: ' + what);
}
const net = require('net'), tls = require('tls'), dns = require('dns'), http = require('http'), https = require('https'), dgram = require('dgram');
net.Socket.prototype.connect = function () { deny('net.Socket.connect'); };
net.connect = net.createConnection = function () { deny('net.connect'); };
tls.connect = function () { deny('tls.connect'); };
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt']) {
  dns[k] = function () { deny('dns.' + k); };
  if (dns.promises[k]) dns.promises[k] = async function () { deny('dns.promises.' + k); };
}
http.request = http.get = function () { deny('http.request'); };
https.request = https.get = function () { deny('https.request'); };
dgram.createSocket = function () { deny('dgram.createSocket'); };
globalThis.fetch = async function () { deny('fetch'); };
`;

function netHarness(): { shim: string; log: string; attempts: () => string[] } {
  const dir = tmpDir('vigil-net-');
  const shim = path.join(dir, 'deny-net.js');
  const log = path.join(dir, 'attempts.log');
  fs.writeFileSync(shim, NET_SHIM);
  fs.writeFileSync(log, '');
  return { shim, log, attempts: () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const SAMPLE: Record<string, string> = {
  'app.py': 'import hashlib, requests\nh = hashlib.md5(b"x")\nrequests.get(url, verify=False)\n',
  'web.js': 'const q = "SELECT * FROM t WHERE id = " + req.query.id;\ndb.query(q);\n',
  '.env': 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI7K7MDENGbPxRfiCYzEXAMPLEKEY9\n',
};

describe('security: no network access', function () {
  this.timeout(180_000);

  it('the harness detects a connection attempt (so an empty log means something)', () => {
    const h = netHarness();
    const r = spawnSync(process.execPath, ['--require', h.shim, '-e', "require('net').connect(80, '192.0.2.1')"], { env: { ...process.env, VIGIL_NET_LOG: h.log }, encoding: 'utf8' });
    assert.notStrictEqual(r.status, 0);
    assert.deepStrictEqual(h.attempts(), ['net.connect']);
  });

  it('a full CLI scan (text, json, sarif, baseline) makes no connection attempt, in the process or its workers', () => {
    const h = netHarness();
    const dir = tmpDir('vigil-sec-');
    writeFiles(dir, SAMPLE);
    for (const args of [['scan', '.'], ['scan', '.', '--format', 'json'], ['scan', '.', '--format', 'sarif'], ['baseline', '--output', path.join(dir, 'b.json')]]) {
      const r = spawnSync(process.execPath, ['--require', h.shim, CLI, ...args], { cwd: dir, env: { ...process.env, VIGIL_NET_LOG: h.log }, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status} ${r.stderr}`);
    }
    assert.deepStrictEqual(h.attempts(), []);
  });

  it('the CLI scan works with networking removed by the kernel (unshare -rn)', () => {
    const dir = tmpDir('vigil-sec-');
    writeFiles(dir, SAMPLE);
    const r = spawnSync('unshare', ['-rn', process.execPath, CLI, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(r.error, undefined);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.ok((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length >= 2);
  });

  it('the language server serves a session (open, diagnostics, hover, code actions, workspace scan) with no connection attempt', async () => {
    const h = netHarness();
    const dir = tmpDir('vigil-sec-');
    writeFiles(dir, SAMPLE);
    // The client spawns the server with this process's environment: preload the shim through NODE_OPTIONS.
    const saved = { opts: process.env.NODE_OPTIONS, log: process.env.VIGIL_NET_LOG };
    process.env.NODE_OPTIONS = `--require ${h.shim}`;
    process.env.VIGIL_NET_LOG = h.log;
    let started;
    try {
      started = await LspClient.start({ rootDir: dir });
    } finally {
      if (saved.opts === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved.opts;
      if (saved.log === undefined) delete process.env.VIGIL_NET_LOG;
      else process.env.VIGIL_NET_LOG = saved.log;
    }
    const { client } = started;
    try {
      const uri = `file://${path.join(dir, 'app.py')}`;
      const since = client.published.length;
      await client.open(uri, 'python', SAMPLE['app.py']!);
      const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, since);
      await client.request('textDocument/hover', { textDocument: { uri }, position: diagnostics[0]!.range.start });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
      await client.request('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] }, 60_000).catch(() => undefined);
    } finally {
      await client.shutdown();
    }
    assert.deepStrictEqual(h.attempts(), []);
    assert.ok(fs.existsSync(SERVER_JS));
  });
});

describe('security: workspace files cannot reach outside the workspace or run code', function () {
  this.timeout(120_000);

  function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const RULE = (id: string, extra = ''): string => `id: ${id}
title: Outside rule ${id}
severity: error
confidence: high
cwe: [1]
message: "outside rule fired"
docs: "Long enough documentation text for the schema."
patterns:
  - languages: [text]
    regex: 'OUTSIDE_MARKER'
${extra}`;

  it('refuses custom rule folders outside the repository: relative, absolute and through a symlink', () => {
    const outside = tmpDir('vigil-outside-');
    writeFiles(outside, { 'rules/outside-rule.yaml': RULE('outside-rule') });
    const repo = tmpDir('vigil-repo-');
    writeFiles(repo, { 'a.txt': 'OUTSIDE_MARKER\n' });
    fs.symlinkSync(path.join(outside, 'rules'), path.join(repo, 'linked-rules'));
    for (const folder of [path.relative(repo, path.join(outside, 'rules')), path.join(outside, 'rules'), 'linked-rules']) {
      fs.writeFileSync(path.join(repo, '.vigil.yaml'), `rules: [${JSON.stringify(folder)}]\n`);
      const r = cli(repo, 'scan', '.', '--format', 'json');
      assert.strictEqual(r.status, 2, `${folder}: exit ${r.status}\n${r.stdout.slice(0, 300)}`);
      assert.match(r.stderr, /\.vigil\.yaml:1: .*outside the repository/, folder);
      assert.doesNotMatch(r.stdout, /outside-rule/);
    }
  });

  it('a baseline names fingerprints only: paths inside it are never opened', () => {
    const repo = tmpDir('vigil-repo-');
    writeFiles(repo, { 'a.py': 'import hashlib\nh = hashlib.md5(b"x")\n' });
    const outside = tmpDir('vigil-outside-');
    const bait = path.join(outside, 'bait.txt');
    fs.writeFileSync(bait, 'never read\n');
    fs.writeFileSync(
      path.join(repo, '.vigil-baseline.json'),
      JSON.stringify({ version: 1, description: 'x', findings: [{ fingerprint: 'deadbeefdeadbeef', ruleId: 'weak-hash', path: bait }, { fingerprint: 'deadbeefdeadbee0', ruleId: 'weak-hash', path: '../../../etc/shadow' }] }),
    );
    const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat,open', '-o', path.join(outside, 'trace.txt'), process.execPath, CLI, 'scan', '.', '--baseline', '.vigil-baseline.json', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.strictEqual((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length, 1);
    const trace = fs.readFileSync(path.join(outside, 'trace.txt'), 'utf8');
    assert.ok(trace.includes('.vigil-baseline.json'), 'strace saw no open of the baseline (trace broken?)');
    assert.ok(!trace.includes(bait) && !trace.includes('/etc/shadow'), 'a path named in the baseline was opened');
  });

  it('a suppression comment is only ever a rule id list: path-like ids are reported as unknown rules', async () => {
    const engine = Engine.create();
    const text = 'import hashlib\nh = hashlib.md5(b"x")  # vigil-ignore ../../etc/passwd, /etc/shadow\n';
    const r = await engine.analyze({ path: 'a.py', languageId: 'python', text });
    assert.strictEqual(r.findings.filter((f) => f.ruleId === 'weak-hash').length, 1);
    assert.ok(r.notes.some((n) => n.code === 'unknown-rule-in-suppression'), JSON.stringify(r.notes));
  });

  it('helper names in a custom rule resolve only to registered helpers, never to built-in object members', async () => {
    const dir = tmpDir('vigil-helpers-');
    writeFiles(dir, {
      'proto-filter.yaml': RULE('proto-filter', '    where:\n      - helper: constructor\n'),
      'proto-fix.yaml': RULE('proto-fix', '    fixes:\n      - title: "Apply it"\n        applicability: safe\n        helper: toString\n'),
      'proto-producer.yaml': RULE('proto-producer').replace("    regex: 'OUTSIDE_MARKER'\n", '    producer: hasOwnProperty\n'),
    });
    const engine = Engine.create({ customRuleDirs: [dir] });
    const r = await engine.analyze({ path: 'a.txt', languageId: 'plaintext', text: 'OUTSIDE_MARKER\n' });
    const fired = r.findings.filter((f) => f.ruleId.startsWith('proto-'));
    // None may fire: an unknown helper is a rule error, whatever Object.prototype happens to have under that name.
    assert.deepStrictEqual(fired.map((f) => f.ruleId).sort(), []);
    // The loader refuses an unknown helper now (helperCheck.ts), so the errors are load errors; a rule that got
    // past it would report them as rule-error notes at match time.
    const errors = [...engine.loadErrors.map((e) => e.message), ...r.notes.filter((n) => n.code === 'rule-error').map((n) => n.message)].join('\n');
    assert.match(errors, /unknown filter helper 'constructor'/);
    assert.match(errors, /unknown fix helper 'toString'/);
    assert.match(errors, /unknown producer helper 'hasOwnProperty'/);
  });
});
