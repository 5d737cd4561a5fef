#!/usr/bin/env node
// `npm run bench:realworld`: how quiet Vigil is on mature third-party code (issue 20, Measure). Builds the corpus
// (realworldCorpus.mjs), scans it with the built CLI as a user would, and prints findings per 10,000 lines per rule,
// split into test and non-test code by the engine's own test-code classification; then precision per rule from
// the hand labels in bench/realworld-labels.jsonl, the findings no label covers, and the issue's targets.
// Flags: --install (apt-get the package list first, as root), --rebuild (rebuild the corpus), --reuse (read the
// last scan's JSON instead of scanning), --jobs N (default 2), --sample N [--rule ID] (print N unlabelled findings
// with their code, for labelling), --unlabelled N (how many to list, default 20), --json FILE, --no-fixtures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fixturesSection } from './accuracyFixtures.mjs';
import { cacheDir, ensureCorpus, installPackages } from './realworldCorpus.mjs';
import { fingerprintOf, loadLabels, precisionRows, LABELS_FILE } from './realworldLabels.mjs';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: a } = parseArgs({
  options: {
    install: { type: 'boolean' }, rebuild: { type: 'boolean' }, reuse: { type: 'boolean' }, jobs: { type: 'string' },
    sample: { type: 'string' }, rule: { type: 'string' }, unlabelled: { type: 'string' }, json: { type: 'string' },
    'no-fixtures': { type: 'boolean' },
  },
});
const log = (m) => process.stderr.write(`[realworld] ${m}\n`);
const cli = path.join(repo, 'server/out/cli.js');
if (!fs.existsSync(cli) || !fs.existsSync(path.join(repo, 'server/lib/engine/index.js'))) {
  console.error('bench:realworld needs the compiled engine and CLI: run `npm run build` first');
  process.exit(2);
}
const engine = require(path.join(repo, 'server/lib/engine/index.js'));
const project = require(path.join(repo, 'server/lib/project/index.js'));

/** Issue 20's targets. */
const TARGETS = { nonTestPer10k: 0.5, precision: 0.8, minSamples: 10, minLabels: 150 };

if (a.install) installPackages(log);
const manifest = ensureCorpus({ repo, log, rebuild: a.rebuild });
if (manifest.missing.length) log(`not installed (run with --install as root): ${manifest.missing.join(' ')}`);
const corpus = manifest.dir;
const packageDirs = fs.readdirSync(corpus).sort().flatMap((lang) => fs.readdirSync(path.join(corpus, lang)).sort().map((p) => path.join(corpus, lang, p)));

// --- scan -----------------------------------------------------------------------------------------------------
const scanFile = path.join(cacheDir(), 'scan.json');
let scanMs;
if (!a.reuse || !fs.existsSync(scanFile)) {
  log(`scanning ${corpus} (--jobs ${a.jobs ?? 2})`);
  const t0 = performance.now();
  // From an empty folder, so no .vigil.yaml of the repository applies; --no-ignore: only the built-in excludes.
  const empty = fs.mkdtempSync(path.join(cacheDir(), 'cwd-'));
  // One root for the whole corpus: a root per package would read like 316 projects, but the CLI starts a worker
  // pool per root (about 9 times slower here). Path conventions still hold: test folders and file names are
  // matched anywhere in the path; only top-of-project script folders (scripts/, tools/) go unrecognised.
  const r = spawnSync('node', [cli, 'scan', corpus, '--root', corpus, '--no-ignore', '--format', 'json', '--fail-on', 'none', '--jobs', a.jobs ?? '2', '-o', scanFile], { cwd: empty, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  fs.rmSync(empty, { recursive: true, force: true });
  scanMs = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`scan failed (exit ${r.status}): ${(r.stderr ?? '').slice(-2000)}`);
    process.exit(2);
  }
  fs.writeFileSync(`${scanFile}.ms`, String(scanMs));
} else scanMs = Number(fs.readFileSync(`${scanFile}.ms`, 'utf8'));
const scan = JSON.parse(fs.readFileSync(scanFile, 'utf8'));

