// SARIF 2.1.0 as GitHub code scanning reads it. Positions leave LSP's 0-based lines and UTF-16 columns here,
// in sarifRegion only (SARIF: 1-based lines, 1-based columns in UTF-16 code units, exclusive end column).
import { pathToFileURL } from 'url';
import type { Finding, Range, Rule, Severity } from '../engine';
import type { Report } from './collect';
import { addTotals, emptyLines, lineTotals, type LineTotals } from './report/stats';
import { repositoryUrl, ruleHelpUri, sarifLevel, vigilVersion } from './meta';
import { securitySeverity } from './securitySeverity';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'vigilFingerprint/v2';

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF is a large open format; typed loosely at the edge */
export type SarifLog = { $schema: string; version: '2.1.0'; runs: SarifRun[] };
export type SarifRun = Record<string, any> & { tool: { driver: Record<string, any> & { rules: SarifRule[] } }; results: SarifResult[] };
export type SarifRule = Record<string, any> & { id: string };
export type SarifResult = Record<string, any> & { ruleId: string };

export function sarifRegion(r: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function artifactUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** The first prose paragraph of the docs (headings skipped), as the one-paragraph full description. */
function firstParagraph(docs: string, fallback: string): string {
  const paras = docs.split(/\n\s*\n/).map((p) => p.split('\n').filter((l) => !/^\s*#/.test(l)).join(' ').trim());
  return paras.find((p) => p.length > 0 && !p.startsWith('```')) ?? fallback;
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

export function ruleDescriptor(rule: Rule, severity: Severity): SarifRule {
  const tags = ['security', ...rule.tags.filter((t) => t !== 'security'), ...rule.cwe.map((n) => `external/cwe/cwe-${n}`)];
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: firstParagraph(rule.docs, rule.title) },
    help: { text: rule.docs, markdown: rule.docs },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      tags,
      precision: rule.confidence,
      // GitHub reads the rule's value: the grade at the rule's own confidence; each result carries its own.
      'security-severity': securitySeverity(rule.id, severity, rule.confidence),
      'problem.severity': severity === 'info' ? 'recommendation' : severity,
    },
  };
}

function result(f: Finding, rel: string, ruleIndex: number, severity: Severity): SarifResult {
  const artifactLocation = { uri: artifactUri(rel), uriBaseId: SRCROOT };
  const r: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region: sarifRegion(f.range) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { confidence: f.confidence, 'security-severity': securitySeverity(f.ruleId, severity, f.confidence), ...(f.demoted ? { demoted: f.demoted.reason } : {}) },
  };
  if (f.flow && f.flow.length > 0) {
    // The taint path, source first: one thread flow whose locations are the steps (SARIF 2.1.0 §3.36).
    r.codeFlows = [
      {
        message: { text: f.flow[0]!.message },
        // A step in another file of the scan (taint across files) points at that file.
        threadFlows: [{ locations: f.flow.map((s, i) => ({ location: { physicalLocation: { artifactLocation: s.path ? { uri: artifactUri(s.path), uriBaseId: SRCROOT } : artifactLocation, region: sarifRegion(s.range) }, message: { text: s.message } }, executionOrder: i + 1, nestingLevel: 0 })) }],
      },
    ];
  }
  if (f.fixes.length > 0) {
    r.fixes = f.fixes.map((fix) => ({
      description: { text: `${fix.title} (${fix.applicability})` },
      artifactChanges: [
        { artifactLocation, replacements: fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })) },
      ],
    }));
  }
  if (f.suppression) {
    r.suppressions = [{ kind: 'inSource', status: 'accepted', ...(f.suppression.justification ? { justification: f.suppression.justification } : {}) }];
  }
  return r;
}

