import type { FilterHelper, HelperOptions } from '../shared/types';
import { capture, documentFact, lineOf, opt, optString } from '../shared/types';
import { echoedInput } from './phpEcho';
import { isResponseWriter } from './javaWriter';
import { escapesUnlessOptedOut, passesOwnParameter } from './wrapper';
import { applyTaint, taintOfCapture } from '../shared/taintHelpers';
import { onlyCallbackParameters } from '../shared/injection';
import { inputSourceOf } from '../shared/inputEvidence';
import { SAFE_SINKS, type SafeSink } from '../shared/safeValues';
import { assignedText, balancedArgument, insideRanges, isDynamicExpression, readsBrowserSource, scriptRanges, sourceNames } from './inlineScript';

// Helpers of the xss rule that its queries cannot say: request values echoed through a PHP variable, and
// DOM sinks in the inline scripts of pages and templates.

/** A whole-expression call to an HTML escaper or sanitiser: `DOMPurify.sanitize(x)`, `escapeHtml(x)`. */
const ESCAPED_EXPRESSION = /^\s*(?:[\w$]+\.)*(sanitize|escape\w*|encodeURIComponent|encodeURI|filterXSS|encode|htmlEncode)\s*\([^]*\)\s*$/;

export const filters: Record<string, FilterHelper> = {
  /**
   * As `injectable`, for the APIs that mark a value as trusted markup (mark_safe, html_safe, template.HTML): a
   * parameter handed on unchanged is a wrapper of the API (wrapper.ts), reported only where a caller passes input
   * (in the file, or in another file of a scan), never at the wrapper alone; so is a helper that escapes unless its
   * caller turns a flag that defaults to true off (`autoescape=True`, `escape = true`).
   */
  markedSafe: (ctx, target, options) => {
    if (!target?.node) return false;
    const t = taintOfCapture(ctx, target, optString(options, 'sanitizer'), (optString(options, 'sink') ?? 'html') as SafeSink);
    if (!t) return false;
    const wrapper = t.evidence === 'parameter' && ((!t.built && passesOwnParameter(target.node, true)) || escapesUnlessOptedOut(target.node));
    if (!applyTaint(ctx, t, target, !wrapper && !onlyCallbackParameters(t, ctx.doc.languageId))) return false;
    const input = inputSourceOf(target.node);
    if (input) ctx.input = input;
    return true;
  },

  /** Java: the receiver of print/println/write (target) is the HTTP response's writer (see javaWriter.ts). */
  javaResponseWriter: (_ctx, target) => (target?.node ? isResponseWriter(target.node) : false),

  /**
   * The echoed expression (target) writes a request value ($_GET, $_POST, ...) into the page unencoded, directly
   * or through a local variable assigned earlier in the function (`$html = "<b>" . $_GET['q']; echo $html;`).
   * Sets `via` for the message (empty when the superglobal is echoed directly).
   */
  phpEchoesRequestValue: (ctx, target) => {
    if (!target?.node) return false;
    const hit = echoedInput(target.node);
    if (!hit) return false;
    ctx.vars['via'] = hit.via && hit.write ? ` through ${hit.via.text} (set on line ${lineOf(ctx, hit.write.startIndex)})` : '';
    return true;
  },

  /**
   * The sink (`document.write(`, `.innerHTML =`) lies in an inline <script> block and its argument (the `args`
   * capture: the rest of the line) reads a browser source (location, referrer, window.name), directly or through
   * a name an inline script assigned from one, and is not wrapped in an escaper.
   */
  inlineScriptSink: (ctx, target) => {
    const sink = capture(ctx, 'sink');
    if (!target || !sink) return false;
    if (!insideRanges(documentFact(ctx, 'inline-script-ranges', scriptRanges), sink.start)) return false;
    const expr = sink.text.trimEnd().endsWith('(') ? balancedArgument(target.text) : assignedText(target.text);
    if (expr === undefined || !isDynamicExpression(expr) || ESCAPED_EXPRESSION.test(expr)) return false;
    // Only values that a link can set (the URL, the referrer, window.name) are reported: the rest of what inline
    // scripts write is the page's own markup and data, which a scan of real projects showed to be noise.
    if (!readsBrowserSource(expr, documentFact(ctx, 'inline-source-names', sourceNames))) return false;
    ctx.vars['value'] = expr.trim().length > 40 ? `${expr.trim().slice(0, 39)}…` : expr.trim();
    return true;
  },

  /**
   * The template writes HTML: it holds markup (`<p>`, `<!DOCTYPE`, `</div>`) or extends a layout that may. A
   * plain-text template (an email body, `text/plain`) with escaping off inserts its values into text, not into a page.
   */
  templateWritesHtml: (ctx) => documentFact(ctx, 'template-writes-html', (text) => (/<[A-Za-z!/]|\{%-?\s*extends\b/.test(text) ? '1' : '0')) === '1',
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  markedSafe: { sanitizer: opt.string, sink: opt.oneOf(SAFE_SINKS) },
  javaResponseWriter: {},
  phpEchoesRequestValue: {},
  inlineScriptSink: {},
  templateWritesHtml: {},
};
