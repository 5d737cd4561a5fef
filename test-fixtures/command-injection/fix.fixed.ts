import * as cp from 'child_process';

export function listFolder(folder: string, done: (err: Error | null) => void): void {
  // vigil-expect: command-injection
  cp.execFile('ls', ['-la', folder], done);
}

export function countLines(file: string): string {
  // vigil-expect: command-injection
  return cp.execFileSync('wc', ['-l', file]).toString();
}

export function globbed(folder: string): string {
  // The glob needs a shell, so no fix is offered.
  // vigil-expect: command-injection
  return cp.execSync(`ls ${folder}/*.log`).toString();
}

export function listFolderSafe(folder: string, done: (err: Error | null) => void): void {
  // vigil-ok: command-injection
  cp.execFile('ls', ['-la', folder], done);
}

export function version(): string {
  // vigil-ok: command-injection
  return cp.execSync(`node --version`).toString();
}

export function matchLine(pattern: RegExp, line: string): RegExpExecArray | null {
  // vigil-ok: command-injection
  return pattern.exec(line);
}
