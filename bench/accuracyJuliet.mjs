// The Juliet Java section of `npm run bench:accuracy` (issues 14 and 15): the compiled CLI scans the public
// Juliet Java suite where it lies (never copied into the repository), then each CWE's rule is scored per test
// case (julietCases.mjs, julietScore.mjs): TPR, FPR and Youden's J per CWE and per flow-variant group, the
// in-file and cross-file scopes separately, next to the issues' targets. Under the default threat model (`remote`)
// the folders of the rules the model changes are then scanned a second time with `--threat-model local`, and
// their rows printed under that model: Juliet labels the environment, system properties and properties files as
// attacker input, which only `local` counts for path, URL and redirect sinks.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCases } from './julietCases.mjs';
import { SCOPES, VARIANT_GROUPS, checkTargets, examples, groupMetrics, scoreCases } from './julietScore.mjs';

const ISSUE_14 = { all: 0.95 };
const ISSUE_14_SECRETS = { all: 0.9 };
const ISSUE_15 = { inFile: 0.9, crossFile: 0.8 };

/** CWE -> the rule scored on its folder, and the target (minimum Youden per scope) where an issue sets one. */
export const JULIET_MAP = [
  { cwe: 328, rule: 'weak-hash', targets: ISSUE_14 },
  { cwe: 759, rule: 'weak-hash', note: 'unsalted hash (salting, not the algorithm): no target' },
  { cwe: 760, rule: 'weak-hash', note: 'predictable salt (salting, not the algorithm): no target' },
  { cwe: 916, rule: 'weak-hash', note: 'password hash with too little effort: no target' },
  { cwe: 327, rule: 'weak-cipher', targets: ISSUE_14 },
  { cwe: 329, rule: 'weak-cipher', targets: ISSUE_14 },
  { cwe: 338, rule: 'insecure-random', targets: ISSUE_14 },
  { cwe: 336, rule: 'insecure-random', targets: ISSUE_14 },
  { cwe: 259, rule: 'hardcoded-secret', targets: ISSUE_14_SECRETS },
  { cwe: 321, rule: 'hardcoded-secret', targets: ISSUE_14_SECRETS },
  { cwe: 89, rule: 'sql-injection', targets: ISSUE_15 },
  { cwe: 78, rule: 'command-injection', targets: ISSUE_15 },
  { cwe: 80, rule: 'xss', targets: ISSUE_15 },
  { cwe: 81, rule: 'xss', targets: ISSUE_15 },
  { cwe: 83, rule: 'xss', targets: ISSUE_15 },
  { cwe: 23, rule: 'path-traversal', targets: ISSUE_15 },
  { cwe: 36, rule: 'path-traversal', targets: ISSUE_15 },
  { cwe: 90, rule: 'ldap-injection', targets: ISSUE_15 },
  { cwe: 643, rule: 'xpath-injection', targets: ISSUE_15 },
  { cwe: 601, rule: 'open-redirect', targets: ISSUE_15 },
  { cwe: 614, rule: 'insecure-config', note: 'cookie without Secure: no target' },
  { cwe: 918, rule: 'ssrf', note: 'no target' },
];

/** The folder holding testcases/ and testcasesupport/: DIR/src or DIR itself; undefined when neither. */
export function julietRoot(dir) {
  for (const d of [path.join(dir, 'src'), dir]) if (fs.existsSync(path.join(d, 'testcases'))) return d;
  return undefined;
}

const cweFolders = (root) => fs.readdirSync(path.join(root, 'testcases')).filter((n) => /^CWE\d+_/.test(n));
const folderFor = (folders, cwe) => folders.find((n) => n.startsWith(`CWE${cwe}_`));

export const THREAT_MODELS = ['remote', 'local'];

/**
 * The rule ids whose findings depend on the threat model: those whose taint filter counts only outside sources
 * (`sources: outside`), and insecure-deserialization, whose helpers read "the program's own data" the same way.
 * Every other rule counts the operator's sources under both models, so a second scan could not change its numbers.
 */
export function threatModelRules(repo) {
  const dir = path.join(repo, 'rules');
  const out = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const id = /^id:\s*([\w-]+)/m.exec(text)?.[1];
    if (id && /\bsources:\s*outside\b|helper:\s*(deserializesOwnData|loadsOwnEncoding)\b/.test(text)) out.push(id);
  }
  return out;
}

