#!/usr/bin/env node
// npm run package: production bundles, then a .vsix with @vscode/vsce 3.x (4.x needs Node 22).
// esbuild bundles every dependency, so the package carries no node_modules (--no-dependencies).
// vsce walks every file under its folder before applying .vscodeignore, which takes minutes with node_modules and
// the editor-test tools (.tools/) present; so it runs in a staging folder holding only the candidate folders, and
// .vscodeignore still decides there. The file list is checked: only what runs, no source maps or tests, under 10 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const t0 = Date.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    throw new Error(`${[cmd, ...args].join(' ')} exited with ${r.status}`);
  }
  return r.stdout;
}

// One manifest serves npm and VS Code. npm's name is scoped (@vigil-dev/vigil: the plain name belongs to an
// unrelated package); an extension name cannot be, so the staged copy is named EXTENSION_NAME, which with the
// publisher keeps the extension id vigil-dev.vigil and the file name vigil-<version>.vsix. npm's `files` list is
// dropped there too, so that .vscodeignore alone decides what the .vsix holds.
const EXTENSION_NAME = 'vigil';
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const { version } = manifest;
const out = path.join(root, `${EXTENSION_NAME}-${version}.vsix`);
run(process.execPath, ['esbuild.mjs', '--production']);

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-package-'));
for (const entry of ['README.md', 'LICENSE', '.vscodeignore', 'client/out', 'server/out', 'rules', 'media']) {
  if (fs.existsSync(entry)) fs.cpSync(entry, path.join(stage, entry), { recursive: true });
}
const { files: _npmFiles, ...extensionManifest } = { ...manifest, name: EXTENSION_NAME };
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(extensionManifest, null, 2)}\n`);

// The repository field and LICENSE are optional for a local package; without these flags vsce asks on stdin.
const flags = ['--no-dependencies', '--allow-missing-repository', ...(fs.existsSync('LICENSE') ? [] : ['--skip-license'])];
const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'], stage).split('\n').filter(Boolean);
const allowed = [
  /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^client\/out\/extension\.js$/,
  /^server\/out\/(server|cli|scanWorker|recheck)\.js$/, /^server\/out\/rules\.json$/, /^server\/out\/wasm\/[^/]+\.wasm$/, /^rules\/.+\.yaml$/, /^rules\/[^/]+\.json$/,
  /^media\/[^/]+\.svg$/,
];
const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
if (unexpected.length > 0) throw new Error(`files that should not ship:\n  ${unexpected.join('\n  ')}`);
for (const needed of ['client/out/extension.js', 'server/out/server.js', 'server/out/recheck.js', 'server/out/wasm/tree-sitter.wasm', 'media/vigil-activity.svg']) {
  if (!files.includes(needed)) throw new Error(`the package misses ${needed}`);
}

run(process.execPath, [vsce, 'package', ...flags, '--out', out], stage);
fs.rmSync(stage, { recursive: true, force: true });
const size = fs.statSync(out).size;
const mb = (size / 1024 / 1024).toFixed(2);
if (size > 10 * 1024 * 1024) throw new Error(`${out} is ${mb} MB, over the 10 MB budget`);
console.log(`${path.basename(out)}: ${files.length} files, ${mb} MB (packaged in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
