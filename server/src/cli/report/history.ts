// The report's trend and MTTR. Points in time come from the git history of the scanned files (the last N commits
// on the first-parent line, read with git plumbing: ls-tree for blob ids, one cat-file --batch for the contents,
// nothing checked out) or from earlier reports kept in a folder. A finding is followed by its fingerprint
// (rule + path + normalised code), so it survives lines moving; it "disappears" at the first later point without it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { languageIdForPath, type AnalysisOptions, type Engine, type Severity } from '../../engine';
import { loadInput } from './inputs';

export interface SnapFinding {
  fingerprint: string;
  ruleId: string;
  path: string;
  severity: Severity;
}

export interface Snapshot {
  label: string;
  /** ISO date: the commit's committer date, or the earlier report's date. */
  date: string;
  findings: SnapFinding[];
}

export interface Fixed {
  ruleId: string;
  path: string;
  introduced: string;
  removed: string;
  days: number;
}

export interface History {
  source: 'git' | 'history-dir' | 'none';
  note: string;
  points: { label: string; date: string; counts: Record<Severity, number> }[];
  fixed: Fixed[];
  /** Findings open at the first point: their start is before the window, so they are not in the MTTR. */
  openAtStart: number;
  mttrDays: number | null;
  medianDays: number | null;
}

function git(cwd: string, args: string[], input?: string): Buffer | undefined {
  const r = spawnSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });
  return r.error || r.status !== 0 ? undefined : r.stdout;
}

/** Blob contents by id from one `git cat-file --batch` call. */
function readBlobs(cwd: string, ids: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (ids.length === 0) return out;
  const buf = git(cwd, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  if (!buf) return out;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const [id, type, size] = buf.subarray(at, nl).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      at = nl + 1;
      continue;
    }
    const n = Number(size);
    out.set(id!, buf.subarray(nl + 1, nl + 1 + n));
    at = nl + 1 + n + 1;
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Snapshots of the last `maxCommits` commits, restricted to the files scanned now that matter: those with findings
 * now and those a commit in the window touched (a file unchanged through the window has the same findings at every
 * point). At most `maxBlobs` file versions are analysed; beyond that the oldest commits are left out.
 */
/** What the history analysis needs of a scan: the repository folder and the engine and options it scanned with. */
export interface HistorySource {
  root: string;
  engine: Engine;
  analysis: AnalysisOptions;
  maxFileSize: number;
}

export async function gitSnapshots(s: HistorySource, scanned: Set<string>, withFindings: Set<string>, maxCommits: number, maxBlobs = 1500): Promise<{ snaps: Snapshot[]; note: string } | undefined> {
  const prefix = git(s.root, ['rev-parse', '--show-prefix'])?.toString('utf8').trim();
  if (prefix === undefined) return undefined;
  const log = git(s.root, ['log', '--first-parent', `-n${maxCommits}`, '--format=%H %cI %h']);
  if (!log) return undefined;
  const commits = log.toString('utf8').trim().split('\n').filter(Boolean).map((l) => { const [id, date, short] = l.split(' '); return { id: id!, date: date!, short: short! }; }).reverse();
  if (commits.length === 0) return undefined;
  const touched = new Set<string>();
  const names = git(s.root, ['log', '--first-parent', `-n${maxCommits}`, '--name-only', '--relative', '-z', '--format=']);
  for (const n of (names?.toString('utf8') ?? '').split(/[\0\n]/)) if (n) touched.add(n.trim());
  const wanted = new Set([...scanned].filter((p) => withFindings.has(p) || touched.has(p)));
  // Versions per commit: path -> blob id, newest commits first so a budget cut drops the oldest.
  const trees: { commit: (typeof commits)[number]; blobs: Map<string, string> }[] = [];
  const unique = new Set<string>();
  let note = `last ${commits.length} commits, ${wanted.size} files followed`;
  for (const c of [...commits].reverse()) {
    const tree = git(s.root, ['ls-tree', '-r', '-z', '--full-tree', c.id]);
    if (!tree) continue;
    const blobs = new Map<string, string>();
    for (const entry of tree.toString('utf8').split('\0')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(entry);
      if (!m) continue;
      const rel = prefix && m[2]!.startsWith(prefix) ? m[2]!.slice(prefix.length) : prefix ? undefined : m[2]!;
      if (rel !== undefined && wanted.has(rel)) blobs.set(rel, m[1]!);
    }
    const adds = [...blobs.entries()].filter(([p, b]) => !unique.has(`${p}\0${b}`)).length;
    if (unique.size + adds > maxBlobs && trees.length > 1) {
      note = `last ${trees.length} commits (history cut at ${maxBlobs} file versions), ${wanted.size} files followed`;
      break;
    }
    for (const [p, b] of blobs) unique.add(`${p}\0${b}`);
    trees.push({ commit: c, blobs });
  }
  trees.reverse();
  const contents = readBlobs(s.root, [...new Set([...unique].map((k) => k.split('\0')[1]!))]);
  const cache = new Map<string, SnapFinding[]>();
  const analysis = { ...s.analysis, includeSuppressed: false };
  const snaps: Snapshot[] = [];
  for (const { commit, blobs } of trees) {
    const findings: SnapFinding[] = [];
    for (const [rel, blob] of blobs) {
      const key = `${rel}\0${blob}`;
      let found = cache.get(key);
      if (!found) {
        const bytes = contents.get(blob);
        found = [];
        if (bytes && bytes.length <= s.maxFileSize && !bytes.subarray(0, 8000).includes(0)) {
          const r = await s.engine.analyze({ path: rel, languageId: languageIdForPath(rel), text: decoder.decode(bytes) }, analysis);
          found = r.findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: rel, severity: f.severity }));
        }
        cache.set(key, found);
      }
      findings.push(...found);
    }
    snaps.push({ label: commit.short, date: commit.date, findings });
  }
  return { snaps, note };
}

