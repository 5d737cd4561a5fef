// The findings view's data, free of the vscode API so it can be unit-tested: what a finding is, which findings
// are shown (live results for open documents, the last workspace scan's for the rest), filtering, grouping and
// the new-since-baseline mark. The wire types are the server's (server/src/protocol.ts); the constant lists stay
// here because this file runs in plain Node unit tests, where only type imports from the server's sources resolve.
import type { Confidence, Fix, Range, Severity } from '../../../server/src/protocol';

export type { Confidence, Position, Range, Severity } from '../../../server/src/protocol';
export type GroupBy = 'file' | 'rule' | 'severity';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
export const GROUPINGS: readonly GroupBy[] = ['file', 'rule', 'severity'];

/** A fix as the view reads it from a diagnostic's data (protocol.ts Fix). */
export type FixRecord = Fix;

export interface FindingRecord {
  /** The document's URI as a string (`file:///…`). */
  uri: string;
  /** Shown to the user: relative to its workspace folder, `/` separators. */
  path: string;
  ruleId: string;
  severity: Severity;
  /** Undefined when the server sent none (an older server); such findings pass every confidence filter. */
  confidence: Confidence | undefined;
  /** Already masked by the engine for secret rules. */
  message: string;
  range: Range;
  fingerprint: string | undefined;
  fixes: FixRecord[];
  /** Document version the fixes were computed for; null for files read from disk (the workspace scan). */
  version: number | null;
}

/** A finding as the view shows it: `isNew` is undefined when its folder has no readable baseline. */
export interface ViewFinding extends FindingRecord {
  isNew: boolean | undefined;
}

export interface Filter {
  /** Case-insensitive, matched against the rule id, message and path. */
  text: string;
  /** Severities shown; empty shows all. */
  severities: Severity[];
  /** Findings below this confidence are hidden. */
  minimumConfidence: Confidence;
}

export const NO_FILTER: Filter = { text: '', severities: [], minimumConfidence: 'low' };

function rank<T>(list: readonly T[], v: T): number {
  const i = list.indexOf(v);
  return i < 0 ? list.length : i;
}

export function isFilterActive(f: Filter): boolean {
  return f.text.trim() !== '' || (f.severities.length > 0 && f.severities.length < SEVERITIES.length) || f.minimumConfidence !== 'low';
}

export function matchesFilter(v: FindingRecord, f: Filter): boolean {
  if (f.severities.length > 0 && !f.severities.includes(v.severity)) return false;
  if (v.confidence && rank(CONFIDENCES, v.confidence) > rank(CONFIDENCES, f.minimumConfidence)) return false;
  const text = f.text.trim().toLowerCase();
  if (!text) return true;
  return [v.ruleId, v.message, v.path].some((s) => s.toLowerCase().includes(text));
}

/** One line for the view's message area, e.g. `Filter: "sql" · error, warning · confidence ≥ medium`. */
export function describeFilter(f: Filter): string {
  const parts: string[] = [];
  if (f.text.trim()) parts.push(`"${f.text.trim()}"`);
  if (f.severities.length > 0 && f.severities.length < SEVERITIES.length) parts.push(SEVERITIES.filter((s) => f.severities.includes(s)).join(', '));
  if (f.minimumConfidence !== 'low') parts.push(`confidence ≥ ${f.minimumConfidence}`);
  return parts.length ? `Filter: ${parts.join(' · ')}` : '';
}

/** Filters stored in workspace state come back as plain JSON: anything unexpected falls back to no filter. */
export function normaliseFilter(v: unknown): Filter {
  if (typeof v !== 'object' || v === null) return NO_FILTER;
  const o = v as Partial<Record<keyof Filter, unknown>>;
  return {
    text: typeof o.text === 'string' ? o.text : '',
    severities: Array.isArray(o.severities) ? SEVERITIES.filter((s) => (o.severities as unknown[]).includes(s)) : [],
    minimumConfidence: CONFIDENCES.find((c) => c === o.minimumConfidence) ?? 'low',
  };
}

export function normaliseGroupBy(v: unknown): GroupBy {
  return GROUPINGS.find((g) => g === v) ?? 'file';
}

function compareLocation(a: FindingRecord, b: FindingRecord): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export interface Group {
  /** Stable across refreshes (`file:<uri>`, `rule:<id>`, `severity:<s>`), so the tree keeps expansion state. */
  id: string;
  label: string;
  by: GroupBy;
  findings: ViewFinding[];
  newCount: number;
}

/**
 * Files in path order, rules by number of findings (most first), severities from error down. Inside a group,
 * findings are in file and line order.
 */
