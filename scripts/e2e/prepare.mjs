// What `npm test` sets up before the layers that need it, so that a fresh clone passes with no manual step:
// the build, the Debian packages, the editor tools in .tools/e2e and the .vsix. Each step checks first and does
// nothing when its result is present and current, so a second run pays only the checks. Each prints one line;
// a step that cannot run (no root, no package registry) prints why and the command to run by hand, and the
// layers that need it are reported as not run instead of failing one by one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/** Newest modification time under the given files or folders (0 when none exists). */
export function newestMtime(entries, root = ROOT) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const e of entries) visit(path.join(root, e));
  return newest;
}

/** True when an output is missing or older than the newest source. */
export function stale(outputs, sources, root = ROOT) {
  const src = newestMtime(sources, root);
  return outputs.some((o) => {
    try {
      return fs.statSync(path.join(root, o)).mtimeMs < src;
    } catch {
      return true;
    }
  });
}

const BUILD_SOURCES = ['server/src', 'client/src', 'rules', 'esbuild.mjs', 'scripts/precompile-rules.mjs', 'tsconfig.base.json', 'server/tsconfig.json', 'client/tsconfig.json'];
const BUILD_OUTPUTS = ['server/out/cli.js', 'server/out/server.js', 'server/out/rules.json', 'client/out/extension.js', 'server/lib/.tsbuildinfo', 'client/lib/test/index.js'];
const VSIX_SOURCES = [...BUILD_SOURCES, 'package.json', 'README.md', 'LICENSE', '.vscodeignore', 'scripts/package.mjs', 'media'];

export function vsixName(root = ROOT) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return `vigil-${version}.vsix`;
}

const bash = (script) => ['bash', [path.join('scripts', 'e2e', script)]];

/**
 * The steps. `check` returns a line when nothing needs doing; `run` is the command otherwise; `manual` is what
 * the message tells a person to run when the step fails; `hint` says what usually makes it fail.
 */
export const STEPS = {
  build: {
    check: () => (stale(BUILD_OUTPUTS, BUILD_SOURCES) ? undefined : 'build: up to date'),
    run: ['npm', ['run', 'build']],
    doing: 'build: sources newer than the bundles, running npm run build',
    manual: 'npm run build',
  },
  system: {
    // The script checks each package itself and prints one line.
    run: bash('install-system.sh'),
    manual: 'apt-get install -y chromium neovim libkrb5-dev ripgrep   (as root; or bash scripts/e2e/install-system.sh)',
  },
  tools: {
    run: bash('setup-tools.sh'),
    manual: 'bash scripts/e2e/setup-tools.sh   (needs the npm package registry the first time)',
  },
  vsix: {
    check: () => (stale([vsixName()], VSIX_SOURCES) ? undefined : `vsix: ${vsixName()} is up to date`),
    run: ['npm', ['run', 'package']],
    doing: 'vsix: missing or older than the sources, running npm run package',
    manual: 'npm run package',
  },
};

/**
 * Runs one step: prints one line (the check's, or the command's last line of output), and on failure the
 * command's last error lines and the manual command. Returns true when the step's result is there.
 */
export function runStep(name, step, { cwd = ROOT, log = console.log } = {}) {
  const done = step.check?.();
  if (done) {
    log(done);
    return true;
  }
  if (step.doing) log(step.doing);
  const [cmd, args] = step.run;
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const lastLine = (text) => (text ?? '').trim().split('\n').filter(Boolean).pop() ?? '';
  if (r.status === 0) {
    // A script's own closing line says what it did (`system packages: all present`); npm's banner does not.
    const line = lastLine(r.stdout);
    log(line.includes(': ') && !line.startsWith('>') ? line : `${name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return true;
  }
  const why = r.error ? r.error.message : (r.stderr || r.stdout || '').trim().split('\n').slice(-5).join('\n    ');
  log(`${name}: could not run (exit ${r.status ?? r.signal ?? 'error'}):\n    ${why}\n  to do it by hand: ${step.manual}`);
  return false;
}

/** Runs the named steps in order, once each; returns the names of those that failed. */
export function runSteps(names, steps = STEPS, opts = {}) {
  const failed = [];
  for (const n of names) if (!runStep(n, steps[n], opts)) failed.push(n);
  return failed;
}