/** Earlier reports (report.html, Vigil JSON or SARIF) in a folder, oldest first by their date. */
export function dirSnapshots(dir: string): Snapshot[] {
  const files = fs.readdirSync(dir).filter((f) => /\.(html|json|sarif)$/i.test(f)).sort();
  const snaps: Snapshot[] = [];
  for (const f of files) {
    for (const { data, date } of loadInput(path.join(dir, f))) {
      const findings = data.findings.filter((x) => x.status === 'new').map((x) => ({ fingerprint: x.fingerprint, ruleId: x.ruleId, path: x.path, severity: x.severity }));
      snaps.push({ label: f.replace(/\.(html|json|sarif)$/i, ''), date, findings });
    }
  }
  return snaps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Trend points and time-to-fix from ordered snapshots. */
export function analyse(source: History['source'], note: string, snaps: Snapshot[]): History {
  const points = snaps.map((s) => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of s.findings) counts[f.severity]++;
    return { label: s.label, date: s.date, counts };
  });
  const fixed: Fixed[] = [];
  const since = new Map<string, { at: number; f: SnapFinding }>();
  const first = new Set(snaps[0]?.findings.map((f) => f.fingerprint) ?? []);
  snaps.forEach((s, i) => {
    const now = new Map(s.findings.map((f) => [f.fingerprint, f]));
    for (const [fp, open] of since) {
      if (now.has(fp)) continue;
      since.delete(fp);
      if (open.at === 0 && first.has(fp)) continue;
      const days = (Date.parse(s.date) - Date.parse(snaps[open.at]!.date)) / 86400000;
      fixed.push({ ruleId: open.f.ruleId, path: open.f.path, introduced: snaps[open.at]!.label, removed: s.label, days: round(Math.max(0, days)) });
    }
    for (const [fp, f] of now) if (!since.has(fp)) since.set(fp, { at: i, f });
  });
  const days = fixed.map((f) => f.days);
  return {
    source,
    note,
    points,
    fixed,
    openAtStart: first.size,
    mttrDays: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length) : null,
    medianDays: median(days),
  };
}

export function noHistory(note: string): History {
  return { source: 'none', note, points: [], fixed: [], openAtStart: 0, mttrDays: null, medianDays: null };
}

/** The git trend of one scanned repository: files scanned now, those of them with findings, and a commit budget. */
export async function gitHistory(s: HistorySource, scanned: Set<string>, withFindings: Set<string>, commits: number): Promise<History> {
  if (commits === 0) return noHistory('turned off with --history-commits 0');
  const snaps = await gitSnapshots(s, scanned, withFindings, commits);
  return snaps ? analyse('git', snaps.note, snaps.snaps) : noHistory('not a git repository');
}
