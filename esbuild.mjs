// Bundles the extension client, the language server, the CLI and the scan worker, and copies the
// tree-sitter runtime and grammars beside the server bundles (the engine finds them in out/wasm/).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/project/scan/scanWorker.ts'], outfile: 'server/out/scanWorker.js' },
  // The ReDoS checker, loaded by redos.ts only when custom rules are screened (see there).
  { entryPoints: ['server/src/engine/rules/recheckEntry.ts'], outfile: 'server/out/recheck.js' },
].filter((b) => fs.existsSync(b.entryPoints[0]));

const GRAMMARS = ['javascript', 'typescript', 'tsx', 'python', 'java', 'go', 'c-sharp', 'php', 'ruby'];

function copyWasm() {
  const src = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
  const dest = 'server/out/wasm';
  fs.mkdirSync(dest, { recursive: true });
  for (const f of ['tree-sitter.wasm', ...GRAMMARS.map((g) => `tree-sitter-${g}.wasm`)]) {
    fs.copyFileSync(path.join(src, f), path.join(dest, f));
  }
}

copyWasm();
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  await import('./scripts/precompile-rules.mjs');
  fs.chmodSync('server/out/cli.js', 0o755);
}
