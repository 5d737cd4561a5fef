// Which folder each scanned path is reported against. The root depends only on the target, never on the folder
// the command ran in, so the same repository gives the same paths, SARIF URIs and fingerprints (which include
// the path) from a CI checkout, an editor's task runner or a shell anywhere else, and a baseline keeps matching.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, BASELINE_FILE, relativeTo } from '../project';
import { UsageError } from './errors';

export interface ScanGroup {
  /** Absolute, real path of the root. */
  root: string;
  /** The named targets relative to the root ('' for the root itself), posix separators, in command-line order. */
  targets: string[];
}

/** The work tree's top folder, or undefined outside git (or without git installed). */
export function gitTopLevel(dir: string): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const top = r.stdout.trim();
  return top ? real(top) : undefined;
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** The nearest folder at or above `dir` that holds a Vigil config or baseline: a project marker outside git. */
function markedFolder(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, CONFIG_FILE)) || fs.existsSync(path.join(d, BASELINE_FILE))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The root of one target: the git top level, else the nearest marked folder, else the target's own folder. */
export function rootOf(abs: string): string {
  let dir = abs;
  // A staged file may be gone from the working tree; its nearest existing folder decides.
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  dir = real(dir);
  return gitTopLevel(dir) ?? markedFolder(dir) ?? dir;
}

/**
 * Groups the command-line targets (relative to `cwd` or absolute) by root, roots in order of first mention.
 * `rootFlag` (--root) puts every target under that one folder.
 */
export function groupTargets(positionals: string[], opts: { cwd?: string; rootFlag?: string; mustExist: boolean }): ScanGroup[] {
  const cwd = opts.cwd ?? process.cwd();
  const targets = positionals.length ? positionals : ['.'];
  let forced: string | undefined;
  if (opts.rootFlag !== undefined) {
    forced = path.resolve(cwd, opts.rootFlag);
    if (!fs.existsSync(forced) || !fs.statSync(forced).isDirectory()) throw new UsageError(`--root ${opts.rootFlag} is not a folder`);
    forced = real(forced);
  }
  const groups = new Map<string, ScanGroup>();
  for (const t of targets) {
    const given = path.resolve(cwd, t);
    const exists = fs.existsSync(given);
    if (opts.mustExist && !exists) throw new UsageError(`path ${t} does not exist`);
    // Real paths on both sides: git reports its top level resolved, and a symlinked temp folder must still match.
    const abs = exists ? real(given) : path.join(real(path.dirname(given)), path.basename(given));
    const root = forced ?? rootOf(abs);
    const rel = relativeTo(root, abs);
    if (rel === undefined) throw new UsageError(`path ${t} is outside --root ${opts.rootFlag}`);
    const g = groups.get(root) ?? { root, targets: [] };
    if (!g.targets.includes(rel)) g.targets.push(rel);
    groups.set(root, g);
  }
  return [...groups.values()];
}
