// Streams the lines each commit added, file by file, from one `git log -p` child process. Nothing of the history
// is held beyond the current commit's current file: the stdout pipe is read chunk by chunk, split into lines and
// parsed as it arrives, and git pauses when the reader does (the pipe applies back-pressure).
import { spawn } from 'child_process';
import { StringDecoder } from 'string_decoder';

export interface AddedLines {
  commit: string;
  /** Author date, ISO 8601 (git's %aI). */
  authorDate: string;
  /** Path in that commit, relative to the repository root, with forward slashes. */
  path: string;
  /** 1-based line numbers in the new file, and the added text of each. */
  lines: { line: number; text: string }[];
}

const COMMIT_MARK = '\u0001';

/**
 * Arguments of the `git log` run: oldest commit first (so the first sighting of a secret is its first commit),
 * zero context lines, no renames (a renamed file counts as added, but its secrets were seen at their first commit),
 * no external diff or textconv drivers (they could run repository-configured programs).
 */
export function gitLogArgs(range: string | undefined): string[] {
  return [
    '-c', 'core.quotepath=off',
    'log', '-p', '--reverse', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--unified=0',
    '--diff-filter=AM', '--full-index', `--format=${COMMIT_MARK}%H %aI`,
    ...(range ? [range] : ['HEAD']), '--',
  ];
}

/** `"a\tb"`-style C-quoted paths (git quotes names with control characters or quotes). */
function unquotePath(p: string): string {
  if (!(p.startsWith('"') && p.endsWith('"'))) return p;
  const bytes: number[] = [];
  const s = p.slice(1, -1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = s[++i] ?? '';
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parses `git log -p` output line by line; calls `emit` once per (commit, file) that added lines. */
export class DiffParser {
  private commit = '';
  private date = '';
  private file: AddedLines | undefined;
  private next = 0;
  private inHunk = false;

  constructor(private readonly emit: (a: AddedLines) => void) {}

  line(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith(COMMIT_MARK)) {
      this.flush();
      const [sha, date] = line.slice(1).split(' ');
      this.commit = sha ?? '';
      this.date = date ?? '';
      this.inHunk = false;
      return;
    }
    if (line.startsWith('diff --git ')) {
      this.flush();
      this.inHunk = false;
      return;
    }
    if (!this.inHunk && line.startsWith('+++ ')) {
      // git ends the name with a tab when it contains a space (for patch(1)); a real tab would be C-quoted.
      const target = line.slice(4).replace(/\t$/, '');
      const p = unquotePath(target);
      this.file = target === '/dev/null' ? undefined : { commit: this.commit, authorDate: this.date, path: p.replace(/^b\//, ''), lines: [] };
      return;
    }
    if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      this.next = m ? Number(m[1]) : 0;
      this.inHunk = m !== null;
      return;
    }
    if (!this.inHunk || !this.file) return;
    // Keep the raw line (with any \r) for the file text: a CRLF file's added line is still one line.
    if (raw.startsWith('+')) this.file.lines.push({ line: this.next++, text: line.slice(1) });
    else if (raw.startsWith(' ')) this.next++;
  }

  flush(): void {
    if (this.file && this.file.lines.length > 0) this.emit(this.file);
    this.file = undefined;
  }
}

/**
 * Runs `git log -p` in `cwd` and hands each (commit, file) with added lines to `onFile`, awaiting it before reading
 * on, so memory stays at one file's added lines however long the history is. Rejects with git's last stderr line.
 */
export async function streamAddedLines(cwd: string, range: string | undefined, onFile: (a: AddedLines) => Promise<void>): Promise<{ commits: number }> {
  const child = spawn('git', gitLogArgs(range), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  let commits = 0;
  const queue: AddedLines[] = [];
  const parser = new DiffParser((a) => queue.push(a));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const feed = (text: string): void => {
    const parts = (rest + text).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) {
      if (p.startsWith(COMMIT_MARK)) commits++;
      parser.line(p);
    }
  };
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    feed(decoder.write(chunk));
    while (queue.length > 0) await onFile(queue.shift()!);
  }
  feed(decoder.end());
  if (rest) parser.line(rest);
  parser.flush();
  while (queue.length > 0) await onFile(queue.shift()!);
  const code = await exited;
  if (code !== 0) {
    const msg = stderr.trim().split('\n').filter(Boolean).pop() ?? `git log exited with ${code}`;
    throw new Error(msg);
  }
  return { commits };
}
