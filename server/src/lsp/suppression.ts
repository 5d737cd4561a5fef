// The "Suppress <rule> on this line" edit: a `vigil-ignore-next-line` comment above the flagged line, in
// the file's own comment syntax and indentation, ending in `-- reason` so the why is written down where the
// finding is silenced. A client that takes snippets gets the reason as a selected placeholder (type over it);
// the variant with an expiry adds `until <date>` as a second tab stop. An existing plain next-line
// suppression above gets the rule appended instead of stacking a second comment.
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommentSyntax } from '../engine';

const NEXT_LINE_LIST = /vigil-ignore-next-line\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\s*,\s*[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*)/;

/** Days until the expiry the "until" variant proposes: long enough to plan the fix, short enough to revisit. */
export const SUPPRESSION_DAYS = 90;

function lineText(doc: TextDocument, line: number): string {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}

/** `today` (YYYY-MM-DD) plus `days`, in UTC like the suppression parser's dates. */
export function addDays(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A suppression edit: plain text for every client, and the same as a snippet with tab stops. */
export interface SuppressionEdit {
  edit: TextEdit;
  /** Snippet syntax for clients with snippet edits; absent when nothing is left to type (a rule appended). */
  snippet?: string;
}

/** Escapes text for a snippet body: `$`, `}` and `\` are snippet syntax. */
function lit(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function suppressionEdit(doc: TextDocument, line: number, ruleId: string, syntax: CommentSyntax, until?: string): SuppressionEdit | undefined {
  if (line < 0 || line >= doc.lineCount) return undefined;
  const current = lineText(doc, line);
  if (line > 0 && until === undefined) {
    const prev = lineText(doc, line - 1);
    const m = NEXT_LINE_LIST.exec(prev);
    // Only extend a plain comment: one with `until` would make the new rule expire too.
    if (m && prev.trimStart().startsWith(syntax.open) && !/\buntil\b/.test(prev.slice(m.index + m[0].length))) {
      const ids = m[1]!.split(',').map((s) => s.trim());
      if (ids.includes(ruleId)) return undefined;
      const at = m.index + m[0].length;
      return { edit: { range: { start: { line: line - 1, character: at }, end: { line: line - 1, character: at } }, newText: `, ${ruleId}` } };
    }
  }
  const indent = /^[\t ]*/.exec(current)![0];
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const close = syntax.close ? ` ${syntax.close}` : '';
  const head = `${indent}${syntax.open} vigil-ignore-next-line ${ruleId}`;
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  const plainUntil = until ? ` until ${until}` : '';
  return {
    edit: { range, newText: `${head}${plainUntil} -- reason${close}${eol}` },
    snippet: `${lit(head)}${until ? ` until \${2:${lit(until)}}` : ''} -- \${1:reason}${lit(close)}${lit(eol)}`,
  };
}
