// The "Suppress <rule> on this line" edit: a `vigil-ignore-next-line` comment above the flagged line, in
// the file's own comment syntax and indentation. An existing next-line suppression above gets the rule
// appended instead of stacking a second comment.
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommentSyntax } from '../engine';

const NEXT_LINE_LIST = /vigil-ignore-next-line\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\s*,\s*[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*)/;

function lineText(doc: TextDocument, line: number): string {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}

export function suppressionEdit(doc: TextDocument, line: number, ruleId: string, syntax: CommentSyntax): TextEdit | undefined {
  if (line < 0 || line >= doc.lineCount) return undefined;
  const current = lineText(doc, line);
  if (line > 0) {
    const prev = lineText(doc, line - 1);
    const m = NEXT_LINE_LIST.exec(prev);
    // Only extend a plain comment: one with `until` would make the new rule expire too.
    if (m && prev.trimStart().startsWith(syntax.open) && !/\buntil\b/.test(prev.slice(m.index + m[0].length))) {
      const ids = m[1]!.split(',').map((s) => s.trim());
      if (ids.includes(ruleId)) return undefined;
      const at = m.index + m[0].length;
      return { range: { start: { line: line - 1, character: at }, end: { line: line - 1, character: at } }, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[\t ]*/.exec(current)![0];
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const close = syntax.close ? ` ${syntax.close}` : '';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}${syntax.open} vigil-ignore-next-line ${ruleId}${close}${eol}`,
  };
}
