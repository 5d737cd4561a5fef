// `vigil scan --history`: the secret rules over every line the commits of a range added. Each secret is reported
// once, at the first commit that added it (oldest first), with whether it is still in the working tree. Secrets
// are identified by a hash of rule id and value, so no raw value is kept in memory longer than one file's lines.
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex, languageIdForPath, type Finding } from '../../engine';
import { inBaseline, type Baseline } from '../../project';
import type { Setup } from '../collect';
import { UsageError } from '../errors';
import { assertGitRepo } from '../git';
import { streamAddedLines, type AddedLines } from './gitLog';

export interface HistoryFinding {
  path: string;
  finding: Finding;
  commit: string;
  authorDate: string;
  /** The same value is still in the file at `path` in the working tree. */
  inWorkingTree: boolean;
}

export interface HistoryReport {
  root: string;
  range: string;
  commits: number;
  /** (commit, file) pairs analysed. */
  filesScanned: number;
  findings: HistoryFinding[];
  baselined: number;
  elapsedMs: number;
}

/** A history range is passed to git as one argument; one that starts with `-` would be read as an option. */
export function checkRange(range: string): void {
  if (range.startsWith('-') || /[\0\n]/.test(range)) throw new UsageError(`--history: '${range}' is not a revision range`);
}

function valueKey(ruleId: string, value: string): string {
  return createHash('sha256').update(ruleId).update('\0').update(value).digest('hex');
}

/** Whether the working-tree file at `rel` contains `value` (read once per file and kept only while it is asked about). */
function workingTreeHas(root: string, rel: string, value: string, cache: { rel?: string; text?: string }): boolean {
  if (cache.rel !== rel) {
    cache.rel = rel;
    try {
      cache.text = fs.readFileSync(path.join(root, rel), 'utf8');
    } catch {
      cache.text = undefined;
    }
  }
  return cache.text !== undefined && cache.text.includes(value);
}

export async function scanHistory(s: Setup, range: string | undefined, opts: { baseline?: Baseline; maxFileSize: number }): Promise<HistoryReport> {
  const t0 = performance.now();
  if (range !== undefined) checkRange(range);
  assertGitRepo(s.root, '--history');
  const secretRules = new Set(s.engine.rules.filter((r) => r.secret).map((r) => r.id));
  // Only the secret rules run: history is about credentials that reached a commit, not about old code.
  const disabledRules = [...new Set([...(s.analysis.disabledRules ?? []), ...s.engine.rules.filter((r) => !r.secret).map((r) => r.id)])];
  const top = repoTop(s.root);
  const seen = new Set<string>();
  const findings: HistoryFinding[] = [];
  let filesScanned = 0;
  let baselined = 0;
  const treeCache: { rel?: string; text?: string } = {};
  const onFile = async (a: AddedLines): Promise<void> => {
    // The added lines, in order, as one document: provider formats and `name = value` pairs are line-local.
    const text = a.lines.map((l) => l.text).join('\n');
    if (text.length > opts.maxFileSize) return;
    filesScanned++;
    const rel = toScanRelative(top, s.root, a.path);
    if (rel === undefined) return;
    const r = await s.engine.analyze({ path: rel, languageId: languageIdForPath(rel), text }, { ...s.analysis, disabledRules, includeSuppressed: false, ...(opts.baseline?.version === 1 ? { legacyFingerprints: true } : {}) });
    if (r.findings.length === 0) return;
    const lines = new LineIndex(text);
    for (const f of r.findings) {
      if (!secretRules.has(f.ruleId)) continue;
      const value = text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
      const key = valueKey(f.ruleId, value);
      if (seen.has(key)) continue;
      seen.add(key);
      if (opts.baseline && inBaseline(opts.baseline, f)) {
        baselined++;
        continue;
      }
      const shift = (p: { line: number; character: number }): { line: number; character: number } => ({ line: (a.lines[p.line]?.line ?? 1) - 1, character: p.character });
      const finding: Finding = { ...f, range: { start: shift(f.range.start), end: shift(f.range.end) }, fixes: [] };
      findings.push({ path: rel, finding, commit: a.commit, authorDate: a.authorDate, inWorkingTree: workingTreeHas(s.root, rel, value, treeCache) });
    }
  };
  let commits: number;
  try {
    ({ commits } = await streamAddedLines(s.root, range, onFile));
  } catch (e) {
    throw new UsageError(`--history: ${(e as Error).message}`);
  }
  return { root: s.root, range: range ?? 'HEAD', commits, filesScanned, findings, baselined, elapsedMs: performance.now() - t0 };
}

function repoTop(cwd: string): string {
  // git prints paths relative to the repository's top folder; the report is relative to where vigil runs.
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : cwd;
}

function toScanRelative(top: string, root: string, gitPath: string): string | undefined {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = path.relative(real(root), path.join(real(top), gitPath)).replace(/\\/g, '/');
  return rel.startsWith('..') ? undefined : rel;
}
