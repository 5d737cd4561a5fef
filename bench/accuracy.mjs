#!/usr/bin/env node
// `npm run bench:accuracy`: detection and false-positive measurements, one section per area (today: secrets).
// Needs the compiled engine (`npm run build`). Flags: --quick (fewer tokens, 20 MB of node_modules),
// --no-fp (skip the node_modules scan), --json FILE (write the numbers).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dependencyFalsePositives, formatDetection, printSecrets } from './accuracySecrets.mjs';

const { values: a } = parseArgs({ options: { quick: { type: 'boolean' }, 'no-fp': { type: 'boolean' }, json: { type: 'string' } } });
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!fs.existsSync(path.join(root, 'server/lib/engine/index.js'))) {
  console.error('bench:accuracy needs the compiled engine: run `npm run build` first');
  process.exit(2);
}
const det = await formatDetection({ perFormat: a.quick ? 3 : 10 });
const fp = a['no-fp'] ? undefined : await dependencyFalsePositives({ maxMb: a.quick ? 20 : Infinity });
console.log(printSecrets(det, fp));
if (a.json) fs.writeFileSync(a.json, JSON.stringify({ secrets: { detection: det, falsePositives: fp } }, null, 2));
