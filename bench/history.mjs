#!/usr/bin/env node
// `npm run bench:history`: `vigil scan --history` on a generated repository (default 5,000 commits, built in one
// `git fast-import` stream) with planted secrets: some removed later, some copied into other files later, some
// still present. Prints the time, the scanner's peak memory, and whether every planted secret is reported exactly
// once, at the commit that first added it. Flags: --commits N, --secrets N, --keep (leave the repository).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { rng } from './secretTokens.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: a } = parseArgs({ options: { commits: { type: 'string' }, secrets: { type: 'string' }, keep: { type: 'boolean' } } });
const COMMITS = Number(a.commits ?? 5000);
const SECRETS = Number(a.secrets ?? 60);
const cli = path.join(root, 'server/out/cli.js');
if (!fs.existsSync(cli)) {
  console.error('bench:history needs the build: run `npm run build` first');
  process.exit(2);
}
const { crc32Base62 } = require(path.join(root, 'server/lib/checks/hardcoded-secret/checksum.js'));

const rand = rng(5000);
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (n) => Array.from({ length: n }, () => alnum[Math.floor(rand() * alnum.length)]).join('');

/** A planted secret: a checksummed GitHub token, an AWS key id, or a generic password under a secret-like name. */
function plant(i) {
  const kind = i % 3;
  if (kind === 0) {
    const r = pick(30);
    return { line: `GITHUB_TOKEN=ghp_${r}${crc32Base62(r)}`, value: `ghp_${r}${crc32Base62(r)}` };
  }
  if (kind === 1) {
    const v = `AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(rand() * 32)]).join('')}`;
    return { line: `AWS_ACCESS_KEY_ID=${v}`, value: v };
  }
  const v = `Pw${pick(6)}-${pick(6)}-${pick(4)}!`;
  return { line: `DB_PASSWORD=${v}`, value: v };
}

// Which commit plants which secret, and what happens to it later (removed, copied elsewhere, or kept).
const plan = Array.from({ length: SECRETS }, (_, i) => {
  const at = 1 + Math.floor(((i + 0.5) * (COMMITS - 2)) / SECRETS);
  const fate = ['keep', 'remove', 'copy'][i % 3];
  const later = Math.min(COMMITS, at + 1 + Math.floor(rand() * Math.max(1, (COMMITS - at) / 2)));
  return { i, at, fate, later, ...plant(i) };
});
const byCommit = new Map();
for (const p of plan) {
  (byCommit.get(p.at) ?? byCommit.set(p.at, []).get(p.at)).push({ op: 'plant', p });
  if (p.fate !== 'keep') (byCommit.get(p.later) ?? byCommit.set(p.later, []).get(p.later)).push({ op: p.fate, p });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-history-'));
spawnSync('git', ['init', '-q', dir]);
const files = new Map(); // path -> lines
const chunks = [];
const t0 = performance.now();
let mark = 0;
for (let c = 1; c <= COMMITS; c++) {
  // Ordinary churn: one of 200 source files gains a line each commit.
  const src = `src/module${c % 200}.py`;
  files.set(src, [...(files.get(src) ?? []), `value_${c} = compute(${c})  # step ${c}`]);
  const touched = new Set([src]);
  for (const e of byCommit.get(c) ?? []) {
    const cfg = `config/service${e.p.i}.env`;
    if (e.op === 'plant') files.set(cfg, ['SERVICE_NAME=svc', e.p.line]);
    if (e.op === 'remove') files.set(cfg, ['SERVICE_NAME=svc']);
    if (e.op === 'copy') {
      const copy = `deploy/copy${e.p.i}.env`;
      files.set(copy, ['# copied', e.p.line]);
      touched.add(copy);
    }
    touched.add(cfg);
  }
  mark++;
  const date = 1_600_000_000 + c * 60;
  chunks.push(`commit refs/heads/main\nmark :${mark}\nauthor Bench <bench@vigil.invalid> ${date} +0000\ncommitter Bench <bench@vigil.invalid> ${date} +0000\ndata 9\ncommit ${String(c % 100).padStart(2, '0')}\n`);
  if (c > 1) chunks.push(`from :${mark - 1}\n`);
  for (const p of touched) {
    const body = `${files.get(p).join('\n')}\n`;
    chunks.push(`M 100644 inline ${p}\ndata ${Buffer.byteLength(body)}\n${body}\n`);
  }
}
const fi = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 30 });
if (fi.status !== 0) throw new Error(`fast-import: ${fi.stderr}`);
spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
const shas = spawnSync('git', ['rev-list', '--reverse', 'main'], { cwd: dir, encoding: 'utf8' }).stdout.trim().split('\n');
const genMs = performance.now() - t0;

const t1 = performance.now();
const run = spawnSync('/usr/bin/time', ['-f', 'VIGIL_MAXRSS_KB=%M', process.execPath, cli, 'scan', '--history', '--format', 'json', '--fail-on', 'none'], {
  cwd: dir,
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
const scanMs = performance.now() - t1;
if (run.status !== 0) throw new Error(`vigil failed: ${run.stderr}`);
const rssKb = Number(/VIGIL_MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
const out = JSON.parse(run.stdout);

let exactlyOnce = 0;
const problems = [];
for (const p of plan) {
  const path0 = `config/service${p.i}.env`;
  const hits = out.findings.filter((f) => f.path === path0 || f.path === `deploy/copy${p.i}.env`);
  const ok = hits.length === 1 && hits[0].path === path0 && hits[0].commit === shas[p.at - 1] && hits[0].line === 2 && hits[0].inWorkingTree === (p.fate !== 'remove');
  if (ok) exactlyOnce++;
  else problems.push(`secret ${p.i} (${p.fate}, commit ${p.at}): ${hits.length} reports`);
}
const leaked = plan.filter((p) => run.stdout.includes(p.value)).length;
const extra = out.findings.length - plan.length;

console.log(`vigil scan --history on ${COMMITS} commits (${out.history.filesScanned} file changes), ${SECRETS} planted secrets`);
console.log(`  repository generated in     ${(genMs / 1000).toFixed(1)} s (${dir})`);
console.log(`  scan time                   ${(scanMs / 1000).toFixed(1)} s`);
console.log(`  peak memory (vigil, RSS)    ${(rssKb / 1024).toFixed(0)} MB`);
console.log(`  planted secrets found once  ${exactlyOnce} / ${SECRETS} (at the first commit, line and working-tree state)`);
console.log(`  other findings              ${extra}`);
console.log(`  raw values in the output    ${leaked}`);
for (const p of problems.slice(0, 10)) console.log(`  ! ${p}`);
if (!a.keep) fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = exactlyOnce === SECRETS && extra === 0 && leaked === 0 ? 0 : 1;
