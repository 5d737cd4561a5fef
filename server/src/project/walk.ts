// The file walk shared by the CLI and the workspace scan: one generator, so the editor and CI agree on which
// files exist. Ignore files use the `ignore` package (gitignore semantics, negation, directory-only patterns),
// evaluated per folder level so nested .gitignore files work the way git applies them.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

export const VIGILIGNORE = '.vigilignore';

/** Why a path the user named was not scanned, and how to scan it anyway. */
export const EXCLUDED_NOTE = 'excluded by ignore rules (--no-ignore scans it)';

/**
 * Excluded everywhere unless an ignore file re-includes them with `!`: dependency and build folders,
 * lockfiles, minified bundles, and file types that are never source (checked by extension so they are not read).
 */
export const BUILTIN_EXCLUDES: readonly string[] = [
  '.git/', '.hg/', '.svn/', '.vigil-cache/', 'node_modules/', 'bower_components/', 'jspm_packages/', 'vendor/', 'third_party/',
  'third-party/', 'Pods/', '.venv/', 'venv/', '__pycache__/', '.tox/', '.mypy_cache/', '.pytest_cache/', '.gradle/',
  'dist/', 'build/', 'out/', 'target/', 'coverage/', '.next/', '.nuxt/', '.vigil-cache/',
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'Gemfile.lock', 'Cargo.lock',
  'composer.lock', 'poetry.lock', 'Pipfile.lock', 'go.sum', 'packages.lock.json', '.vigil-baseline.json',
  '*.min.*', '*.map',
  '*.png', '*.jpg', '*.jpeg', '*.gif', '*.bmp', '*.ico', '*.webp', '*.tif', '*.tiff', '*.psd', '*.pdf',
  '*.zip', '*.gz', '*.tgz', '*.bz2', '*.xz', '*.7z', '*.rar', '*.jar', '*.war', '*.ear', '*.class',
  '*.exe', '*.dll', '*.so', '*.dylib', '*.o', '*.a', '*.lib', '*.obj', '*.pyc', '*.pyo', '*.wasm', '*.node',
  '*.woff', '*.woff2', '*.ttf', '*.otf', '*.eot', '*.mp3', '*.mp4', '*.mov', '*.avi', '*.wav', '*.flac', '*.ogg',
  '*.webm', '*.sqlite', '*.db', '*.iso', '*.dmg', '*.vsix',
];

export interface WalkOptions {
  /** Absolute folder that paths are reported relative to; ignore files are read from here down. */
  root: string;
  /** Extra gitignore-syntax patterns (the `ignore` of the .vigil.yaml that applies at the root). */
  extraIgnores?: string[];
  /**
   * Where that .vigil.yaml sits when it is above the root (run in a subfolder of the repository): the path from its
   * folder down to the root, posix, with a trailing '/', so its patterns match as they would from its own folder.
   */
  extraIgnoresPrefix?: string;
  /**
   * The `ignore` patterns of a .vigil.yaml in this folder below the root, or undefined when it has none. The nearest
   * config wins, so its patterns replace those of the configs above it for everything beneath its folder.
   */
  configIgnores?: (dirAbs: string) => string[] | undefined;
  /**
   * Read .gitignore and .vigilignore files and apply `extraIgnores` (default true). False is `vigil scan
   * --no-ignore`: only the built-in excludes remain, as with ripgrep's flag of the same name.
   */
  ignoreFiles?: boolean;
}

/** A file to scan, or one that was passed over with a reason worth telling the user. */
export type WalkEntry = { kind: 'file'; abs: string; rel: string } | { kind: 'skipped'; rel: string; reason: string };

