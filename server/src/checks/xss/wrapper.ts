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
export function passesOwnParameter(value: Node, unbuilt = false): boolean {
  const n = strippedConversion(value, unbuilt);
  if (n.type !== 'identifier') return false;
  if (writesBefore(n, n.text).length > 0) return false;
  const params = enclosingFunction(n).childForFieldName('parameters');
  if (!params) return false;
  const name = n.text.replace(/[$]/g, '\\$');
  return new RegExp(`(^|[^\\w$])[*&]{0,2}${name}\\b`).test(params.text);
}
