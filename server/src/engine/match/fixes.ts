import type { Fix, TextEdit } from '../types';
import { LineIndex } from '../source/lines';
import type { OffsetEdit } from '../../checks/shared/types';

function comparePos(a: TextEdit['range']['start'], b: TextEdit['range']['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** Sorts edits and checks that none overlap. Returns undefined for an invalid set (the fix is then dropped). */
export function normaliseOffsetEdits(edits: OffsetEdit[], textLength: number): OffsetEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let last = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end < e.start || e.end > textLength) return undefined;
    if (e.start < last) return undefined;
    last = e.end;
  }
  return sorted;
}

/** Applies non-overlapping edits to a text. Throws on overlapping or out-of-range edits. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const offs = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of offs) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Applies one fix per finding, skipping fixes that overlap an earlier one (as an editor's fix-all does).
 * An edit identical to one already chosen (same range and text, e.g. the same added import) is shared, not a clash.
 */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number; skipped: number } {
  const ordered = [...fixes].sort((a, b) => comparePos(a.edits[0]!.range.start, b.edits[0]!.range.start));
  const chosen: TextEdit[] = [];
  let skipped = 0;
  const lines = new LineIndex(text);
  const taken: [number, number][] = [];
  const shared = new Set<string>();
  for (const fix of ordered) {
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    const keys = spans.map(([s, e], i) => `${s}:${e}:${fix.edits[i]!.newText}`);
    const fresh = spans.filter((_span, i) => !shared.has(keys[i]!));
    const clash = fresh.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts)));
    if (clash) {
      skipped++;
      continue;
    }
    taken.push(...fresh);
    fix.edits.forEach((e, i) => {
      if (!shared.has(keys[i]!)) chosen.push(e);
      shared.add(keys[i]!);
    });
  }
  return { text: applyEdits(text, chosen), applied: ordered.length - skipped, skipped };
}
