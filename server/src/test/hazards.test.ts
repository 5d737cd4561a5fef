// Workspace hazards (issue 8, point 4): what real checkouts contain and a scan must live through. Symlink
// loops, files that vanish or change kind between the walk and the read, folders the user cannot read, FIFOs
// and devices (reading a FIFO blocks forever), 100,000-file trees in bounded memory, huge ignore files.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runScan, type FileResult } from '../project/scan/pool';
import { walk, type WalkEntry } from '../project/walk';
import { CLI, installedCopy, json, tmpDir, writeFiles } from './cliHelpers';

// A hang detector: each of these scans takes seconds idle; the margin covers a 2-core machine shared by many jobs.
const HANG_MS = 180_000;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let nobodyCli: string | undefined;

/**
 * The built CLI in a folder any user can read. A clone made with mktemp (mode 0700) is closed to the unprivileged
 * user, which would then fail on loading the CLI rather than on the files under test.
 */
function cliForNobody(): string {
  if (nobodyCli) return nobodyCli;
  nobodyCli = installedCopy();
  execFileSync('chmod', ['-R', 'a+rX', path.dirname(path.dirname(path.dirname(nobodyCli)))]);
  return nobodyCli;
}

/** Runs the built CLI with a hard timeout, so a hang fails the test instead of stalling the suite. */
function scan(cwd: string, args: string[], opts: { asNobody?: boolean; timeout?: number } = {}): Run {
  const node = [process.execPath, opts.asNobody ? cliForNobody() : CLI, 'scan', ...args];
  // setpriv drops to an unprivileged user: tests run as root, and root reads through any permission bits.
  const [cmd, ...argv] = opts.asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  const r = spawnSync(cmd!, argv, { cwd, encoding: 'utf8', timeout: opts.timeout ?? HANG_MS, maxBuffer: 512 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

async function collectScan(entries: AsyncIterable<WalkEntry>, root: string): Promise<FileResult[]> {
  const out: FileResult[] = [];
  await runScan(entries, { jobs: 2, root, customRuleDirs: [], analysis: {}, source: 'fs', mode: 'analyze', frames: false, maxFileSize: 2 * 1024 * 1024 }, (r) => out.push(r));
  return out;
}

async function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

const WEAK = 'import hashlib\nh = hashlib.md5(b"x")\n';

describe('workspace hazards', function () {
  this.timeout(600_000);

  it('symlink loops (self, parent, mutual) end the walk and the CLI scan, each file reported once', () => {
    const dir = tmpDir('vigil-hz-');
    writeFiles(dir, { 'a/one.py': WEAK, 'b/two.py': WEAK });
    fs.symlinkSync('..', path.join(dir, 'a', 'up'));
    fs.symlinkSync('self', path.join(dir, 'self'));
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'a', 'to-b'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b', 'to-a'));
    const r = scan(dir, ['.', '--format', 'json', '--fail-on', 'none']);
    assert.strictEqual(r.signal, null, 'scan hung');
    assert.strictEqual(r.status, 0, r.stderr);
    const rep = json(r);
    // Each real file once, under whichever path reached it first (a/to-b/two.py sorts before b/two.py).
    assert.deepStrictEqual(rep.findings.map((f) => path.basename(f.path)).sort(), ['one.py', 'two.py']);
    assert.ok(rep.skipped.some((s) => /loop/.test(s.reason)), JSON.stringify(rep.skipped));
  });

  it('files deleted, replaced by a folder, a FIFO or a device link between the walk and the read are skipped, not fatal', async () => {
    const dir = tmpDir('vigil-hz-');
    writeFiles(dir, { 'keep.py': WEAK, 'gone.py': WEAK, 'now-dir.py': WEAK, 'now-fifo.py': WEAK, 'now-dev.py': WEAK });
    async function* racing(): AsyncGenerator<WalkEntry> {
      for await (const e of walk(['.'], { root: dir })) {
        if (e.kind === 'file' && e.rel !== 'keep.py') {
          fs.rmSync(e.abs);
          if (e.rel === 'now-dir.py') fs.mkdirSync(e.abs);
          if (e.rel === 'now-fifo.py') execFileSync('mkfifo', [e.abs]);
          if (e.rel === 'now-dev.py') fs.symlinkSync('/dev/zero', e.abs);
        }
        yield e;
      }
    }
    const results = await withDeadline(collectScan(racing(), dir), HANG_MS, 'scan with files changing under it');
    const by = new Map(results.map((r) => [r.rel, r]));
    assert.strictEqual(by.get('keep.py')?.findings.length, 1);
    for (const rel of ['gone.py', 'now-dir.py', 'now-fifo.py', 'now-dev.py']) assert.ok(by.get(rel)?.skipped, `${rel}: ${JSON.stringify(by.get(rel))}`);
  });

  it('folders and files the user cannot read are skipped with a reason (scan as an unprivileged user)', () => {
    const dir = tmpDir('vigil-hz-');
    writeFiles(dir, { 'ok/a.py': WEAK, 'locked/b.py': WEAK, 'secret.py': WEAK });
    fs.chmodSync(dir, 0o755);
    for (const d of ['ok', 'locked']) fs.chmodSync(path.join(dir, d), 0o755);
    fs.chmodSync(path.join(dir, 'ok', 'a.py'), 0o644);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    fs.chmodSync(path.join(dir, 'secret.py'), 0o000);
    const r = scan(dir, ['.', '--format', 'json', '--fail-on', 'none'], { asNobody: true });
    assert.strictEqual(r.signal, null, 'scan hung');
    assert.strictEqual(r.status, 0, r.stderr);
    const rep = json(r);
    assert.deepStrictEqual(rep.findings.map((f) => f.path), ['ok/a.py']);
    const skipped = Object.fromEntries(rep.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped['locked'] ?? '', /EACCES/, JSON.stringify(rep.skipped));
    assert.match(skipped['secret.py'] ?? '', /EACCES/, JSON.stringify(rep.skipped));
  });

  it('FIFOs, sockets-like specials and links to devices in the tree are passed over without blocking', () => {
    const dir = tmpDir('vigil-hz-');
    writeFiles(dir, { 'a.py': WEAK });
    execFileSync('mkfifo', [path.join(dir, 'pipe.py')]);
    fs.symlinkSync('/dev/null', path.join(dir, 'null.py'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    fs.symlinkSync('pipe.py', path.join(dir, 'pipe-link.py'));
    const r = scan(dir, ['.', 'pipe.py', '--format', 'json', '--fail-on', 'none']);
    assert.strictEqual(r.signal, null, 'scan hung on a FIFO or device');
    assert.strictEqual(r.status, 0, r.stderr);
    const rep = json(r);
    assert.deepStrictEqual(rep.findings.map((f) => f.path), ['a.py']);
    const skipped = rep.skipped.map((s) => s.path).sort();
    for (const p of ['null.py', 'pipe-link.py', 'pipe.py', 'zero.txt']) assert.ok(skipped.includes(p), `${p} not reported skipped: ${skipped.join(', ')}`);
  });

  it('a 100,000-line .gitignore is applied without stalling the walk', async () => {
    const dir = tmpDir('vigil-hz-');
    const patterns = Array.from({ length: 100_000 }, (_v, i) => (i % 3 === 0 ? `gen-${i}/` : i % 3 === 1 ? `*.tmp${i}` : `!keep-${i}.py`));
    writeFiles(dir, { '.gitignore': `${patterns.join('\n')}\nignored/\n`, 'ignored/x.py': WEAK, 'src/a.py': WEAK, 'gen-3/y.py': WEAK });
    const seen: string[] = [];
    await withDeadline(
      (async () => {
        for await (const e of walk(['.'], { root: dir })) if (e.kind === 'file') seen.push(e.rel);
      })(),
      HANG_MS,
      'walk with a huge .gitignore',
    );
    assert.deepStrictEqual(seen.sort(), ['.gitignore', 'src/a.py']);
  });

  it('a 100,000-file tree is scanned in bounded memory (results streamed, trees freed)', () => {
    const dir = tmpDir('vigil-hz-big-');
    const N = 100_000;
    for (let d = 0; d < 100; d++) {
      const sub = path.join(dir, `d${String(d).padStart(3, '0')}`);
      fs.mkdirSync(sub);
      for (let f = 0; f < N / 100; f++) {
        // One file in a hundred has a finding; the rest are small clean sources.
        const hit = f % 100 === 0;
        fs.writeFileSync(path.join(sub, `f${f}.py`), hit ? WEAK : `def f${f}(x):\n    return x + ${f}\n`);
      }
    }
    const timeBin = '/usr/bin/time';
    const r = spawnSync(timeBin, ['-f', 'maxrss_kb=%M', process.execPath, CLI, 'scan', '.', '--format', 'json', '--fail-on', 'none', '--output', path.join(dir, 'report.json')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 900_000,
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const peakMb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const rep = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as { summary: { filesScanned: number }; findings: unknown[] };
    console.log(`      100,000-file tree: ${rep.summary.filesScanned} files, ${rep.findings.length} findings, peak RSS ${peakMb.toFixed(0)} MB`);
    assert.strictEqual(rep.summary.filesScanned, N);
    assert.strictEqual(rep.findings.length, N / 100);
    assert.ok(peakMb < 1024, `peak RSS ${peakMb.toFixed(0)} MB`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
