// The own-fixtures section of `npm run bench:accuracy`: the annotated files under test-fixtures/<rule-id>/ read
// with the fixture harness's own annotation parser (server/lib/project/fixtureCheck.js), analysed by the engine
// in-process as the harness does, and counted per rule and language. The harness passes or fails a file; this
// says how much of each rule's declared behaviour holds:
//  - expected: lines annotated `vigil-expect: <rule>` (or `vigil-demoted`); found: those with a finding of the rule; missing: the rest;
//  - ok: lines annotated `vigil-ok: <rule>`; ok flagged: those with a finding anyway;
//  - unexpected: lines with a finding of the rule that no `vigil-expect` names (the ok-flagged lines included);
//  - TPR = found / expected, precision = found / (found + unexpected), counted by line.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const blank = () => ({ files: 0, expected: 0, found: 0, missing: 0, ok: 0, okFlagged: 0, unexpected: 0, missingAt: [], unexpectedAt: [] });

/** Adds one file's counts for one rule into `into`. `annotations`: { kind, ruleId, line } (0-based); `findingLines`: 0-based lines of the rule's findings. */
export function countFile(into, rel, rule, annotations, findingLines) {
  const mine = annotations.filter((e) => e.ruleId === rule);
  // A `vigil-demoted` line expects a finding too (demoted as test code).
  const expect = new Set(mine.filter((e) => e.kind === 'expect' || e.kind === 'demoted').map((e) => e.line));
  const ok = new Set(mine.filter((e) => e.kind === 'ok').map((e) => e.line));
  const hit = new Set(findingLines);
  into.files++;
  into.expected += expect.size;
  into.ok += ok.size;
  for (const l of expect) {
    if (hit.has(l)) into.found++;
    else {
      into.missing++;
      into.missingAt.push(`${rel}:${l + 1}`);
    }
  }
  for (const l of ok) if (hit.has(l)) into.okFlagged++;
  for (const l of [...hit].sort((x, y) => x - y)) {
    if (expect.has(l)) continue;
    into.unexpected++;
    into.unexpectedAt.push(`${rel}:${l + 1}`);
  }
}

export const rates = (s) => ({ tpr: s.expected ? s.found / s.expected : null, precision: s.found + s.unexpected ? s.found / (s.found + s.unexpected) : null });

/** Counts per rule and language over the fixture tree at `<repo>/test-fixtures`. */
export async function fixturesSection(repo, { today = '2026-01-01' } = {}) {
  const lib = (p) => require(path.join(repo, 'server/lib', p));
  const { Engine } = lib('engine/index.js');
  const { fixtureFiles, fixtureLanguage, fixturePath, parseAnnotations } = lib('project/fixtureCheck.js');
  const engine = Engine.create();
  const fixturesRoot = path.join(repo, 'test-fixtures');
  const table = new Map();
  const cell = (rule, lang) => {
    const k = `${rule}\0${lang}`;
    if (!table.has(k)) table.set(k, { rule, language: lang, ...blank() });
    return table.get(k);
  };
  const folders = fs.readdirSync(fixturesRoot, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  let files = 0;
  for (const folder of folders) {
    for (const file of fixtureFiles(path.join(fixturesRoot, folder))) {
      files++;
      const text = fs.readFileSync(file, 'utf8');
      const annotations = parseAnnotations(text);
      const languageId = fixtureLanguage(file);
      // As the harness: analysed under its path inside the rule folder; the folder's rule and every annotated rule are counted.
      const result = await engine.analyze({ path: fixturePath(file, folder), languageId, text }, { today });
      const rel = path.relative(fixturesRoot, file).split(path.sep).join('/');
      for (const rule of new Set([folder, ...annotations.map((e) => e.ruleId)])) {
        const lines = result.findings.filter((f) => f.ruleId === rule).map((f) => f.range.start.line);
        countFile(cell(rule, languageId), rel, rule, annotations, lines);
      }
    }
  }
  const rows = [...table.values()].sort((x, y) => x.rule.localeCompare(y.rule) || x.language.localeCompare(y.language)).map((r) => ({ ...r, ...rates(r) }));
  const perRule = new Map();
  const total = { rule: 'all', language: 'all', ...blank() };
  for (const r of rows) {
    if (!perRule.has(r.rule)) perRule.set(r.rule, { rule: r.rule, language: 'all', ...blank() });
    for (const t of [perRule.get(r.rule), total]) {
      for (const k of ['files', 'expected', 'found', 'missing', 'ok', 'okFlagged', 'unexpected']) t[k] += r[k];
      t.missingAt.push(...r.missingAt);
      t.unexpectedAt.push(...r.unexpectedAt);
    }
  }
  const rules = [...perRule.values()].map((r) => ({ ...r, ...rates(r) }));
  return { files, rows, rules, total: { ...total, ...rates(total) } };
}

const num = (x) => (x === null ? '    -' : x.toFixed(3));

export function printFixtures(s) {
  const out = [];
  out.push(`Own fixtures (test-fixtures/): ${s.files} files; counted by line, per rule and language`);
  const head = `${'rule'.padEnd(28)} ${'language'.padEnd(16)} ${'files'.padStart(5)} ${'expected'.padStart(8)} ${'found'.padStart(6)} ${'missing'.padStart(7)} ${'ok'.padStart(5)} ${'ok flagged'.padStart(10)} ${'unexpected'.padStart(10)}  ${'TPR'.padStart(5)}  precision`;
  const line = (r) =>
    `${r.rule.padEnd(28)} ${r.language.padEnd(16)} ${String(r.files).padStart(5)} ${String(r.expected).padStart(8)} ${String(r.found).padStart(6)} ${String(r.missing).padStart(7)} ${String(r.ok).padStart(5)} ${String(r.okFlagged).padStart(10)} ${String(r.unexpected).padStart(10)}  ${num(r.tpr)}  ${num(r.precision)}`;
  out.push(`  ${head}`);
  for (const rule of s.rules) {
    for (const r of s.rows.filter((x) => x.rule === rule.rule)) out.push(`  ${line(r)}`);
    out.push(`  ${line(rule)}`);
  }
  out.push(`  ${line(s.total)}`);
  if (s.total.missingAt.length || s.total.unexpectedAt.length) {
    out.push('  Missing and unexpected (first 5 per rule)');
    for (const r of s.rules) {
      for (const m of r.missingAt.slice(0, 5)) out.push(`    ${r.rule} missing     ${m}`);
      for (const u of r.unexpectedAt.slice(0, 5)) out.push(`    ${r.rule} unexpected  ${u}`);
    }
  }
  return out.join('\n');
}
