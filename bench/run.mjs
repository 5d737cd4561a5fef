#!/usr/bin/env node
// `npm run bench`: editor latency (real servers over stdio) and scan throughput (real corpus) for Vigil and
// its peers in one run; prints the tables and the targets of the performance issue, writes .bench/results.json.
// Flags: --quick, --only editor|scan, --no-peers, --no-build, --offline, --profile, --keystrokes N,
// --lines 1000,10000,50000, --sizes p25,p50,p100, --peer-size p25, --ws-files N, --json FILE,
// --against REF (the release to compare with; bench/release.json by default), --no-release.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { ensureCorpus } from './corpus.mjs';
import { coldStart, editorRoot, eslintRoot, startEslint, startVigil, typingRun } from './editor.mjs';
import { REPO, WORK, fmt, log, sh, timed, vmHwmMb, vmRssMb } from './lib.mjs';
import { ensurePeers } from './peers.mjs';
import { summarizeProfile } from './profile-summary.mjs';
import { releaseBench, releaseRef, releaseReport } from './release.mjs';
import { report } from './report.mjs';
import { scanBench } from './scan.mjs';
import { semanticBench, semanticReport } from './semantic.mjs';
import { ensureWorkspace } from './workspace.mjs';

const { values: a } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    'no-peers': { type: 'boolean' },
    'no-build': { type: 'boolean' },
    offline: { type: 'boolean' },
    profile: { type: 'boolean' },
    keystrokes: { type: 'string' },
    lines: { type: 'string' },
    sizes: { type: 'string' },
    'peer-size': { type: 'string' },
    'ws-files': { type: 'string' },
    json: { type: 'string' },
    against: { type: 'string' },
    'no-release': { type: 'boolean' },
  },
});
const quick = a.quick === true;
const opts = {
  editor: a.only === undefined || a.only === 'editor',
  scan: a.only === undefined || a.only === 'scan',
  semantic: a.only === undefined || a.only === 'semantic',
  release: (a.only === undefined || a.only === 'release') && a['no-release'] !== true,
  peers: a['no-peers'] !== true,
  keystrokes: Number(a.keystrokes ?? (quick ? 30 : 200)),
  lines: (a.lines ?? (quick ? '1000,10000' : '1000,10000,50000')).split(',').map(Number),
  languages: ['python', 'javascript', 'java'],
  // Wall-clock cap per file for the keystroke loop: a slow build must not turn the bench into an hour.
  typingBudgetMs: quick ? 10_000 : 30_000,
  coldRepeats: quick ? 1 : 3,
  codeActions: quick ? 5 : 20,
  sizes: (a.sizes ?? (quick ? 'p25' : 'p25,p50,p100')).split(','),
  peerSize: a['peer-size'] ?? 'p25',
  wsFiles: Number(a['ws-files'] ?? (quick ? 10_000 : 100_000)),
  wsBudgetMs: quick ? 30_000 : 120_000,
  scanTimeoutMs: quick ? 120_000 : 400_000,
};

const started = performance.now();
const environment = { cpus: os.cpus().length, node: process.version, loadStart: os.loadavg(), notes: [] };
const note = (n) => {
  environment.notes.push(n);
  log(`note: ${n}`);
};

function build() {
  if (a['no-build']) return;
  log('npm run build');
  const r = sh('npm run build --silent', { cwd: REPO });
  if (r.code !== 0) {
    const have = fs.existsSync(path.join(REPO, 'server', 'out', 'server.js')) && fs.existsSync(path.join(REPO, 'server', 'out', 'cli.js'));
    if (!have) throw new Error(`npm run build failed and there is no previous build:\n${r.stderr.slice(-2000)}`);
    note('npm run build failed; measured the previous build in server/out');
  }
}

