// Code frames for the text output, built in the worker that already holds the file's text. Every span that a
// secret rule flagged anywhere in the file is masked before a line can appear in a frame, so a context line
// cannot show a neighbouring secret.
import { maskSecret, type LineIndex, type Finding, type Range } from '../../engine';
import type { CodeFrame } from './protocol';

const CONTEXT = 1;
const MAX_LINES = 6;
const WINDOW = 160;

interface Segment {
  start: number;
  end: number;
}

/** Per line, the merged spans to mask. */
export function secretSpans(ranges: Range[], lines: LineIndex): Map<number, Segment[]> {
  const out = new Map<number, Segment[]>();
  for (const r of ranges) {
    for (let l = r.start.line; l <= r.end.line; l++) {
      const len = lines.lineText(l).length;
      const start = l === r.start.line ? r.start.character : 0;
      const end = l === r.end.line ? r.end.character : len;
      if (end <= start) continue;
      const list = out.get(l) ?? [];
      list.push({ start, end });
      out.set(l, list);
    }
  }
  for (const [l, list] of out) {
    list.sort((a, b) => a.start - b.start);
    const merged: Segment[] = [];
    for (const s of list) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    out.set(l, merged);
  }
  return out;
}

/** Masks the segments of one line; `map` converts an original column to the masked text's column. */
function maskLine(text: string, segs: Segment[] | undefined): { text: string; map: (col: number) => number } {
  if (!segs || segs.length === 0) return { text, map: (c) => c };
  let out = '';
  let pos = 0;
  const marks: { from: number; to: number; newFrom: number; newTo: number }[] = [];
  for (const s of segs) {
    out += text.slice(pos, s.start);
    const masked = maskSecret(text.slice(s.start, s.end));
    marks.push({ from: s.start, to: s.end, newFrom: out.length, newTo: out.length + masked.length });
    out += masked;
    pos = s.end;
  }
  out += text.slice(pos);
  const map = (col: number): number => {
    let shift = 0;
    for (const m of marks) {
      if (col < m.from) break;
      if (col <= m.to) return col === m.to ? m.newTo : col === m.from ? m.newFrom : m.newTo;
      shift = m.newTo - m.to;
    }
    return col + shift;
  };
  return { text: out, map };
}

export function buildFrame(f: Finding, lines: LineIndex, masks: Map<number, Segment[]>): CodeFrame {
  const first = Math.max(0, f.range.start.line - CONTEXT);
  const last = Math.min(lines.lineCount - 1, f.range.end.line + CONTEXT, first + MAX_LINES - 1);
  const startLine = f.range.start.line;
  const shown: string[] = [];
  let caret = { line: startLine - first, start: 0, end: 0 };
  const masked: string[] = [];
  for (let l = first; l <= last; l++) {
    const m = maskLine(lines.lineText(l).replace(/\r$/, ''), masks.get(l));
    masked.push(m.text);
    if (l === startLine) {
      const s = m.map(f.range.start.character);
      const e = f.range.end.line === startLine ? m.map(f.range.end.character) : m.text.length;
      caret = { line: l - first, start: s, end: Math.max(e, s + 1) };
    }
  }
  // Long (minified) lines are cut to a window around the finding so frames stay readable and small.
  const longest = Math.max(...masked.map((t) => t.length));
  const offset = longest > WINDOW ? Math.max(0, caret.start - 40) : 0;
  for (const t of masked) shown.push(offset > 0 || t.length > WINDOW ? t.slice(offset, offset + WINDOW) : t);
  return {
    firstLine: first,
    lines: shown,
    offset,
    caret: { line: caret.line, start: caret.start - offset, end: Math.min(caret.end - offset, WINDOW) },
  };
}
