// Scan throughput over the real corpus: vigil scan at 25/50/100 % with --jobs 2 and at 25 % with --jobs 1,
// the floor (cat, ripgrep with Vigil's own secret regexes) and the peers on their language subsets, each
// next to a vigil run over exactly the same folder so the ratios compare like with like.
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import YAML from 'yaml';
import { REPO, WORK, has, listFiles, log, timed } from './lib.mjs';
import { peerPaths } from './peers.mjs';

const CLI = path.join(REPO, 'server', 'out', 'cli.js');

function folderStats(dir) {
  const files = listFiles(dir);
  return { files: files.length, bytes: files.reduce((a, f) => a + f.size, 0) };
}

function rate(stats, wallMs) {
  const s = wallMs / 1000;
  return { mbPerS: stats.bytes / 1048576 / s, filesPerS: stats.files / s };
}

function unavailable(name, reason) {
  return { tool: name, unavailable: reason };
}

/** Vigil's secret regexes from rules/hardcoded-secret.yaml, as PCRE2 patterns for `rg -P`. */
export function secretRegexes() {
  const file = path.join(REPO, 'rules', 'hardcoded-secret.yaml');
  if (!fs.existsSync(file)) return { patterns: [], note: 'rules/hardcoded-secret.yaml not found' };
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const patterns = [];
  for (const p of doc?.patterns ?? []) {
    if (typeof p.regex !== 'string') continue;
    // JS flags to inline PCRE2 flags; `u` needs nothing (rg -P is UTF-8 aware).
    const inline = (p.flags ?? '').replace(/[^ims]/g, '');
    // Capture names repeat across patterns, which one PCRE2 program rejects; rg only needs the match.
    const body = p.regex.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:');
    patterns.push(inline ? `(?${inline})${body}` : body);
  }
  // The provider formats are a table in the rule file (`formats:`); the engine expands each row into one regex.
  if (Array.isArray(doc?.formats)) {
    const { formatRegex } = createRequire(import.meta.url)(path.join(REPO, 'server/lib/engine/rules/secretFormats.js'));
    for (const f of doc.formats) patterns.push(formatRegex(f).replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:'));
  }
  return { patterns, note: `${patterns.length} regexes from rules/hardcoded-secret.yaml` };
}

/** `cli`: another build's cli.js (the release comparison scans with the previous release too). */
export async function vigil(dir, jobs, label, timeoutMs, cli = CLI) {
  const out = path.join(WORK, `vigil-${label.replace(/[^\w.-]/g, '_')}-j${jobs}.json`);
  const r = await timed(process.execPath, [cli, 'scan', '.', '--format', 'json', '--fail-on', 'none', '--jobs', String(jobs), '--output', out], { cwd: dir, timeoutMs });
  const stats = folderStats(dir);
  if (r.timedOut) return { tool: `vigil --jobs ${jobs}`, input: label, ...stats, unavailable: `timed out after ${timeoutMs / 1000} s` };
  if (r.code !== 0 || !fs.existsSync(out)) return { tool: `vigil --jobs ${jobs}`, input: label, ...stats, unavailable: `exit ${r.code}: ${r.stderr.trim().split('\n').pop()}` };
  const j = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  const s = j.summary ?? {};
  return {
    tool: `vigil --jobs ${jobs}`, input: label, ...stats, wallMs: r.wallMs, rssMb: r.rssMb, ...rate(stats, r.wallMs),
    filesScanned: s.filesScanned, skipped: s.skipped, findings: (s.findings?.error ?? 0) + (s.findings?.warning ?? 0) + (s.findings?.info ?? 0),
    engineMs: s.elapsedMs,
  };
}

async function catFloor(dir, label) {
  const stats = folderStats(dir);
  // Twice: the first read may come from disk; the second is the page-cache floor every other row also gets.
  await timed('sh', ['-c', 'find . -type f -print0 | xargs -0 cat > /dev/null'], { cwd: dir });
  const r = await timed('sh', ['-c', 'find . -type f -print0 | xargs -0 cat > /dev/null'], { cwd: dir });
  return { tool: 'cat (floor)', input: label, ...stats, wallMs: r.wallMs, rssMb: r.rssMb, ...rate(stats, r.wallMs) };
}

async function ripgrep(dir, label, jobs, timeoutMs) {
  const stats = folderStats(dir);
  if (!has('rg')) return { ...unavailable(`rg -P secrets -j${jobs}`, 'ripgrep not installed'), input: label };
  const { patterns, note } = secretRegexes();
  if (patterns.length === 0) return { ...unavailable(`rg -P secrets -j${jobs}`, note), input: label };
  const args = ['-P', '--no-ignore', '--hidden', '--no-messages', '-c', '-j', String(jobs), ...patterns.flatMap((p) => ['-e', p]), '.'];
  const r = await timed('rg', args, { cwd: dir, timeoutMs, stdout: 'all' });
  // Exit 1 means "no match", which is a successful search.
  if (r.code !== 0 && r.code !== 1) return { ...unavailable(`rg -P secrets -j${jobs}`, `exit ${r.code}: ${r.stderr.trim().split('\n').pop()}`), input: label };
  const matches = r.stdout.split('\n').filter(Boolean).reduce((a, l) => a + Number(l.split(':').pop() || 0), 0);
  return { tool: `rg -P secrets -j${jobs}`, input: label, ...stats, wallMs: r.wallMs, rssMb: r.rssMb, ...rate(stats, r.wallMs), findings: matches, note };
}

async function secretlint(dir, label, timeoutMs) {
  const p = peerPaths();
  const stats = folderStats(dir);
  if (!fs.existsSync(p.secretlint)) return { ...unavailable('secretlint', 'not installed (see bench/peers.mjs)'), input: label };
  const r = await timed(p.secretlint, ['--secretlintrc', p.secretlintConfig, '--format', 'json', '--maskSecrets', '**/*'], { cwd: dir, timeoutMs });
  if (r.timedOut) return { tool: 'secretlint', input: label, ...stats, unavailable: `timed out after ${timeoutMs / 1000} s`, lowerBoundMs: timeoutMs };
  if (r.code !== 0 && r.code !== 1) return { ...unavailable('secretlint', `exit ${r.code}: ${r.stderr.trim().split('\n').pop()}`), input: label };
  return { tool: 'secretlint (recommend)', input: label, ...stats, wallMs: r.wallMs, rssMb: r.rssMb, ...rate(stats, r.wallMs) };
}

async function bandit(dir, label, timeoutMs) {
  const stats = folderStats(dir);
  if (!has('bandit')) return { ...unavailable('bandit', 'not installed (Debian python3-bandit)'), input: label };
  const r = await timed('bandit', ['-r', '.', '-q', '-f', 'json', '-o', '/dev/null'], { cwd: dir, timeoutMs });
  if (r.timedOut) return { tool: 'bandit', input: label, ...stats, unavailable: `timed out after ${timeoutMs / 1000} s`, lowerBoundMs: timeoutMs };
  if (r.code !== 0 && r.code !== 1) return { ...unavailable('bandit', `exit ${r.code}: ${r.stderr.trim().split('\n').pop()}`), input: label };
  return { tool: 'bandit', input: label, ...stats, wallMs: r.wallMs, rssMb: r.rssMb, ...rate(stats, r.wallMs) };
}

async function eslint(dir, label, timeoutMs) {
  const p = peerPaths();
  const stats = folderStats(dir);
  if (!fs.existsSync(p.eslint)) return { ...unavailable('eslint + security', 'not installed (see bench/peers.mjs)'), input: label };
  const r = await timed(p.eslint, ['-c', p.eslintConfig, '--no-warn-ignored', '-f', 'json', '-o', '/dev/null', '.'], { cwd: dir, timeoutMs });
  if (r.timedOut) return { tool: 'eslint + security', input: label, ...stats, unavailable: `timed out after ${timeoutMs / 1000} s`, lowerBoundMs: timeoutMs };
  if (r.code !== 0 && r.code !== 1) return { ...unavailable('eslint + security', `exit ${r.code}: ${r.stderr.trim().split('\n').pop()}`), input: label };
  return { tool: 'eslint + security', input: label, ...stats, wallMs: r.wallMs, rssMb: r.rssMb, ...rate(stats, r.wallMs) };
}

/**
 * manifest: from corpus.mjs. opts: { sizes: ['p25','p50','p100'], peerSize: 'p25', peers: boolean, timeoutMs }.
 * Returns { rows, pairs } where pairs name the vigil/peer rows each ratio compares.
 */
export async function scanBench(manifest, opts) {
  const rows = [];
  const push = (r) => {
    rows.push(r);
    log(`scan: ${r.tool} on ${r.input}: ${r.unavailable ?? `${(r.wallMs / 1000).toFixed(2)} s, ${r.mbPerS.toFixed(1)} MB/s, ${r.rssMb?.toFixed(0)} MB RSS`}`);
  };
  const largest = opts.sizes[opts.sizes.length - 1];
  const dirOf = (size) => manifest.dirs[size];
  push(await catFloor(dirOf(largest), largest));
  push(await ripgrep(dirOf(largest), largest, 2, opts.timeoutMs));
  push(await ripgrep(dirOf(largest), largest, 1, opts.timeoutMs));
  for (const size of opts.sizes) push(await vigil(dirOf(size), 2, size, opts.timeoutMs));
  // --jobs 1 on the smallest size: next to the --jobs 2 row of the same input it shows the worker speed-up,
  // without doubling the longest run of the bench.
  push(await vigil(dirOf(opts.sizes[0]), 1, opts.sizes[0], opts.timeoutMs));
  const pairs = [];
  if (opts.peers) {
    const base = dirOf(opts.peerSize);
    const sub = (lang) => path.join(base, lang);
    const vAll = opts.sizes.includes(opts.peerSize) ? rows.find((r) => r.tool === 'vigil --jobs 2' && r.input === opts.peerSize) : undefined;
    const vAllRow = vAll ?? (await vigil(base, 2, opts.peerSize, opts.timeoutMs));
    if (!vAll) push(vAllRow);
    const sl = await secretlint(base, opts.peerSize, opts.timeoutMs);
    push(sl);
    pairs.push({ what: 'secrets, whole corpus', vigil: vAllRow, peer: sl });
    if (fs.existsSync(sub('python'))) {
      const v = await vigil(sub('python'), 2, `${opts.peerSize}/python`, opts.timeoutMs);
      push(v);
      const b = await bandit(sub('python'), `${opts.peerSize}/python`, opts.timeoutMs);
      push(b);
      pairs.push({ what: 'Python subset', vigil: v, peer: b });
    }
    if (fs.existsSync(sub('js'))) {
      const v = await vigil(sub('js'), 2, `${opts.peerSize}/js`, opts.timeoutMs);
      push(v);
      const e = await eslint(sub('js'), `${opts.peerSize}/js`, opts.timeoutMs);
      push(e);
      pairs.push({ what: 'JavaScript subset', vigil: v, peer: e });
    }
  }
  return { rows, pairs };
}