async function editorPhase(peerStatus) {
  const typing = [];
  const cold = [];
  const memory = [];
  const root = editorRoot();
  log('editor: cold starts');
  cold.push({ tool: 'vigil', ...(await coldStart((r) => startVigil(r), root, 'python', opts.coldRepeats)) });
  if (opts.peers && peerStatus['vscode-langservers-extracted'] === 'ok' && peerStatus.eslint === 'ok') {
    try {
      cold.push({ tool: 'eslint-ls + security', ...(await coldStart((r) => startEslint(r), eslintRoot(), 'javascript', opts.coldRepeats)) });
    } catch (e) {
      cold.push({ tool: 'eslint-ls + security', language: 'javascript', unavailable: String(e.message ?? e).slice(0, 120) });
    }
  }

  // One long-lived Vigil server, as in an editor session: edits in every file, then a workspace scan.
  const ws = ensureWorkspace(opts.wsFiles);
  const vigil = await startVigil(ws);
  for (const language of opts.languages) {
    for (const lines of opts.lines) {
      log(`editor: vigil (push) ${language} ${lines} lines`);
      typing.push(await typingRun(vigil, ws, language, lines, { keystrokes: opts.keystrokes, budgetMs: opts.typingBudgetMs, codeActions: opts.codeActions }));
    }
  }
  // The same files typed inside a function body, where only that function is re-analysed (see incremental.ts).
  for (const language of opts.languages) {
    for (const lines of opts.lines) {
      log(`editor: vigil (push) ${language} ${lines} lines, typing in a function`);
      typing.push(await typingRun(vigil, ws, language, lines, { keystrokes: opts.keystrokes, budgetMs: opts.typingBudgetMs, codeActions: 0, where: 'function' }));
    }
  }
  memory.push({ tool: 'vigil', phase: 'after editing', rssMb: vmRssMb(vigil.pid), hwmMb: vmHwmMb(vigil.pid) });
  memory.push(await workspaceScan(vigil, 'vigil', 'after workspace scan'));
  await vigil.shutdown();
  // The same scan in a server that edited nothing before: what the scan alone leaves behind, apart from the
  // tree-sitter memory that the 50,000-line files grew in the long-lived server above.
  const fresh = await startVigil(ws);
  memory.push(await workspaceScan(fresh, 'vigil (fresh)', 'after workspace scan only'));
  await fresh.shutdown();

  const jsLines = opts.lines;
  const pull = await startVigil(root, { pull: true });
  for (const lines of jsLines) {
    log(`editor: vigil (pull) javascript ${lines} lines`);
    typing.push(await typingRun(pull, root, 'javascript', lines, { keystrokes: opts.keystrokes, budgetMs: opts.typingBudgetMs, codeActions: opts.codeActions }));
  }
  memory.push({ tool: 'vigil (pull)', phase: 'after editing JS', rssMb: vmRssMb(pull.pid), hwmMb: vmHwmMb(pull.pid) });
  await pull.shutdown();

  if (opts.peers) {
    if (peerStatus['vscode-langservers-extracted'] !== 'ok' || peerStatus.eslint !== 'ok') {
      for (const lines of jsLines) typing.push({ tool: 'eslint-ls + security', language: 'javascript', lines, unavailable: 'ESLint language server not installed' });
    } else {
      const er = eslintRoot();
      const eslint = await startEslint(er);
      for (const lines of jsLines) {
        log(`editor: eslint-ls javascript ${lines} lines`);
        try {
          typing.push(await typingRun(eslint, er, 'javascript', lines, { keystrokes: opts.keystrokes, budgetMs: opts.typingBudgetMs, codeActions: opts.codeActions }));
        } catch (e) {
          typing.push({ tool: 'eslint-ls + security', language: 'javascript', lines, unavailable: String(e.message ?? e).slice(0, 120) });
        }
      }
      memory.push({ tool: 'eslint-ls + security', phase: 'after editing JS', rssMb: vmRssMb(eslint.pid), hwmMb: vmHwmMb(eslint.pid) });
      await eslint.shutdown();
    }
  }
  return { typing, cold, memory };
}

