import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXCLUDED_NOTE, IgnoreRules, walk, type WalkEntry } from '../project/walk';
import { tmpDir, writeFiles } from './cliHelpers';

async function collect(root: string, targets: string[] = [], extraIgnores: string[] = []): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for await (const e of walk(targets, { root, extraIgnores })) out.push(e);
  return out;
}

const files = (entries: WalkEntry[]): string[] => entries.filter((e) => e.kind === 'file').map((e) => e.rel);
const skipped = (entries: WalkEntry[]): Record<string, string> =>
  Object.fromEntries(entries.filter((e): e is Extract<WalkEntry, { kind: 'skipped' }> => e.kind === 'skipped').map((e) => [e.rel, e.reason]));

describe('walk', () => {
  it('applies built-in excludes: dependency/build folders, lockfiles, minified and binary types', async () => {
    const dir = tmpDir('vigil-walk-');
    writeFiles(dir, {
      'src/app.js': '', 'src/app.min.js': '', 'node_modules/x/index.js': '', 'dist/out.js': '', 'build/b.py': '',
      'vendor/lib.go': '', 'package-lock.json': '', 'yarn.lock': '', 'logo.png': '', '.git/config': '', 'out/x.js': '',
      'src/deep/ok.py': '', '.env': '',
    });
    assert.deepStrictEqual(files(await collect(dir)), ['.env', 'src/app.js', 'src/deep/ok.py']);
  });

  it('respects nested .gitignore, negation in a deeper file, .vigilignore and config globs', async () => {
    const dir = tmpDir('vigil-walk-');
    writeFiles(dir, {
      '.gitignore': '*.log\ngenerated/\n',
      'a.log': '', 'keep.txt': '', 'generated/g.js': '',
      'sub/.gitignore': 'local.txt\n!important.log\n',
      'sub/local.txt': '', 'sub/important.log': '', 'sub/other.log': '', 'sub/x.js': '',
      '.vigilignore': 'fixtures/\n',
      'fixtures/f.py': '',
      'docs/readme.md': '', 'docs/private.md': '',
    });
    assert.deepStrictEqual(files(await collect(dir, [], ['docs/private.md'])), [
      '.gitignore', '.vigilignore', 'docs/readme.md', 'keep.txt', 'sub/.gitignore', 'sub/important.log', 'sub/x.js',
    ]);
  });

  it('.vigilignore can re-include a built-in exclude', async () => {
    const dir = tmpDir('vigil-walk-');
    writeFiles(dir, { '.vigilignore': '!build/\n', 'build/gen.py': '', 'dist/d.py': '' });
    assert.deepStrictEqual(files(await collect(dir)), ['.vigilignore', 'build/gen.py']);
  });

  it('walks named targets with the ignore files of their parents', async () => {
    const dir = tmpDir('vigil-walk-');
    writeFiles(dir, { '.gitignore': 'secret.txt\nvendored/\n', 'pkg/a.txt': '', 'pkg/secret.txt': '', 'other/b.txt': '', 'vendored/c.txt': '' });
    assert.deepStrictEqual(files(await collect(dir, ['pkg'])), ['pkg/a.txt']);
    const vendored = await collect(dir, ['vendored']);
    assert.deepStrictEqual(files(vendored), []);
    assert.deepStrictEqual(skipped(vendored), { vendored: EXCLUDED_NOTE });
    assert.deepStrictEqual(skipped(await collect(dir, ['pkg/secret.txt'])), { 'pkg/secret.txt': EXCLUDED_NOTE });
    const rules = new IgnoreRules({ root: dir });
    assert.strictEqual(rules.excluded('pkg/secret.txt'), true);
    assert.strictEqual(rules.excluded('node_modules/x/y.js'), true);
    assert.strictEqual(rules.excluded('pkg/a.txt'), false);
  });

  it('skips symlink loops, broken links, links out of the root and FIFOs with a note, never fatal', async () => {
    const dir = tmpDir('vigil-walk-');
    const outside = tmpDir('vigil-outside-');
    writeFiles(dir, { 'a/file.txt': '' });
    writeFiles(outside, { 'o.txt': '' });
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'loop'));
    fs.symlinkSync(path.join(dir, 'missing'), path.join(dir, 'broken'));
    fs.symlinkSync(outside, path.join(dir, 'out-link'));
    fs.symlinkSync(path.join(dir, 'a', 'file.txt'), path.join(dir, 'alias.txt'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const entries = await collect(dir);
    assert.deepStrictEqual(files(entries), ['a/file.txt', 'alias.txt']);
    assert.deepStrictEqual(skipped(entries), {
      'a/loop': 'symlink loop (folder already scanned)',
      broken: 'broken symlink',
      'out-link': 'symlink points outside the scanned root',
      pipe: 'not a regular file (FIFO, socket or device)',
    });
  });

  it('streams: the first file arrives before a large tree has been listed', async () => {
    const dir = tmpDir('vigil-walk-');
    const many: Record<string, string> = {};
    for (let i = 0; i < 200; i++) many[`d${String(i).padStart(3, '0')}/f.txt`] = '';
    writeFiles(dir, many);
    let listed = 0;
    const orig = fs.promises.readdir;
    (fs.promises as { readdir: unknown }).readdir = (async (...a: Parameters<typeof orig>) => {
      listed++;
      return orig(...a);
    }) as unknown;
    try {
      const it = walk([], { root: dir })[Symbol.asyncIterator]();
      const first = await it.next();
      assert.strictEqual((first.value as WalkEntry).rel, 'd000/f.txt');
      assert.ok(listed <= 2, `listed ${listed} folders before the first file`);
      await it.return?.(undefined);
    } finally {
      (fs.promises as { readdir: unknown }).readdir = orig;
    }
  });
});
