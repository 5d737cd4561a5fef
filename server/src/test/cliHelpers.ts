// Shared by the CLI, scan and SARIF tests: spawn the built CLI (server/out/cli.js, from `npm run build`) and
// make small repositories with custom rules, so the tests do not depend on which built-in rules exist.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../engine';

export const ROOT = packageRoot();
export const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `cli`: another copy of cli.js to run (see installedCopy). */
export function vigil(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; cli?: string } = {}): Run {
  const env = { ...process.env, ...(opts.env ?? {}) };
  delete env.NO_COLOR;
  if (opts.env?.NO_COLOR !== undefined) env.NO_COLOR = opts.env.NO_COLOR;
  const r = spawnSync(process.execPath, [opts.cli ?? CLI, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A copy of what the package ships (the bundles, the rules, package.json) in a temporary folder with no
 * node_modules above it, as after an install: the path of its cli.js. Proves the bundles need nothing else.
 */
export function installedCopy(): string {
  const stage = tmpDir('vigil-installed-');
  fs.cpSync(path.dirname(CLI), path.join(stage, 'server', 'out'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'rules'), path.join(stage, 'rules'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(stage, 'package.json'));
  return path.join(stage, 'server', 'out', path.basename(CLI));
}

export function tmpDir(prefix = 'vigil-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
}

/** A custom regex rule for any text file. `secret` rules mask their flagged text in frames. */
export function demoRule(id: string, regex: string, severity = 'warning', extra = ''): string {
  return `id: ${id}
title: Demo rule ${id}
severity: ${severity}
confidence: high
cwe: [798]
message: "Demo finding of ${id}; replace it with the approved value."
docs: |
  ## Why it is risky
  A demo rule used by the CLI tests.
${extra}patterns:
  - languages: [text]
    regex: '${regex}'
`;
}

export const SECRET_VALUE = 'DEMOSECRET_q8Zr4Lm2Xw9Tb7Kc1Vn5';

/**
 * A repository with two custom rules (demo-token: warning, demo-secret: error and secret) and a config that
 * loads them. Files use a `.txt` extension so no built-in code rule looks at them.
 */
export function demoRepo(files: Record<string, string> = {}, config = ''): string {
  const dir = tmpDir();
  writeFiles(dir, {
    'vigil-rules/demo-token.yaml': demoRule('demo-token', 'DEMO_TOKEN_[0-9]+'),
    'vigil-rules/demo-secret.yaml': demoRule('demo-secret', 'DEMOSECRET_[A-Za-z0-9]{20}', 'error', 'secret: true\n'),
    '.vigil.yaml': `rules: [vigil-rules]\n${config}`,
    ...files,
  });
  return dir;
}

export interface JsonFinding {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  message: string;
  fingerprint: string;
  suppression?: { justification?: string };
}

export interface JsonReport {
  summary: { filesScanned: number; skipped: number; baselined: number; suppressed: number; findings: Record<string, number> };
  findings: JsonFinding[];
  skipped: { path: string; reason: string }[];
}

export function json(r: Run): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)} ${r.stderr.slice(0, 500)}`);
  }
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
