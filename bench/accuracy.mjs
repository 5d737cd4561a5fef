#!/usr/bin/env node
// `npm run bench:accuracy`: detection and false-positive measurements, one section per area: the Juliet Java
// suite (issues 14 and 15), the project's own annotated fixtures, and secrets (issue 16).
// Needs the compiled engine (`npm run build`). Flags: --only juliet|fixtures|secrets, --juliet DIR (default
// ../shared/juliet-java next to the repository), --quick (secrets: fewer tokens, 20 MB of node_modules),
// --no-fp (secrets: skip the node_modules scan), --json FILE (write the numbers), --threat-model remote|local (the
// Juliet scan's model, passed to the CLI; under remote, the default, the rules the model changes are scored under
// local too).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixturesSection, printFixtures } from './accuracyFixtures.mjs';
import { THREAT_MODELS, julietSection, printJuliet } from './accuracyJuliet.mjs';
import { dependencyFalsePositives, formatDetection, printSecrets } from './accuracySecrets.mjs';

const SECTIONS = ['juliet', 'fixtures', 'secrets'];
const { values: a } = parseArgs({
  options: { quick: { type: 'boolean' }, 'no-fp': { type: 'boolean' }, json: { type: 'string' }, only: { type: 'string' }, juliet: { type: 'string' }, 'threat-model': { type: 'string' } },
});
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (a.only && !SECTIONS.includes(a.only)) {
  console.error(`--only takes one of ${SECTIONS.join(', ')}`);
  process.exit(2);
}
if (a['threat-model'] !== undefined && !THREAT_MODELS.includes(a['threat-model'])) {
  console.error(`--threat-model takes one of ${THREAT_MODELS.join(', ')}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'server/lib/engine/index.js')) || !fs.existsSync(path.join(root, 'server/out/cli.js'))) {
  console.error('bench:accuracy needs the compiled engine and CLI: run `npm run build` first');
  process.exit(2);
}
const run = (s) => !a.only || a.only === s;
const json = {};
const timed = async (name, f) => {
  const t0 = performance.now();
  const r = await f();
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  return r;
};

if (run('juliet')) {
  json.juliet = await timed('juliet', () => {
    const s = julietSection(root, path.resolve(a.juliet ?? path.join(root, '..', 'shared', 'juliet-java')), a['threat-model'] ? { threatModel: a['threat-model'] } : {});
    console.log(printJuliet(s));
    return s;
  });
}
if (run('fixtures')) {
  json.fixtures = await timed('fixtures', async () => {
    const s = await fixturesSection(root);
    console.log(printFixtures(s));
    return s;
  });
}
if (run('secrets')) {
  json.secrets = await timed('secrets', async () => {
    const det = await formatDetection({ perFormat: a.quick ? 3 : 10 });
    const fp = a['no-fp'] ? undefined : await dependencyFalsePositives({ maxMb: a.quick ? 20 : Infinity });
    console.log(printSecrets(det, fp));
    return { detection: det, falsePositives: fp };
  });
}
if (a.json) fs.writeFileSync(a.json, JSON.stringify(json, null, 2));
