// The release comparison: the previous release, built from git next to this checkout, measured side by side with
// this build in one run, so a regression shows as a ratio between rows taken under the same load. Keystroke p95 at
// 1,000 and 10,000 lines per language and scan MB/s on the 25 % corpus; the runs of the two builds alternate and
// their samples are pooled, so a burst of load elsewhere on the machine lands on both.
// The release is bench/release.json's `ref` unless `--against REF` names another commit.
import * as fs from 'fs';
import * as path from 'path';
import { editorRoot, startVigil, typingRun } from './editor.mjs';
import { REPO, WORK, log, sh, summarize } from './lib.mjs';
import { vigil as vigilScan } from './scan.mjs';

/** The regression budget of the performance targets: within 10 % of the release. */
export const BUDGET = 0.1;

export function releaseRef() {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'bench', 'release.json'), 'utf8')).ref;
}

/**
 * Builds `ref` in .bench/release/<sha> (git archive, so the repository's worktrees and index are untouched) and
 * returns the paths of its server.js and cli.js. node_modules is shared when the lock file is the same, else
 * installed with npm ci. A finished build is reused.
 */
export function prepareRelease(ref) {
  const rev = sh(`git rev-parse --verify ${JSON.stringify(`${ref}^{commit}`)}`, { cwd: REPO });
  if (rev.code !== 0) throw new Error(`release ${ref}: not a commit here (${rev.stderr.trim()}); a shallow clone needs git fetch --unshallow`);
  const sha = rev.stdout.trim();
  const dir = path.join(WORK, 'release', sha.slice(0, 12));
  const server = path.join(dir, 'server', 'out', 'server.js');
  const cli = path.join(dir, 'server', 'out', 'cli.js');
  if (fs.existsSync(path.join(dir, '.built'))) return { sha, dir, server, cli };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`release: extracting ${sha.slice(0, 12)} into ${path.relative(REPO, dir)}`);
  const x = sh(`git archive ${sha} | tar -x -C ${JSON.stringify(dir)}`, { cwd: REPO });
  if (x.code !== 0) throw new Error(`release ${ref}: git archive failed: ${x.stderr.trim()}`);
  const sameLock = sh(`git diff --quiet ${sha} HEAD -- package-lock.json`, { cwd: REPO }).code === 0;
  if (sameLock && fs.existsSync(path.join(REPO, 'node_modules'))) {
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } else {
    log('release: its package-lock.json differs; npm ci');
    const i = sh('npm ci --no-audit --no-fund --silent', { cwd: dir });
    if (i.code !== 0) throw new Error(`release ${ref}: npm ci failed: ${i.stderr.trim().split('\n').slice(-3).join(' ')}`);
  }
  log('release: npm run build');
  const b = sh('npm run build --silent', { cwd: dir });
  if (b.code !== 0 || !fs.existsSync(server) || !fs.existsSync(cli)) throw new Error(`release ${ref}: build failed: ${b.stderr.trim().split('\n').slice(-3).join(' ')}`);
  fs.writeFileSync(path.join(dir, '.built'), `${sha}\n`);
  return { sha, dir, server, cli };
}

/**
 * opts: { ref, languages, lines, keystrokes, rounds, budgetMs, scanDir, scanRounds, timeoutMs }.
 * Returns { ref, sha, typing: [{ language, lines, release, current, ratio }], scan: { release, current, ratio } }.
 */
