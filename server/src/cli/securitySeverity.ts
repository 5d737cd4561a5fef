// SARIF's security-severity, graded by rule and confidence from one data table (rules/security-severity.json),
// so GitHub code scanning ranks a proven injection above a weak hash instead of seeing two values for all rules.
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot, type Confidence, type Severity } from '../engine';

type Row = Record<Confidence, number>;
interface Table {
  rules: Record<string, Row>;
  bySeverity: Record<Severity, Row>;
}

/** Used when the table cannot be read (a broken install): the old per-severity values. */
const FALLBACK: Table = {
  rules: {},
  bySeverity: { error: { high: 8.0, medium: 8.0, low: 8.0 }, warning: { high: 5.5, medium: 5.5, low: 5.5 }, info: { high: 2.0, medium: 2.0, low: 2.0 } },
};

let table: Table | undefined;

export function securitySeverityTable(): Table {
  if (!table) {
    try {
      table = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'rules', 'security-severity.json'), 'utf8')) as Table;
    } catch {
      table = FALLBACK;
    }
  }
  return table;
}

/**
 * The score of a rule's findings at a confidence, as SARIF wants it (a string with one decimal). A rule in the
 * table has its own row; any other (custom rules) takes the row of its severity.
 */
export function securitySeverity(ruleId: string, severity: Severity, confidence: Confidence): string {
  const t = securitySeverityTable();
  const row = t.rules[ruleId] ?? t.bySeverity[severity];
  return row[confidence].toFixed(1);
}
