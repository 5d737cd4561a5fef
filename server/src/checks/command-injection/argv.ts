import type { Node } from '../../engine/source/parse';

// Turning a shell command string into an argument vector, for the command-injection quick fixes.
// Only the plain case is rewritten: a literal program name, literal words with no shell syntax at all,
// and interpolated values that each stand alone as a whole word. Anything a shell would interpret
// (quotes, globs, pipes, redirections, variables, escapes) means the fix would change meaning, so none is offered.

/** One word of the command: literal text, or the source text of an interpolated expression. */
export type Word = { kind: 'literal'; text: string } | { kind: 'value'; code: string };

const PLAIN_WORD = /^[A-Za-z0-9_./=:,@%+-]+$/;

interface Piece {
  literal?: string;
  code?: string;
}

/** Splits literal/value pieces into words; undefined when a value is glued to literal text or a literal is not plain. */
function wordsOf(pieces: Piece[]): Word[] | undefined {
  const words: Word[] = [];
  let prevEndsWord = true; // a value may only start after whitespace or at the start
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.code !== undefined) {
      const next = pieces[i + 1];
      // The value must end its word: at the end of the command, or followed by whitespace.
      const lastPiece = i + 1 === pieces.length - 1;
      const nextStartsWord = !next || (next.literal !== undefined && (/^\s/.test(next.literal) || (next.literal === '' && lastPiece)));
      if (!prevEndsWord || !nextStartsWord) return undefined;
      words.push({ kind: 'value', code: p.code });
      prevEndsWord = false;
      continue;
    }
    const lit = p.literal ?? '';
    if (lit.length === 0) continue;
    if (!prevEndsWord && !/^\s/.test(lit)) return undefined;
    for (const w of lit.split(/\s+/)) {
      if (w.length === 0) continue;
      if (!PLAIN_WORD.test(w)) return undefined;
      words.push({ kind: 'literal', text: w });
    }
    prevEndsWord = /\s$/.test(lit);
  }
  if (words.length < 2 || words[0]!.kind !== 'literal') return undefined;
  if (!words.some((w) => w.kind === 'value')) return undefined;
  return words;
}

/** Pieces of a Python f-string or JS template literal; undefined for anything with format specs or escapes. */
function interpolatedPieces(str: Node, contentStart: number, contentEnd: number, text: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let at = contentStart;
  for (const c of str.namedChildren) {
    if (!c || (c.type !== 'interpolation' && c.type !== 'template_substitution')) continue;
    const inner = c.namedChildren.filter((k): k is Node => k !== null);
    // f"{x!r}" and f"{x:>3}" do more than insert the value.
    if (inner.length !== 1) return undefined;
    pieces.push({ literal: text.slice(at, c.startIndex) });
    pieces.push({ code: inner[0]!.text });
    at = c.endIndex;
  }
  pieces.push({ literal: text.slice(at, contentEnd) });
  if (pieces.some((p) => p.literal !== undefined && /[\\{}$`'"]/.test(p.literal))) return undefined;
  return pieces;
}

/** Pieces of `"ls " + d` (string literal on the left, one value on the right, or chains of those). */
function concatPieces(node: Node, isString: (n: Node) => boolean): Piece[] | undefined {
  if (node.type === 'binary_expression' || node.type === 'binary_operator') {
    if (node.childForFieldName('operator')?.text !== '+') return undefined;
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    if (!l || !r) return undefined;
    const a = concatPieces(l, isString);
    const b = concatPieces(r, isString);
    return a && b ? [...a, ...b] : undefined;
  }
  if (isString(node)) {
    const raw = node.text;
    const body = raw.slice(1, -1);
    if (/[\\{}$`'"]/.test(body) || !/^["']/.test(raw)) return undefined;
    return [{ literal: body }];
  }
  if (node.type === 'identifier' || node.type === 'member_expression' || node.type === 'attribute') return [{ code: node.text }];
  return undefined;
}

/** Words of a Python command: an f-string or a `+` concatenation of plain strings and names. */
export function pythonCommandWords(node: Node, text: string): Word[] | undefined {
  if (node.type === 'string') {
    const start = node.namedChildren.find((c) => c?.type === 'string_start');
    const end = node.namedChildren.find((c) => c?.type === 'string_end');
    if (!start || !end || !/^[fF]["']$/.test(start.text)) return undefined;
    const pieces = interpolatedPieces(node, start.endIndex, end.startIndex, text);
    return pieces && wordsOf(pieces);
  }
  const pieces = concatPieces(node, (n) => n.type === 'string' && !/^[a-zA-Z]/.test(n.text) && n.namedChildren.every((c) => c?.type !== 'interpolation'));
  return pieces && wordsOf(pieces);
}

/** Words of a JavaScript command: a template literal or a `+` concatenation. */
export function jsCommandWords(node: Node, text: string): Word[] | undefined {
  if (node.type === 'template_string') {
    const pieces = interpolatedPieces(node, node.startIndex + 1, node.endIndex - 1, text);
    return pieces && wordsOf(pieces);
  }
  const pieces = concatPieces(node, (n) => n.type === 'string');
  return pieces && wordsOf(pieces);
}

/** Renders words as list elements: literals quoted with `quote`, values as written. */
export function renderWords(words: Word[], quote: string): string[] {
  return words.map((w) => (w.kind === 'literal' ? `${quote}${w.text}${quote}` : w.code));
}
