// The few git queries the CLI needs for pre-commit and CI runs. git is run as a child process with argument
// arrays (no shell), paths come back NUL-separated and relative to the working folder.
import { spawnSync } from 'child_process';
import { UsageError } from './errors';

function git(cwd: string, args: string[], what: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.error) throw new UsageError(`${what} needs git, which could not be run: ${r.error.message}`);
  if (r.status !== 0) {
    const msg = (r.stderr || '').trim().split('\n').filter(Boolean).pop() ?? `git exited with ${r.status}`;
    throw new UsageError(`${what}: ${msg}`);
  }
  return r.stdout;
}

export function assertGitRepo(cwd: string, option: string): void {
  const r = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, encoding: 'utf8' });
  if (r.error) throw new UsageError(`${option} needs git, which could not be run: ${r.error.message}`);
  if (r.status !== 0 || r.stdout.trim() !== 'true') throw new UsageError(`${option} needs a git repository, and ${cwd} is not inside one`);
}

function split(out: string): string[] {
  return out.split('\0').filter((p) => p !== '');
}

/** Files staged for commit (added, copied, modified, renamed), relative to `cwd`. */
export function stagedFiles(cwd: string): string[] {
  assertGitRepo(cwd, '--staged');
  return split(git(cwd, ['diff', '--cached', '--name-only', '--relative', '-z', '--diff-filter=ACMR'], '--staged'));
}

/** Files changed between `rev` and the working tree, plus untracked files that are not ignored. */
export function changedSince(cwd: string, rev: string): string[] {
  assertGitRepo(cwd, '--changed-since');
  if (rev.startsWith('-')) throw new UsageError(`--changed-since: '${rev}' is not a revision`);
  git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], `--changed-since: unknown revision '${rev}'`);
  const changed = split(git(cwd, ['diff', '--name-only', '--relative', '-z', '--diff-filter=ACMR', rev, '--'], '--changed-since'));
  const untracked = split(git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], '--changed-since'));
  return [...new Set([...changed, ...untracked])].sort();
}
