// Mistakes in a query's shape that tree-sitter accepts without a word. A predicate written after a pattern's
// closing parenthesis or bracket (`[(a) (b)] @x (#match? @x "...")`) compiles as a pattern of its own that
// matches nothing, so the pattern before it runs unfiltered: it still "works" (the rule's helpers reject the
// extra matches) but examines every node of its shape. One such Java pattern made every keystroke in a 10,000-line
// file twice as slow as the rest of the query together.

/** The 0-based offsets of predicates `(#...)` that sit outside every pattern of a query source. */
export function strayPredicates(source: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === ';') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '(' || c === '[') {
      if (c === '(' && depth === 0 && source[i + 1] === '#') out.push(i);
      depth++;
    } else if (c === ')' || c === ']') depth--;
  }
  return out;
}
