import type { Node } from '../../engine/source/parse';
import { enclosingFunction, unwrapParens, writesBefore } from '../shared/ast';
import { argumentNodes, calleeText } from '../shared/calls';

// A function whose whole job is to mark its own argument as trusted markup: Django's `SafeString(s)` inside
// `mark_safe(s)`, a `safe` template filter, Rails' `raw(stringish) = stringish.to_s.html_safe`, a Go
// `func Raw(s string) template.HTML`. The function does not decide what is HTML; its caller does, exactly as when it
// calls the marking API itself. The value is reported where a caller passes input to the wrapper (the scan's
// cross-file callers, or a caller in the file), not at the wrapper. A field of a parameter (`post.body`) is data
// read from an object, not a value handed through, and stays reported.

/** Conversions to text that hand their operand on: `s.to_s`, `str(s)`, `String(s)`, `s.toString()`. */
const TO_TEXT_METHOD = /^(to_s|to_str|toString|ToString|String)$/;
const TO_TEXT_CALL = /^(str|String|string|strval)$/;
/** Text operations on the parameter itself (`fmt.format(*escaped)`), for a value the taint engine found unbuilt. */
const TEXT_OPERATION = /^(format|replace|strip|rstrip|lstrip|trim)$/;

function strippedConversion(node: Node, unbuilt: boolean): Node {
  let n = unwrapParens(node);
  for (let i = 0; i < 3; i++) {
    // Ruby `s.to_s` is a call with a receiver and no arguments.
    const recv = n.type === 'call' ? n.childForFieldName('receiver') : null;
    const rubyMethod = n.type === 'call' ? n.childForFieldName('method')?.text : undefined;
    if (recv && rubyMethod && TO_TEXT_METHOD.test(rubyMethod)) {
      n = unwrapParens(recv);
      continue;
    }
    const fn = n.childForFieldName('function');
    const method = fn && /member_expression|attribute/.test(fn.type) ? (fn.childForFieldName('property')?.text ?? fn.childForFieldName('attribute')?.text ?? '') : '';
    if (fn && (TO_TEXT_METHOD.test(method) || (unbuilt && TEXT_OPERATION.test(method)))) {
      n = unwrapParens(fn.childForFieldName('object') ?? n);
      continue;
    }
    const args = argumentNodes(n);
    if (fn && TO_TEXT_CALL.test(calleeText(n)) && args.length === 1 && args[0]) {
      n = unwrapParens(args[0]);
      continue;
    }
    break;
  }
  return n;
}

/**
 * The value is a parameter of the function around it, handed on unchanged (or only converted to text, or, when the
 * taint engine found nothing built around it (`unbuilt`), filled or trimmed as a template): no write to it before
 * the use, and the name is among the function's own parameters.
 */
export function passesOwnParameter(value: Node, unbuilt = false, depth = 0): boolean {
  const n = strippedConversion(value, unbuilt);
  if (n.type !== 'identifier') return false;
  const writes = writesBefore(n, n.text);
  // `value = value.replace(arg, '')`: the parameter updated in place by a text operation is still the parameter.
  if (writes.length > 0) return unbuilt && depth < 2 && writes.every((w) => w.kind === 'set' && w.value.id !== n.id && passesOwnParameter(w.value, unbuilt, depth + 1));
  const params = enclosingFunction(n).childForFieldName('parameters');
  if (!params) return false;
  const name = n.text.replace(/[$]/g, '\\$');
  return new RegExp(`(^|[^\\w$])[*&]{0,2}${name}\\b`).test(params.text);
}

// A helper that escapes by default and leaves markup raw only when its caller opts out explicitly
// (`def join(value, arg, autoescape=True): if autoescape: value = [conditional_escape(v) ...]`, Rails'
// `content_tag_string(name, content, options, escape = true)`): what it marks safe is escaped unless a caller
// passes the flag off, so the decision, and the finding, belong to such a caller.

/** Callees that escape or sanitise markup, by their last name. */
// (`encode` alone is a text encoding, `s.encode('utf-8')`, not an escaper.)
const ESCAPING_CALL = /(^|[.:>_])(escape\w*|\w*_escape|sanitize\w*|purify|html_?encode|encode_?html\w*|encodeForHTML\w*)$/i;
const TRUE = /^(true|True)$/;
const CONDITIONS = /^(if_statement|if|unless|if_modifier|unless_modifier|conditional_expression|conditional|elif_clause)$/;

/** The names of the function's parameters whose default is `true` (`escape = true`, `autoescape=True`). */
function trueByDefault(fn: Node): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  const out: string[] = [];
  for (const p of params.namedChildren) {
    if (!p) continue;
    const name = p.childForFieldName('name') ?? p.childForFieldName('left') ?? p.namedChild(0);
    const value = p.childForFieldName('value') ?? p.childForFieldName('right');
    if (name && value && TRUE.test(value.text)) out.push(name.text.replace(/:$/, ''));
  }
  return out;
}

function callsEscaper(n: Node): boolean {
  const stack: Node[] = [n];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (/^(call|call_expression)$/.test(c.type)) {
      const callee = calleeText(c);
      const method = c.childForFieldName('method')?.text;
      if (ESCAPING_CALL.test(callee) || (method !== undefined && ESCAPING_CALL.test(method))) return true;
    }
    for (const k of c.namedChildren) if (k) stack.push(k);
  }
  return false;
}

/** The function around `value` escapes under a condition on one of its parameters that default to true. */
export function escapesUnlessOptedOut(value: Node): boolean {
  const fn = enclosingFunction(value);
  const flags = trueByDefault(fn);
  if (flags.length === 0) return false;
  const flag = new RegExp(`(^|[^\\w$])(${flags.map((f) => f.replace(/[$]/g, '\\$')).join('|')})\\b`);
  const stack: Node[] = [fn];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.startIndex >= value.startIndex) continue;
    if (CONDITIONS.test(c.type)) {
      const cond = c.childForFieldName('condition');
      if (cond && flag.test(cond.text) && callsEscaper(c)) return true;
    }
    for (const k of c.namedChildren) if (k) stack.push(k);
  }
  return false;
}
