import { sourceOf, type Node } from '../../engine/source/parse';
import type { FixHelper, HelperOptions, MatchContext, OffsetEdit, Options } from '../shared/types';
import { capture, documentTest, opt, optString } from '../shared/types';
import { operatorText, unwrapParens } from '../shared/ast';
import { taintAt } from '../shared/taint';
import { pythonImportEdit } from '../shared/addImport';

// ldap-injection's quick fix: escape each input inserted into a search filter as an assertion value
// (`(uid=` + name + `)`) with the LDAP library the file already uses. Escaping a value there keeps every filter a
// correct program builds the same (a name without `*()\` and NUL is unchanged) and stops input from adding
// conditions; input that supplies a whole filter or a part of its syntax cannot be escaped mechanically.

/** The filter as it is written: literal text and the expressions inserted between it, in order. */
type Item = { text: string } | { node: Node };

const QUOTE = /^[A-Za-z@$]*(?:"""|'''|"|'|`)/;

/** The text of a string literal between its quotes (prefixes such as f, $, @ dropped). */
function literalText(node: Node): string {
  const open = QUOTE.exec(node.text)?.[0].replace(/^[A-Za-z@$]*/, '') ?? '';
  return node.text.slice(QUOTE.exec(node.text)?.[0].length ?? 0, node.text.length - open.length);
}

const STRINGS = /^(string|string_literal|interpreted_string_literal|raw_string_literal|template_string|interpolated_string_expression|encapsed_string|verbatim_string_literal)$/;
const INTERPOLATIONS = /^(interpolation|template_substitution)$/;

/** Flattens the filter expression into items, or undefined when it is built in a way this fix does not rewrite. */
function itemsOf(node: Node, languageId: string, out: Item[]): boolean {
  const n = unwrapParens(node);
  if (/^binary(_expression|_operator)?$/.test(n.type)) {
    const op = operatorText(n);
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    if (!left || !right) return false;
    if (op === '+' || (op === '.' && languageId === 'php')) return itemsOf(left, languageId, out) && itemsOf(right, languageId, out);
    // Python `"(uid=%s)" % name` / `% (a, b)`: each %s takes the next value.
    if (op === '%' && languageId === 'python' && left.type === 'string' && !left.text.startsWith('f')) {
      const chunks = literalText(left).split('%s');
      if (chunks.some((c) => c.replace(/%%/g, '').includes('%'))) return false;
      const values = right.type === 'tuple' ? right.namedChildren.filter((c): c is Node => c !== null) : [right];
      if (values.length !== chunks.length - 1) return false;
      chunks.forEach((c, i) => {
        out.push({ text: c });
        if (i < values.length) out.push({ node: values[i]! });
      });
      return true;
    }
    return false;
  }
  if (STRINGS.test(n.type)) {
    const inner = n.namedChildren.filter((c): c is Node => c !== null && (INTERPOLATIONS.test(c.type) || (n.type === 'encapsed_string' && !/^(string_content|escape_sequence)$/.test(c.type))));
    if (inner.length === 0) {
      out.push({ text: literalText(n) });
      return true;
    }
    let at = n.startIndex + (QUOTE.exec(n.text)?.[0].length ?? 0);
    for (const c of inner) {
      out.push({ text: sourceOf(n).slice(at, c.startIndex) });
      const values = INTERPOLATIONS.test(c.type) ? c.namedChildren.filter((x): x is Node => x !== null && !/format|alignment|conversion/.test(x.type)) : [c];
      if (values.length !== 1) return false;
      out.push({ node: values[0]! });
      at = c.endIndex;
    }
    out.push({ text: sourceOf(n).slice(at, n.endIndex - 1) });
    return true;
  }
  out.push({ node: n });
  return true;
}

/** An assertion value: `=` (or `~=`, `>=`, `<=`, a `*` of a substring match) before it, `)` or `*` after it. */
function isValuePosition(before: string, after: string): boolean {
  return /[=*]\{?$/.test(before) && /^\}?[)*]/.test(after);
}

/** The escaping call of the LDAP library the file uses, as a template around `X`, and any import it needs. */
function escaper(ctx: MatchContext): { call: (x: string) => string; extra?: OffsetEdit } | undefined {
  switch (ctx.doc.languageId) {
    case 'php':
      return { call: (x) => `ldap_escape(${x}, '', LDAP_ESCAPE_FILTER)` };
    case 'python': {
      if (documentTest(ctx, /^\s*from\s+(ldap3\.utils\.conv|ldap\.filter)\s+import\s[^\n]*\bescape_filter_chars\b/m)) return { call: (x) => `escape_filter_chars(${x})` };
      // python-ldap: `import ldap` does not load its filter module, so `import ldap.filter` is added.
      if (documentTest(ctx, /^\s*import\s+ldap(\.filter)?\s*$/m)) {
        const extra = pythonImportEdit(ctx, 'ldap.filter');
        return { call: (x) => `ldap.filter.escape_filter_chars(${x})`, ...(extra ? { extra } : {}) };
      }
      return undefined;
    }
    case 'go':
      // The query names the package `ldap`; go-ldap's is the one with EscapeFilter.
      return documentTest(ctx, /^\s*(import\s+)?"(github\.com\/go-ldap\/ldap(\/v\d+)?|gopkg\.in\/ldap\.v\d+)"/m) ? { call: (x) => `ldap.EscapeFilter(${x})` } : undefined;
    case 'ruby':
      return documentTest(ctx, /\bNet::LDAP\b/) ? { call: (x) => `Net::LDAP::Filter.escape(${x})` } : undefined;
    case 'java':
      return documentTest(ctx, /^\s*import\s+org\.springframework\.ldap\.support\.LdapEncoder\s*;/m) ? { call: (x) => `LdapEncoder.filterEncode(${x})` } : undefined;
    default:
      return undefined;
  }
}

/** PHP `"(uid=$user)"` cannot hold a call: the string becomes a concatenation around each escaped value. */
function phpEncapsed(str: Node, wrapped: Map<Node, string>): OffsetEdit | undefined {
  const src = sourceOf(str);
  const parts: string[] = [];
  let at = str.startIndex + 1;
  for (const [node, text] of [...wrapped].sort((a, b) => a[0].startIndex - b[0].startIndex)) {
    let start = node.startIndex;
    let end = node.endIndex;
    if (src[start - 1] === '{' && src[end] === '}') {
      start--;
      end++;
    } else if (node.type !== 'variable_name' && node.type !== 'member_access_expression') return undefined; // `$a[k]`: k is no constant there
    if (start > at) parts.push(`"${src.slice(at, start)}"`);
    parts.push(text);
    at = end;
  }
  if (str.endIndex - 1 > at) parts.push(`"${src.slice(at, str.endIndex - 1)}"`);
  return { start: str.startIndex, end: str.endIndex, text: parts.join(' . ') };
}

export const fixes: Record<string, FixHelper> = {
  /** Escapes every input inserted into the `filter` capture as an assertion value; `sanitizer` is the rule's. */
  ldapEscapeValues: (ctx: MatchContext, options: Options) => {
    const filter = capture(ctx, 'filter')?.node;
    const esc = filter ? escaper(ctx) : undefined;
    if (!filter || !esc) return undefined;
    const items: Item[] = [];
    if (!itemsOf(filter, ctx.doc.languageId, items)) return undefined;
    const source = optString(options, 'sanitizer');
    const sanitizer = source ? new RegExp(source) : undefined;
    const wrapped = new Map<Node, string>();
    items.forEach((item, i) => {
      if (!('node' in item)) return;
      if (!taintAt(item.node, ctx.doc.languageId, sanitizer ? { sanitizer } : {})) return;
      const before = items[i - 1];
      const after = items[i + 1];
      const ok = before && after && 'text' in before && 'text' in after && isValuePosition(before.text, after.text);
      wrapped.set(item.node, ok ? esc.call(item.node.text) : '');
    });
    // Input that is not an assertion value (a whole filter, an attribute name) leaves nothing mechanical to do.
    if (wrapped.size === 0 || [...wrapped.values()].includes('')) return undefined;
    const edits: OffsetEdit[] = [];
    // By offset: tree-sitter hands out a new object for the same node on every walk.
    const encapsed = new Map<number, { str: Node; inside: Map<Node, string> }>();
    for (const [node, text] of wrapped) {
      const str = node.parent?.type === 'encapsed_string' ? node.parent : undefined;
      if (!str) edits.push({ start: node.startIndex, end: node.endIndex, text });
      else {
        const group = encapsed.get(str.startIndex) ?? { str, inside: new Map<Node, string>() };
        group.inside.set(node, text);
        encapsed.set(str.startIndex, group);
      }
    }
    for (const { str, inside } of encapsed.values()) {
      const e = phpEncapsed(str, inside);
      if (!e) return undefined;
      edits.push(e);
    }
    if (esc.extra) edits.push(esc.extra);
    return edits;
  },
};

export const options: Record<string, HelperOptions> = {
  ldapEscapeValues: { sanitizer: opt.string },
};
