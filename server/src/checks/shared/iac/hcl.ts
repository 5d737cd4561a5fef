// A small HCL block reader for Terraform checks: blocks with labels, attributes with value spans, nested blocks.
// It understands comments, strings with ${} interpolation and heredocs well enough to find braces and keys;
// it does not evaluate expressions. No HCL grammar ships with the tree-sitter package we use.

export interface HclAttribute {
  name: string;
  nameStart: number;
  valueStart: number;
  valueEnd: number;
  value: string;
}

export interface HclBlock {
  type: string;
  labels: string[];
  start: number;
  /** Offset just after the closing brace. */
  end: number;
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** Skips a string starting at `i` (the opening quote); returns the offset after the closing quote. */
function skipString(text: string, i: number): number {
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '$' && text[j + 1] === '{') {
      depth++;
      j++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === '"' && depth === 0) return j + 1;
    else if (c === '\n' && depth === 0) return j;
  }
  return text.length;
}

/** Offset after whitespace and comments. */
function skipTrivia(text: string, i: number, newlines = true): number {
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
    } else break;
  }
  return i;
}

/** End of an attribute value: the end of the line, outside brackets, strings and heredocs. */
function valueEnd(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_]\w*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (m) {
        const close = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
        const rest = text.slice(i + m[0].length);
        const e = close.exec(rest);
        i = e ? i + m[0].length + e.index + e[0].length : text.length;
        continue;
      }
    }
    if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '\n' && depth === 0) return i;
    else if (c === '#' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) {
      if (depth === 0) return i;
      i = skipTrivia(text, i, true);
      continue;
    }
    i++;
  }
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

const IDENT = /[A-Za-z_][\w-]*/y;

/** Parses a body (top level or inside braces) starting at `i`; stops at the matching `}` or the end. */
function parseBody(text: string, i: number, depth: number): { attributes: HclAttribute[]; blocks: HclBlock[]; end: number } {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  while (i < text.length) {
    i = skipTrivia(text, i);
    if (i >= text.length) break;
    if (text[i] === '}') return { attributes, blocks, end: i + 1 };
    IDENT.lastIndex = i;
    const m = IDENT.exec(text);
    if (!m) {
      // Not something we understand: skip to the next line.
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
      continue;
    }
    const name = m[0];
    const nameStart = i;
    let j = skipTrivia(text, i + name.length, false);
    if (text[j] === '=' && text[j + 1] !== '=') {
      const vs = skipTrivia(text, j + 1, false);
      const ve = trimEnd(text, vs, valueEnd(text, vs));
      attributes.push({ name, nameStart, valueStart: vs, valueEnd: ve, value: text.slice(vs, ve) });
      i = ve;
      continue;
    }
    const labels: string[] = [];
    while (text[j] === '"' || (IDENT.lastIndex = j, text[j] !== '{' && IDENT.test(text))) {
      if (text[j] === '"') {
        const e = skipString(text, j);
        labels.push(text.slice(j + 1, e - 1));
        j = skipTrivia(text, e, false);
      } else {
        IDENT.lastIndex = j;
        const l = IDENT.exec(text)!;
        labels.push(l[0]);
        j = skipTrivia(text, j + l[0].length, false);
      }
    }
    if (text[j] === '{' && depth < 32) {
      const body = parseBody(text, j + 1, depth + 1);
      blocks.push({ type: name, labels, start: nameStart, end: body.end, attributes: body.attributes, blocks: body.blocks });
      i = body.end;
      continue;
    }
    const nl = text.indexOf('\n', j);
    i = nl < 0 ? text.length : nl + 1;
  }
  return { attributes, blocks, end: text.length };
}

export function parseHcl(text: string): HclBlock[] {
  // A byte-order mark is not part of the first identifier.
  return parseBody(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, 0).blocks;
}

export function attr(block: HclBlock, name: string): HclAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

/** A string attribute's value without quotes; undefined for expressions. */
export function literal(a: HclAttribute | undefined): string | undefined {
  if (!a) return undefined;
  const m = /^"([^"$]*)"$/.exec(a.value);
  return m ? m[1] : undefined;
}
