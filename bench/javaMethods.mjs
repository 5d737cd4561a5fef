// Method extents of a Java file, for scoring the Juliet section of `npm run bench:accuracy`: which lines belong
// to which method. Structural only: a tokenizer that skips comments, string, character and text-block literals,
// then brace matching. The scorer needs method names and line ranges, nothing more, so this is deliberately not a
// Java parser; it is independent of the engine so that a parser bug in the engine cannot skew its own score.

const KEYWORDS_BEFORE_PAREN = new Set(['if', 'for', 'while', 'switch', 'catch', 'synchronized', 'try', 'return', 'new', 'super', 'this', 'throw', 'assert', 'else', 'do', 'case']);
const isIdent = (t) => /^[A-Za-z_$][\w$]*$/.test(t);

/** Tokens with their 1-based line; comments and the contents of literals are dropped (a literal becomes `"`). */
export function javaTokens(text) {
  const out = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const push = (t, l = line) => out.push({ t, line: l });
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') line++;
        i++;
      }
      i += 2;
    } else if (c === '"' && text.startsWith('"""', i)) {
      const start = line;
      i += 3;
      while (i < n && !text.startsWith('"""', i)) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
        i++;
      }
      i += 3;
      push('"', start);
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      push('"');
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(text[j])) j++;
      push(text.slice(i, j));
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(text[j])) j++;
      push('0');
      i = j;
    } else if (c === '-' && text[i + 1] === '>') {
      push('->');
      i += 2;
    } else {
      push(c);
      i++;
    }
  }
  return out;
}

/** Index of the `)` ending a method header whose body opens at token `brace`, or -1 (skips a `throws` clause). */
function headerEnd(tokens, brace) {
  let j = brace - 1;
  if (tokens[j]?.t === ')') return j;
  while (j >= 0 && (isIdent(tokens[j].t) || tokens[j].t === '.' || tokens[j].t === ',') && tokens[j].t !== 'throws') j--;
  return tokens[j]?.t === 'throws' && tokens[j - 1]?.t === ')' ? j - 1 : -1;
}

/** Name token index of the method whose header ends at `close` (a `)`), or -1 when it is a statement or an anonymous class. */
function methodName(tokens, close) {
  let depth = 0;
  let k = close;
  for (; k >= 0; k--) {
    if (tokens[k].t === ')') depth++;
    else if (tokens[k].t === '(' && --depth === 0) break;
  }
  const name = k - 1;
  if (name < 0 || !isIdent(tokens[name].t) || KEYWORDS_BEFORE_PAREN.has(tokens[name].t)) return -1;
  // `new a.b.Foo(...) {` opens an anonymous class body, not a method.
  let q = name - 1;
  while (q >= 1 && tokens[q].t === '.' && isIdent(tokens[q - 1].t)) q -= 2;
  if (tokens[q]?.t === 'new' || tokens[q]?.t === '.') return -1;
  return name;
}

/** Every method and constructor of a Java source: name, first line (the name's) and last line (its closing brace), 1-based. */
export function javaMethods(text) {
  const tokens = javaTokens(text);
  const stack = [];
  const methods = [];
  tokens.forEach((tok, idx) => {
    if (tok.t === '{') {
      const close = headerEnd(tokens, idx);
      const name = close >= 0 ? methodName(tokens, close) : -1;
      stack.push(name >= 0 ? { name: tokens[name].t, start: tokens[name].line } : null);
    } else if (tok.t === '}') {
      const m = stack.pop();
      if (m) methods.push({ ...m, end: tok.line });
    }
  });
  return methods.sort((a, b) => a.start - b.start || b.end - a.end);
}
