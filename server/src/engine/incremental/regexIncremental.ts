import { shiftFinding } from './incremental';
import { commonAffixes } from '../source/textDiff';
import type { RawFinding } from '../match/match';
import type { RegexPattern } from '../types';

// After an edit, a regex rule whose matches cannot cross a line break, and whose helpers read nothing but the
// match, its captures and the path, can only gain or lose findings on the lines the edit touched. Those lines are
// searched again; its findings elsewhere are carried over, shifted by the edit's length. This matters for files
// whose analysis is regexes alone (configuration, `.env`, templates: a 5 MB JSON file); in code files all regex
// rules together cost 0.07 ms per keystroke on 10,000 lines, less than finding the changed lines would.

/** Helpers that read only the match, its captures (and the lines they are on) and the document's path. */
const LINE_LOCAL_HELPERS = new Set(['secretToken', 'secretFormat', 'urlPassword', 'secretAssignment', 'exampleSecretInTests', 'lowerSeverityInTests']);
/** Helpers that read the syntax tree around the match: line-local only in documents without one. */
const TREE_HELPERS = new Set(['secretToEnv']);

/** Escapes that can match a line break, or that this check does not look into. */
const CROSSING_ESCAPES = new Set(['s', 'W', 'D', 'n', 'r', 'p', 'P', 'x', 'u', 'c']);

/**
 * True when no match of the regex can contain a line break: no `\s`, `\W`, `\D` or line-break escape outside a
 * negated class, every negated class excludes `\n` (by `\n` or `\s`), no literal line break, no `s` flag, and no
 * `^` or `$` without the `m` flag.
 * Conservative: anything it cannot tell is treated as crossing lines.
 */
export function isLineLocalRegex(source: string, flags = ''): boolean {
  if (flags.includes('s') || source.includes('\n')) return false;
  // Without `m`, `^` and `$` mean the start and end of the whole text, which an edit elsewhere can move.
  const anchorsPerLine = flags.includes('m');
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if ((c === '^' || c === '$') && !anchorsPerLine) return false;
    if (c === '\\') {
      if (CROSSING_ESCAPES.has(source[i + 1] ?? '')) return false;
      i += 2;
    } else if (c === '[') {
      const negated = source[i + 1] === '^';
      let j = i + (negated ? 2 : 1);
      // A `]` right after the opening is a literal in some dialects; JavaScript reads `[]` as empty, so none here.
      let excludesNewline = false;
      for (; j < source.length && source[j] !== ']'; j++) {
        if (source[j] !== '\\') continue;
        const e = source[j + 1] ?? '';
        if (!negated && CROSSING_ESCAPES.has(e)) return false;
        if (negated && (e === 'n' || e === 's')) excludesNewline = true;
        // `[^\S\n]` would be line-local too, but a negated class of non-spaces is rare enough to leave out.
        if (negated && e === 'S') return false;
        j++;
      }
      if (j >= source.length) return false;
      if (negated && !excludesNewline) return false;
      i = j + 1;
    } else i++;
  }
  return true;
}

const verdicts = new WeakMap<RegexPattern, { plain: boolean; withTree: boolean }>();

/** Whether a regex pattern's findings can be carried over an edit on other lines (`hasTree`: the document has one). */
export function isLineLocalPattern(p: RegexPattern, hasTree: boolean): boolean {
  let v = verdicts.get(p);
  if (!v) {
    const helpers = [...(p.where ?? []).map((w) => w.helper), ...(p.fixes ?? []).map((f) => f.helper)].filter((h): h is string => h !== undefined);
    const local = isLineLocalRegex(p.regex, p.flags);
    v = {
      plain: local && helpers.every((h) => LINE_LOCAL_HELPERS.has(h) || TREE_HELPERS.has(h)),
      withTree: local && helpers.every((h) => LINE_LOCAL_HELPERS.has(h)),
    };
    verdicts.set(p, v);
  }
  return hasTree ? v.withTree : v.plain;
}

/** The lines an edit touched: [start, oldEnd) in the old text and [start, newEnd) in the new, line breaks excluded. */
export interface LineRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The whole lines that differ between two texts (one span: common prefix and suffix are trimmed). */
export function changedLines(oldText: string, newText: string): LineRegion {
  const { prefix: s, suffix } = commonAffixes(oldText, newText);
  // (lastIndexOf reads a negative start as 0, which would find a line break at offset 0.)
  const start = s === 0 ? 0 : oldText.lastIndexOf('\n', s - 1) + 1;
  const lineEnd = (text: string, from: number): number => {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl;
  };
  return { start, oldEnd: lineEnd(oldText, oldText.length - suffix), newEnd: lineEnd(newText, newText.length - suffix) };
}

/**
 * The previous findings of one line-local pattern that lie outside the changed lines, shifted to the new text; or
 * undefined when one of them has a fix edit inside the changed lines (then the pattern runs on the whole text).
 */
export function carryLineFindings(previous: RawFinding[], region: LineRegion): RawFinding[] | undefined {
  const delta = region.newEnd - region.oldEnd;
  const shift = (o: number): number => (o > region.oldEnd ? o + delta : o);
  const out: RawFinding[] = [];
  for (const f of previous) {
    if (f.end >= region.start && f.start <= region.oldEnd) continue;
    if (f.fixes.some((x) => x.edits.some((e) => e.end >= region.start && e.start <= region.oldEnd))) return undefined;
    out.push(delta === 0 ? f : shiftFinding(f, shift));
  }
  return out;
}
