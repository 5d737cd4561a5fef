import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { enclosingFunction, unwrapParens, writesBefore } from '../shared/ast';
import { isFunctionNode } from '../shared/functionNodes';
import { isSafeValue } from '../shared/safeValues';

// Helpers of the unsafe-reflection rule: the class, module or method name passed to a reflective call
// (constantize, Class.forName, `new $class`, getattr, require) is read from the request, directly or through a
// local. A name checked against an allow-list, or looked up in a constant map, is safe (safeValues.ts).

/** Request reads per language, matched at the start of a member / subscript / call chain. */
const REQUEST_READ: Record<string, RegExp> = {
  javascript: /^(req|request|ctx\.request|ctx)\s*\.\s*(query|body|params|headers|cookies|get\s*\()/,
  python: /^(flask\.)?(self\.)?request\s*\.\s*(args|form|values|json|GET|POST|COOKIES|META|headers|cookies|data|get_json|query_params|match_info|files)\b|^self\.get_(query_)?argument\s*\(/,
  php: /^\$_(GET|POST|REQUEST|COOKIE|SERVER)\b|^\$request\s*->\s*(input|get|query|post|request|cookie|header|all)\b/,
  ruby: /^(params|cookies|request\s*\.\s*(params|query_parameters|request_parameters|headers|cookies))\b/,
  java: /^(request|req|httpRequest|servletRequest)\s*\.\s*(getParameter|getHeader|getQueryString|getParameterValues|getCookies|getPathInfo)\s*\(/,
};

/** Java / Spring / JAX-RS parameters bound to request data. */
const JAVA_REQUEST_PARAM = /@(RequestParam|PathVariable|RequestHeader|RequestBody|CookieValue|QueryParam|PathParam|FormParam|HeaderParam)\b/;

function languageKey(languageId: string): string {
  return /^(javascript|typescript)/.test(languageId) ? 'javascript' : languageId;
}

const CHAIN_TYPES = /^(member_expression|subscript_expression|subscript|element_reference|attribute|call|call_expression|method_invocation|member_call_expression|function_call_expression|field_access|scoped_call_expression|variable_name)$/;

/** A Java parameter annotated as request data (`@RequestParam String type`). */
function isAnnotatedRequestParam(use: Node, name: string): boolean {
  const fn = enclosingFunction(use);
  const params = fn.childForFieldName('parameters');
  if (!params) return false;
  for (const p of params.namedChildren) {
    if (!p || p.type !== 'formal_parameter') continue;
    if ((p.childForFieldName('name')?.text ?? '') === name && JAVA_REQUEST_PARAM.test(p.text)) return true;
  }
  return false;
}

/** True when `node` holds a request value that no allow-list, lookup or conversion made safe. */
export function carriesRequestInput(raw: Node, lang: string, depth = 0): boolean {
  const n = unwrapParens(raw);
  if (depth > 6 || isFunctionNode(n)) return false;
  const read = REQUEST_READ[lang];
  if (!read) return false;
  if (isSafeValue(n, 'code')) return false;
  if (CHAIN_TYPES.test(n.type) && read.test(n.text)) return true;
  if (n.type === 'identifier' || n.type === 'variable_name') {
    if (lang === 'java' && isAnnotatedRequestParam(n, n.text)) return true;
    for (const w of writesBefore(n, n.text)) if (carriesRequestInput(w.value, lang, depth + 1)) return true;
    return false;
  }
  for (const c of n.namedChildren) if (c && carriesRequestInput(c, lang, depth + 1)) return true;
  return false;
}

export const filters: Record<string, FilterHelper> = {
  /** The name (target) passed to a reflective call comes from the request. Sets `value` for the message. */
  reflectionInput: (ctx, target) => {
    if (!target?.node) return false;
    if (!carriesRequestInput(target.node, languageKey(ctx.doc.languageId))) return false;
    const text = target.node.text.replace(/\s+/g, ' ');
    ctx.vars['value'] = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    return true;
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  reflectionInput: {},
};
