// SARIF's security-severity is graded by rule and confidence from one table, and rule help links name the
// release they describe.
import * as assert from 'assert';
import { Engine, type Confidence, type Finding } from '../engine';
import type { Report } from '../cli/collect';
import { vigilVersion } from '../cli/meta';
import { toSarif } from '../cli/sarif';
import { securitySeverityTable } from '../cli/securitySeverity';

const engine = Engine.create();

function finding(ruleId: string, confidence: Confidence): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { ruleId, severity: engine.rule(ruleId)?.severity ?? 'warning', confidence, message: 'm', range, fingerprint: '0'.repeat(32), fixes: [] };
}

function report(findings: Finding[]): Report {
  return { root: '/tmp/x', files: [{ path: 'a.py', findings, notes: [] }], skipped: [], filesScanned: 1, sizes: [], baselined: 0, suppressed: 0, elapsedMs: 0 };
}

describe('sarif: security-severity by rule and confidence', () => {
  const log = toSarif(report([]), engine.rules);
  const byRule = new Map(log.runs[0]!.tool.driver.rules.map((r) => [r.id, Number(r.properties['security-severity'])]));

  it('every built-in rule has its own row in the table', () => {
    const table = securitySeverityTable();
    const missing = engine.rules.filter((r) => !r.custom && !table.rules[r.id]).map((r) => r.id);
    assert.deepStrictEqual(missing, []);
    for (const [id, row] of Object.entries(table.rules)) {
      assert.ok(engine.rule(id), `${id} in the table is not a rule`);
      assert.ok(row.high >= row.medium && row.medium >= row.low && row.low >= 0.1 && row.high <= 10, `${id}: ${JSON.stringify(row)}`);
    }
  });

  it('grades rules apart, critical only for injection and provider credentials', () => {
    assert.ok(new Set(byRule.values()).size >= 10, `${new Set(byRule.values()).size} distinct values`);
    const critical = [...byRule].filter(([, v]) => v >= 9).map(([id]) => id).sort();
    assert.deepStrictEqual(critical, ['code-injection', 'command-injection', 'hardcoded-secret', 'sql-injection', 'tf-provider-credentials']);
    assert.ok(byRule.get('weak-hash')! < 7 && byRule.get('mutable-image-tag')! <= 4);
  });

  it('each result carries the grade of its own confidence', () => {
    const results = toSarif(report([finding('hardcoded-secret', 'high'), finding('hardcoded-secret', 'medium'), finding('sql-injection', 'medium')]), engine.rules).runs[0]!.results;
    assert.deepStrictEqual(results.map((r) => r.properties['security-severity']), ['9.1', '7.5', '7.5']);
  });

  it('a rule outside the table (a custom rule) takes the row of its severity', () => {
    const base = engine.rule('weak-hash')!;
    const custom = { ...base, id: 'team-rule', severity: 'error' as const, confidence: 'medium' as const, custom: true };
    const r = toSarif(report([finding('team-rule', 'low')]), [custom]).runs[0]!;
    assert.strictEqual(r.tool.driver.rules[0]!.properties['security-severity'], '6.5');
    assert.strictEqual(r.results[0]!.properties['security-severity'], '5.0');
  });

  it('helpUri points at the tag of this version', () => {
    const weak = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'weak-hash')!;
    assert.ok((weak.helpUri as string).endsWith(`/blob/v${vigilVersion()}/rules/weak-hash.yaml`), weak.helpUri as string);
  });
});