// --- lines, test and non-test: the same files the scan read, classified as the engine does ----------------------
const isTest = (rel, text) => engine.testCodeOf(rel, text) !== undefined;
/** Corpus-relative path of a finding or skipped file of a multi-root scan. */
const corpusRel = (x) => path.relative(corpus, path.join(x.root ?? corpus, x.path)).split(path.sep).join('/');
const skipped = new Set(scan.skipped.map(corpusRel));
const fileTest = new Map();
const lines = { test: 0, nonTest: 0, byLang: {} };
for (const dir of packageDirs) for await (const w of project.walk([dir], { root: dir, ignoreFiles: false })) {
  if (w.kind !== 'file') continue;
  const e = { abs: w.abs, pkgRel: w.rel, rel: path.relative(corpus, w.abs).split(path.sep).join('/') };
  if (skipped.has(e.rel)) continue;
  const text = fs.readFileSync(e.abs, 'utf8');
  const n = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const test = isTest(e.pkgRel, text);
  fileTest.set(e.rel, test);
  lines[test ? 'test' : 'nonTest'] += n;
  const lang = e.rel.split('/')[0];
  const l = (lines.byLang[lang] ??= { test: 0, nonTest: 0, files: 0 });
  l[test ? 'test' : 'nonTest'] += n;
  l.files++;
}
const totalLines = lines.test + lines.nonTest;

// --- findings --------------------------------------------------------------------------------------------------
const textCache = new Map();
const lineText = (rel, line) => {
  if (!textCache.has(rel)) textCache.set(rel, fs.readFileSync(path.join(corpus, rel), 'utf8').split('\n'));
  return textCache.get(rel)[line - 1] ?? '';
};
const findings = scan.findings
  .filter((f) => !f.suppression)
  .map((f) => {
    const rel = corpusRel(f);
    const [lang, pkg, ...rest] = rel.split('/');
    const file = rest.join('/');
    const test = fileTest.get(rel) ?? false;
    return { lang, pkg, file, rel, line: f.line, ruleId: f.ruleId, severity: f.severity, confidence: f.confidence, demoted: Boolean(f.demoted), message: f.message, test, key: fingerprintOf(pkg, file, f.ruleId, lineText(rel, f.line)) };
  });

const labels = loadLabels(path.join(repo, LABELS_FILE));
const per10k = (n, l) => (l ? (n * 10_000) / l : 0);
const fmt = (x, d = 2) => (x === null || x === undefined ? '-' : x.toFixed(d));

// --- sample mode: unlabelled findings with their code, to be read and labelled by hand ---------------------------
if (a.sample) {
  const pool = findings.filter((f) => !labels.has(f.key) && (!a.rule || f.ruleId === a.rule)).sort((x, y) => (x.key < y.key ? -1 : 1));
  for (const f of pool.slice(0, Number(a.sample))) {
    const all = textCache.get(f.rel) ?? (lineText(f.rel, 1), textCache.get(f.rel));
    console.log(`=== ${f.key} ${f.ruleId} ${f.test ? 'test' : 'non-test'} ${f.rel}:${f.line}  ${f.message.slice(0, 120)}`);
    for (let i = Math.max(1, f.line - 6); i <= Math.min(all.length, f.line + 4); i++) console.log(`${i === f.line ? '>' : ' '}${String(i).padStart(6)} ${all[i - 1].slice(0, 160)}`);
  }
  console.log(`(${pool.length} unlabelled${a.rule ? ` for ${a.rule}` : ''})`);
  process.exit(0);
}

