#!/usr/bin/env node
// Runs every test layer and prints one closing line `N passed, N failed` covering all of them.
// Layers: mocha over the compiled server tests (unit, fixtures, protocol) and the client's pure parts (client/lib/test/unit), then the editor layers
// listed in scripts/e2e/layers.mjs when present (code-server, GUI, Neovim). `--only unit` skips the editor layers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const layers = [
  {
    name: 'unit+fixtures+protocol',
    cmd: process.execPath,
    args: [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', 'spec', '--timeout', '60000', 'server/lib/test/**/*.test.js', 'client/lib/test/unit/**/*.test.js'],
  },
];
if (only !== 'unit' && fs.existsSync('scripts/e2e/layers.mjs')) {
  const extra = (await import(path.join(root, 'scripts/e2e/layers.mjs'))).layers;
  layers.push(...extra);
}

let passed = 0;
let failed = 0;
for (const layer of layers) {
  console.log(`\n=== ${layer.name} ===`);
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