/** Results in report order (path, then position), which is also the order `vigil merge` restores. */
export function toSarif(report: Report, rules: Rule[], severityOverrides: Record<string, Severity> = {}): SarifLog {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((r, i) => [r.id, i]));
  const byId = new Map(sorted.map((r) => [r.id, r]));
  const results: SarifResult[] = [];
  const notifications: Record<string, any>[] = [];
  for (const file of report.files) {
    for (const f of file.findings) results.push(result(f, file.path, index.get(f.ruleId) ?? -1, severityOverrides[f.ruleId] ?? byId.get(f.ruleId)?.severity ?? f.severity));
    for (const n of file.notes) {
      notifications.push({
        level: sarifLevel(n.severity),
        message: { text: n.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.path), uriBaseId: SRCROOT }, region: sarifRegion(n.range) } }],
        descriptor: { id: n.code },
      });
    }
  }
  for (const s of report.skipped) {
    notifications.push({
      level: 'note',
      message: { text: `Skipped: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(s.path), uriBaseId: SRCROOT } } }],
      descriptor: { id: 'skipped' },
    });
  }
  sortNotifications(notifications);
  const version = vigilVersion();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Vigil',
            version,
            semanticVersion: version,
            informationUri: repositoryUrl(),
            rules: sorted.map((r) => ruleDescriptor(r, severityOverrides[r.id] ?? r.severity)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
        // What `vigil report --from` needs beyond the results: how much was scanned (densities) and baselined.
        properties: { vigil: { filesScanned: report.filesScanned, baselined: report.baselined, lines: lineTotals(report.sizes) } },
      },
    ],
  };
}

export interface SarifPart {
  report: Report;
  rules: Rule[];
  severityOverrides?: Record<string, Severity>;
}

/**
 * One run per scan root. GitHub code scanning resolves artifact URIs against the checked-out repository and
 * ignores %SRCROOT%'s absolute URI, so two roots inside one run (one base id each) would collide on equal
 * relative paths; and since 2025 it rejects a file with several runs of one tool in the same category. So with
 * more than one root, each run gets its own category (runAutomationDetails.id `vigil/<folder name>/`); a single
 * root keeps the category-less run that existing uploads and baselines already use.
 */
export function toSarifLog(parts: SarifPart[]): SarifLog {
  const runs = parts.map((p) => toSarif(p.report, p.rules, p.severityOverrides).runs[0]!);
  if (runs.length > 1) {
    const used = new Set<string>();
    runs.forEach((run, i) => {
      const base = parts[i]!.report.root.split(/[\\/]/).filter(Boolean).pop() ?? 'root';
      let id = `vigil/${base}/`;
      for (let n = 2; used.has(id); n++) id = `vigil/${base}-${n}/`;
      used.add(id);
      run.automationDetails = { id };
    });
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs };
}

/** Sums the scan sizes of runs that `vigil merge` joins (shards of one root). */
export function mergeRunSizes(runs: SarifRun[]): { filesScanned: number; baselined: number; lines: LineTotals } | undefined {
  const sizes = runs.map((r) => r.properties?.vigil as { filesScanned: number; baselined: number; lines: LineTotals } | undefined);
  if (sizes.some((x) => !x?.lines)) return undefined;
  const lines = emptyLines();
  for (const x of sizes) addTotals(lines, x!.lines);
  return { filesScanned: sizes.reduce((n, x) => n + x!.filesScanned, 0), baselined: sizes.reduce((n, x) => n + x!.baselined, 0), lines };
}

function notificationKey(n: Record<string, any>): string {
  const loc = n.locations?.[0]?.physicalLocation;
  const line = String(loc?.region?.startLine ?? 0).padStart(9, '0');
  return `${decodeURIComponent(loc?.artifactLocation?.uri ?? '')}\0${line}\0${n.message?.text ?? ''}`;
}

/** One order for notifications whatever produced them, so merged shards equal a single run. */
export function sortNotifications(list: Record<string, any>[]): void {
  const keyed = list.map((n) => [notificationKey(n), n] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  keyed.forEach(([, n], i) => (list[i] = n));
}
