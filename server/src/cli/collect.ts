// Turns the command line into a scan: config, file selection (walk, git, shard), the worker pool, and the
// sorted report that every output format prints.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, builtinRulesDir, formatLoadError, DEFAULT_MAX_FILE_SIZE, type AnalysisOptions, type Finding, type Note, type Rule } from '../engine';
import { inBaseline, ConfigLocator, analysisOptionsFromConfig, emptyConfig, findConfigFile, formatConfigError, loadConfig, defaultJobs, runScan, settleCrossFile, ScanCache, IgnoreRules, relativeTo, walk, type Baseline, type VigilConfig, type CodeFrame, type FileResult, type SuppressionRecord, type WorkerInit, type WalkEntry, type WalkOptions } from '../project';
import { vigilVersion } from './meta';
import type { CliArgs } from './args';
import { UsageError } from './errors';
import { changedSince, stagedFiles } from './git';
import { groupTargets } from './roots';

export interface FileReport {
  path: string;
  findings: Finding[];
  notes: Note[];
  frames?: CodeFrame[];
  suppressions?: SuppressionRecord[];
}

export interface Report {
  /** Absolute folder the paths are relative to (SARIF's %SRCROOT%). */
  root: string;
  /** Files with findings, notes or suppressions, sorted by path; findings sorted by position. */
  files: FileReport[];
  skipped: { path: string; reason: string }[];
  filesScanned: number;
  /** Every analysed file with its line count, sorted by path (densities per language and folder). */
  sizes: { path: string; lines: number }[];
  /** Findings left out because the baseline lists them. */
  baselined: number;
  /** Findings silenced by an in-source suppression, whether or not --include-suppressed reports them. */
  suppressed: number;
  elapsedMs: number;
}

/** What one .vigil.yaml (or none) means for the files it applies to. */
export interface Profile {
  /** The config file, absolute; undefined when no config applies. */
  file?: string;
  config: VigilConfig;
  engine: Engine;
  analysis: AnalysisOptions;
}

export interface Setup extends Profile {
  /** The scan root (see roots.ts): paths are reported relative to it. */
  root: string;
  /** What to scan, relative to the root ('' is the root itself). */
  targets: string[];
  /** The profile of the root folder (the fields above are its own). */
  primary: Profile;
  /** The profile for files in folder `dirAbs`: its nearest .vigil.yaml, or the --config file for every folder. */
  profileFor(dirAbs: string): Profile;
  /** Every profile loaded so far, the primary first. */
  profiles(): Profile[];
  /** The `ignore` list of a .vigil.yaml in exactly this folder, for the walk (undefined: none, or --config). */
  configIgnoresAt(dirAbs: string): string[] | undefined;
}

/** Loads one config and the rules it names; any problem is a UsageError naming file and line. */
function loadProfile(file: string | undefined, flags: Partial<Pick<CliArgs, 'tests' | 'threatModel'>> = {}): Profile {
  let config = emptyConfig();
  if (file) {
    const r = loadConfig(file);
    if (!r.config) {
      const more = r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : '';
      throw new UsageError(`${formatConfigError(r.errors[0]!)}${more}`);
    }
    config = r.config;
  }
  const engine = Engine.create({ customRuleDirs: config.rules });
  // A broken custom rule is the user's to fix: stop. A broken built-in rule is a packaging bug: say so on
  // stderr and scan with the rules that loaded, so CI is not blocked by the tool's own defect.
  const builtin = builtinRulesDir();
  const isBuiltin = (f: string): boolean => !path.relative(builtin, f).startsWith('..');
  const custom = engine.loadErrors.filter((e) => !isBuiltin(e.file));
  if (custom.length > 0) {
    const more = custom.length > 1 ? ` (and ${custom.length - 1} more)` : '';
    throw new UsageError(`${formatLoadError(custom[0]!)}${more}`);
  }
  // --tests and --threat-model on the command line win over the config's keys, for every config the scan reads.
  const { tests, threatModel } = flags;
  const analysis = { ...analysisOptionsFromConfig(config), ...(tests ? { tests } : {}), ...(threatModel ? { threatModel } : {}) };
  for (const id of [...config.disable, ...Object.keys(config.severity)]) {
    if (!engine.rule(id)) throw new UsageError(`${file}: unknown rule id '${id}' (see \`vigil rules\`)`);
  }
  return { ...(file ? { file } : {}), config, engine, analysis };
}

/**
 * Loads the config and the rules. Without --config, each file gets the nearest .vigil.yaml from its folder up to
 * the repository root (ConfigLocator); the primary profile is the root's.
 */
