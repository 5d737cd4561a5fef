// `document.write(...)` and `innerHTML = ...` inside the inline <script> blocks of pages and templates (HTML, EJS,
// ERB, PHP, Handlebars, JSP): no JavaScript grammar reads them there, so the argument is read from the text.

/** Offsets [start, end) of every inline <script> body in `text`, as `s-e,s-e` (a document fact). */
export function scriptRanges(text: string): string {
  const out: string[] = [];
  const open = /<script\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) !== null) {
    // An external script (`src=`) has no body worth reading; a JSON or template block is not JavaScript.
    if (/\bsrc\s*=|type\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/(?:template|x-template|x-handlebars))/i.test(m[0])) continue;
    const start = m.index + m[0].length;
    const close = text.toLowerCase().indexOf('</script', start);
    const end = close < 0 ? text.length : close;
    out.push(`${start}-${end}`);
    open.lastIndex = end;
  }
  return out.join(',');
}

export function insideRanges(ranges: string, offset: number): boolean {
  if (!ranges) return false;
  return ranges.split(',').some((r) => {
    const [s, e] = r.split('-').map(Number);
    return s !== undefined && e !== undefined && offset >= s && offset < e;
  });
}

/** The text of a call's argument list starting just after `(`, up to its matching `)`; undefined when unclosed. */
export function balancedArgument(text: string): string | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return text.slice(0, i);
      depth--;
    } else if (c === '\n' && depth === 0 && /[;]\s*$/.test(text.slice(0, i))) return undefined;
  }
  return undefined;
}

/** The right-hand side of an assignment, up to `;` or the end of the line. */
export function assignedText(text: string): string {
  const m = /^[^;\n]*/.exec(text);
  return m ? m[0] : '';
}

// Server-side template tags inside the script (`<%= x %>`, `<?= $x ?>`, `{{ x }}`) are rendered (and escaped
// for HTML) before the browser runs the script; their raw forms are reported by the template patterns.
const TEMPLATE_TAG = /<%[\s\S]*?%>|<\?(?:=|php)[\s\S]*?\?>|\{\{[\s\S]*?\}\}/g;
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`/g;

/** Browser sources an attacker sets through a link: the URL, the referrer, the window name. */
export const BROWSER_SOURCE = /\b(location|document\.(?:URL|documentURI|referrer|cookie)|window\.name|URLSearchParams)\b/;

/** True when the JavaScript expression text holds something other than literals, constants and template tags. */
export function isDynamicExpression(expr: string): boolean {
  const rest = expr.replace(TEMPLATE_TAG, '""').replace(STRING_LITERAL, '""');
  // What is left besides literals, operators and ALL_CAPS names.
  const words = rest.match(/[A-Za-z_$][\w$.]*/g) ?? [];
  return words.some((w) => !/^[A-Z][A-Z0-9_]*$/.test(w) && !/^(true|false|null|undefined)$/.test(w));
}

/**
 * Names that inline scripts assign from a browser source (`var q = new URLSearchParams(location.search).get('q')`),
 * following one assignment of such a name into another; `,`-separated (a document fact).
 */
export function sourceNames(text: string): string {
  const scripts = scriptRanges(text)
    .split(',')
    .filter(Boolean)
    .map((r) => {
      const [s, e] = r.split('-').map(Number);
      return text.slice(s, e);
    })
    .join('\n');
  const names = new Set<string>();
  const assign = /(?:^|[\s;{(,])([A-Za-z_$][\w$]*)\s*=(?!=)([^;\n]*)/g;
  for (let pass = 0; pass < 2; pass++) {
    for (const m of scripts.matchAll(assign)) {
      const rhs = m[2] ?? '';
      if (BROWSER_SOURCE.test(rhs) || [...names].some((n) => new RegExp(`(^|[^\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(rhs))) names.add(m[1]!);
    }
  }
  return [...names].join(',');
}

/** The expression reads a browser source, directly or through one of `names` (see sourceNames). */
export function readsBrowserSource(expr: string, names: string): boolean {
  if (BROWSER_SOURCE.test(expr)) return true;
  const stripped = expr.replace(STRING_LITERAL, '""');
  return names
    .split(',')
    .filter(Boolean)
    .some((n) => new RegExp(`(^|[^\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(stripped));
}
