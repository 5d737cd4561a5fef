import type { LineIndex } from './lines';
import { looksMinified } from './minified';
import type { Note } from '../types';

// Which documents are not analysed at all, and which get the text rules only: decided before anything is parsed.

/** Characters above which tree-sitter rules are not run (the analysis runs the text rules only). */
export const QUERY_SIZE_LIMIT = 4 * 1024 * 1024;

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8000);
  return head.includes('\u0000');
}

/** Why the document is not analysed at all (over the size limit, binary), or undefined. */
export function skipReason(text: string, maxFileSize: number): string | undefined {
  if (text.length > maxFileSize) return `larger than the size limit (${text.length} > ${maxFileSize} characters)`;
  return looksBinary(text) ? 'binary content' : undefined;
}

/**
 * The note for a code document whose syntax rules do not run, or undefined. Past QUERY_SIZE_LIMIT (above the
 * default file limit, so only when a user lifts it) a generated multi-megabyte file yields hundreds of thousands
 * of matches that helpers would examine one by one; minified code is the same in one line.
 */
export function syntaxSkipNote(text: string, lines: LineIndex): Note | undefined {
  const at = lines.rangeOf(0, 0);
  if (text.length > QUERY_SIZE_LIMIT) return { code: 'skipped', severity: 'info', range: at, message: 'file too large for syntax rules; only text rules ran' };
  if (looksMinified(text)) {
    return { code: 'skipped', severity: 'info', range: at, message: 'minified or generated code (most of it in lines over 1,000 characters): only text rules ran' };
  }
  return undefined;
}
