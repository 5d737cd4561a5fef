// Shared plumbing for the benchmark: folders, child processes with wall time and peak RSS, small stats.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Git-ignored working folder: corpus, peer tools, generated files, results. */
export const WORK = path.join(REPO, '.bench');
export const PEERS = path.join(WORK, 'peers');
export const CORPUS = path.join(WORK, 'corpus');

export function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** GNU time -v reports ru_maxrss: the peak of the largest single process (worker threads included), not a tree sum. */
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command to completion with a wall-clock limit. Returns wall ms, exit code, peak RSS (MB, from
 * /usr/bin/time -v when present) and the tails of stdout/stderr (never the whole output: peers print a lot).
 */
export function timed(cmd, args, { cwd = REPO, timeoutMs = 300_000, env = process.env, stdout = 'tail' } = {}) {
  return new Promise((resolve) => {
    const timeFile = path.join(WORK, `.time-${process.pid}-${Date.now()}.txt`);
    const argv = TIME ? ['-v', '-o', timeFile, cmd, ...args] : args;
    const bin = TIME ?? cmd;
    const t0 = process.hrtime.bigint();
    const child = spawn(bin, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let outBytes = 0;
    const keep = (s, chunk) => (s + chunk).slice(-4000);
    child.stdout.on('data', (c) => {
      outBytes += c.length;
      out = stdout === 'all' ? out + c : keep(out, c);
    });
    child.stderr.on('data', (c) => (err = keep(err, c)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssMb;
      if (TIME && fs.existsSync(timeFile)) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(timeFile, 'utf8'));
        if (m) rssMb = Number(m[1]) / 1024;
        fs.rmSync(timeFile, { force: true });
      }
      resolve({ code, wallMs, rssMb, stdout: out, stderr: err, outBytes, timedOut });
    });
  });
}

export function sh(command, opts = {}) {
  const r = spawnSync('sh', ['-c', command], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

/** Peak RSS of a live process (VmHWM), in MB; undefined once it has exited. */
export function vmHwmMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function vmRssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under a folder (no symlinks followed), with sizes. */
export function listFiles(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(abs);
      else if (e.isFile()) out.push({ abs, size: fs.statSync(abs).size });
    }
  }
  return out.sort((a, b) => (a.abs < b.abs ? -1 : 1));
}

export const fmt = (n, d = 1) => (n === undefined || Number.isNaN(n) ? 'n/a' : Number(n).toFixed(d));