export function setup(args: Pick<CliArgs, 'config'> & Partial<Pick<CliArgs, 'tests' | 'threatModel'>>, root = process.cwd(), targets: string[] = ['']): Setup {
  // An explicit --config is a path the user typed, so it is read from the current folder whatever the root is.
  const explicit = args.config ? path.resolve(args.config) : undefined;
  if (explicit && !fs.existsSync(explicit)) throw new UsageError(`config file ${args.config} does not exist`);
  const locator = explicit ? undefined : new ConfigLocator(root);
  const loaded = new Map<string, Profile>();
  const load = (file: string | undefined): Profile => {
    const key = file ?? '';
    let p = loaded.get(key);
    if (!p) {
      p = loadProfile(file, { ...(args.tests ? { tests: args.tests } : {}), ...(args.threatModel ? { threatModel: args.threatModel } : {}) });
      loaded.set(key, p);
    }
    return p;
  };
  const primary = load(explicit ?? locator!.find(root));
  for (const e of primary.engine.loadErrors) process.stderr.write(`vigil: warning: built-in rule skipped: ${formatLoadError(e)}\n`);
  return {
    ...primary,
    root,
    targets,
    primary,
    profileFor: (dir) => (locator ? load(locator.find(dir)) : primary),
    profiles: () => [primary, ...[...loaded.values()].filter((p) => p !== primary)],
    configIgnoresAt: (dir) => {
      if (!locator) return undefined;
      const file = findConfigFile(dir);
      return file ? load(file).config.ignore : undefined;
    },
  };
}

/** Stable shard of a path: the first 32 bits of its SHA-1, so every machine splits a repository the same way. */
export function shardOf(rel: string, count: number): number {
  return createHash('sha1').update(rel).digest().readUInt32BE(0) % count;
}

async function* fromList(rels: string[], s: Setup, filter: IgnoreRules, within: string[]): AsyncGenerator<WalkEntry> {
  for (const rel of rels) {
    if (within.length > 0 && !within.some((w) => w === '' || rel === w || rel.startsWith(`${w}/`))) continue;
    if (filter.excluded(rel)) continue;
    yield { kind: 'file', abs: path.join(s.root, rel), rel };
  }
}

async function* fromArray(list: WalkEntry[]): AsyncGenerator<WalkEntry> {
  yield* list;
}

async function* sharded(entries: AsyncIterable<WalkEntry>, shard: CliArgs['shard']): AsyncGenerator<WalkEntry> {
  for await (const e of entries) if (!shard || shardOf(e.rel, shard.count) === shard.index - 1) yield e;
}

/** The files to scan, as a stream: the walk of the named paths, or git's list filtered by the same ignore rules. */
export function selectFiles(args: CliArgs, s: Setup): AsyncIterable<WalkEntry> {
  const targets = s.targets.map((t) => t || '.');
  const within = s.targets;
  const walkOpts: WalkOptions = { root: s.root, extraIgnores: s.config.ignore, ignoreFiles: !args.noIgnore, configIgnores: (dir) => s.configIgnoresAt(dir) };
  // The root's config may sit above the root (--root below it): its globs are relative to its own folder.
  const above = s.file ? relativeTo(path.dirname(s.file), s.root) : undefined;
  if (above) walkOpts.extraIgnoresPrefix = `${above}/`;
  let entries: AsyncIterable<WalkEntry>;
  if (args.staged) entries = fromList(stagedFiles(s.root), s, new IgnoreRules(walkOpts), within);
  else if (args.changedSince) entries = fromList(changedSince(s.root, args.changedSince), s, new IgnoreRules(walkOpts), within);
  else entries = walk(targets, walkOpts);
  return sharded(entries, args.shard);
}