export async function releaseBench(opts) {
  const rel = prepareRelease(opts.ref);
  const root = editorRoot();
  const builds = [
    { name: 'release', server: rel.server, cli: rel.cli },
    { name: 'current', server: path.join(REPO, 'server', 'out', 'server.js'), cli: path.join(REPO, 'server', 'out', 'cli.js') },
  ];
  const typing = [];
  const clients = {};
  for (const b of builds) clients[b.name] = await startVigil(root, { server: b.server });
  try {
    for (const language of opts.languages) {
      for (const lines of opts.lines) {
        const pooled = { release: [], current: [] };
        for (let round = 0; round < opts.rounds; round++) {
          // Alternate which build goes first, so neither always meets a warm or a cold cache.
          const order = round % 2 === 0 ? builds : [...builds].reverse();
          for (const b of order) {
            log(`release comparison: ${b.name} ${language} ${lines} lines, round ${round + 1}/${opts.rounds}`);
            const r = await typingRun(clients[b.name], root, language, lines, { keystrokes: opts.keystrokes, budgetMs: opts.budgetMs, codeActions: 0, keepSamples: true });
            pooled[b.name].push(...r.samples);
          }
        }
        const release = summarize(pooled.release);
        const current = summarize(pooled.current);
        typing.push({ language, lines, release, current, ratio: current.p95 / release.p95 });
      }
    }
  } finally {
    for (const c of Object.values(clients)) await c.shutdown();
  }
  let scan;
  if (opts.scanDir) {
    const runs = { release: [], current: [] };
    for (let round = 0; round < opts.scanRounds; round++) {
      const order = round % 2 === 0 ? builds : [...builds].reverse();
      for (const b of order) {
        log(`release comparison: ${b.name} scan, round ${round + 1}/${opts.scanRounds}`);
        const r = await vigilScan(opts.scanDir, 2, `release-${b.name}`, opts.timeoutMs, b.cli);
        if (r.unavailable) throw new Error(`release comparison: ${b.name} scan: ${r.unavailable}`);
        runs[b.name].push(r);
      }
    }
    // The median run of each build: one slow round (a page-cache miss, a busy neighbour) does not decide it.
    const median = (rs) => [...rs].sort((x, y) => x.mbPerS - y.mbPerS)[Math.floor(rs.length / 2)];
    const release = median(runs.release);
    const current = median(runs.current);
    scan = { input: path.relative(REPO, opts.scanDir), bytes: current.bytes, release: { mbPerS: release.mbPerS, wallMs: release.wallMs, findings: release.findings }, current: { mbPerS: current.mbPerS, wallMs: current.wallMs, findings: current.findings }, ratio: current.mbPerS / release.mbPerS };
  }
  return { ref: opts.ref, sha: rel.sha, rounds: opts.rounds, typing, scan };
}

/** The comparison's table and its targets (keystroke p95 and MB/s within BUDGET of the release). */
export function releaseReport(r, fmt) {
  const lines = [`== Against the release ${r.sha.slice(0, 12)} (${r.ref}): the same keystrokes and corpus, runs interleaved, ${r.rounds} rounds pooled ==`];
  const targets = [];
  const rows = [['what', 'language', 'lines', 'release p95', 'current p95', 'release p50', 'current p50', 'ratio p95', 'verdict']];
  for (const t of r.typing) {
    const pass = t.current.p95 <= t.release.p95 * (1 + BUDGET);
    rows.push(['keystroke (ms)', t.language, String(t.lines), fmt(t.release.p95), fmt(t.current.p95), fmt(t.release.p50), fmt(t.current.p50), fmt(t.ratio, 2), pass ? 'PASS' : 'MISS']);
    targets.push({ name: `keystroke p95 vs release, ${t.language} ${t.lines} lines`, goal: `<= ${fmt(t.release.p95 * (1 + BUDGET))} ms (release ${fmt(t.release.p95)} + 10 %)`, measured: `${fmt(t.current.p95)} ms`, status: pass ? 'PASS' : 'MISS', note: '' });
  }
  if (r.scan) {
    const pass = r.scan.current.mbPerS >= r.scan.release.mbPerS * (1 - BUDGET);
    rows.push(['scan (MB/s)', 'all', r.scan.input, fmt(r.scan.release.mbPerS), fmt(r.scan.current.mbPerS), '', '', fmt(r.scan.ratio, 2), pass ? 'PASS' : 'MISS']);
    targets.push({ name: 'scan MB/s vs release', goal: `>= ${fmt(r.scan.release.mbPerS * (1 - BUDGET))} MB/s (release ${fmt(r.scan.release.mbPerS)} - 10 %)`, measured: `${fmt(r.scan.current.mbPerS)} MB/s`, status: pass ? 'PASS' : 'MISS', note: `findings: release ${r.scan.release.findings}, current ${r.scan.current.findings}` });
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line));
  return { text: lines.join('\n'), targets };
}