// --- tables ----------------------------------------------------------------------------------------------------
const out = [];
const nonTestFindings = findings.filter((f) => !f.test);
const testFindings = findings.filter((f) => f.test);
out.push(`Real-world corpus: ${manifest.packages.length} packages, ${scan.summary.filesScanned} files, ${totalLines.toLocaleString('en')} lines (${lines.nonTest.toLocaleString('en')} non-test, ${lines.test.toLocaleString('en')} test) in ${corpus}`);
out.push(`Scan: ${(scanMs / 1000).toFixed(1)} s with --jobs ${a.jobs ?? 2} (${fmt(totalLines / (scanMs / 1000) / 1000, 1)}k lines/s)${a.reuse ? ' (reused)' : ''}; the CLI counted ${scan.summary.lines.total.toLocaleString('en')} lines`);
if (manifest.missing.length) out.push(`Not installed: ${manifest.missing.length} packages (${manifest.missing.join(' ')})`);
out.push('');
out.push(`  ${'language'.padEnd(10)} ${'files'.padStart(7)} ${'non-test lines'.padStart(15)} ${'test lines'.padStart(11)} ${'findings'.padStart(9)} ${'per 10k non-test'.padStart(17)} ${'per 10k test'.padStart(13)}`);
for (const [lang, l] of Object.entries(lines.byLang).sort()) {
  const nt = nonTestFindings.filter((f) => f.lang === lang).length;
  const t = testFindings.filter((f) => f.lang === lang).length;
  out.push(`  ${lang.padEnd(10)} ${String(l.files).padStart(7)} ${String(l.nonTest).padStart(15)} ${String(l.test).padStart(11)} ${String(nt + t).padStart(9)} ${fmt(per10k(nt, l.nonTest)).padStart(17)} ${fmt(per10k(t, l.test)).padStart(13)}`);
}
out.push('');
const rules = [...new Set([...findings.map((f) => f.ruleId), ...[...labels.values()].map((l) => l.rule)])].sort();
const prec = precisionRows(findings, labels);
// Alerts are what a user is asked to act on: warnings and errors. Info findings are notes (a weak digest with no
// sign of what it protects, anything of a rule with `testSeverity: info` in test code), counted apart.
const isAlert = (f) => f.severity !== 'info';
const alertPrec = precisionRows(findings.filter(isAlert), labels);
out.push(`  ${''.padEnd(26)} ${''.padStart(8)} ${''.padStart(8)} ${''.padStart(6)} ${''.padStart(8)} ${'every finding'.padStart(28)} ${'alerts (warning, error)'.padStart(32)}`);
out.push(`  ${'rule'.padEnd(26)} ${'non-test'.padStart(8)} ${'per 10k'.padStart(8)} ${'test'.padStart(6)} ${'per 10k'.padStart(8)} ${'labelled'.padStart(8)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'precision'.padStart(9)} ${'labelled'.padStart(9)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'precision'.padStart(9)}`);
const NONE = { n: 0, tp: 0, fp: 0, precision: null };
const cells = (p) => `${String(p.n).padStart(8)} ${String(p.tp).padStart(4)} ${String(p.fp).padStart(4)} ${fmt(p.precision).padStart(9)}`;
for (const r of rules) {
  const nt = nonTestFindings.filter((f) => f.ruleId === r).length;
  const t = testFindings.filter((f) => f.ruleId === r).length;
  out.push(`  ${r.padEnd(26)} ${String(nt).padStart(8)} ${fmt(per10k(nt, lines.nonTest)).padStart(8)} ${String(t).padStart(6)} ${fmt(per10k(t, lines.test)).padStart(8)} ${cells(prec.get(r) ?? NONE)}  ${cells(alertPrec.get(r) ?? NONE)}`);
}
const all = prec.get('*') ?? NONE;
out.push(`  ${'all'.padEnd(26)} ${String(nonTestFindings.length).padStart(8)} ${fmt(per10k(nonTestFindings.length, lines.nonTest)).padStart(8)} ${String(testFindings.length).padStart(6)} ${fmt(per10k(testFindings.length, lines.test)).padStart(8)} ${cells(all)}  ${cells(alertPrec.get('*') ?? NONE)}`);
const sev = (list) => ['error', 'warning', 'info'].map((s) => `${list.filter((f) => f.severity === s).length} ${s}`).join(', ');
out.push(`  by severity: non-test ${sev(nonTestFindings)}; test ${sev(testFindings)}`);
const reported = new Set(findings.map((f) => f.key));
const stale = [...labels.values()].filter((l) => !reported.has(l.key));
const staleTp = stale.filter((l) => l.label === 'TP').length;
out.push(`  labels: ${labels.size} in ${LABELS_FILE}, ${all.n} match a finding of this run; ${stale.length} no longer reported: ${stale.length - staleTp} FP (fixed), ${staleTp} TP (lost, or the line changed)`);
const nt = precisionRows(nonTestFindings, labels);
const ntRules = [...nt.entries()].filter(([r]) => r !== '*').map(([r, p]) => `${r} ${fmt(p.precision)} (${p.n})`);
out.push(`  precision on non-test code only: ${fmt(nt.get('*')?.precision ?? null)} (${nt.get('*')?.n ?? 0}); ${ntRules.join(', ')}`);

