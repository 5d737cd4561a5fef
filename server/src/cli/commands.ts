// The commands other than scan: rules, explain, suppressions, test-rules.
import * as fs from 'fs';
import * as path from 'path';
import { Engine, formatLoadError, todayIso, resolveRuleFolder, type Rule } from '../engine';
import { checkFixtureTree } from '../project';
import type { CliArgs } from './args';
import { collect, setup, setupAll, type Report } from './collect';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors';
import { plural } from './text';

export interface Output {
  write(text: string): void;
}

export function ruleLanguages(rule: Rule): string[] {
  return [...new Set(rule.patterns.flatMap((p) => p.languages as string[]))].sort();
}

export function rulesCommand(args: CliArgs, out: Output): number {
  const { engine, config } = setup(args);
  const rules = [...engine.rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = rules.map((r) => ({
    id: r.id,
    title: r.title,
    severity: config.severity[r.id] ?? r.severity,
    confidence: r.confidence,
    languages: ruleLanguages(r),
    cwe: r.cwe,
    enabled: !config.disable.includes(r.id),
    custom: r.custom === true,
  }));
  if (args.format === 'json') {
    out.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const w = Math.max(4, ...rows.map((r) => r.id.length));
  out.write(`${'RULE'.padEnd(w)}  SEVERITY  CONFIDENCE  CWE          LANGUAGES\n`);
  for (const r of rows) {
    const cwe = r.cwe.map((n) => `CWE-${n}`).join(',');
    const flags = `${r.enabled ? '' : ' (disabled)'}${r.custom ? ' (custom)' : ''}`;
    out.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.confidence.padEnd(10)}  ${cwe.padEnd(11)}  ${r.languages.join(', ')}${flags}\n`);
  }
  out.write(`${plural(rows.length, 'rule')}\n`);
  return EXIT_OK;
}

export function explainCommand(args: CliArgs, out: Output): number {
  const { engine } = setup(args);
  const id = args.positionals[0]!;
  const rule = engine.rule(id);
  if (!rule) {
    const near = engine.rules.map((r) => r.id).filter((r) => r.includes(id) || id.includes(r));
    throw new UsageError(`unknown rule '${id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; \`vigil rules\` lists them`);
  }
  out.write(`# ${rule.title} (${rule.id})\n\n`);
  out.write(`Severity: ${rule.severity}. Confidence: ${rule.confidence}. ${rule.cwe.map((n) => `CWE-${n}`).join(', ')}${rule.owasp.length ? `. OWASP ${rule.owasp.join(', ')}` : ''}.\n`);
  out.write(`Languages: ${ruleLanguages(rule).join(', ')}.\n\n`);
  out.write(`${rule.docs.trim()}\n`);
  return EXIT_OK;
}

export async function suppressionsCommand(args: CliArgs, out: Output): Promise<number> {
  const setups = setupAll(args);
  const today = todayIso();
  const rows: SuppressionRow[] = [];
  // Rule ids are checked against the rules each root's scan would load (custom ones included): the workers of this
  // command only read comments.
  for (const s of setups) rows.push(...suppressionRows(await collect(args, s, { mode: 'suppressions' }), today, setups.length > 1, (id) => s.engine.rule(id) !== undefined));
  if (args.format === 'json') {
    out.write(`${JSON.stringify({ today, suppressions: rows }, null, 2)}\n`);
    return EXIT_OK;
  }
  for (const r of rows) {
    const until = r.until ? ` until ${r.until}${r.expired ? ' (EXPIRED)' : ''}` : '';
    const reason = r.reason ? ` -- ${r.reason}` : ' (no reason given)';
    const problem = r.problem ? ` [problem: ${r.problem}]` : '';
    const where = r.root ? path.join(r.root, r.path) : r.path;
    out.write(`${where}:${r.line}  ${r.rules.join(', ') || '(no rule)'}${until}${reason}${problem}\n`);
  }
  const expired = rows.filter((r) => r.expired).length;
  const problems = rows.filter((r) => r.problem).length;
  out.write(`${plural(rows.length, 'suppression')}, ${expired} expired, ${rows.filter((r) => !r.reason).length} without a reason${problems ? `, ${problems} with a problem` : ''}\n`);
  return EXIT_OK;
}

export interface SuppressionRow {
  root?: string;
  path: string;
  line: number;
  rules: string[];
  reason: string | null;
  until: string | null;
  expired: boolean;
  unknownRules: string[];
  problem?: string;
}

/** The suppression comments of a report, 1-based lines; `root` only when several roots are listed together. */
export function suppressionRows(report: Report, today: string, tagRoot: boolean, known: (ruleId: string) => boolean): SuppressionRow[] {
  return report.files.flatMap((f) =>
    (f.suppressions ?? []).map((x) => {
      const unknown = x.ruleIds.filter((id) => !known(id));
      const problems = [...(x.problem ? [x.problem] : []), ...unknown.map((id) => `unknown rule '${id}' (see \`vigil rules\`)`)];
      return {
        ...(tagRoot ? { root: report.root } : {}),
        path: f.path,
        line: x.line + 1,
        rules: x.ruleIds,
        reason: x.reason ?? null,
        until: x.until ?? null,
        expired: x.until !== undefined && x.until < today,
        unknownRules: unknown,
        ...(problems.length ? { problem: problems.join('; ') } : {}),
      };
    }),
  );
}

/**
 * Custom rules live in `<folder>/rules/*.yaml` (or `<folder>/*.yaml` when there is no rules/ subfolder) and their
 * fixtures in `<folder>/test-fixtures/<rule-id>/`, the same layout as Vigil's own rules; resolveRuleFolder is the
 * same resolution that `vigil scan` and the editor apply to the folders in .vigil.yaml.
 */
export async function testRulesCommand(args: CliArgs, out: Output): Promise<number> {
  const dir = path.resolve(args.positionals[0]!);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${args.positionals[0]} is not a folder`);
  const { rulesDir, fixturesDir } = resolveRuleFolder(dir);
  const engine = Engine.create({ customRuleDirs: [rulesDir] });
  const custom = engine.rules.filter((r) => r.custom);
  let failures = 0;
  for (const e of engine.loadErrors) {
    out.write(`FAIL ${formatLoadError(e)}\n`);
    failures++;
  }
  if (custom.length === 0 && engine.loadErrors.length === 0) throw new UsageError(`no rule files (*.yaml) in ${rulesDir}`);
  const { reports, ruleFailures } = await checkFixtureTree(engine, fixturesDir, custom.map((r) => r.id));
  for (const r of reports) {
    const rel = path.relative(process.cwd(), r.file);
    if (r.failures.length === 0) out.write(`ok   ${rel}\n`);
    else {
      failures += r.failures.length;
      for (const f of r.failures) out.write(`FAIL ${rel}: ${f}\n`);
    }
  }
  for (const f of ruleFailures) out.write(`FAIL ${f}\n`);
  failures += ruleFailures.length;
  out.write(`${plural(custom.length, 'rule')}, ${plural(reports.length, 'fixture')}, ${plural(failures, 'failure')}\n`);
  return failures > 0 ? EXIT_FINDINGS : EXIT_OK;
}
