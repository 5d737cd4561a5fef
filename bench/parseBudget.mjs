#!/usr/bin/env node
// `node bench/parseBudget.mjs` (after `npm run build`): how many parse work units (server/src/engine/source/parse.ts)
// a second of CPU buys on large ordinary files and on tree-sitter-python's quadratic comment runs, and so how
// many seconds the default parse budget stands for on this machine. Run it on an idle machine to recalibrate.
import path from 'node:path';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { parse, DEFAULT_PARSE_BUDGET } = require(path.join(root, 'server/lib/engine/source/parse.js'));

const commentRun = (lines) =>
  `import hashlib\n\ndef legacy():\n${Array.from({ length: lines }, (_, i) => `    # legacy_call_${i}(arg)\n`).join('')}    return 1\n`;
const cases = [
  ...['python', 'javascript', 'java'].map((lang) => [`generated ${lang}, 50,000 lines`, lang, generate(lang, 50_000).text]),
  ['python, 1,000,000 short lines', 'python', 'import hashlib\n' + 'x = 1 # md5 password\n'.repeat(1_000_000)],
  ...[2000, 4000].map((n) => [`python, ${n.toLocaleString('en')} comment lines in a function`, 'python', commentRun(n)]),
];

// Grammar loading and the first, cold parse are not parse work.
for (const lang of ['python', 'javascript', 'java']) (await parse(lang, generate(lang, 1000).text))?.delete();
let units = 0;
let cpuMs = 0;
console.log('| input | work units | CPU ms | units per CPU second |\n| --- | ---: | ---: | ---: |');
for (const [label, lang, text] of cases) {
  const spent = { units: 0 };
  const c0 = process.cpuUsage();
  const tree = await parse(lang, text, { parseBudget: Infinity, spent });
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  tree?.delete();
  units += spent.units;
  cpuMs += ms;
  console.log(`| ${label} | ${spent.units} | ${ms.toFixed(0)} | ${Math.round((spent.units / ms) * 1000)} |`);
}
const rate = (units / cpuMs) * 1000;
console.log(`\noverall ${Math.round(rate)} units per CPU second: the default budget of ${DEFAULT_PARSE_BUDGET} units is about ${(DEFAULT_PARSE_BUDGET / rate).toFixed(1)} s of parsing here`);
