// "Copy as Markdown": a finding as a short block for a ticket or a review comment. It holds the rule, severity,
// location and the engine's message only: the message of a secret finding is already masked, and the flagged
// source text is never included, so a copied finding cannot carry a secret.
import type { FindingRecord } from './model';

/** Backslash-escapes what Markdown would read as formatting, and keeps the block on one line per field. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** `path:line:column`, 1-based as editors and terminals print locations. */
export function locationOf(f: Pick<FindingRecord, 'path' | 'range'>): string {
  return `${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

export function findingMarkdown(f: FindingRecord & { isNew?: boolean | undefined }): string {
  const confidence = f.confidence ? `, ${f.confidence} confidence` : '';
  const status = f.isNew === true ? ' · new since the baseline' : f.isNew === false ? ' · in the baseline' : '';
  const lines = [
    `**Vigil \`${f.ruleId}\`** (${f.severity}${confidence})${status}`,
    '',
    `- Location: \`${locationOf(f).replace(/`/g, "'")}\``,
    `- Message: ${escapeMarkdown(f.message)}`,
  ];
  if (f.fingerprint) lines.push(`- Fingerprint: \`${f.fingerprint}\``);
  return `${lines.join('\n')}\n`;
}

/** Several findings, one block each, for a copy of a whole group. */
export function findingsMarkdown(findings: readonly (FindingRecord & { isNew?: boolean | undefined })[]): string {
  return findings.map(findingMarkdown).join('\n');
}
