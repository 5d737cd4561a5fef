// `vigil` entry point: dispatches the commands, writes the report, sets the exit code.
// Exit codes: 0 clean, 1 findings at or above --fail-on (or failing rule tests), 2 usage/config/input error.
// Expected problems are UsageErrors and print one line; anything else is a bug and still prints one line
// (plus the stack only when VIGIL_DEBUG is set), never a secret, since messages come from the engine masked.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { DEFAULT_MAX_FILE_SIZE, type Finding, type Rule, type Severity } from '../engine';
import { BASELINE_FILE, BaselineError, buildBaseline, loadBaseline, writeBaseline, type Baseline } from '../project';
import { HELP, parseCli, type CliArgs, type FailOn } from './args';
import { collect, setupAll, type Report, type Setup } from './collect';
import { explainCommand, rulesCommand, suppressionsCommand, testRulesCommand, type Output } from './commands';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { toJsonMany } from './json';
import { mergeSarif, readSarif } from './merge';
import { vigilVersion } from './meta';
import { toSarifLog } from './sarif';
import { buildReport, parseHistoryCommits } from './report/build';
import { summarize } from './report/stats';
import { toSummary } from './summary';
import { palette, toText, useColor } from './text';
import { historyJson, historySarif, historyText } from './history/output';
import { scanHistory } from './history/scanHistory';
import { nextStepsLine } from './nextSteps';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function failsOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

/** Whether a reported finding makes the run fail: open, at or above --fail-on, and not demoted unless asked. */
export function findingFails(f: Finding, args: Pick<CliArgs, 'failOn' | 'failOnDemoted'>): boolean {
  return !f.suppression && (!f.demoted || args.failOnDemoted) && failsOn(f.severity, args.failOn);
}