/** The CLI's findings over the mapped CWE folders (and the support classes every case calls), and the built-in rule ids. */
function runCli(repo, root, folders, threatModel) {
  const cli = path.join(repo, 'server/out/cli.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-juliet-'));
  const out = path.join(tmp, 'findings.json');
  const dirs = [...folders.map((f) => path.join(root, 'testcases', f)), path.join(root, 'testcasesupport')].filter((d) => fs.existsSync(d));
  const t0 = performance.now();
  // Run from an empty folder so that no .vigil.yaml of the caller's changes the rules.
  const model = threatModel ? ['--threat-model', threatModel] : [];
  const r = spawnSync(process.execPath, [cli, 'scan', ...dirs, '--root', root, '--no-ignore', '--format', 'json', '--fail-on', 'none', '--output', out, ...model], { cwd: tmp, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`vigil scan exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const rules = JSON.parse(spawnSync(process.execPath, [cli, 'rules', '--format', 'json'], { cwd: tmp, encoding: 'utf8' }).stdout).map((x) => x.id);
  fs.rmSync(tmp, { recursive: true, force: true });
  return { report, rules, seconds };
}

/**
 * Scores already-obtained findings on a Juliet root: the part of the section that needs no engine (tests use it).
 * `findings`: { path, line, ruleId }[]; `rules`: the rule ids that exist.
 */
export function scoreJuliet(root, findings, rules, map = JULIET_MAP) {
  const present = cweFolders(root);
  const rows = map.map((m) => ({ ...m, folder: folderFor(present, m.cwe), ruleExists: rules.includes(m.rule) }));
  const folders = rows.filter((r) => r.folder).map((r) => r.folder);
  const loaded = loadCases(root, folders);
  const ruleOf = (folder) => rows.find((r) => r.folder === folder)?.rule;
  const outcomes = scoreCases(loaded, findings, ruleOf);
  const cwes = rows.map((r) => {
    if (!r.folder) return { cwe: r.cwe, rule: r.rule, ruleExists: r.ruleExists, folder: null, note: r.note };
    const mine = outcomes.filter((o) => o.case.folder === r.folder);
    const { groups, scopes } = groupMetrics(mine);
    return { cwe: r.cwe, rule: r.rule, ruleExists: r.ruleExists, folder: r.folder, note: r.note, groups, scopes, targets: checkTargets(r.targets, scopes) };
  });
  const perRule = {};
  for (const rule of [...new Set(rows.filter((r) => r.folder).map((r) => r.rule))]) perRule[rule] = examples(outcomes.filter((o) => o.rule === rule));
  // Findings of rules not scored on a folder: not counted, but worth a glance (a noisy rule shows up here).
  const other = {};
  for (const f of findings) {
    const hit = loaded.byPath.get(f.path);
    if (hit && f.ruleId !== ruleOf(hit.case.folder)) other[f.ruleId] = (other[f.ruleId] ?? 0) + 1;
  }
  // Every target in one flat list, for readers of the JSON.
  const targets = cwes.flatMap((c) => (c.targets ?? []).map((t) => ({ cwe: c.cwe, rule: c.rule, ...t })));
  return { cases: loaded.cases.length, cwes, targets, perRule, otherRules: other };
}

/** Scans the folders of `map`'s CWEs under `threatModel` (undefined: the CLI's default) and scores them. */
function scanAndScore(repo, root, map, threatModel) {
  const present = cweFolders(root);
  const folders = [...new Set(map.map((m) => folderFor(present, m.cwe)).filter(Boolean))];
  const { report, rules, seconds } = runCli(repo, root, folders, threatModel);
  const findings = report.findings.map((f) => ({ path: f.path, line: f.line, ruleId: f.ruleId, severity: f.severity }));
  return { seconds, filesScanned: report.summary.filesScanned, findings: findings.length, ...scoreJuliet(root, findings, rules, map) };
}

/**
 * The whole section; `{ skipped }` with the line to print when the suite is not there. `threatModel` (`remote` or
 * `local`, passed to the CLI as `--threat-model`) sets the model of the main table; under `remote` (the default)
 * `local` holds the second scan: the CWEs of threatModelRules under `local`.
 */
export function julietSection(repo, dir, opts = {}) {
  const root = julietRoot(dir);
  if (!root) return { skipped: `Juliet Java: skipped, no suite at ${dir} (pass --juliet DIR, the folder holding src/testcases)` };
  const threatModel = opts.threatModel ?? 'remote';
  const main = { root, threatModel, ...scanAndScore(repo, root, JULIET_MAP, opts.threatModel) };
  if (threatModel !== 'remote' || opts.compare === false) return main;
  const sensitive = threatModelRules(repo);
  const map = JULIET_MAP.filter((m) => sensitive.includes(m.rule) && folderFor(cweFolders(root), m.cwe));
  if (map.length === 0) return main;
  return { ...main, local: { threatModel: 'local', rules: sensitive, ...scanAndScore(repo, root, map, 'local') } };
}

const num = (x) => (x === null || x === undefined ? '    -' : x.toFixed(3));
const cols = (m) => `${String(m.cases).padStart(6)} ${String(m.bad).padStart(5)} ${String(m.good).padStart(5)} ${String(m.tp).padStart(5)} ${String(m.fp).padStart(5)}  ${num(m.tpr)}  ${num(m.fpr)}  ${num(m.youden).padStart(6)}`;
const HEAD = `${'cases'.padStart(6)} ${'bad'.padStart(5)} ${'good'.padStart(5)} ${'TP'.padStart(5)} ${'FP'.padStart(5)}  ${'TPR'.padStart(5)}  ${'FPR'.padStart(5)}  ${'Youden'.padStart(6)}`;
const cweName = (c) => `CWE-${c.cwe}`.padEnd(8);
const ruleName = (c) => `${c.rule}${c.ruleExists ? '' : ' (no rule)'}`.padEnd(28);

export function printJuliet(s) {
  if (s.skipped) return s.skipped;
  const out = [];
  const scored = s.cwes.filter((c) => c.folder);
  const model = s.threatModel === 'local' ? 'threat model local (--threat-model local)' : 'threat model remote (the default)';
  out.push(`Juliet Java (${s.root}): ${scored.length} CWE folders, ${s.cases} cases, ${model}; vigil scan of ${s.filesScanned} files took ${s.seconds.toFixed(1)} s, ${s.findings} findings`);
  out.push(`  A case is one file or the files sharing a stem (_54a.._54e, _81a/_81_bad/...). TP: a finding of the CWE's rule in`);
  out.push(`  a bad* method or a _bad file; FP: one in a good* method or a _good* file. TPR over cases with bad code, FPR over`);
  out.push(`  cases with good code; Youden = TPR - FPR.`);
  out.push('');
  out.push(`  Targets and totals`);
  out.push(`  ${'CWE'.padEnd(8)} ${'rule'.padEnd(28)} ${'scope'.padEnd(24)} ${HEAD}  target`);
  for (const c of s.cwes) {
    if (!c.folder) {
      out.push(`  ${cweName(c)} ${ruleName(c)} not in this copy of the suite`);
      continue;
    }
    const rows = c.targets.length ? c.targets : [{ scope: 'all' }];
    for (const t of rows) {
      const scope = SCOPES.find((x) => x.id === t.scope);
      const mark = t.min === undefined ? `-  (${c.note ?? 'no target'})` : `>= ${t.min.toFixed(2)} ${t.pass ? 'PASS' : 'FAIL'}`;
      out.push(`  ${cweName(c)} ${ruleName(c)} ${scope.label.padEnd(24)} ${cols(c.scopes[t.scope])}  ${mark}`);
    }
  }
  out.push(`  targets met: ${s.targets.filter((t) => t.pass).length} of ${s.targets.length}`);
  const notes = scored.filter((c) => c.scopes.all.tpNotes > 0).map((c) => `CWE-${c.cwe} ${c.scopes.all.tpNotes} of ${c.scopes.all.tp}`);
  if (notes.length) out.push(`  true positives reported only as notes (info, no sign of what the code protects): ${notes.join(', ')}`);
  out.push('');
  if (s.local) out.push(...printLocal(s, s.local), '');
  out.push(`  Per CWE and flow-variant group (22 and 61-75 also use a second file; issue 15 counts them as in-file)`);
  for (const c of scored) {
    out.push(`  ${c.folder} -> ${c.rule}${c.ruleExists ? '' : ' (no rule: all zero)'}`);
    out.push(`    ${'group'.padEnd(40)} ${HEAD}`);
    for (const g of VARIANT_GROUPS) if (c.groups[g.id].cases > 0) out.push(`    ${g.label.padEnd(40)} ${cols(c.groups[g.id])}`);
    for (const sc of SCOPES) if (c.scopes[sc.id].cases > 0) out.push(`    ${`= ${sc.label}`.padEnd(40)} ${cols(c.scopes[sc.id])}`);
    const outside = c.scopes.all.outside;
    if (outside > 0) out.push(`    (${outside} findings of ${c.rule} on lines outside any bad/good method, not counted)`);
  }
  out.push('');
  out.push(`  Missed bad cases and falsely flagged good code per rule (first 5, spread over flow variants)`);
  for (const [rule, e] of Object.entries(s.perRule)) {
    out.push(`  ${rule}: ${e.missed} cases missed, ${e.falsePositives} cases with a false positive`);
    for (const m of e.missedAt) out.push(`    missed  ${m}`);
    for (const f of e.falsePositiveAt) out.push(`    FP      ${f}`);
  }
  const other = Object.entries(s.otherRules).sort((a, b) => b[1] - a[1]);
  if (other.length) out.push(`  Findings of other rules in these cases (not scored): ${other.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  return out.join('\n');
}

const sameScope = (a, b) => ['cases', 'bad', 'good', 'tp', 'fp'].every((k) => a[k] === b[k]);

/**
 * The rows of the second scan (`local`): the CWEs whose rules the threat model changes, each target row with the
 * default model's Youden beside it, the flow-variant groups of those that differ, and what is still missed.
 */
export function printLocal(base, local) {
  const out = [];
  const ids = local.cwes.filter((c) => c.folder).map((c) => `CWE-${c.cwe}`);
  out.push(`  Threat model local (--threat-model local): the operator's sources count too (environment, system properties,`);
  out.push(`  properties files, command line). The rules it changes: ${local.rules.join(', ')}.`);
  out.push(`  Their folders here (${ids.join(', ')}) scanned again: ${local.filesScanned} files in ${local.seconds.toFixed(1)} s, ${local.findings} findings.`);
  out.push(`  Every other rule counts those sources under both models, so its numbers above stand for local too.`);
  out.push(`  ${'CWE'.padEnd(8)} ${'rule'.padEnd(28)} ${'scope'.padEnd(24)} ${HEAD}  target        remote`);
  const differs = [];
  for (const c of local.cwes) {
    if (!c.folder) continue;
    const b = base.cwes.find((x) => x.cwe === c.cwe);
    const rows = c.targets.length ? c.targets : [{ scope: 'all' }];
    for (const t of rows) {
      const scope = SCOPES.find((x) => x.id === t.scope);
      const mark = t.min === undefined ? `-  (${c.note ?? 'no target'})`.padEnd(13) : `>= ${t.min.toFixed(2)} ${t.pass ? 'PASS' : 'FAIL'}`;
      const was = b?.scopes?.[t.scope];
      const same = was && sameScope(was, c.scopes[t.scope]);
      out.push(`  ${cweName(c)} ${ruleName(c)} ${scope.label.padEnd(24)} ${cols(c.scopes[t.scope])}  ${mark}  ${was ? `${num(was.youden)}${same ? ' (same)' : ''}` : '-'}`);
    }
    if (b?.scopes && !sameScope(b.scopes.all, c.scopes.all)) differs.push(c);
  }
  const met = local.targets.filter((t) => t.pass).length;
  const others = base.targets.filter((t) => !local.targets.some((l) => l.cwe === t.cwe && l.scope === t.scope));
  out.push(`  targets met under local: ${met} of ${local.targets.length} of these; with the other CWEs as above, ${met + others.filter((t) => t.pass).length} of ${local.targets.length + others.length}`);
  for (const c of differs) {
    out.push(`  ${c.folder} -> ${c.rule}, local`);
    out.push(`    ${'group'.padEnd(40)} ${HEAD}`);
    for (const g of VARIANT_GROUPS) if (c.groups[g.id].cases > 0) out.push(`    ${g.label.padEnd(40)} ${cols(c.groups[g.id])}`);
  }
  for (const [rule, e] of Object.entries(local.perRule)) {
    out.push(`  ${rule}, local: ${e.missed} cases missed, ${e.falsePositives} cases with a false positive`);
    for (const m of e.missedAt) out.push(`    missed  ${m}`);
    for (const f of e.falsePositiveAt) out.push(`    FP      ${f}`);
  }
  return out;
}