interface Level {
  /** Folder of the ignore files, relative to the root, '' for the root itself, with a trailing '/' otherwise. */
  base: string;
  ig: Ignore;
  /** Patterns of a .vigil.yaml: a nearer config's level replaces it. */
  config?: boolean;
  /** Prepended to the path under `base` before testing (a config above the root, see extraIgnoresPrefix). */
  prefix?: string;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Decides whether a root-relative path is excluded. The deepest level with an opinion wins, as in git: a nested
 * .gitignore can re-include what a parent excluded, and .vigilignore (read after .gitignore at each level) can
 * re-include what .gitignore or the built-in list excluded.
 */
export class IgnoreRules {
  readonly root: string;
  private readonly opts: WalkOptions;
  private readonly cache = new Map<string, Level[]>();

  constructor(opts: WalkOptions) {
    this.opts = opts;
    this.root = path.resolve(opts.root);
  }

  /** The levels that apply inside folder `dirRel` (posix, '' for the root), given its parent's levels. */
  childLevels(parent: Level[], dirRel: string): Level[] {
    const dirAbs = path.join(this.root, dirRel);
    const patterns: string[] = [];
    if (dirRel === '') patterns.push(...BUILTIN_EXCLUDES);
    let config: string[] | undefined;
    if (this.opts.ignoreFiles !== false) {
      patterns.push(readIfExists(path.join(dirAbs, '.gitignore')) ?? '');
      patterns.push(readIfExists(path.join(dirAbs, VIGILIGNORE)) ?? '');
      config = dirRel === '' ? this.opts.extraIgnores : this.opts.configIgnores?.(dirAbs);
    }
    // One pattern per line: `ignore` reads a string as a whole file, but each array item as a single pattern.
    const toLines = (ps: string[]): string[] => ps.flatMap((p) => p.split(/\r?\n/)).filter((l) => l.trim() !== '');
    const lines = toLines(patterns);
    const base = dirRel === '' ? '' : `${dirRel}/`;
    let levels = parent;
    if (lines.length > 0) levels = [...levels, { base, ig: ignore({ allowRelativePaths: true }).add(lines) }];
    if (config !== undefined) {
      // A .vigil.yaml here is the nearest config for everything below: its ignore list replaces the one above.
      levels = levels.filter((l) => !l.config);
      const own = toLines(config);
      const prefix = dirRel === '' ? this.opts.extraIgnoresPrefix : undefined;
      if (own.length > 0) levels.push({ base, ig: ignore({ allowRelativePaths: true }).add(own), config: true, ...(prefix ? { prefix } : {}) });
    }
    return levels;
  }

  /** Levels for a folder anywhere under the root, built from the root down and cached (for paths git names). */
  levelsFor(dirRel: string): Level[] {
    const hit = this.cache.get(dirRel);
    if (hit) return hit;
    const parentRel = dirRel === '' ? undefined : dirRel.includes('/') ? dirRel.slice(0, dirRel.lastIndexOf('/')) : '';
    const levels = this.childLevels(parentRel === undefined ? [] : this.levelsFor(parentRel), dirRel);
    this.cache.set(dirRel, levels);
    return levels;
  }