/** CPU profiles of the hot paths, summarised: the server while typing in a 10,000-line file, the CLI on the Python subset. */
async function profilePhase(manifest) {
  const dir = path.join(WORK, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const out = {};
  const serverDir = path.join(dir, 'server');
  const v = await startVigil(editorRoot(), { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${serverDir}`] });
  await typingRun(v, editorRoot(), 'python', 10000, { keystrokes: 40, budgetMs: 30_000, codeActions: 0 });
  await v.shutdown();
  const sp = fs.existsSync(serverDir) ? fs.readdirSync(serverDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  out.server = sp.map((f) => ({ file: path.relative(REPO, path.join(serverDir, f)), ...summarizeProfile(path.join(serverDir, f), 15) }));
  if (manifest) {
    const cliDir = path.join(dir, 'cli');
    const target = path.join(manifest.dirs[opts.peerSize], 'python');
    await timed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${cliDir}`, path.join(REPO, 'server', 'out', 'cli.js'), 'scan', '.', '--format', 'json', '--fail-on', 'none', '--jobs', '1', '--output', path.join(WORK, 'profile-scan.json')], { cwd: target });
    const cp = fs.existsSync(cliDir) ? fs.readdirSync(cliDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    out.cli = cp.map((f) => ({ file: path.relative(REPO, path.join(cliDir, f)), ...summarizeProfile(path.join(cliDir, f), 15) }));
  }
  return out;
}

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  build();
  const peerStatus = opts.peers ? ensurePeers({ offline: a.offline === true }) : {};
  for (const [k, v] of Object.entries(peerStatus)) if (v !== 'ok') note(`peer ${k}: ${v}`);
  const results = { startedAt: new Date().toISOString(), options: opts, environment, peers: peerStatus };
  let manifest;
  if (opts.scan || a.profile || opts.release) {
    try {
      manifest = ensureCorpus({ offline: a.offline === true });
      results.corpus = manifest.sizes;
    } catch (e) {
      note(`corpus unavailable: ${e.message}`);
    }
  }
  if (opts.editor) results.editor = await editorPhase(peerStatus);
  if (opts.scan && manifest) results.scan = await scanBench(manifest, { sizes: opts.sizes, peerSize: opts.peerSize, peers: opts.peers, timeoutMs: opts.scanTimeoutMs });
  if (opts.semantic) results.semantic = await semanticBench({ lines: quick ? 2000 : 5000 });
  if (opts.release) {
    try {
      results.release = await releaseBench({
        ref: a.against ?? releaseRef(), languages: opts.languages, lines: [1000, 10000],
        keystrokes: quick ? 30 : 100, rounds: quick ? 2 : 4, budgetMs: opts.typingBudgetMs,
        scanDir: manifest?.dirs.p25, scanRounds: quick ? 2 : 3, timeoutMs: opts.scanTimeoutMs,
      });
    } catch (e) {
      note(`release comparison unavailable: ${e.message}`);
    }
  }
  if (a.profile) results.profiles = await profilePhase(manifest);
  environment.loadEnd = os.loadavg();
  if (environment.loadStart[0] > environment.cpus) note(`the machine was busy (load ${environment.loadStart[0].toFixed(1)} on ${environment.cpus} cores): absolute numbers are pessimistic, same-run ratios less so`);
  results.totalSeconds = (performance.now() - started) / 1000;
  const { text, targets } = report(results);
  const rel = results.release ? releaseReport(results.release, fmt) : undefined;
  results.targets = [...targets, ...(rel?.targets ?? [])];
  const jsonFile = a.json ? path.resolve(a.json) : path.join(WORK, 'results.json');
  fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${text}\n`);
  if (results.semantic) process.stdout.write(`\n${semanticReport(results.semantic)}\n`);
  if (rel) process.stdout.write(`\n${rel.text}\n`);
  if (results.profiles) {
    for (const [k, list] of Object.entries(results.profiles)) {
      for (const p of list) {
        if (p.inclusive.length === 0) continue;
        process.stdout.write(`\n== Profile (${k}), inclusive time in bundled code, of ${p.totalMs} ms sampled: ${p.file} ==\n`);
        for (const r of p.inclusive.slice(0, 12)) process.stdout.write(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}\n`);
      }
    }
  }
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), jsonFile)}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
  process.exit(1);
});

/** `vigil.scanWorkspace` in a running server, then its resident memory once the collector has settled. */
async function workspaceScan(server, tool, phase) {
  log(`editor: ${tool} workspace scan of ${opts.wsFiles} files (budget ${opts.wsBudgetMs / 1000} s)`);
  const t = performance.now();
  let summary;
  try {
    ({ result: summary } = await server.request('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] }, opts.wsBudgetMs + 60_000, opts.wsBudgetMs));
  } catch (e) {
    summary = { error: String(e.message ?? e) };
  }
  const scanMs = performance.now() - t;
  // Let the collector settle the way an idle editor would before reading the resident size.
  await new Promise((r) => setTimeout(r, 2000));
  const complete = summary && !summary.cancelled && !summary.error;
  return {
    tool, phase, files: opts.wsFiles, complete, rssMb: vmRssMb(server.pid), hwmMb: vmHwmMb(server.pid),
    note: complete ? `${summary.files} files in ${(scanMs / 1000).toFixed(1)} s` : `cancelled after ${(scanMs / 1000).toFixed(1)} s (${summary?.files ?? '?'} files done)${summary?.error ? `: ${summary.error}` : ''}`,
  };
}
