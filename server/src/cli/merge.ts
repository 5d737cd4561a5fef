// `vigil merge`: combines the SARIF files of sharded runs. Runs of the same tool become one run with the union
// of the rule descriptors and every result, in the order a single run prints them (path, line, column, rule).
import * as fs from 'fs';
import { UsageError } from './errors';
import { mergeRunSizes, sortNotifications, type SarifLog, type SarifResult, type SarifRule, type SarifRun } from './sarif';

export function readSarif(file: string): SarifLog {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(err.code ? `cannot read ${file}: ${err.code}` : `${file} is not valid JSON: ${err.message.split('\n')[0]}`);
  }
  const log = data as Partial<SarifLog> | null;
  if (!log || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new UsageError(`${file} is not a SARIF 2.1.0 log`);
  for (const run of log.runs) {
    if (!run?.tool?.driver || !Array.isArray(run.results)) throw new UsageError(`${file} has a run without tool.driver or results`);
  }
  return log as SarifLog;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function resultKey(r: SarifResult): [string, number, number, string] {
  const loc = r.locations?.[0]?.physicalLocation;
  return [decodeURIComponent(loc?.artifactLocation?.uri ?? ''), loc?.region?.startLine ?? 0, loc?.region?.startColumn ?? 0, r.ruleId];
}

function mergeRuns(runs: SarifRun[]): SarifRun {
  const first = runs[0]!;
  const rules = new Map<string, SarifRule>();
  for (const run of runs) for (const r of run.tool.driver.rules ?? []) if (!rules.has(r.id)) rules.set(r.id, r);
  const sortedRules = [...rules.values()].sort((a, b) => cmp(a.id, b.id));
  const index = new Map(sortedRules.map((r, i) => [r.id, i]));
  const results = runs.flatMap((run) => run.results).map((r) => ({ ...r, ...(index.has(r.ruleId) ? { ruleIndex: index.get(r.ruleId) } : {}) }));
  // Stable sort: findings at the same position keep the order their run gave them.
  results.sort((a, b) => {
    const x = resultKey(a);
    const y = resultKey(b);
    return cmp(x[0], y[0]) || cmp(x[1], y[1]) || cmp(x[2], y[2]) || cmp(x[3], y[3]);
  });
  const notifications = runs.flatMap((run) => run.invocations?.flatMap((i: { toolExecutionNotifications?: unknown[] }) => i.toolExecutionNotifications ?? []) ?? []);
  sortNotifications(notifications);
  const successful = runs.every((run) => (run.invocations ?? []).every((i: { executionSuccessful?: boolean }) => i.executionSuccessful !== false));
  const merged: SarifRun = { ...first, tool: { ...first.tool, driver: { ...first.tool.driver, rules: sortedRules } }, results };
  const sizes = mergeRunSizes(runs);
  if (sizes) merged.properties = { ...first.properties, vigil: sizes };
  merged.invocations = [{ executionSuccessful: successful, toolExecutionNotifications: notifications }];
  return merged;
}

export function mergeSarif(logs: SarifLog[]): SarifLog {
  const groups = new Map<string, SarifRun[]>();
  for (const log of logs) {
    for (const run of log.runs) {
      // Shards of one root share tool and category; runs of different roots (see toSarifLog) stay apart.
      const name = `${String(run.tool.driver.name ?? '')}\0${String(run.automationDetails?.id ?? '')}`;
      groups.set(name, [...(groups.get(name) ?? []), run]);
    }
  }
  return { $schema: logs[0]?.$schema ?? 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [...groups.values()].map(mergeRuns) };
}
