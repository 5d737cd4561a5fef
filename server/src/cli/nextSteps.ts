// The last line of a text scan that found something: what a person new to Vigil can do next. The README's
// first command ends with it, so a new user is not left at a summary line (issue 19).
import * as path from 'path';
import type { Report } from './collect';
import { repositoryUrl } from './meta';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** How this run was started, for a command to copy: `vigil`, or `node server/out/cli.js` from a checkout. */
export function cliCommand(argv1 = process.argv[1] ?? '', cwd = process.cwd()): string {
  const rel = path.relative(cwd, argv1);
  return path.basename(argv1) === 'cli.js' && !rel.startsWith('..') && !path.isAbsolute(rel) ? `node ${rel.split(path.sep).join('/')}` : 'vigil';
}

/** Undefined when nothing was found (a clean run needs no advice). */
export function nextStepsLine(report: Report, command = cliCommand()): string | undefined {
  const findings = report.files.flatMap((f) => f.findings).filter((f) => !f.suppression);
  if (findings.length === 0) return undefined;
  const top = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0]!;
  return (
    `Next: \`${command} explain ${top.ruleId}\` tells why it is risky and how to fix it; ` +
    'open the folder in VS Code with the Vigil extension to see the same findings as you type, with quick fixes; ' +
    `docs: ${repositoryUrl()}#readme`
  );
}
