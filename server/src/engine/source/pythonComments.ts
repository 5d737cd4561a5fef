// tree-sitter-python's external scanner looks ahead across comment lines to find the next line's indentation,
// once per line: a run of N comment lines costs N² (8,000 commented-out lines took over 5 s and hit the parse
// timeout, so the file lost every syntax rule; 4,000 took 0.6-1.3 s per keystroke). Comments carry nothing the
// syntax rules read, so before parsing, the comment lines of long runs are overwritten with spaces: offsets, line
// breaks and everything else stay as they are, and blank lines cost the scanner nothing.

/** Runs with at least this many comment lines are blanked (shorter runs cost little and stay visible). */
export const COMMENT_RUN_LIMIT = 32;

const runChecks = new Map<number, RegExp>();

/** A regex that matches where `limit` comment lines follow each other (compiled once: it runs per keystroke). */
function runCheck(limit: number): RegExp {
  let re = runChecks.get(limit);
  if (!re) {
    re = new RegExp(`^(?:[ \\t\\f]*#[^\\n]*\\n(?:[ \\t\\f\\r]*\\n)*){${limit}}`, 'm');
    runChecks.set(limit, re);
  }
  return re;
}

/** The text to parse for `text` in Python: the same length, with the comment lines of long runs blanked. */
export function blankLongCommentRuns(text: string, limit = COMMENT_RUN_LIMIT): string {
  // Cheap exit (a native regex pass): no `limit` lines starting with '#' in a row, blank lines aside.
  if (!runCheck(limit).test(text)) return text;
  const comments = commentLines(text);
  const blank: [number, number][] = [];
  let run: [number, number][] = [];
  const flush = (): void => {
    if (run.length >= limit) blank.push(...run);
    run = [];
  };
  for (const c of comments) {
    // Blank lines between comment lines keep a run going; a line of code ends it.
    if (!onlyBlankLinesBetween(text, c.prevEnd, c.start)) flush();
    run.push([c.start, c.end]);
  }
  flush();
  return blankSpans(text, blank);
}

/** The text with each [start, end) span (in order, not overlapping) overwritten with spaces: offsets stay. */
export function blankSpans(text: string, spans: readonly (readonly [start: number, end: number])[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    parts.push(text.slice(at, s), ' '.repeat(e - s));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

interface CommentLine {
  /** Offset of the '#', and of the end of the line (before \r or \n). */
  start: number;
  end: number;
  /** End of the previous comment line (0 for the first), to tell whether only blank lines lie between. */
  prevEnd: number;
}

function onlyBlankLinesBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return false;
  }
  return true;
}

/** Lines whose first non-blank character starts a comment (not inside a string), in order. */
function commentLines(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  let lineStart = true;
  let prevEnd = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      let e = i;
      while (e < n && text[e] !== '\n' && text[e] !== '\r') e++;
      if (lineStart) {
        out.push({ start: i, end: e, prevEnd });
        prevEnd = e;
      }
      i = e;
      continue;
    }
    lineStart = false;
    if (c === '"' || c === "'") {
      i = skipPythonString(text, i, c);
      continue;
    }
    i++;
  }
  return out;
}

/** The offset after the string literal whose opening quote `q` is at `i` (unterminated: the line break or the end). */
export function skipPythonString(text: string, i: number, q: string): number {
  const n = text.length;
  const triple = text[i + 1] === q && text[i + 2] === q;
  let j = i + (triple ? 3 : 1);
  while (j < n) {
    const c = text[j]!;
    if (c === '\\') {
      // An escaped line break continues the string (also as \r\n).
      j += text[j + 1] === '\r' && text[j + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (c === '\n') {
      // A one-quote string ends at the line break (unterminated); a triple-quoted one spans it.
      if (!triple) return j;
    } else if (c === q && (!triple || (text[j + 1] === q && text[j + 2] === q))) return j + (triple ? 3 : 1);
    j++;
  }
  return n;
}