function byPosition(a: Finding, b: Finding): number {
  const x = a.range.start;
  const y = b.range.start;
  return x.line - y.line || x.character - y.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Runs the scan and builds the sorted report; findings in the baseline are dropped and counted. */
export async function collect(
  args: CliArgs,
  s: Setup,
  opts: { mode?: 'analyze' | 'suppressions'; frames?: boolean; baseline?: Baseline } = {},
): Promise<Report> {
  const t0 = performance.now();
  const entries = selectFiles(args, s);
  const files: FileReport[] = [];
  const skipped: Report['skipped'] = [];
  let scanned = 0;
  const sizes: Report['sizes'] = [];
  let baselined = 0;
  let suppressed = 0;
  const settle = (opts.mode ?? 'analyze') === 'analyze';
  // Taint across files is settled once every file is in (crossFile.ts), so results wait for the end of the scan.
  const results: FileResult[] = [];
  const report = (r: FileResult): void => {
    // Every file not analysed is listed with its reason, binary ones included: a file named on the command line
    // must never vanish from the report.
    if (r.skipped) {
      skipped.push({ path: r.rel, reason: r.skipped });
      return;
    }
    scanned++;
    suppressed += r.suppressed ?? 0;
    sizes.push({ path: r.rel, lines: r.lines ?? 0 });
    let findings = r.findings;
    let frames = r.frames;
    if (opts.baseline) {
      const keep = findings.map((f) => !inBaseline(opts.baseline!, f));
      baselined += keep.filter((k) => !k).length;
      findings = findings.filter((_, i) => keep[i]);
      frames = frames?.filter((_, i) => keep[i]);
    }
    if (findings.length || r.notes.length || r.suppressions?.length) {
      const fr: FileReport = { path: r.rel, findings, notes: r.notes };
      if (frames) fr.frames = frames;
      if (r.suppressions) fr.suppressions = r.suppressions;
      files.push(fr);
    }
  };
  // A baseline written before fingerprint version 2 is matched by each finding's version 1 fingerprint.
  const legacy = opts.baseline?.version === 1 ? { legacyFingerprints: true } : {};
  const initFor = (p: Profile): WorkerInit => ({
    root: s.root,
    customRuleDirs: p.config.rules,
    analysis: { ...p.analysis, includeSuppressed: args.includeSuppressed || args.format === 'sarif' || args.format === 'summary', ...legacy, ...(settle ? { crossFile: true } : {}) },
    source: args.staged ? 'git-index' : 'fs',
    mode: opts.mode ?? 'analyze',
    frames: opts.frames ?? false,
    maxFileSize: p.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  });
  const onResult = (r: FileResult): void => void results.push(r);
  const pool = { jobs: args.jobs ?? defaultJobs(), memoryBudgetMb: args.maxMemoryMb ?? 0 };
  const init = initFor(s.primary);
  // Files under a nested .vigil.yaml need other rules and options than the workers were started with: they are
  // set aside during the walk and scanned afterwards, one pool per config. With one config (the usual case)
  // nothing is set aside and the walk streams straight into the workers.
  const later = new Map<Profile, WalkEntry[]>();
  async function* primaryFiles(): AsyncGenerator<WalkEntry> {
    for await (const e of entries) {
      const p = e.kind === 'file' ? s.profileFor(path.dirname(e.abs)) : s.primary;
      if (p === s.primary) yield e;
      else {
        const list = later.get(p) ?? [];
        list.push(e);
        later.set(p, list);
      }
    }
  }
  // The cache is opt-in: it is a file in the repository's working tree that CI may or may not keep. Its key covers
  // one set of rules and options, so it serves the files of the primary config only.
  const cacheFile = args.cache !== undefined ? path.resolve(args.cache) : undefined;
  const cache = cacheFile ? ScanCache.load(cacheFile, ScanCache.keyFor(init, [builtinRulesDir(), ...s.config.rules], vigilVersion())) : undefined;
  await runScan(primaryFiles(), { ...init, ...(cache ? { cache } : {}), ...pool }, onResult);
  if (cache && cacheFile) cache.save(cacheFile);
  for (const [p, list] of later) await runScan(fromArray(list), { ...initFor(p), ...pool }, onResult);
  if (settle) settleCrossFile(results);
  for (const r of results) report(r);
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  files.sort((a, b) => cmp(a.path, b.path));
  for (const f of files) {
    if (!f.frames) f.findings.sort(byPosition);
    else {
      const order = f.findings.map((_, i) => i).sort((i, j) => byPosition(f.findings[i]!, f.findings[j]!));
      f.findings = order.map((i) => f.findings[i]!);
      f.frames = order.map((i) => f.frames![i]!);
    }
  }
  skipped.sort((a, b) => cmp(a.path, b.path));
  sizes.sort((a, b) => cmp(a.path, b.path));
  return { root: s.root, files, skipped, filesScanned: scanned, sizes, baselined, suppressed, elapsedMs: performance.now() - t0 };
}

export function rulesById(engine: Engine): Map<string, Rule> {
  return new Map(engine.rules.map((r) => [r.id, r]));
}

/** One setup per scan root (see roots.ts): each repository is scanned with its own config and reported against its own root. */
export function setupAll(args: CliArgs): Setup[] {
  const groups = groupTargets(args.positionals, { ...(args.root !== undefined ? { rootFlag: args.root } : {}), mustExist: !args.staged });
  if (groups.length > 1 && args.cache !== undefined) throw new UsageError('--cache keeps one root\'s results; scan one repository at a time with it, or pass --root');
  return groups.map((g) => setup(args, g.root, g.targets));
}
