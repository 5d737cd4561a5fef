// Minified and generated code (bundles, asm.js, inlined parser tables) is code nobody edits by hand: a syntax-rule
// finding in it cannot be fixed where it is reported, and its syntax trees are the largest there are (a 0.7 MB
// one-line asm.js file is 730,000 nodes and 70 MB of tree-sitter memory; on the benchmark corpus such files were
// 9% of the code and set the scan's peak memory). Such files get the text rules only, so a provider key shipped
// in a bundle is still reported. Names like `*.min.js` are excluded before reading (walk.ts); this judges content.

/** A line this long is not written by hand. */
const LONG_LINE = 1000;
/** Below this size a file is cheap to parse whatever its shape. */
const MIN_SIZE = 4096;
/** Code has a `;`, `,`, `(` or `{` every few characters; prose, data blobs and long comments do not. */
const CODE_DENSITY = 40;

const SEMI = 59;
const COMMA = 44;
const PAREN = 40;
const BRACE = 123;
const SPACE = 32;
const TAB = 9;
const SLASH = 47;
const STAR = 42;
const HASH = 35;

/** A long line packed with code: not a comment, and a statement or argument separator every 40 characters. */
function isDenseCode(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  const first = text.charCodeAt(i);
  if (first === STAR || first === HASH || (first === SLASH && (text.charCodeAt(i + 1) === SLASH || text.charCodeAt(i + 1) === STAR))) return false;
  let marks = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SEMI || c === COMMA || c === PAREN || c === BRACE) marks++;
  }
  return marks * CODE_DENSITY >= end - start;
}

/** True when at least half of the text lies in lines of over 1,000 characters of dense code. */
export function looksMinified(text: string): boolean {
  if (text.length < MIN_SIZE) return false;
  let dense = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > LONG_LINE && isDenseCode(text, start, end)) dense += end - start;
    if (nl < 0) break;
    start = nl + 1;
  }
  return dense * 2 >= text.length;
}
