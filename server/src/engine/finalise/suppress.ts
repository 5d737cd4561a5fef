import type { LineIndex } from '../source/lines';
import type { Range } from '../types';

export interface Suppression {
  /** Line of the comment. */
  line: number;
  /** Line whose findings it silences. */
  targetLine: number;
  ruleIds: string[];
  until?: string;
  reason?: string;
  /** Span of the `vigil-ignore...` text, for notes about the suppression itself. */
  range: Range;
  /** Problems with the comment's own syntax (no rule named, a malformed date). */
  problem?: string;
}

const MARKER = /vigil-ignore(-next-line)?\b/g;
// A comment opener must come before the marker on the same line, so a string that mentions
// the marker in code does not silence anything.
const COMMENT_BEFORE = /(#|\/\/|\/\*|<!--|--|;|%|'|\*)[^"'`]*$/;
// Where the language is known, only its own openers: `--` opens no comment in TypeScript, so a help text that
// mentions `--include-suppressed` and then the marker followed by a word is no suppression of a rule by that name.
const C_LIKE = /(\/\/|\/\*|\*)[^"'`]*$/;
const HASH = /#[^"'`]*$/;
const HASH_OR_C = /(#|\/\/|\/\*|\*)[^"'`]*$/;
const COMMENTS_OF: Readonly<Record<string, RegExp>> = {
  javascript: C_LIKE,
  javascriptreact: C_LIKE,
  typescript: C_LIKE,
  typescriptreact: C_LIKE,
  java: C_LIKE,
  csharp: C_LIKE,
  go: C_LIKE,
  php: HASH_OR_C,
  terraform: HASH_OR_C,
  python: HASH,
  ruby: HASH,
  yaml: HASH,
  shellscript: HASH,
  dockerfile: HASH,
};
const CLOSERS = /\s*(\*\/|-->|%>|\?>)\s*$/;
const RULE_LIST = /^\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\s*,\s*[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*)/;
const UNTIL = /^\s*until\s+(\S+)/;

/** `languageId`: the document's; without it (or for a language not listed) any common comment opener counts. */
export function parseSuppressions(text: string, lines: LineIndex, languageId?: string): Suppression[] {
  if (!text.includes('vigil-ignore')) return [];
  const commentBefore = (languageId !== undefined ? COMMENTS_OF[languageId] : undefined) ?? COMMENT_BEFORE;
  const out: Suppression[] = [];
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text)) !== null) {
    const start = m.index;
    const pos = lines.positionAt(start);
    const lineStart = lines.lineStart(pos.line);
    const lineEnd = lines.lineEnd(pos.line);
    const before = text.slice(lineStart, start);
    if (!commentBefore.test(before)) continue;
    let rest = text.slice(start + m[0].length, lineEnd).replace(CLOSERS, '');
    let reason: string | undefined;
    const dash = rest.indexOf('--');
    if (dash >= 0) {
      reason = rest.slice(dash + 2).trim() || undefined;
      rest = rest.slice(0, dash);
    }
    const s: Suppression = {
      line: pos.line,
      targetLine: m[1] ? pos.line + 1 : pos.line,
      ruleIds: [],
      range: lines.rangeOf(start, Math.min(lineEnd, start + m[0].length)),
    };
    if (reason) s.reason = reason;
    const ids = RULE_LIST.exec(rest);
    if (ids && !/^\s*until\b/.test(rest)) {
      s.ruleIds = ids[1]!.split(',').map((x) => x.trim());
      rest = rest.slice(ids[0].length);
    } else {
      s.problem = 'names no rule: write `vigil-ignore <rule-id>`';
    }
    const until = UNTIL.exec(rest);
    if (until) {
      const date = until[1]!;
      if (isCalendarDate(date)) s.until = date;
      // Fails closed: a time-limited suppression whose date cannot be read must not become a permanent one.
      else s.problem = `has an invalid date '${date}' (use a real date as YYYY-MM-DD); it suppresses nothing until that is fixed`;
    }
    out.push(s);
  }
  return out;
}

/**
 * A YYYY-MM-DD date that exists. `Date.parse` is not enough: it accepts 2099-02-30 and 2025-04-31, which
 * `Date.UTC` silently moves into the next month; a real date comes back unchanged.
 */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
