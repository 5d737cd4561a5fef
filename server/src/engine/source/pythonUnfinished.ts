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
import { commonAffixes } from './textDiff';

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

/** The scan's state right after a line break: the brackets still open and how many spans were found before it. */
interface Checkpoint {
  /** Offset of the line break. */
  at: number;
  open: readonly number[];
  found: number;
}

/**
 * A finished scan of `text`, kept by the editor so that the next keystroke re-scans only around its edit: the scan
 * resumes at the last checkpoint whose next line lies before the edit and stops at the first checkpoint after it
 * where the brackets still open are the old ones (then everything after it is the old scan, shifted). A scan of
 * 10,000 lines took 4.5 ms per keystroke.
 */
export interface UnfinishedScan {
  text: string;
  /** The spans found, in the order found (a bracket is found when a definition line closes it). */
  found: [offset: number, length: number][];
  /** Line breaks at least CHECKPOINT_GAP apart, in order. */
  checkpoints: Checkpoint[];
}

const CHECKPOINT_GAP = 4096;

/**
 * Offsets (and lengths) to blank: brackets still open where a line starts with `def` or `class`, and an operator
 * or attribute dot that ends a line outside brackets (`x = `, `hashlib.`). Both are mistakes of a line being typed,
 * and both make tree-sitter-python re-read far beyond that line.
 */
export function unfinishedSyntax(text: string): [offset: number, length: number][] {
  return sorted(scanUnfinished(text).found);
}

/** The scan of `text`, resumed from `previous` (the scan of the text before an edit) where that is sound. */
export function scanUnfinished(text: string, previous?: UnfinishedScan): UnfinishedScan {
  if (previous?.text === text) return previous;
  if (!previous) return resume(text, 0, [], [], [], undefined);
  const { prefix, suffix } = commonAffixes(previous.text, text);
  // A line break's handling reads the next line's start (DEFINITION): the whole next line must lie before the edit.
  const lastBreak = prefix === 0 ? -1 : previous.text.lastIndexOf('\n', prefix - 1);
  let k = -1;
  while (k + 1 < previous.checkpoints.length && previous.checkpoints[k + 1]!.at < lastBreak) k++;
  const from = k < 0 ? undefined : previous.checkpoints[k]!;
  const edit: Edit = { start: prefix, oldEnd: previous.text.length - suffix, newEnd: text.length - suffix, old: previous };
  return resume(text, from ? from.at + 1 : 0, from ? [...from.open] : [], previous.found.slice(0, from?.found ?? 0), previous.checkpoints.slice(0, k + 1), edit);
}

interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
  old: UnfinishedScan;
}

function resume(text: string, from: number, open: number[], found: [number, number][], checkpoints: Checkpoint[], edit: Edit | undefined): UnfinishedScan {
  const delta = edit ? edit.newEnd - edit.oldEnd : 0;
  /** An old offset in the new text, or undefined inside the edit. */
  const toNew = (o: number): number | undefined => (!edit || o < edit.start ? o : o >= edit.oldEnd ? o + delta : undefined);
  // The old checkpoints past the edit, by their offset in the new text: where the two scans may meet again.
  const meet = new Map<number, number>();
  if (edit) edit.old.checkpoints.forEach((c, i) => c.at >= edit.oldEnd && meet.set(c.at + delta, i));
  /** Where the current line's comment starts, if it has one. */
  let comment = -1;
  let last = checkpoints.length > 0 ? checkpoints[checkpoints.length - 1]!.at : -CHECKPOINT_GAP;
  INTERESTING.lastIndex = from;
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
        if (dangling) found.push(dangling);
      } else {
        DEFINITION.lastIndex = i + 1;
        if (DEFINITION.test(text)) {
          for (const o of open) found.push([o, 1]);
          open.length = 0;
        }
      }
      const oldIndex = edit && i >= edit.newEnd ? meet.get(i) : undefined;
      if (oldIndex !== undefined) {
        const old = edit!.old.checkpoints[oldIndex]!;
        // The same brackets open after the same line break: the rest of the text, and of the scan, is the old one.
        if (old.open.length === open.length && old.open.every((o, j) => toNew(o) === open[j])) return joined(text, found, checkpoints, open, i, edit!, oldIndex, toNew);
      }
      if (i - last >= CHECKPOINT_GAP || oldIndex !== undefined) {
        checkpoints.push({ at: i, open: [...open], found: found.length });
        last = i;
      }
    } else if (OPENERS.has(c)) open.push(i);
    else open.pop();
  }
  return { text, found, checkpoints };
}

/** The resumed scan of `text` up to the line break `at`, followed by the old scan after its checkpoint `oldIndex`. */
function joined(text: string, found: [number, number][], checkpoints: Checkpoint[], open: number[], at: number, edit: Edit, oldIndex: number, toNew: (o: number) => number | undefined): UnfinishedScan {
  const oldCheckpoints = edit.old.checkpoints;
  const base = oldCheckpoints[oldIndex]!.found;
  const shift = found.length - base;
  checkpoints.push({ at, open: [...open], found: found.length });
  for (const [o, n] of edit.old.found.slice(base)) found.push([toNew(o)!, n]);
  for (const c of oldCheckpoints.slice(oldIndex + 1)) checkpoints.push({ at: toNew(c.at)!, open: c.open.map((o) => toNew(o)!), found: c.found + shift });
  return { text, found, checkpoints };
}

function sorted(found: readonly [number, number][]): [number, number][] {
  return [...found].sort((a, b) => a[0] - b[0]);
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
  return blankScan(scanUnfinished(text));
}

/** The text of a scan with what it found overwritten with spaces. */
export function blankScan(scan: UnfinishedScan): string {
  return blankSpans(scan.text, sorted(scan.found).map(([i, n]) => [i, i + n] as const));
}
