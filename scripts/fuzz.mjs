#!/usr/bin/env node
// The long mutation-fuzz run (issue 8): `npm run fuzz -- --cases 100000 [--seed 1] [--minutes 60] [--bound-ms 30000]`.
// Cases are numbered seeds from --seed on, so any failure is reproduced with `--seed N --cases 1`. Each case
// takes a fixture, stacks 1-3 mutations (random units, truncation, splices, lone surrogates, NULs, line endings,
// BOMs, deep nesting, wrong language...) and checks the invariants in server/src/test/fuzzHarness.ts.
// Needs the compiled tests: `npx tsc -b server` first. Exits 1 on any failure; failing inputs are written to
// a folder in the OS temp directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const cases = arg('cases', 100_000);
const firstSeed = arg('seed', 1);
const minutes = arg('minutes', 120);
const boundMs = arg('bound-ms', 30_000);

const { Engine, CODE_LANGUAGES } = require(path.join(root, 'server/lib/engine'));
const { loadCorpus, makeCase, runCase } = require(path.join(root, 'server/lib/test/fuzzHarness'));

const engine = Engine.create();
for (const l of CODE_LANGUAGES) await engine.prepare(l);
const corpus = loadCorpus(path.join(root, 'test-fixtures'));
const deadline = Date.now() + minutes * 60_000;
const t0 = performance.now();
let done = 0;
let failures = 0;
let slowest = { ms: 0, seed: 0 };
let peakRss = 0;
let outDir;
const byMutation = new Map();

for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
  if (Date.now() > deadline) {
    console.log(`time bound of ${minutes} min reached`);
    break;
  }
  const { doc, mutations } = makeCase(seed, corpus);
  const o = await runCase(engine, doc, boundMs);
  done++;
  for (const m of mutations) byMutation.set(m, (byMutation.get(m) ?? 0) + 1);
  if (o.ms > slowest.ms) slowest = { ms: o.ms, seed };
  if (o.failures.length) {
    failures++;
    outDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-fuzz-'));
    fs.writeFileSync(path.join(outDir, `seed-${seed}.json`), JSON.stringify({ seed, mutations, doc, failures: o.failures }));
    console.log(`FAIL seed ${seed} [${mutations.join(',')}] ${doc.path}: ${o.failures[0]}`);
  }
  if (done % 1000 === 0) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (done % 10_000 === 0) console.log(`${done} cases, ${failures} failures, ${((performance.now() - t0) / 1000).toFixed(0)} s, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  }
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const secs = (performance.now() - t0) / 1000;
console.log(`mutations applied: ${[...byMutation].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`slowest case: seed ${slowest.seed} (${slowest.ms.toFixed(0)} ms); peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
if (outDir) console.log(`failing inputs saved in ${outDir}`);
console.log(`fuzz: ${done} cases from seed ${firstSeed}, ${failures} failures, ${secs.toFixed(0)} s`);
process.exit(failures > 0 || done === 0 ? 1 : 0);
