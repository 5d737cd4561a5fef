// The secrets section of `npm run bench:accuracy` (issue 16):
//  1. per format family, detections on generated valid-looking tokens (correct checksums, context words) and on
//     near misses (wrong length, wrong checksum, placeholder, no context word), through the engine as a user runs it;
//  2. false positives on the project's own dependency tree (node_modules: third-party code with almost no real
//     secrets), as findings per MB, each high-confidence finding listed for review (masked, as Vigil prints it).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadFormats, nameFor, nearMisses, rng, validToken } from './secretTokens.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const lib = (p) => require(path.join(root, 'server/lib', p));

/** Detections per family on `perFormat` valid tokens and on each kind of near miss of every format. */
export async function formatDetection({ perFormat = 10 } = {}) {
  const { Engine } = lib('engine/index.js');
  const engine = Engine.create();
  const formats = loadFormats();
  const rand = rng(1416);
  const families = new Map();
  const fam = (f) => families.get(f) ?? families.set(f, { formats: 0, valid: 0, found: 0, high: 0, misses: {}, flagged: {} }).get(f);
  const found = async (name, token) => {
    // One token per document, as a .env line (multi-line private keys as their own file).
    const multi = token.includes('\n');
    const doc = multi ? { path: 'keys/id.ppk.txt', text: `${token}\n` } : { path: 'deploy/app.env', text: `${name}=${token}\n` };
    const r = await engine.analyze({ ...doc, languageId: 'plaintext' });
    return r.findings.filter((f) => f.ruleId === 'hardcoded-secret');
  };
  for (const f of formats) {
    const s = fam(f.family);
    s.formats++;
    for (let i = 0; i < perFormat; i++) {
      const hits = await found(nameFor(f), validToken(f, rand));
      s.valid++;
      if (hits.length > 0) s.found++;
      if (hits.some((h) => h.confidence === 'high')) s.high++;
    }
    for (const m of nearMisses(f, rand)) {
      // Near misses under a neutral name, except the missing context word, which is the point of that case.
      const hits = await found('BUILD_VALUE', m.token);
      s.misses[m.why] = (s.misses[m.why] ?? 0) + 1;
      if (hits.length > 0) s.flagged[m.why] = (s.flagged[m.why] ?? 0) + 1;
    }
  }
  return { formats: formats.length, families: [...families.entries()].map(([family, s]) => ({ family, ...s })) };
}

function* files(dir, depth = 0) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) {
      if (e.name !== '.bin' && depth < 40) yield* files(abs, depth + 1);
    } else if (e.isFile()) yield abs;
  }
}

/** Findings of the secret rules on node_modules: per MB, by confidence, and each high-confidence one. */
export async function dependencyFalsePositives({ dir = path.join(root, 'node_modules'), jobs = 2, maxMb = Infinity } = {}) {
  const { Engine } = lib('engine/index.js');
  const { runScan } = lib('project/index.js');
  const engine = Engine.create();
  const disabledRules = engine.rules.filter((r) => !r.secret).map((r) => r.id);
  let bytes = 0;
  const entries = (async function* () {
    for (const abs of files(dir)) {
      if (bytes / 1e6 >= maxMb) return;
      const size = fs.statSync(abs).size;
      if (size > 2 * 1024 * 1024) continue;
      bytes += size;
      yield { kind: 'file', abs, rel: path.relative(dir, abs) };
    }
  })();
  const byConfidence = { high: 0, medium: 0, low: 0 };
  const high = [];
  let scanned = 0;
  let binary = 0;
  const t0 = performance.now();
  await runScan(
    entries,
    { root: dir, customRuleDirs: [], analysis: { disabledRules }, source: 'fs', mode: 'analyze', frames: false, maxFileSize: 2 * 1024 * 1024, jobs, memoryBudgetMb: 0 },
    (r) => {
      if (r.binary) {
        binary++;
        return;
      }
      scanned++;
      for (const f of r.findings) {
        byConfidence[f.confidence]++;
        if (f.confidence === 'high') high.push(`${r.rel}:${f.range.start.line + 1}  ${f.message.replace(/ is hardcoded:.*$/, '')}`);
      }
    },
  );
  const mb = bytes / 1e6;
  return { mb, scanned, binary, byConfidence, perMb: (byConfidence.high + byConfidence.medium + byConfidence.low) / mb, highPerMb: byConfidence.high / mb, high, seconds: (performance.now() - t0) / 1000 };
}

const pct = (a, b) => (b === 0 ? '   -' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

export function printSecrets(det, fp) {
  const out = [];
  out.push(`Secrets: ${det.formats} credential formats`);
  const kinds = ['wrong length', 'wrong checksum', 'placeholder', 'no context word'];
  out.push(`  ${'family'.padEnd(14)} ${'formats'.padStart(7)}  ${'valid found'.padStart(16)}  ${'high conf.'.padStart(7)}  ${kinds.map((k) => `${k} flagged`.padStart(24)).join('')}`);
  const total = { formats: 0, valid: 0, found: 0, high: 0, misses: {}, flagged: {} };
  for (const s of det.families) {
    total.formats += s.formats;
    total.valid += s.valid;
    total.found += s.found;
    total.high += s.high;
    for (const k of kinds) {
      total.misses[k] = (total.misses[k] ?? 0) + (s.misses[k] ?? 0);
      total.flagged[k] = (total.flagged[k] ?? 0) + (s.flagged[k] ?? 0);
    }
  }
  for (const s of [...det.families, { family: 'all', ...total }]) {
    const cells = kinds.map((k) => (s.misses[k] ? `${String(s.flagged[k] ?? 0).padStart(4)}/${String(s.misses[k]).padEnd(4)} ${pct(s.flagged[k] ?? 0, s.misses[k])}` : '-').padStart(24));
    out.push(`  ${s.family.padEnd(14)} ${String(s.formats).padStart(7)}  ${`${s.found}/${s.valid} ${pct(s.found, s.valid)}`.padStart(16)}  ${pct(s.high, s.valid).padStart(7)}  ${cells.join('')}`);
  }
  if (fp) {
    out.push('');
    out.push(`  False positives on node_modules: ${fp.mb.toFixed(1)} MB, ${fp.scanned} text files (${fp.binary} binary skipped), ${fp.seconds.toFixed(0)} s`);
    out.push(`    findings: ${fp.byConfidence.high} high, ${fp.byConfidence.medium} medium, ${fp.byConfidence.low} low = ${fp.perMb.toFixed(3)} per MB (${fp.highPerMb.toFixed(3)} high per MB)`);
    for (const h of fp.high) out.push(`    high: ${h}`);
  }
  return out.join('\n');
}
