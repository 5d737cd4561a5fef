// Go-template actions (`{{ ... }}`) in YAML: Helm chart templates are not YAML until rendered, so before a
// manifest is parsed each action is blanked: every character of it except line breaks becomes a space. Offsets
// and lines stay exactly where they were, so findings land on the template's own lines, and what remains is
// the YAML the chart author wrote around the actions: `privileged: true` and `image: nginx:latest` are still
// there, while `privileged: {{ .Values.x }}` becomes an empty value that no check treats as set.

export interface Span {
  start: number;
  end: number;
}

/** Index just past the quoted literal that starts at `i` (`"..."` with escapes, `` `...` ``, `'c'`). */
function skipLiteral(text: string, i: number): number {
  const quote = text[i]!;
  let j = i + 1;
  while (j < text.length && text[j] !== quote) {
    // A raw string (backquote) has no escapes; the others can escape their quote.
    if (text[j] === '\\' && quote !== '`') j++;
    else if (text[j] === '\n' && quote !== '`') return j;
    j++;
  }
  return Math.min(j + 1, text.length);
}

/**
 * The spans of the template actions in `text`, in order. A `}}` inside a string literal or a `{{/* comment *\/}}`
 * does not end an action. An action left open runs to the end of the text: what follows it would be read
 * as template code by Go as well.
 */
export function templateActions(text: string): Span[] {
  const out: Span[] = [];
  let i = text.indexOf('{{');
  while (i >= 0) {
    let j = i + 2;
    let end = -1;
    while (j < text.length) {
      const c = text[j];
      if (c === '/' && text[j + 1] === '*') {
        const close = text.indexOf('*/', j + 2);
        j = close < 0 ? text.length : close + 2;
      } else if (c === '"' || c === '`' || c === "'") j = skipLiteral(text, j);
      else if (c === '}' && text[j + 1] === '}') {
        end = j + 2;
        break;
      } else j++;
    }
    if (end < 0) end = text.length;
    out.push({ start: i, end });
    i = text.indexOf('{{', end);
  }
  return out;
}

/** `text` with each action's characters, line breaks excepted, replaced by spaces; undefined when it has none. */
export function blankTemplateActions(text: string): { text: string; actions: Span[] } | undefined {
  if (!text.includes('{{')) return undefined;
  const actions = templateActions(text);
  if (actions.length === 0) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const a of actions) {
    parts.push(text.slice(at, a.start), text.slice(a.start, a.end).replace(/[^\r\n]/g, ' '));
    at = a.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), actions };
}

/** True when [start, end) touches an action: a value built by the template is unknown until it is rendered. */
export function overlapsAction(actions: readonly Span[], start: number, end: number): boolean {
  // Actions are sorted and disjoint: binary search for the first that ends after `start`.
  let lo = 0;
  let hi = actions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (actions[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const a = actions[lo];
  return a !== undefined && a.start < Math.max(end, start + 1);
}