  static excludedBy(levels: Level[], rel: string, isDir: boolean): boolean {
    for (let i = levels.length - 1; i >= 0; i--) {
      const l = levels[i]!;
      if (l.base !== '' && !rel.startsWith(l.base)) continue;
      const below = rel.slice(l.base.length);
      if (below === '') continue;
      const sub = (l.prefix ?? '') + below;
      const r = l.ig.test(isDir ? `${sub}/` : sub);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return false;
  }

  /** True when the path, or any folder above it, is excluded. */
  excluded(rel: string, isDir = false): boolean {
    const parts = rel.split('/');
    let dir = '';
    for (let i = 0; i < parts.length - 1; i++) {
      const next = dir === '' ? parts[i]! : `${dir}/${parts[i]}`;
      if (IgnoreRules.excludedBy(this.levelsFor(dir), next, true)) return true;
      dir = next;
    }
    return IgnoreRules.excludedBy(this.levelsFor(dir), rel, isDir);
  }
}

/** Root-relative posix path, or undefined when `abs` lies outside the root. */
export function relativeTo(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel === '') return '';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return toPosix(rel);
}

function isInside(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Streams the files under each target (files or folders, absolute or relative to the root), in path order per
 * target, without holding the tree: one folder listing at a time. Symlinks are followed only inside the root and
 * never into a folder already visited (loops). Unreadable folders, loops and special files come out as `skipped`.
 */
export async function* walk(targets: string[], opts: WalkOptions): AsyncGenerator<WalkEntry> {
  const rules = new IgnoreRules(opts);
  const root = rules.root;
  let realRoot: string;
  try {
    realRoot = await fs.promises.realpath(root);
  } catch {
    realRoot = root;
  }
  const visited = new Set<string>();
  const seenFiles = new Set<string>();

  for (const target of targets.length ? targets : ['.']) {
    const abs = path.resolve(root, target);
    const rel = relativeTo(root, abs);
    if (rel === undefined) {
      yield { kind: 'skipped', rel: toPosix(target), reason: 'outside the scanned root' };
      continue;
    }
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(abs);
    } catch (e) {
      yield { kind: 'skipped', rel, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
      continue;
    }
    if (st.isFile()) {
      if (rules.excluded(rel)) yield { kind: 'skipped', rel, reason: EXCLUDED_NOTE };
      else if (!seenFiles.has(rel)) {
        seenFiles.add(rel);
        yield { kind: 'file', abs, rel };
      }
      continue;
    }
    if (!st.isDirectory()) {
      yield { kind: 'skipped', rel, reason: 'not a regular file' };
      continue;
    }
    if (rel !== '' && rules.excluded(rel, true)) {
      // A named folder that the ignore files exclude is not scanned (a pre-commit hook must agree with a full
      // scan), but the user asked for it by name, so say why nothing came out of it.
      yield { kind: 'skipped', rel, reason: EXCLUDED_NOTE };
      continue;
    }
    yield* walkDir(abs, rel, rel === '' ? rules.levelsFor('') : rules.levelsFor(rel), rules, realRoot, visited, seenFiles);
  }
}

async function* walkDir(
  dirAbs: string,
  dirRel: string,
  levels: Level[],
  rules: IgnoreRules,
  realRoot: string,
  visited: Set<string>,
  seenFiles: Set<string>,
): AsyncGenerator<WalkEntry> {
  let real: string;
  try {
    real = await fs.promises.realpath(dirAbs);
  } catch (e) {
    yield { kind: 'skipped', rel: dirRel || '.', reason: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? 'error'}` };
    return;
  }
  if (visited.has(real)) {
    yield { kind: 'skipped', rel: dirRel || '.', reason: 'symlink loop (folder already scanned)' };
    return;
  }
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'skipped', rel: dirRel || '.', reason: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? 'error'}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dirAbs, e.name);
    const rel = dirRel === '' ? e.name : `${dirRel}/${e.name}`;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      let target: string;
      let st: fs.Stats;
      try {
        target = await fs.promises.realpath(abs);
        st = await fs.promises.stat(target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        yield { kind: 'skipped', rel, reason: code === 'ELOOP' ? 'symlink loop' : 'broken symlink' };
        continue;
      }
      if (!isInside(realRoot, target)) {
        yield { kind: 'skipped', rel, reason: 'symlink points outside the scanned root' };
        continue;
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      if (IgnoreRules.excludedBy(levels, rel, true)) continue;
      yield* walkDir(abs, rel, rules.childLevels(levels, rel), rules, realRoot, visited, seenFiles);
    } else if (isFile) {
      if (IgnoreRules.excludedBy(levels, rel, false) || seenFiles.has(rel)) continue;
      seenFiles.add(rel);
      yield { kind: 'file', abs, rel };
    } else {
      yield { kind: 'skipped', rel, reason: 'not a regular file (FIFO, socket or device)' };
    }
  }
}
