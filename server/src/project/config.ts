// Repository configuration (.vigil.yaml), shared by the editor and the CLI. Validated against
// rules/config-schema.json with Ajv; errors carry the file and the 1-based line of the offending node.
import * as fs from 'fs';
import * as path from 'path';
import {
  offendingPointer,
  packageRoot,
  parseYaml,
  pickAnalysisOptions,
  resolveRuleFolder,
  ruleFileNames,
  schemaErrors,
  schemaFileValidator,
  type AnalysisOptions,
  type Confidence,
  type ErrorObject,
  type Severity,
  type TestsMode,
  type ThreatModel,
} from '../engine';

export const CONFIG_FILE = '.vigil.yaml';

export interface VigilConfig {
  /** Rule ids that never report. */
  disable: string[];
  /** Severity per rule id. */
  severity: Record<string, Severity>;
  minimumConfidence?: Confidence;
  /** Extra ignore globs (gitignore syntax), relative to the config file's folder. */
  ignore: string[];
  /** The absolute folders custom rule files are read from (see resolveRuleFolder: `<folder>/rules` or `<folder>`). */
  rules: string[];
  /** Maximum file size in bytes. */
  maxFileSize?: number;
  /** Findings in test and fixture code: report, demote (the default when unset) or ignore. */
  tests?: TestsMode;
  /** Whose values count as input: remote (the default when unset) or local (the operator's too); see ThreatModel. */
  threatModel?: ThreatModel;
}

export interface ConfigError {
  file: string;
  line?: number;
  message: string;
}

export function emptyConfig(): VigilConfig {
  return { disable: [], severity: {}, ignore: [], rules: [] };
}

/** The .vigil.yaml in `dir` itself, if any (ConfigLocator looks upwards). */
export function findConfigFile(dir: string): string | undefined {
  const file = path.join(dir, CONFIG_FILE);
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder at or above `dir` with a `.git` (a folder, or a file in worktrees and submodules). */
export function repositoryRoot(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    if (exists(path.join(cur, '.git'))) return cur;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

/**
 * Finds the .vigil.yaml that applies to the files of a folder: the nearest one in that folder or above it, up to the
 * repository root, the way git finds .gitignore files. Nearest wins; configs are not merged. The search never
 * leaves the repository (a nested repository, such as a submodule, is a boundary too), and outside any repository it
 * stops at `limit` (the folder vigil runs in, or the workspace folder), so a stray file in a home folder never
 * applies. Answers are cached per folder; make a new locator after configs are added or removed.
 */
export class ConfigLocator {
  private readonly stop: string;
  private readonly cache = new Map<string, string | undefined>();

  constructor(limit: string) {
    const abs = path.resolve(limit);
    this.stop = repositoryRoot(abs) ?? abs;
  }

  find(dir: string): string | undefined {
    const abs = path.resolve(dir);
    if (this.cache.has(abs)) return this.cache.get(abs);
    let found = findConfigFile(abs);
    if (!found) {
      const up = path.dirname(abs);
      const boundary = abs === this.stop || up === abs || exists(path.join(abs, '.git')) || !isWithin(this.stop, abs);
      if (!boundary) found = this.find(up);
    }
    this.cache.set(abs, found);
    return found;
  }
}

function isWithin(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const configValidator = schemaFileValidator(() => path.join(packageRoot(), 'rules', 'config-schema.json'));

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'top level';
  if (e.keyword === 'additionalProperties') {
    const prop = String((e.params as { additionalProperty: string }).additionalProperty);
    return e.instancePath ? `${where}: '${prop}' is not allowed` : `unknown key '${prop}' (allowed: disable, severity, minimumConfidence, ignore, rules, maxFileSize, tests, threatModel)`;
  }
  if (e.keyword === 'enum') return `${where} must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'pattern') return `${where} is not a rule id (kebab-case)`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/**
 * Loads and validates a config file. Errors name the file and line; on error `config` is undefined.
 * Custom rule folders must stay inside the repository the config file is in (the nearest folder with a `.git`,
 * else the config file's folder), so a config cannot point Vigil at files elsewhere on the machine.
 */
export function loadConfig(file: string, text?: string): { config?: VigilConfig; errors: ConfigError[] } {
  let source: string;
  try {
    source = text ?? fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { errors: [{ file, message: `cannot read config file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  const parsed = parseYaml(source);
  const doc = parsed.doc;
  if (!doc) return { errors: parsed.errors.map((e) => ({ file, ...e })) };
  const data: unknown = doc.data ?? {};
  // An unknown key is reported on its own line, not on the line of the map that holds it.
  const invalid = schemaErrors(configValidator(), data, doc, { describe, pointer: offendingPointer });
  if (invalid) return { errors: invalid.map((e) => ({ file, ...e })) };
  const raw = data as Partial<VigilConfig>;
  const dir = path.dirname(path.resolve(file));
  const errors: ConfigError[] = [];
  // Compare real paths too: a symlinked folder inside the repository must not lead to rules elsewhere.
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  // The repository a nested config belongs to may keep the shared rules above it (`rules: [../tools/vigil]`).
  const repo = repositoryRoot(dir) ?? dir;
  const outside = (p: string): boolean => {
    const rel = path.relative(repo, p);
    const realRel = path.relative(real(repo), real(p));
    return rel.startsWith('..') || path.isAbsolute(rel) || realRel.startsWith('..') || path.isAbsolute(realRel);
  };
  const rules = (raw.rules ?? []).map((r, i) => {
    const abs = path.resolve(dir, r);
    const at = (message: string): void => void errors.push({ file, line: doc.lineAt(`/rules/${i}`), message });
    if (outside(abs)) {
      at(`rule folder '${r}' is outside the repository`);
      return abs;
    }
    if (!fs.existsSync(abs)) {
      at(`rule folder '${r}' does not exist`);
      return abs;
    }
    // The folder the rule files are read from: this is what the engine, the workers and the cache key see.
    const { rulesDir } = resolveRuleFolder(abs);
    if (outside(rulesDir)) at(`rule folder '${r}/rules' is outside the repository`);
    // A folder that yields no rule is almost always the wrong folder (rules/ one level further down, a typo):
    // loading nothing in silence would let CI pass without the team's rules, so it is an error.
    else if (ruleFileNames(rulesDir).length === 0) at(`rule folder '${r}' has no rule files (no *.yaml in '${path.relative(dir, rulesDir) || '.'}')`);
    return rulesDir;
  });
  if (errors.length > 0) return { errors };
  const config: VigilConfig = {
    disable: raw.disable ?? [],
    severity: raw.severity ?? {},
    ignore: raw.ignore ?? [],
    rules,
  };
  if (raw.minimumConfidence) config.minimumConfidence = raw.minimumConfidence;
  if (raw.maxFileSize !== undefined) config.maxFileSize = raw.maxFileSize;
  if (raw.tests !== undefined) config.tests = raw.tests;
  if (raw.threatModel !== undefined) config.threatModel = raw.threatModel;
  return { config, errors: [] };
}

export function formatConfigError(e: ConfigError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}

/** The analysis options a config implies (the editor merges its settings on top). */
export function analysisOptionsFromConfig(config: VigilConfig): AnalysisOptions {
  return pickAnalysisOptions({ disabledRules: config.disable, severityOverrides: config.severity, minimumConfidence: config.minimumConfidence, maxFileSize: config.maxFileSize, tests: config.tests, threatModel: config.threatModel });
}
