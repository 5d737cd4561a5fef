// Requests behind the VS Code findings view: the baseline's fingerprints per workspace folder (so the view can
// mark findings that are new since the baseline) and the suppression edit with a reason the user typed.
// The view reads everything else from the diagnostics it already has.
import * as fs from 'fs';
import * as path from 'path';
import type { TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { commentSyntaxFor, languageIdForPath, type CommentSyntax } from '../engine';
import { BASELINE_FILE, BaselineError, loadBaseline } from '../project';
import type { BaselineAnswer, SuppressEditAnswer, SuppressEditParams } from '../protocol';
import { suppressionEdit } from './suppression';
import { enginePathFor, pathToUri, uriToPath } from './uri';

export function readBaselines(folders: readonly string[]): BaselineAnswer {
  return {
    folders: folders.map((folder) => {
      const file = path.join(folder, BASELINE_FILE);
      const base = { folder: pathToUri(folder), file: pathToUri(file) };
      if (!fs.existsSync(file)) return { ...base, fingerprints: null };
      try {
        return { ...base, fingerprints: [...loadBaseline(file).fingerprints] };
      } catch (e) {
        return { ...base, fingerprints: null, error: e instanceof BaselineError ? e.message : String(e) };
      }
    }),
  };
}

export function isSuppressEditParams(v: unknown): v is SuppressEditParams {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<SuppressEditParams>;
  return (
    typeof p.uri === 'string' &&
    typeof p.line === 'number' &&
    Number.isInteger(p.line) &&
    typeof p.ruleId === 'string' &&
    /^[a-z0-9-]+$/.test(p.ruleId) &&
    (p.reason === undefined || typeof p.reason === 'string')
  );
}

/** One line, no comment terminator (it would end the comment early), bounded so a paste cannot bloat the line. */
export function cleanReason(reason: string, syntax: CommentSyntax): string {
  let r = reason.replace(/[\r\n\t]+/g, ' ');
  if (syntax.close) r = r.split(syntax.close).join(' ');
  return r.replace(/\s+/g, ' ').trim().slice(0, 200);
}

// ` -- why` after the list; ` -->` (an HTML comment's end) is not a reason.
const REASON_AFTER = /\s--(?!>)\s?(.*)$/;

/**
 * Adds ` -- reason` to the server's own suppression edit, so the comment's format stays defined in one place
 * (suppression.ts). A new comment gets the reason after its rule list (replacing any placeholder reason the
 * edit already carries); a rule appended to an existing comment shares that comment's reason if it has one.
 */
export function withReason(doc: TextDocument, edit: TextEdit, ruleId: string, reason: string, syntax: CommentSyntax): SuppressEditAnswer {
  const text = cleanReason(reason, syntax);
  if (!text) return { edit };
  const close = syntax.close ? ` ${syntax.close}` : '';
  if (edit.newText.startsWith(', ')) {
    // Appended to the rule list of the line above: the rest of that line says whether a reason is there.
    const line = edit.range.start.line;
    const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const rest = lineText.slice(edit.range.start.character);
    const existing = REASON_AFTER.exec(rest);
    if (existing) return { edit, sharedReason: (existing[1] ?? '').replace(close, '').trim() };
    return { edit: { ...edit, newText: `${edit.newText} -- ${text}` } };
  }
  const marker = `vigil-ignore-next-line ${ruleId}`;
  const at = edit.newText.indexOf(marker);
  if (at < 0) return { edit };
  const head = edit.newText.slice(0, at + marker.length);
  const eol = /\r?\n$/.exec(edit.newText)?.[0] ?? '';
  const tail = edit.newText.slice(at + marker.length, edit.newText.length - eol.length);
  // tail is '' / ' -->' or a placeholder reason before them: keep the terminator, replace the reason.
  const end = close && tail.endsWith(close) ? close : '';
  return { edit: { ...edit, newText: `${head} -- ${text}${end}${eol}` } };
}

/** The document the client has open, else the file on disk (the view can suppress a finding of an unopened file). */
function documentFor(uri: string, open: (uri: string) => TextDocument | undefined, folders: readonly string[]): TextDocument | undefined {
  const doc = open(uri);
  if (doc) return doc;
  const file = uriToPath(uri);
  if (!file) return undefined;
  try {
    return TextDocument.create(uri, languageIdForPath(enginePathFor(uri, folders)), 0, fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function suppressEditFor(
  params: SuppressEditParams,
  open: (uri: string) => TextDocument | undefined,
  folders: readonly string[],
): SuppressEditAnswer | null {
  const doc = documentFor(params.uri, open, folders);
  if (!doc) return null;
  const syntax = commentSyntaxFor(doc.languageId, enginePathFor(params.uri, folders));
  if (!syntax) return null;
  const edit = suppressionEdit(doc, params.line, params.ruleId, syntax)?.edit;
  if (!edit) return null;
  return params.reason ? withReason(doc, edit, params.ruleId, params.reason, syntax) : { edit };
}
