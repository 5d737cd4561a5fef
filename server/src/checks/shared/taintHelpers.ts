import type { FilterHelper, HelperOptions, MatchContext, Capture } from './types';
import { lineOf, opt, optString, outsideOnlyFor } from './types';
import { enclosingFunction } from './ast';
import { isDeadCode } from './reaching';
import { taintAt, type TaintFinding } from './taint';
import { traceSource, traceSteps } from './taintTrace';
import { shapeOf } from './taintSyntax';
import { heredocBodyOf } from './rubyEval';
import { inputSourceOf } from './inputEvidence';
import { SAFE_SINKS, type SafeSink } from './safeValues';
import { openParamKeys } from './taintScope';

// The rule-facing side of the taint engine. A rule's query finds a sink and captures the argument that matters;
// `tainted` keeps the match when input reaches that argument (see taint.ts), sets the confidence from the evidence
// (a proven source: the rule's confidence; a parameter of a function nobody in the file calls: medium), names the
// source in the message (`{{source}}`) and gives the finding its path (Finding.flow).

const regexCache = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = regexCache.get(source);
  if (!r) regexCache.set(source, (r = new RegExp(source)));
  return r;
}

/**
 * Describes the evidence for the message and attaches the path, ending at the sink capture. In a scan across files
 * (ctx.crossFileScan), evidence from parameters of a function nothing in the file calls is handed to the scan:
 * a caller elsewhere that passes input raises it to the rule's confidence, callers that pass only safe values
 * drop it. `standalone` says whether the finding stands without such callers; false when it does not stand and
 * the scan cannot help (nothing to call by name), so the caller drops the match.
 */
export function applyTaint(ctx: MatchContext, t: TaintFinding, sink: Capture | undefined, standalone = true, outsideOnly = false): boolean {
  // What only functions of other files return is no evidence until the scan says they return input.
  if (t.evidence === 'return') standalone = false;
  const keys = ctx.crossFileScan && t.evidence === 'parameter' ? openParamKeys(t.open, ctx.doc.languageId, ctx.doc.path) : [];
  const returns = ctx.crossFileScan && t.evidence !== 'source' ? [...new Set((t.returns ?? []).map((r) => r.callee))] : [];
  if (!standalone && keys.length === 0 && returns.length === 0) return false;
  if (keys.length > 0 || returns.length > 0) ctx.crossFile = { params: keys, ...(returns.length > 0 ? { returns } : {}), confidence: ctx.confidence, standalone, ...(outsideOnly ? { outsideOnly } : {}) };
  const src = traceSource(t.trace);
  if (src) {
    const text = ctx.text.slice(src.start, src.end).replace(/\s+/g, ' ');
    const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    ctx.vars['source'] =
      t.evidence === 'source'
        ? `\`${shown}\` (line ${lineOf(ctx, src.start)})`
        : t.evidence === 'return'
          ? `\`${shown}\` (line ${lineOf(ctx, src.start)}), which another file computes`
          : `the parameter \`${shown}\` (line ${lineOf(ctx, src.start)}), which callers may fill with input`;
  }
  if (t.evidence !== 'source' && ctx.confidence === 'high') ctx.confidence = 'medium';
  const steps = traceSteps(t.trace).map((s) => ({ start: s.start, end: s.end, message: s.message }));
  const finding = ctx.captures.get('finding')?.[0] ?? sink;
  if (finding) {
    const last = steps[steps.length - 1];
    if (!last || last.start !== finding.start || last.end !== finding.end) steps.push({ start: finding.start, end: finding.end, message: `reaches the sink \`${oneLine(finding.text)}\`` });
  }
  ctx.flow = steps;
  return true;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
}

/** The taint at a capture, or undefined when the capture has no node, is dead code, or carries no input. */
export function taintOfCapture(ctx: MatchContext, target: Capture | undefined, sanitizer?: string, sinkKind: SafeSink = 'any', outsideOnly = false): TaintFinding | undefined {
  const captured = target?.node;
  if (!captured) return undefined;
  // A Ruby heredoc's text is a later sibling of its opening (see heredocBodyOf): its interpolations are the value.
  const node = captured.type === 'heredoc_beginning' ? (heredocBodyOf(captured) ?? captured) : captured;
  if (isDeadCode(node, enclosingFunction(node))) return undefined;
  // `new File(name).getName()`: the sink's own result is reduced by a sanitiser at once, so nothing is opened.
  const sink = ctx.captures.get('finding')?.[0]?.node;
  const up = sink?.parent;
  if (sanitizer && sink && up && sink.startIndex === up.startIndex) {
    const s = shapeOf(up.type === 'field_access' || up.type === 'member_expression' || up.type === 'attribute' ? (up.parent ?? up) : up);
    if (s.kind === 'call' && re(sanitizer).test(s.name)) return undefined;
  }
  return taintAt(node, ctx.doc.languageId, { sink: sinkKind, ...(sanitizer ? { sanitizer: re(sanitizer) } : {}), ...(ctx.crossFileScan ? { crossFile: true } : {}), ...(outsideOnly ? { outsideOnly } : {}) });
}

/** `tainted` and `taintedBySource`: the match holds when input reaches the target, with `evidence` the weakest kept. */
function taintFilter(evidence: 'parameter' | 'source'): FilterHelper {
  return (ctx, target, options) => {
    const outsideOnly = outsideOnlyFor(ctx, optString(options, 'sources') === 'outside');
    const t = taintOfCapture(ctx, target, optString(options, 'sanitizer'), (optString(options, 'sink') ?? 'any') as SafeSink, outsideOnly);
    if (!t) return false;
    if (options['requireBuilt'] === true && !t.built) return false;
    // A parameter handed on unchanged is a wrapper passing its caller's value through (JNDI's own DirContext
    // delegating `search(name, filter)`): only text built around it is evidence without a traced source, or a
    // caller in another file of the scan that passes input.
    const standalone = t.evidence === 'source' || (evidence === 'parameter' && t.built);
    if (!applyTaint(ctx, t, target, standalone, outsideOnly)) return false;
    // Developer-controlled files (finalise/developerPaths.ts) keep the finding only with web or console input.
    const input = target?.node ? inputSourceOf(target.node) : undefined;
    if (input) ctx.input = input;
    return true;
  };
}

export const filters: Record<string, FilterHelper> = {
  /**
   * Input reaches the target (the sink's argument). Options: `sanitizer` (regex over the callee of calls whose
   * result is safe for this sink, e.g. `escapeXml`), `requireBuilt` (only text built around the input), `sink`
   * (which escapers count, see safeValues.ts), `sources: outside` (only sources of origin `outside` in
   * rules/taint/sources.yaml count, not the operator's environment, properties or command line; under the `local`
   * threat model those count too, see outsideOnlyFor). A parameter of a function nothing in the file calls counts, at
   * medium confidence, when text is built around it.
   */
  tainted: taintFilter('parameter'),
  /**
   * As `tainted`, but only a proven source counts. For sinks that every program calls with its own values
   * (file paths, URLs, redirect targets, LDAP and XPath queries): a path parameter of a file helper is how such
   * code is written, not evidence of input, and reporting it buries the real findings.
   */
  taintedBySource: taintFilter('source'),
};

const TAINT_OPTIONS: HelperOptions = { sanitizer: opt.string, requireBuilt: opt.boolean, sink: opt.oneOf(SAFE_SINKS), sources: opt.oneOf(['any', 'outside']) };

export const options: Record<string, HelperOptions> = {
  tainted: TAINT_OPTIONS,
  taintedBySource: TAINT_OPTIONS,
};
