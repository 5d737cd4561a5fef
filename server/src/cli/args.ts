// Command-line parsing with node's util.parseArgs (strict: unknown flags are errors), then checks of each value
// so a bad invocation ends with one line and exit code 2 before any work starts.
import { parseArgs } from 'util';
import { TESTS_MODES, THREAT_MODELS, type Severity, type TestsMode, type ThreatModel } from '../engine';
import { UsageError } from './errors';

export type Format = 'text' | 'json' | 'sarif' | 'summary';
export type FailOn = Severity | 'none';

export const COMMANDS = ['scan', 'report', 'baseline', 'merge', 'rules', 'explain', 'suppressions', 'test-rules', 'help'] as const;
export type Command = (typeof COMMANDS)[number] | 'version';

export interface CliArgs {
  command: Command;
  positionals: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  /** `--fail-on-demoted`: demoted findings (test code) count for --fail-on too. */
  failOnDemoted: boolean;
  /** `--tests`: what findings in test and fixture code become; overrides the config's `tests`. */
  tests?: TestsMode;
  /** `--threat-model`: whose values count as input (remote or local); overrides the config's `threatModel`. */
  threatModel?: ThreatModel;
  baseline?: string;
  config?: string;
  jobs?: number;
  /** Soft memory budget (MB) for the scan: workers that grew on large files are replaced above it. */
  maxMemoryMb?: number;
  changedSince?: string;
  staged: boolean;
  shard?: { index: number; count: number };
  color: boolean | undefined;
  includeSuppressed: boolean;
  /** Ignore files and config ignore globs are not applied (built-in excludes still are). */
  noIgnore: boolean;
  /** Content-hash cache file: unchanged files are not analysed again between runs. */
  cache?: string;
  /** `--history[=RANGE]`: scan the lines added by the commits of RANGE (default HEAD) for secrets. */
  history?: string;
  /** --root: the folder paths are reported against, instead of each target's git top level. */
  root?: string;
  /** `vigil report --from`: SARIF, JSON or earlier report files to build the report from instead of scanning. */
  from: string[];
  historyDir?: string;
  historyCommits?: string;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'fail-on-demoted': { type: 'boolean' },
  tests: { type: 'string' },
  'threat-model': { type: 'string' },
  baseline: { type: 'string' },
  config: { type: 'string', short: 'c' },
  jobs: { type: 'string', short: 'j' },
  'max-memory': { type: 'string' },
  'changed-since': { type: 'string' },
  staged: { type: 'boolean' },
  shard: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'include-suppressed': { type: 'boolean' },
  cache: { type: 'string' },
  'no-ignore': { type: 'boolean' },
  history: { type: 'string' },
  root: { type: 'string' },
  from: { type: 'string', multiple: true },
  'history-dir': { type: 'string' },
  'history-commits': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Which options each command accepts; anything else is a usage error rather than silently ignored. */
const ALLOWED: Record<Command, string[]> = {
  scan: ['format', 'output', 'fail-on', 'fail-on-demoted', 'tests', 'threat-model', 'baseline', 'config', 'jobs', 'max-memory', 'changed-since', 'staged', 'shard', 'color', 'no-color', 'include-suppressed', 'cache', 'no-ignore', 'root', 'history'],
  report: ['output', 'config', 'tests', 'threat-model', 'jobs', 'max-memory', 'baseline', 'no-ignore', 'root', 'from', 'history-dir', 'history-commits'],
  baseline: ['output', 'config', 'tests', 'threat-model', 'jobs', 'max-memory', 'changed-since', 'staged', 'no-ignore', 'root', 'history'],
  merge: ['output'],
  rules: ['format', 'output', 'config'],
  explain: ['config'],
  suppressions: ['format', 'output', 'config', 'jobs', 'root'],
  'test-rules': [],
  help: [],
  version: [],
};

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

/** `--history` takes an optional range: alone (last, or before another option) it means the whole history of HEAD. */
function historyDefault(argv: string[]): string[] {
  return argv.map((a, i) => (a === '--history' && (i === argv.length - 1 || argv[i + 1]!.startsWith('-')) ? '--history=' : a));
}

export function parseCli(argv: string[]): CliArgs {
  argv = historyDefault(argv);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs messages carry a multi-line hint; the first sentence names the problem.
    throw new UsageError(`${(e as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '')} (see \`vigil help\`)`);
  }
  const v = parsed.values;
  const pos = [...parsed.positionals];
  let command: Command;
  if (v.version) command = 'version';
  else if (v.help || pos.length === 0) command = 'help';
  else {
    const c = pos.shift()!;
    if (!(COMMANDS as readonly string[]).includes(c)) throw new UsageError(`unknown command '${c}' (commands: ${COMMANDS.join(', ')})`);
    command = c as Command;
  }
  const given = Object.keys(v).filter((k) => k !== 'help' && k !== 'version');
  for (const k of given) {
    if (!ALLOWED[command].includes(k)) throw new UsageError(`option --${k} does not apply to \`vigil ${command}\``);
  }

