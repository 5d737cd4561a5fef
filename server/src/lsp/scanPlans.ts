// What a scan of the workspace covers in each folder: the files (the CLI's walker with the folder's ignores) and
// the rules and options they are analysed with, the ones an open file there would get. The repository configs
// come from the settings layer (the same .vigil.yaml contents the open files see, read once), not a second read.
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE, type AnalysisOptions } from '../engine';
import { relativeTo, type VigilConfig, type WalkOptions } from '../project';
import { analysisOptions } from './analyze';
import type { ServerContext } from './context';
import { RepositoryConfigs } from './repositoryConfigs';
import { pathToUri } from './uri';

/** The rules and options one config's files are scanned with. */
export interface ScanProfile {
  maxFileSize: number;
  analysis: AnalysisOptions;
  customRuleDirs: string[];
}

/** The folder's own profile (its nearest config), and how to find the nearest config of any folder below it. */
export interface ScanPlan extends ScanProfile {
  folder: string;
  walk: WalkOptions;
  /** The .vigil.yaml the folder's profile comes from ('' for none). */
  config: string;
  /** The nearest .vigil.yaml of a folder below the workspace folder ('' for none), as the settings layer finds it. */
  configOf: (dirAbs: string) => string;
}

/** The context's configs; a context without a settings layer (a test's) reads them on its own. */
export function configsOf(ctx: ServerContext): RepositoryConfigs {
  return ctx.configs ?? new RepositoryConfigs({ folders: () => ctx.workspaceFolders(), log: (m) => ctx.log(m) });
}

/**
 * The settings an open file at `uri` would get, as scan options; undefined when Vigil is disabled there. The
 * context's engine already applied workspace trust: only the custom rules it loaded go to the workers.
 */
export async function profileFor(ctx: ServerContext, uri: string, config: VigilConfig | undefined): Promise<ScanProfile | undefined> {
  const settings = await ctx.settingsFor(uri);
  if (!settings.enable) return undefined;
  const engine = await ctx.engineFor(uri);
  const customRuleDirs = [...new Set(engine.rules.filter((r) => r.custom).map((r) => path.dirname(r.file)))];
  return { maxFileSize: settings.maxFileSize ?? config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, analysis: analysisOptions(settings), customRuleDirs };
}

/** What to scan in each enabled workspace folder, with the folder's settings and its trusted custom rules. */
export async function scanPlans(ctx: ServerContext, configs = configsOf(ctx)): Promise<ScanPlan[]> {
  const plans: ScanPlan[] = [];
  for (const folder of ctx.workspaceFolders()) {
    // The folder's config may sit above it (a workspace opened on a subfolder of the repository), as in the CLI.
    // Config errors are reported by the settings layer when the config loads; the scan uses what is valid.
    const { file, config } = configs.configFor(pathToUri(folder));
    const profile = await profileFor(ctx, pathToUri(folder), config);
    if (!profile) continue;
    const above = file ? relativeTo(path.dirname(file), folder) : undefined;
    const walkOpts: WalkOptions = { root: folder, extraIgnores: config?.ignore ?? [], configIgnores: (dir) => configs.ignoresIn(dir) };
    if (above) walkOpts.extraIgnoresPrefix = `${above}/`;
    plans.push({ folder, walk: walkOpts, ...profile, config: file ?? '', configOf: (dir) => configs.fileFor(folder, dir) ?? '' });
  }
  return plans;
}
