import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../engine';
import { ScanCache } from '../project/scan/cache';
import type { FileResult } from '../project/scan/pool';

// The opt-in content-hash cache: an unchanged file must reuse its stored result (proved by doctoring the
// stored message), and a changed file must be analysed again.
const cli = path.join(packageRoot(), 'server', 'out', 'cli.js');

interface Report {
  findings: { path: string; message: string }[];
}

function scan(cwd: string, ...extra: string[]): { status: number | null; json: Report } {
  const r = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--fail-on', 'none', '--jobs', '1', ...extra], { cwd, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return { status: r.status, json: JSON.parse(r.stdout) };
}

describe('scan cache (--cache)', () => {
  it('reuses results of unchanged files and re-analyses changed ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cache-'));
    fs.writeFileSync(path.join(dir, 'a.py'), 'import hashlib\nx = hashlib.md5(b"1").hexdigest()\n');
    fs.writeFileSync(path.join(dir, 'b.py'), 'import hashlib\ny = hashlib.sha1(b"2").hexdigest()\n');
    const cacheFile = path.join(dir, '.vigil-cache', 'scan.json');
    fs.mkdirSync(path.dirname(cacheFile));
    const first = scan(dir, '--cache', cacheFile);
    const plain = scan(dir);
    assert.deepStrictEqual(first.json.findings, plain.json.findings);
    assert.ok(fs.existsSync(cacheFile));

    // Doctor the stored result of a.py: if the next run shows it, the file was not analysed again.
    const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    data.files['a.py'].result.findings[0].message = 'FROM THE CACHE';
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    const second = scan(dir, '--cache', cacheFile);
    const msg = (j: Report, p: string): string => j.findings.find((f) => f.path === p)!.message;
    assert.strictEqual(msg(second.json, 'a.py'), 'FROM THE CACHE');

    // Change a.py: its result is fresh again; b.py is untouched.
    fs.appendFileSync(path.join(dir, 'a.py'), '# edited\n');
    const third = scan(dir, '--cache', cacheFile);
    assert.match(msg(third.json, 'a.py'), /MD5/);
    assert.strictEqual(msg(third.json, 'b.py'), msg(plain.json, 'b.py'));
  });

  it('ignores a damaged cache file instead of failing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cache-'));
    fs.writeFileSync(path.join(dir, 'a.py'), 'import hashlib\nx = hashlib.md5(b"1").hexdigest()\n');
    const cacheFile = path.join(dir, 'cache.json');
    fs.writeFileSync(cacheFile, '{ not json');
    const r = scan(dir, '--cache', cacheFile);
    assert.strictEqual(r.json.findings.filter((f) => f.path === 'a.py').length, 1);
  });

  it('keeps clean files as a hash alone, and a file that became clean loses its old findings', () => {
    const finding = { ruleId: 'weak-hash' } as unknown as FileResult['findings'][number];
    const cache = new ScanCache('k');
    cache.store('clean.py', 'h1', { rel: 'clean.py', findings: [], notes: [], hash: 'h1' });
    cache.store('dirty.py', 'h2', { rel: 'dirty.py', findings: [finding], notes: [] });
    cache.store('bin.dat', 'h3', { rel: 'bin.dat', findings: [], notes: [], binary: true });
    assert.deepStrictEqual(cache.result('clean.py'), { rel: 'clean.py', findings: [], notes: [] });
    assert.deepStrictEqual(cache.result('dirty.py')?.findings, [finding]);
    assert.strictEqual(cache.result('bin.dat')?.binary, true, 'a result with more than findings and notes is kept whole');
    assert.strictEqual(cache.result('unknown.py'), undefined);
    // The same results come back from a saved file.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cache-')), 'cache.json');
    cache.save(file);
    const loaded = ScanCache.load(file, 'k');
    for (const rel of ['clean.py', 'dirty.py', 'bin.dat']) {
      assert.strictEqual(loaded.hashOf(rel), cache.hashOf(rel));
      assert.deepStrictEqual(loaded.result(rel), cache.result(rel));
    }
    cache.store('dirty.py', 'h4', { rel: 'dirty.py', findings: [], notes: [] });
    assert.deepStrictEqual(cache.result('dirty.py'), { rel: 'dirty.py', findings: [], notes: [] });
    assert.strictEqual(cache.hashOf('dirty.py'), 'h4');
  });
});