// --- unlabelled --------------------------------------------------------------------------------------------------
const unlabelled = findings.filter((f) => !labels.has(f.key));
const listFile = path.join(cacheDir(), 'unlabelled.txt');
fs.writeFileSync(listFile, unlabelled.map((f) => `${f.key} ${f.ruleId} ${f.test ? 'test' : 'non-test'} ${f.rel}:${f.line}`).join('\n') + '\n');
out.push('');
out.push(`Unlabelled findings: ${unlabelled.length} (all in ${listFile}; \`--sample N [--rule ID]\` shows them with their code)`);
for (const f of unlabelled.slice(0, Number(a.unlabelled ?? 20))) out.push(`  ${f.key} ${f.ruleId.padEnd(24)} ${f.test ? 'test    ' : 'non-test'} ${f.rel}:${f.line}`);

// --- fixtures and targets ---------------------------------------------------------------------------------------
let fixtures;
if (!a['no-fixtures']) {
  const s = await fixturesSection(repo);
  fixtures = { files: s.files, missing: s.total.missing, unexpected: s.total.unexpected };
}
const pass = (ok) => (ok ? 'PASS' : 'MISS');
const density = per10k(nonTestFindings.length, lines.nonTest);
// The precision target reads alerts: a note (info) asks for no action, so it cannot be the alarm that wears users
// out. Every-finding precision is printed beside it.
const sampled = [...alertPrec.entries()].filter(([r, p]) => r !== '*' && p.n >= TARGETS.minSamples);
const quietRules = [...prec.entries()].filter(([r, p]) => r !== '*' && p.n >= TARGETS.minSamples && !sampled.some(([s]) => s === r));
out.push('');
out.push('Targets (issue 20)');
out.push(`  ${pass(density <= TARGETS.nonTestPer10k)}  findings per 10,000 non-test lines: ${fmt(density)} (target <= ${TARGETS.nonTestPer10k})`);
out.push(`  ${pass(all.n >= TARGETS.minLabels)}  labelled findings: ${all.n} (target >= ${TARGETS.minLabels})`);
const every = (r) => { const p = prec.get(r) ?? NONE; return `every finding ${fmt(p.precision)} on ${p.n}`; };
for (const [r, p] of sampled) out.push(`  ${pass(p.precision >= TARGETS.precision)}  precision ${r}: alerts ${fmt(p.precision)} on ${p.n} labels (target >= ${TARGETS.precision}); ${every(r)}`);
for (const [r, p] of quietRules) out.push(`  -     precision ${r}: ${(alertPrec.get(r) ?? NONE).n} labelled alerts, below ${TARGETS.minSamples}; ${every(r)} (notes: ${p.n - (alertPrec.get(r) ?? NONE).n})`);
if (fixtures) out.push(`  ${pass(fixtures.missing === 0 && fixtures.unexpected === 0)}  fixtures: ${fixtures.files} files, ${fixtures.missing} expected findings missing, ${fixtures.unexpected} unexpected`);
console.log(out.join('\n'));

if (a.json) {
  const json = { corpus: { dir: corpus, packages: manifest.packages, missing: manifest.missing, files: scan.summary.filesScanned, lines }, scanMs, density, rules: Object.fromEntries(rules.map((r) => [r, { nonTest: nonTestFindings.filter((f) => f.ruleId === r).length, test: testFindings.filter((f) => f.ruleId === r).length, ...(prec.get(r) ?? {}) }])), labelled: all, labelledAlerts: alertPrec.get('*') ?? NONE, unlabelled: unlabelled.length, fixtures };
  fs.writeFileSync(a.json, JSON.stringify(json, null, 2));
}
