import type { Node } from '../../engine/source/parse';

// The path a value took from its source to a sink, as the taint engine found it. Built backwards (the engine
// walks from the sink to the source) as a shared linked list, so that two findings reached through the same
// assignment share its step instead of copying arrays at every hop; turned into a list only for a finding.

export interface TraceStep {
  /** UTF-16 offsets of the step's code. */
  start: number;
  end: number;
  /** What happens there: "request parameter read here", "assigned to `data`", "passed to `badSink` as `data`". */
  message: string;
}

/** One step and the steps before it (towards the source). */
export interface Trace {
  step: TraceStep;
  prev?: Trace;
}

function oneLine(s: string, max = 50): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function stepAt(node: Node, message: string, prev?: Trace): Trace {
  return { step: { start: node.startIndex, end: node.endIndex, message }, ...(prev ? { prev } : {}) };
}

/** Adds a step after `t` (nearer the sink); a step on the same span as the last one is not repeated. */
export function extend(t: Trace | undefined, node: Node, message: string): Trace | undefined {
  if (!t) return undefined;
  if (t.step.start === node.startIndex && t.step.end === node.endIndex && t.step.message === message) return t;
  return stepAt(node, message, t);
}

/** The steps from the source to the last one, in that order; at most `max` (the ones nearest the sink kept). */
export function traceSteps(t: Trace | undefined, max = 12): TraceStep[] {
  const out: TraceStep[] = [];
  for (let s = t; s; s = s.prev) out.push(s.step);
  out.reverse();
  return out.length > max ? [out[0]!, ...out.slice(out.length - max + 1)] : out;
}

/** The first step: where the value entered. */
export function traceSource(t: Trace | undefined): TraceStep | undefined {
  let s = t;
  while (s?.prev) s = s.prev;
  return s?.step;
}

export function describeSource(kind: string, node: Node): string {
  return `${kind} read here: \`${oneLine(node.text)}\``;
}

export function quote(node: Node | string): string {
  return `\`${oneLine(typeof node === 'string' ? node : node.text, 40)}\``;
}