/** Collects the report text, then writes it once: to --output, or stdout. */
function sink(args: CliArgs): Output & { flush(): void } {
  const chunks: string[] = [];
  return {
    write: (t) => void chunks.push(t),
    flush: () => {
      const text = chunks.join('');
      if (args.output) {
        try {
          fs.mkdirSync(path.dirname(path.resolve(args.output)), { recursive: true });
          fs.writeFileSync(args.output, text);
        } catch (e) {
          throw new UsageError(`cannot write ${args.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
      } else process.stdout.write(text);
    },
  };
}

/** --baseline is a path the user typed, so it is read from the current folder whatever the scan roots are. */
function readBaseline(args: CliArgs): Baseline | undefined {
  if (!args.baseline) return undefined;
  try {
    return loadBaseline(path.resolve(args.baseline));
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(e.message);
    throw e;
  }
}

/** Every rule a result of this setup can name: nested configs may add custom rules. */
function describedRules(s: Setup, report: Report): Rule[] {
  const rules = new Map<string, Rule>();
  for (const p of s.profiles()) for (const r of p.engine.rules) if (!rules.has(r.id)) rules.set(r.id, r);
  const reported = new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  return [...rules.values()].filter((r) => !s.config.disable.includes(r.id) || reported.has(r.id));
}

async function historyCommand(args: CliArgs, out: Output, setups: Setup[], baseline: Baseline | undefined): Promise<number> {
  if (setups.length !== 1) throw new UsageError('--history scans one repository at a time');
  const s = setups[0]!;
  const h = await scanHistory(s, args.history || undefined, { ...(baseline ? { baseline } : {}), maxFileSize: s.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
  if (args.format === 'sarif') out.write(historySarif(h, s.engine.rules.filter((r) => r.secret && !s.config.disable.includes(r.id)), s.config.severity));
  else if (args.format === 'json') out.write(historyJson(h));
  else out.write(historyText(h));
  return h.findings.some((x) => findingFails(x.finding, args)) ? EXIT_FINDINGS : EXIT_OK;
}

async function scanCommand(args: CliArgs, out: Output): Promise<number> {
  const setups = setupAll(args);
  const baseline = readBaseline(args);
  if (args.history !== undefined) return historyCommand(args, out, setups, baseline);
  const color = useColor(args.color, !args.output && process.stdout.isTTY === true);
  const reports: Report[] = [];
  for (const s of setups) reports.push(await collect(args, s, { frames: args.format === 'text', ...(baseline ? { baseline } : {}) }));
  if (args.format === 'sarif') {
    const parts = setups.map((s, i) => ({ report: reports[i]!, rules: describedRules(s, reports[i]!), severityOverrides: s.config.severity }));
    out.write(`${JSON.stringify(toSarifLog(parts), null, 2)}\n`);
  } else if (args.format === 'json') out.write(toJsonMany(reports));
  else if (args.format === 'summary') out.write(toSummary(reports.map(summarize)));
  else {
    const text = reports.map((r) => `${reports.length > 1 ? `${palette(color).bold(`Root ${r.root}`)}\n\n` : ''}${toText(r, color)}`).join('\n');
    // The advice goes to the terminal only, not into a report file (--output).
    const next = args.output || reports.length !== 1 ? undefined : nextStepsLine(reports[0]!);
    out.write(text + (next ? `${next}\n` : ''));
  }
  const failing = reports.some((report) => report.files.some((f) => f.findings.some((x) => findingFails(x, args))));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

/** Writes the baseline: into each root by default (so it travels with the repository), or one file at --output. */
async function baselineCommand(args: CliArgs): Promise<number> {
  const setups = setupAll(args);
  const per: { file: string; entries: { path: string; finding: Finding }[] }[] = [];
  for (const s of setups) {
    // `vigil baseline --history` records the secrets of the history, so a team can accept those already rotated.
    const entries =
      args.history !== undefined
        ? (await scanHistory(s, args.history || undefined, { maxFileSize: s.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE })).findings.map((h) => ({ path: h.path, finding: h.finding }))
        : (await collect({ ...args, includeSuppressed: false }, s)).files.flatMap((f) => f.findings.map((finding) => ({ path: f.path, finding })));
    const file = args.output ? path.resolve(args.output) : path.join(s.root, BASELINE_FILE);
    const same = per.find((p) => p.file === file);
    if (same) same.entries.push(...entries);
    else per.push({ file, entries });
  }
  for (const { file, entries } of per) {
    const content = buildBaseline(entries);
    try {
      writeBaseline(file, content);
    } catch (e) {
      throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const shown = path.relative(process.cwd(), file) || file;
    process.stderr.write(`Wrote ${content.findings.length} findings to ${shown}; scan with --baseline ${shown} to report only new ones.\n`);
  }
  return EXIT_OK;
}

async function reportCommand(args: CliArgs, out: Output): Promise<number> {
  if (args.from.length > 0 && args.positionals.length > 0) throw new UsageError('vigil report takes either paths to scan or --from files, not both');
  if (args.historyDir !== undefined && !fs.existsSync(args.historyDir)) throw new UsageError(`--history-dir ${args.historyDir} does not exist`);
  const baseline = readBaseline(args);
  const { html, data } = await buildReport(args, {
    from: args.from,
    historyCommits: parseHistoryCommits(args.historyCommits),
    ...(args.historyDir !== undefined ? { historyDir: args.historyDir } : {}),
    ...(baseline ? { baseline } : {}),
  });
  out.write(html);
  if (args.output) process.stderr.write(`Wrote the security report (${data.findings.length} findings) to ${args.output}\n`);
  return EXIT_OK;
}

function mergeCommand(args: CliArgs, out: Output): number {
  out.write(`${JSON.stringify(mergeSarif(args.positionals.map(readSarif)), null, 2)}\n`);
  return EXIT_OK;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  const out = sink(args);
  let code: number;
  switch (args.command) {
    case 'version':
      process.stdout.write(`${vigilVersion()}\n`);
      return EXIT_OK;
    case 'help':
      process.stdout.write(HELP);
      return EXIT_OK;
    case 'scan':
      code = await scanCommand(args, out);
      break;
    case 'report':
      code = await reportCommand(args, out);
      break;
    case 'baseline':
      return baselineCommand(args);
    case 'merge':
      code = mergeCommand(args, out);
      break;
    case 'rules':
      code = rulesCommand(args, out);
      break;
    case 'explain':
      code = explainCommand(args, out);
      break;
    case 'suppressions':
      code = await suppressionsCommand(args, out);
      break;
    case 'test-rules':
      code = await testRulesCommand(args, out);
      break;
  }
  out.flush();
  return code;
}

/**
 * A reader that stops early (`vigil scan | head -1`) closes the pipe; the write then fails with EPIPE, emitted as
 * an 'error' event that would otherwise crash the process with exit 1. Nobody is left to read the rest, so the
 * stream is dropped and the run ends with the exit code it computed, as `grep` and `git log` do.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      stream.destroy();
      return;
    }
    process.stderr.write(`vigil: cannot write the report: ${e.code ?? e.message}\n`);
    process.exitCode = EXIT_USAGE;
  });
}

function main(): void {
  quietOnClosedPipe(process.stdout);
  // The main thread only walks folders and gathers results, but V8 lets its young generation grow to tens of
  // megabytes of short-lived strings; a 2 MB semi-space keeps the scan's peak memory about 40 MB lower on the
  // benchmark corpus at no measurable cost. `node --max-semi-space-size` cannot be passed through the bin's
  // shebang portably, so it is set here, before the scan allocates anything.
  v8.setFlagsFromString('--max-semi-space-size=2');
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) process.stderr.write(`vigil: ${e.message}\n`);
      else {
        process.stderr.write(`vigil: internal error: ${(e as Error)?.message ?? String(e)}\n`);
        if (process.env.VIGIL_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
      }
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) main();
