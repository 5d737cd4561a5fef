import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { capture, optString, opt } from '../shared/types';

// Filters for insecure-config: is this `secure: false` about a cookie, is this setcookie call missing its flags.

/** The nearest `levels` ancestors of `node` (excluding itself), innermost first. */
function ancestors(node: Node, levels: number): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p && out.length < levels; p = p.parent) out.push(p);
  return out;
}

/** First line-ish slice of a node's text: enough to see the call or key it belongs to, cheap on big literals. */
function head(node: Node, max = 240): string {
  return node.text.slice(0, max);
}

const CSRF_NAME = /xsrf|csrf/i;
const SESSION_NAME = /sess|auth|token|jwt|remember|login|sid\b|_id\b/i;

function phpArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return args.namedChildren
    .filter((c): c is Node => c !== null && c.type === 'argument')
    .map((a) => a.namedChild(a.namedChildCount - 1) ?? a);
}

function phpFalsy(n: Node | undefined): boolean {
  return !!n && /^(false|0|null|'0'|"0"|'')$/i.test(n.text.trim());
}

export const filters: Record<string, FilterHelper> = {
  /**
   * A cookie attribute set to false (target: the flag) inside a cookie context: one of the `levels` nearest
   * ancestors starts with text matching `pattern` (`res.cookie(`, `cookie: {`, `cookies[:x] =`, `http.Cookie{`).
   * `HttpOnly` turned off for an anti-CSRF cookie (`XSRF-TOKEN`), which scripts must read, is left alone.
   */
  cookieFlagContext: (ctx, target, options) => {
    const pattern = optString(options, 'pattern');
    if (!target?.node || !pattern) return false;
    const levels = typeof options['levels'] === 'number' ? options['levels'] : 4;
    const re = new RegExp(pattern, 'i');
    const ctxNode = ancestors(target.node, levels).find((a) => re.test(head(a)));
    if (!ctxNode) return false;
    const key = capture(ctx, optString(options, 'key') ?? 'k')?.text ?? '';
    if (/http_?only/i.test(key) && CSRF_NAME.test(head(ctxNode, 400))) return false;
    return true;
  },

  /**
   * PHP setcookie()/setrawcookie() for a session-like cookie name without Secure or HttpOnly: positional
   * flags missing or false, or an options array without 'secure' => true / 'httponly' => true.
   */
  phpSetcookieInsecure: (ctx, target) => {
    if (!target?.node) return false;
    const args = phpArgs(target.node);
    const name = args[0];
    if (!name || !SESSION_NAME.test(name.text) || CSRF_NAME.test(name.text)) return false;
    const third = args[2];
    if (third && third.type === 'array_creation_expression') {
      const t = third.text;
      const on = (flag: string): boolean => new RegExp(`['"]${flag}['"]\\s*=>\\s*(true|1)\\b`, 'i').test(t);
      const missing = [!on('secure') && 'Secure', !on('httponly') && 'HttpOnly'].filter(Boolean);
      if (missing.length === 0) return false;
      ctx.vars['missing'] = missing.join(' and ');
      return true;
    }
    const secure = args[5];
    const httponly = args[6];
    const missing = [(!secure || phpFalsy(secure)) && 'Secure', (!httponly || phpFalsy(httponly)) && 'HttpOnly'].filter(Boolean);
    if (missing.length === 0) return false;
    ctx.vars['missing'] = missing.join(' and ');
    return true;
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  cookieFlagContext: { pattern: opt.string, levels: opt.number, key: opt.string },
  phpSetcookieInsecure: {},
};