  const args: CliArgs = {
    command,
    positionals: pos,
    format: oneOf('--format', v.format ?? 'text', ['text', 'json', 'sarif', 'summary'] as const),
    failOn: oneOf('--fail-on', v['fail-on'] ?? 'error', ['error', 'warning', 'info', 'none'] as const),
    failOnDemoted: v['fail-on-demoted'] ?? false,
    staged: v.staged ?? false,
    color: v['no-color'] ? false : v.color,
    includeSuppressed: v['include-suppressed'] ?? false,
    noIgnore: v['no-ignore'] ?? false,
    from: v.from ?? [],
  };
  if (v['history-dir'] !== undefined) args.historyDir = v['history-dir'];
  if (v['history-commits'] !== undefined) args.historyCommits = v['history-commits'];
  if ((command === 'rules' || command === 'suppressions') && (args.format === 'sarif' || args.format === 'summary')) throw new UsageError(`--format ${args.format} does not apply to \`vigil ${command}\` (use text or json)`);
  if (v.tests !== undefined) args.tests = oneOf('--tests', v.tests, TESTS_MODES);
  if (v['threat-model'] !== undefined) args.threatModel = oneOf('--threat-model', v['threat-model'], THREAT_MODELS);
  if (v.output !== undefined) args.output = v.output;
  if (v.baseline !== undefined) args.baseline = v.baseline;
  if (v.cache !== undefined) args.cache = v.cache;
  if (v.history !== undefined) {
    if (v.history.startsWith('-')) throw new UsageError(`--history: '${v.history}' is not a revision range`);
    if (args.staged || v['changed-since'] !== undefined || v.shard !== undefined || pos.length > 0) throw new UsageError('--history scans the whole repository: it takes no paths, --staged, --changed-since or --shard');
    args.history = v.history;
  }
  if (v.root !== undefined) args.root = v.root;
  if (v.config !== undefined) args.config = v.config;
  if (v['changed-since'] !== undefined) args.changedSince = v['changed-since'];
  if (v.jobs !== undefined) {
    if (!/^[1-9]\d{0,2}$/.test(v.jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 999 (got '${v.jobs}')`);
    args.jobs = Number(v.jobs);
  }
  if (v['max-memory'] !== undefined) {
    if (!/^[1-9]\d{1,5}$/.test(v['max-memory'])) throw new UsageError(`--max-memory must be a whole number of megabytes from 10 (got '${v['max-memory']}')`);
    args.maxMemoryMb = Number(v['max-memory']);
  }
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 <= I <= N, e.g. --shard 2/4 (got '${v.shard}')`);
    args.shard = { index, count };
  }
  if (args.staged && args.changedSince) throw new UsageError('--staged and --changed-since cannot be combined');
  if (command === 'explain' && pos.length !== 1) throw new UsageError('usage: vigil explain <rule-id>');
  if (command === 'test-rules' && pos.length !== 1) throw new UsageError('usage: vigil test-rules <folder>');
  if (command === 'merge' && pos.length === 0) throw new UsageError('usage: vigil merge a.sarif b.sarif ... [--output all.sarif]');
  return args;
}

export const HELP = `vigil: security linter (the engine behind the Vigil editor extension)

Usage:
  vigil scan [paths...] [options]     scan files and folders (default: the current folder)
  vigil report [paths...] --output report.html
                                      security report: one offline HTML file with charts (see Report options)
  vigil baseline [paths...]           write .vigil-baseline.json with every current finding
  vigil merge a.sarif b.sarif ...     merge SARIF files from sharded runs into one
  vigil rules [--format json]         list the rules: severity, confidence, languages, CWE
  vigil explain <rule-id>             print a rule's documentation
  vigil suppressions [paths...]       list vigil-ignore comments with rule, reason, expiry
  vigil test-rules <folder>           run the annotated fixtures of custom rules
  vigil help | --version

Scan options:
  -f, --format text|json|sarif|summary  output format (default text); summary: counts and density per 1,000 lines
  -o, --output FILE                   write the report to FILE instead of stdout
      --fail-on error|warning|info|none   exit 1 when findings at or above this severity remain (default error)
      --fail-on-demoted               let demoted findings (in test code) count for --fail-on too
      --tests report|demote|ignore    findings in test and fixture code: as they are, demoted (default: one
                                      confidence level lower, at most warning or the rule's test
                                      severity, marked), or not reported
      --threat-model remote|local     whose values count as input: remote (default) only what comes from
                                      outside (requests, sockets, uploads); local also what the operator
                                      sets (environment, -D properties, properties files, command line)
      --baseline FILE                 report only findings whose fingerprint is not in FILE
  -c, --config FILE                   config file (default: ./.vigil.yaml when present)
  -j, --jobs N                        worker threads (default: number of cores)
      --max-memory MB                 soft memory budget: above it, a worker that grew on large files is
                                      replaced by a fresh one (slower; default: no budget)
      --cache FILE                    content-hash cache: unchanged files reuse their last result
      --changed-since REV             only files changed since a git revision (plus untracked files)
      --staged                        only staged files, scanning the staged content
      --shard I/N                     scan the I-th of N deterministic slices of the files
      --history[=RANGE]               scan the lines every commit of RANGE added (default: all of HEAD) for
                                      secrets; each is reported once, at the commit that first added it
      --root DIR                      report paths relative to DIR (default: each path's git top level, else the
                                      nearest folder with .vigil.yaml, else the named folder)
      --no-ignore                     do not read .gitignore/.vigilignore or config ignores (built-in excludes stay)
      --include-suppressed            also report findings silenced by vigil-ignore comments
      --no-color                      no colours (also: NO_COLOR set, or output not a terminal)

Report options:
      --from FILE                     build from Vigil SARIF/JSON output or an earlier report (repeatable)
                                      instead of scanning the paths
      --history-dir DIR               trend and time-to-fix from earlier reports kept in DIR
      --history-commits N             else from the last N commits of the git history (default 10; 0: off)

Exit codes: 0 no findings at or above --fail-on (demoted ones only with --fail-on-demoted), 1 findings, 2 usage,
config or input error.
`;
