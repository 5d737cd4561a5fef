import type { Node } from '../../engine/source/parse';
import { enclosingFunction, unwrapParens, writesBefore } from '../shared/ast';

// Request data that can hold objects, not only strings: a JSON body, a query string parsed into nested objects
// (`?user[$ne]=x` with Express's qs, PHP's `$_GET`, Rails params). Put into a MongoDB filter, such a value is an
// operator (`{"$ne": ""}`, `{"$gt": ""}`) rather than a value to compare with.

/** Where a request value comes from: `strings` sources hold only strings, lists and maps (never numbers). */
export type SourceKind = 'strings' | 'json';

/** The request object itself (`req.body`, `request.json`, `$_GET`, `params`), or undefined. */
export function requestObject(raw: Node): SourceKind | undefined {
  const n = unwrapParens(raw);
  const text = n.text.replace(/\s+/g, '');
  // JavaScript: Express / Koa.
  if (/^(req|request|ctx\.request)\.body$/.test(text)) return 'json';
  if (/^(req|request|ctx\.request|ctx)\.query$/.test(text)) return 'strings';
  // Python: Flask JSON bodies, Django's json.loads(request.body).
  if (/^(flask\.)?request\.(json|get_json\(\w*\))$/.test(text)) return 'json';
  if (/^json\.loads\((self\.)?request\.(body|data|get_data\(\))\)$/.test(text)) return 'json';
  // PHP superglobals; a decoded JSON body.
  if (/^\$_(GET|POST|REQUEST|COOKIE)$/.test(text)) return 'strings';
  if (/^json_decode\(file_get_contents\(['"]php:\/\/input['"]\)/.test(text)) return 'json';
  // Ruby on Rails params (JSON bodies are parsed into them, so numbers too).
  if (/^params(\.permit!|\.to_unsafe_h|\.to_h)?$/.test(text)) return 'json';
  return undefined;
}

const LOOKUP_CALL = /^(get|fetch|dig|\[\])$/;

/** A value read out of a request object (`req.body.user`, `request.json["u"]`, `$_GET['u']`, `params[:u]`), following locals. */
export function requestValue(raw: Node, depth = 0): SourceKind | undefined {
  const n = unwrapParens(raw);
  if (depth > 4) return undefined;
  const t = n.type;
  const whole = requestObject(n);
  if (whole) return whole;
  if (t === 'member_expression' || t === 'subscript_expression' || t === 'subscript' || t === 'element_reference' || t === 'attribute') {
    const obj = n.childForFieldName('object') ?? n.childForFieldName('value') ?? n.namedChild(0);
    return obj ? requestValue(obj, depth + 1) : undefined;
  }
  if (t === 'call' || t === 'call_expression') {
    // request.json.get("u"), params.fetch(:u), data.get("u")
    const fn = n.childForFieldName('function');
    const method = n.childForFieldName('method')?.text ?? fn?.childForFieldName('attribute')?.text ?? fn?.childForFieldName('property')?.text;
    const recv = n.childForFieldName('receiver') ?? fn?.childForFieldName('object');
    if (method && LOOKUP_CALL.test(method) && recv) return requestValue(recv, depth + 1);
    return undefined;
  }
  if (t === 'identifier' || t === 'variable_name' || t === 'shorthand_property_identifier') {
    const writes = writesBefore(n, n.text);
    for (const w of writes) {
      const k = requestValue(w.value, depth + 1);
      if (k) return k;
    }
    if (writes.length === 0) return destructuredFrom(n, depth);
  }
  return undefined;
}

/** `const { user } = req.body` (JavaScript destructuring) before the use of `user`. */
function destructuredFrom(use: Node, depth: number): SourceKind | undefined {
  const fn = enclosingFunction(use);
  for (const d of fn.descendantsOfType('variable_declarator')) {
    if (!d || d.startIndex >= use.startIndex) continue;
    const pattern = d.childForFieldName('name');
    const value = d.childForFieldName('value');
    if (pattern?.type !== 'object_pattern' || !value) continue;
    const binds = pattern.namedChildren.some((c) => c !== null && (c.type === 'shorthand_property_identifier_pattern' ? c.text === use.text : c.type === 'pair_pattern' && c.childForFieldName('value')?.text === use.text));
    if (binds) return requestValue(value, depth + 1);
  }
  return undefined;
}
