// The project layer's public surface: a repository's config, its files, its baseline, fixture checking and the
// batch scan over worker threads. The language server and the CLI import from here only (a lint wall).
export {
  BASELINE_FILE,
  BASELINE_VERSION,
  BaselineError,
  buildBaseline,
  inBaseline,
  loadBaseline,
  writeBaseline,
  type Baseline,
  type BaselineEntry,
  type BaselineFile,
} from './baseline';
export {
  CONFIG_FILE,
  ConfigLocator,
  analysisOptionsFromConfig,
  emptyConfig,
  findConfigFile,
  formatConfigError,
  loadConfig,
  repositoryRoot,
  type ConfigError,
  type VigilConfig,
} from './config';
export { checkFixture, checkFixtureTree, fixtureFiles, type FixtureExpectation, type FixtureReport } from './fixtureCheck';
export { BUILTIN_EXCLUDES, EXCLUDED_NOTE, IgnoreRules, VIGILIGNORE, relativeTo, walk, type WalkEntry, type WalkOptions } from './walk';
export { ScanCache } from './scan/cache';
export { CrossFileBuffer, crossFileSettler, settleCrossFile, type CrossFileStats } from './scan/crossFile';
export { defaultJobs, runScan, type CodeFrame, type FileResult, type ScanPoolOptions, type SuppressionRecord, type WorkerInit } from './scan/pool';
