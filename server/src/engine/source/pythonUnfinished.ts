// Mid-keystroke, a Python line is often unfinished: a bracket typed before its `)` (`hashlib.sha256(`), an
// assignment before its value (`token =`), an attribute before its name (`hashlib.`). tree-sitter-python's error
// recovery then re-reads far past that line on every keystroke: an open bracket joins every following line into
// one expression (8-10 ms on 1,000 lines, about 90 ms on 10,000, and every function after it analysed again
// because its tree changed), and a dangling operator or dot cost about 30 ms on 10,000 lines.
//
// Both are mistakes that valid code cannot contain: a line whose first word is `def` or `class` can never be inside
// brackets (those are statements, not expressions), and outside brackets no line ends in an operator or a dot.
// So before parsing, a bracket still open at such a line and an operator that ends a line are overwritten with
// spaces: the error stays on the line being typed, the rest of the file keeps its tree, and offsets do not move.
// Valid code is never changed (checked on the Python standard library, Django and the test fixtures), and the
// editor and the CLI parse the same text the same way, so they still agree on an unfinished file.

import { blankSpans, skipPythonString } from './pythonComments';

const OPENERS = new Set(['(', '[', '{']);
/** A line whose first word starts a definition; tested right after a line break. */
const DEFINITION = /[ \t\f]*(?:async[ \t]+)?(?:def|class)[ \t]/y;
/** What the scan stops at: quotes, comments, brackets, line breaks. */
const INTERESTING = /["'#()[\]{}\n]/g;
/**
 * Operators that cannot end a line outside brackets. `*` is left out (`from m import *`); a dot counts only after a
 * name or a closing bracket (so not in `...`, the Ellipsis), and not after a number (`1.`, see danglingOperator).
 */
const DANGLING = /(?:[-+/%@&|^<>!=]=?|\/\/=?|<<=?|>>=?|(?<=[\w)\]}])\.)$/;

/**
 * Offsets (and lengths) to blank: brackets still open where a line starts with `def` or `class`, and an operator
 * or attribute dot that ends a line outside brackets (`x = `, `hashlib.`). Both are mistakes of a line being typed,
 * and both make tree-sitter-python re-read far beyond that line.
 */
export function unfinishedSyntax(text: string): [offset: number, length: number][] {
  const open: number[] = [];
  const out: [number, number][] = [];
  /** Where the current line's comment starts, if it has one. */
  let comment = -1;
  INTERESTING.lastIndex = 0;
  for (let m = INTERESTING.exec(text); m; m = INTERESTING.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    if (c === '"' || c === "'") {
      INTERESTING.lastIndex = skipPythonString(text, i, c);
    } else if (c === '#') {
      comment = i;
      const nl = text.indexOf('\n', i);
      INTERESTING.lastIndex = nl < 0 ? text.length : nl;
    } else if (c === '\n') {
      const end = comment >= 0 ? comment : i;
      comment = -1;
      if (open.length === 0) {
        const dangling = danglingOperator(text, end);
        if (dangling) out.push(dangling);
        continue;
      }
      DEFINITION.lastIndex = i + 1;
      if (DEFINITION.test(text)) {
        for (const o of open) out.push([o, 1]);
        open.length = 0;
      }
    } else if (OPENERS.has(c)) open.push(i);
    else open.pop();
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The operator that ends the code of a line at `end` (before blanks), if any. */
function danglingOperator(text: string, end: number): [number, number] | undefined {
  let e = end;
  while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '\r' || text[e - 1] === '\f')) e--;
  if (e === 0) return undefined;
  const last = text.charCodeAt(e - 1);
  // Fast exit for the usual line ends: a letter, digit, quote, closing bracket, colon or comma.
  if ((last >= 48 && last <= 57) || (last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last === 34 || last === 39 || last === 58 || last === 44 || last === 41 || last === 93 || last === 125) return undefined;
  const tail = text.slice(Math.max(0, e - 4), e);
  const m = DANGLING.exec(tail);
  if (!m) return undefined;
  if (m[0] === '.') {
    // A float (`20.`, `1_000.`) ends in a dot too: the word before the dot starts with a digit.
    let w = e - 1;
    while (w > 0 && /\w/.test(text[w - 1]!)) w--;
    if (/\d/.test(text[w]!)) return undefined;
  }
  return [e - m[0].length, m[0].length];
}

/** The text to parse: the same length, with what `unfinishedSyntax` finds overwritten with spaces. */
export function blankUnfinishedSyntax(text: string): string {
  return blankSpans(text, unfinishedSyntax(text).map(([i, n]) => [i, i + n] as const));
}