export function groupFindings(findings: readonly ViewFinding[], by: GroupBy): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = by === 'file' ? f.uri : by === 'rule' ? f.ruleId : f.severity;
    let g = groups.get(key);
    if (!g) {
      g = { id: `${by}:${key}`, label: by === 'file' ? f.path : key, by, findings: [], newCount: 0 };
      groups.set(key, g);
    }
    g.findings.push(f);
    if (f.isNew) g.newCount++;
  }
  const out = [...groups.values()];
  for (const g of out) g.findings.sort(compareLocation);
  const byLabel = (a: Group, b: Group): number => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  if (by === 'file') out.sort(byLabel);
  else if (by === 'rule') out.sort((a, b) => b.findings.length - a.findings.length || byLabel(a, b));
  else out.sort((a, b) => rank(SEVERITIES, a.label as Severity) - rank(SEVERITIES, b.label as Severity));
  return out;
}

/**
 * A finding's label in a narrow side bar: the message's first clause (Vigil messages say what was found, then
 * why it is risky and what to do), the full message goes in the tooltip.
 */
export function shortMessage(message: string, max = 80): string {
  const m = /^(.+?)(?::\s|\.\s|\.$)/.exec(message);
  const head = m && m[1]!.length <= max ? m[1]! : message;
  return head.length <= max ? head : `${head.slice(0, max - 1).trimEnd()}…`;
}

/** `3 findings · 1 new`, the count a group node shows beside its label. */
export function describeCount(g: Pick<Group, 'findings' | 'newCount'>): string {
  const n = g.findings.length;
  return `${n}${g.newCount > 0 ? ` · ${g.newCount} new` : ''}`;
}

// ---- Baselines ----

export interface FolderBaseline {
  /** The workspace folder's URI. */
  folder: string;
  /** null: the folder has no (readable) baseline, so nothing in it is marked. */
  fingerprints: ReadonlySet<string> | null;
}

/** The deepest folder containing the URI; URIs compare as strings, as the server sends them. */
function folderOf(uri: string, baselines: readonly FolderBaseline[]): FolderBaseline | undefined {
  let best: FolderBaseline | undefined;
  for (const b of baselines) {
    const prefix = b.folder.endsWith('/') ? b.folder : `${b.folder}/`;
    if (uri.startsWith(prefix) && (!best || b.folder.length > best.folder.length)) best = b;
  }
  return best;
}

export function markNew(findings: readonly FindingRecord[], baselines: readonly FolderBaseline[]): ViewFinding[] {
  return findings.map((f) => {
    const fingerprints = folderOf(f.uri, baselines)?.fingerprints;
    return { ...f, isNew: fingerprints && f.fingerprint ? !fingerprints.has(f.fingerprint) : undefined };
  });
}

// ---- Which findings are shown ----

/**
 * Live results for open documents, the last workspace scan's for the rest. The server clears a document's
 * diagnostics when it closes, which would drop what the scan found there; the store keeps a scan snapshot
 * per file and, when a saved document closes, its last live result (the file on disk is what it described).
 */
export class FindingStore {
  private readonly live = new Map<string, FindingRecord[]>();
  private readonly scanned = new Map<string, FindingRecord[]>();
  private readonly closing = new Set<string>();

  /**
   * New diagnostics for `uri` (all Vigil ones VS Code holds for it: the pulled live results and a pushed scan copy
   * may overlap for a moment while a document opens); `open` tells whether the document is open now.
   */
  update(uri: string, records: FindingRecord[], open: boolean): void {
    const fromScan = records.filter((r) => r.version === null);
    const live = records.filter((r) => r.version !== null);
    if (fromScan.length > 0) this.scanned.set(uri, fromScan);
    if (live.length > 0 || open) {
      this.closing.delete(uri);
      this.live.set(uri, live);
      return;
    }
    this.live.delete(uri);
    if (fromScan.length > 0) return;
    // Nothing left and not open: the document's close (keep the file's snapshot), or a scan found it clean.
    if (this.closing.delete(uri)) return;
    this.scanned.delete(uri);
  }

  /** The document closed; `dirty`: it had unsaved changes, so its live result does not describe the file. */
  closed(uri: string, dirty: boolean): void {
    const live = this.live.get(uri);
    this.closing.add(uri);
    if (live && !dirty) this.scanned.set(uri, live.map((r) => ({ ...r, version: null })));
  }

  /** Everything to show: `isOpen` tells which documents are open now. */
  all(isOpen: (uri: string) => boolean): FindingRecord[] {
    const out: FindingRecord[] = [];
    const seen = new Set<string>();
    for (const [uri, records] of this.live) {
      if (!isOpen(uri)) continue;
      seen.add(uri);
      out.push(...records);
    }
    for (const [uri, records] of this.scanned) if (!seen.has(uri)) out.push(...records);
    return out;
  }
}
