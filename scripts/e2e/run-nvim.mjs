#!/usr/bin/env node
// Runs the headless Neovim LSP test (test/e2e/neovim/quickfix.lua) against the built server over stdio,
// on a fresh copy of the fixture workspace. Prints `N passed, N failed` last.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, copyWorkspace } from './paths.mjs';

const t0 = Date.now();
// VIGIL_EXT_DIR: test another build (the broken-fix check points it at a mutated copy).
const server = path.join(path.resolve(process.env.VIGIL_EXT_DIR || ROOT), 'server', 'out', 'server.js');
const script = path.join(ROOT, 'test', 'e2e', 'neovim', 'quickfix.lua');
let summary = '0 passed, 1 failed';
let ok = false;
if (!fs.existsSync(server)) {
  console.log('server/out/server.js is missing: run npm run build');
} else {
  const ws = copyWorkspace('nvim');
  // -u NONE -i NONE -n: no user config, no shada, no swap files; the Lua file drives everything.
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
    env: { ...process.env, VIGIL_SERVER: server, VIGIL_WS: ws },
    encoding: 'utf8',
    // Stops a stuck Neovim only: the run takes seconds idle, several times that under load.
    timeout: 600_000,
  });
  if (r.error) console.log(`nvim could not run: ${r.error.message} (install Debian's neovim)`);
  const output = `${r.stdout ?? ''}`;
  for (const line of output.split('\n')) {
    const m = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
    if (m) summary = m[0];
    else if (line.trim()) console.log(line);
  }
  if (r.stderr?.trim()) console.log(r.stderr.trim());
  ok = r.status === 0 && / 0 failed$/.test(summary);
  if (!ok && / 0 failed$/.test(summary)) summary = summary.replace(/ 0 failed$/, ' 1 failed');
  if (ok) fs.rmSync(ws, { recursive: true, force: true });
  else console.log(`nvim exit ${r.status}${r.signal ? ` (${r.signal})` : ''}; workspace kept at ${ws}`);
}
console.log(`neovim: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(summary);
process.exit(ok ? 0 : 1);
