// How a fix reads in the quick-fix menu, and the workspace edit that carries a list of text edits.
import { TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, Rule } from '../engine';

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
    : { changes: { [doc.uri]: edits } };
}

const DEFAULT_REASONS = { unsafe: 'changes behaviour, review it', suggestion: 'a starting point to finish by hand' } as const;

/** Why a fix is not safe, in a few words: the rule's own reason, or a generic one. Undefined for safe fixes. */
export function fixReason(fix: Fix, rule: Rule | undefined): string | undefined {
  if (fix.applicability === 'safe') return undefined;
  return rule?.fixReasons?.[fix.applicability] ?? DEFAULT_REASONS[fix.applicability];
}

/** The fix's title as the menu shows it: "Use SHA-256 (unsafe: digests change)". */
export function fixTitle(fix: Fix, rule: Rule | undefined): string {
  const why = fixReason(fix, rule);
  return why ? `${fix.title} (${fix.applicability}: ${why})` : fix.title;
}

