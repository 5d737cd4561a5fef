#!/usr/bin/env node
// Runs every test layer and prints one closing line `N passed, N failed` covering all of them.
// Layers: mocha over the compiled server tests (unit, fixtures, protocol), and the client's pure parts (client/lib/test/unit), then
// the editor layers listed in scripts/e2e/layers.mjs (code-server, GUI, Neovim). `--only unit` skips the editor layers.
// First it sets up what the layers need (scripts/e2e/prepare.mjs): the build, then before the editor layers the
// Debian packages, the editor tools and the .vsix, each only when missing or out of date. A step that cannot run
// says so with the command to run by hand, and the layers needing it count as one failure each, unrun.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const { runSteps } = await import(path.join(root, 'scripts/e2e/prepare.mjs'));

const layers = [
  {
    name: 'unit+fixtures+protocol',
    cmd: process.execPath,
    // The per-test limit only stops a stuck test; tests that bound a duration set their own. Ten minutes because
    // the heaviest tests take about a minute idle and this machine's 2 cores are often shared, 5-10x slower.
    args: [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', 'spec', '--timeout', '600000', 'server/lib/test/**/*.test.js', 'client/lib/test/unit/**/*.test.js'],
    needs: [],
  },
];
if (only !== 'unit') layers.push(...(await import(path.join(root, 'scripts/e2e/layers.mjs'))).layers);

let passed = 0;
let failed = 0;
console.log('=== setup ===');
const broken = new Set(runSteps(['build']));
if (broken.has('build')) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
let editorSetupDone = false;
for (const layer of layers) {
  if (layer.needs.length > 0 && !editorSetupDone) {
    console.log('\n=== setup of the editor layers ===');
    for (const n of runSteps(['system', 'tools', 'vsix'])) broken.add(n);
    editorSetupDone = true;
  }
  console.log(`\n=== ${layer.name} ===`);
  const missing = layer.needs.filter((n) => broken.has(n));
  if (missing.length > 0) {
    console.log(`--- ${layer.name}: not run, its setup failed (${missing.join(', ')}; see above): 0 passed, 1 failed`);
    failed += 1;
    continue;
  }
  const r = spawnSync(layer.cmd, layer.args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, ...(layer.env ?? {}) }, maxBuffer: 256 * 1024 * 1024 });
  const out = r.stdout ?? '';
  process.stdout.write(out);
  // mocha prints "N passing" / "N failing"; the editor layers print "N passed, N failed".
  const mp = /(\d+) passing/.exec(out);
  const mf = /(\d+) failing/.exec(out);
  const pl = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  let p = 0;
  let f = 0;
  if (pl) {
    p = Number(pl[1]);
    f = Number(pl[2]);
  } else if (mp || mf) {
    p = Number(mp?.[1] ?? 0);
    f = Number(mf?.[1] ?? 0);
  }
  if (r.status !== 0 && f === 0) f = 1; // a layer that crashed counts as a failure
  console.log(`--- ${layer.name}: ${p} passed, ${f} failed (exit ${r.status})`);
  passed += p;
  failed += f;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
