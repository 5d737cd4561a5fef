// Taint across the files of one scan. Each file's analysis (AnalysisOptions.crossFile) hands back the calls it
// makes into functions other files may define, with what each argument carries (input, a parameter of the
// caller's own function, or nothing), and marks the findings that rest on parameters of a function nothing in
// its own file calls (Finding.crossFile). Once every file is in, this settles them: a parameter is tainted when
// some call in the scan passes input to it, directly or through a chain of such parameters (a breadth-first walk
// over the calls, indexed by callee name: linear in the calls). A finding on a tainted parameter is reported at
// its rule's confidence with the callers' steps in front of its path; one whose parameters only ever receive
// safe values is dropped; one with no known caller stays as single-file analysis left it. Likewise for values a
// function of another file returns (ReturnSummary): a sink they reach is reported when that function returns
// input (or returns what such a function returns), and never on its own. Key and password sinks
// (CrossFileCondition.constant) are settled on the same walks with string literals in place of input: a caller
// that passes one, or a function that returns one, raises them; nothing else does (the value travels masked).
// A rule that counts only input from outside (`sources: outside`) reads a second propagation seeded without the
// operator's sources (environment, properties, command line), as it does inside one file. Under the `local` threat
// model (AnalysisOptions.threatModel) the files' analyses leave CrossFileCondition.outsideOnly unset, so every
// finding reads the propagation where the operator's sources count: the settle needs no option of its own.
//
// Results are sorted by path before anything is read, so the outcome (and the path chosen when several callers
// pass input) does not depend on the order the workers finished in.
import type { CallSummary, CrossFileCondition, Finding, FlowStep, ParamKey } from '../../engine';
import type { FileResult } from './protocol';

interface Edge {
  target: ParamKey;
  /** Steps from the caller's parameter to the argument, then the call, in the caller's file. */
  steps: FlowStep[];
}

/** `java:C.m#0` -> `java:C.m`. */
const calleeOf = (p: ParamKey): string => p.replace(/#\d+$/, '');

function shortName(callee: string): string {
  return callee.replace(/^[^:]*:/, '').split('.').pop() ?? callee;
}

function inFile(steps: FlowStep[], rel: string): FlowStep[] {
  return steps.map((s) => (s.path ? s : { ...s, path: rel }));
}

function passedStep(call: CallSummary, index: number, rel: string): FlowStep {
  return { range: call.range, message: `passed to \`${shortName(call.callee)}\` in another file as argument ${index + 1}`, path: rel };
}

interface Constant {
  /** From the literal to the call or return, in the file that writes it. */
  steps: FlowStep[];
  /** The literal, masked. */
  shown: string;
  /** The value conditions it meets (CrossFileCondition.constant.test). */
  accepts: string[];
}

/** Drops the steps' path where they lie in the finding's own file. */
function ownFile(steps: FlowStep[], rel: string): FlowStep[] {
  return steps.map((s) => (s.path === rel ? { range: s.range, message: s.message } : s));
}

/**
 * A key or password sink that waits on other files (CrossFileCondition.constant): reported when a function it
 * reads returns, or a caller passes, a string literal, with the masked value in the message; undefined (dropped)
 * when none does, since a value that is no literal is no hardcoded secret.
 */
function settleConstant(plain: Finding, cond: CrossFileCondition, placeholder: string, rel: string, returned: Map<string, Constant>, passed: Map<ParamKey, Constant>): Finding | undefined {
  const test = cond.constant?.test;
  const fits = (c: Constant | undefined): boolean => c !== undefined && (test === undefined || c.accepts.includes(test));
  const back = cond.returns?.find((c) => fits(returned.get(c)));
  const via = back ? undefined : cond.params.find((p) => fits(passed.get(p)));
  const c = back ? returned.get(back) : via ? passed.get(via) : undefined;
  if (!c) return undefined;
  const at = c.steps[0]!;
  const call = c.steps[c.steps.length - 1]!;
  const literal = `line ${at.range.start.line + 1}${at.path !== call.path ? ` of ${at.path}` : ''}`;
  const where = back ? `\`${shortName(back)}\` in ${at.path} (line ${at.range.start.line + 1}) returns it.` : `A call in ${call.path} (line ${call.range.start.line + 1}) passes it, a literal written on ${literal}.`;
  return {
    ...plain,
    confidence: cond.confidence,
    message: `${plain.message.split(placeholder).join(c.shown)} ${where}`,
    flow: [...ownFile(c.steps, rel), ...(plain.flow ?? [])],
  };
}

export interface CrossFileStats {
  /** Findings raised because a caller elsewhere passes input. */
  raised: number;
  /** Findings dropped because every caller passes safe values. */
  dropped: number;
}

/** Settles the `crossFile` findings of `results` in place (findings and their frames); see the top of the file. */
export function settleCrossFile(results: FileResult[]): CrossFileStats {
  const settle = crossFileSettler(results);
  const stats: CrossFileStats = { raised: 0, dropped: 0 };
  for (const r of results) settle(r, stats);
  for (const r of results) {
    delete r.calls;
    delete r.returns;
  }
  return stats;
}

/**
 * Settles the findings of one file against the calls and returns of `results` (which the file may or may not be
 * among): the walks over the calls are done here once, so each file settled after costs only its own findings.
 * The editor keeps one for an open document against the other files of the last scan (lsp/scanSummaries.ts).
 * `results` is read only, its summaries left in place.
 */
export function crossFileSettler(results: readonly FileResult[]): (r: FileResult, stats?: CrossFileStats) => void {
  const sorted = [...results].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const called = new Set<string>();
  for (const r of sorted) for (const c of r.calls ?? []) called.add(c.callee);

  /** Arguments that carry input, in path order; `operator` when only the operator's sources reach them. */
  const seeds: { target: ParamKey; steps: FlowStep[]; operator: boolean }[] = [];
  /** Parameters some call fills with a string literal (for key and password sinks), with its masked text. */
  const constants = new Map<ParamKey, Constant>();
  const constantQueue: ParamKey[] = [];
  /** Parameters that callers fill with values nobody in the scan traced: they may carry anything. */
  const unknown = new Set<ParamKey>();
  const edges = new Map<ParamKey, Edge[]>();
  const unknownQueue: ParamKey[] = [];
  for (const r of sorted) {
    for (const c of r.calls ?? []) {
      c.args.forEach((a, i) => {
        const target = `${c.callee}#${i}`;
        if (a.kind === 'constant') {
          if (!constants.has(target)) {
            constants.set(target, { steps: [...inFile(a.flow, r.rel), passedStep(c, i, r.rel)], shown: a.shown, accepts: a.accepts });
            constantQueue.push(target);
          }
        } else if (a.kind === 'input') {
          seeds.push({ target, steps: [...inFile(a.flow, r.rel), passedStep(c, i, r.rel)], operator: a.operator === true });
        } else if (a.kind === 'param') {
          const steps = [...inFile(a.flow, r.rel), passedStep(c, i, r.rel)];
          for (const p of a.params) {
            const list = edges.get(p) ?? [];
            list.push({ target, steps });
            edges.set(p, list);
          }
          // From a parameter no call in the scan fills (or one this file could not name): anything may arrive.
          if ((a.params.length === 0 || a.params.some((p) => !called.has(calleeOf(p)))) && !unknown.has(target)) {
            unknown.add(target);
            unknownQueue.push(target);
          }
        }
      });
    }
  }
  // Two readings: every source counts, or (for rules with `sources: outside`) only input from outside.
  const taintedBy = (outsideOnly: boolean): Map<ParamKey, FlowStep[]> => {
    const tainted = new Map<ParamKey, FlowStep[]>();
    const queue: ParamKey[] = [];
    for (const s of seeds) {
      if ((outsideOnly && s.operator) || tainted.has(s.target)) continue;
      tainted.set(s.target, s.steps);
      queue.push(s.target);
    }
    for (let i = 0; i < queue.length; i++) {
      const from = queue[i]!;
      const before = tainted.get(from)!;
      for (const e of edges.get(from) ?? []) {
        if (tainted.has(e.target)) continue;
        tainted.set(e.target, [...before, ...e.steps]);
        queue.push(e.target);
      }
    }
    return tainted;
  };
  const taintedAll = taintedBy(false);
  const taintedOutside = taintedBy(true);
  for (let i = 0; i < constantQueue.length; i++) {
    const from = constantQueue[i]!;
    const before = constants.get(from)!;
    for (const e of edges.get(from) ?? []) {
      if (constants.has(e.target)) continue;
      constants.set(e.target, { ...before, steps: [...before.steps, ...e.steps] });
      constantQueue.push(e.target);
    }
  }
  // Functions that return input, directly or by returning what such a function of another file returns.
  const returnEdges = new Map<string, { target: string; steps: FlowStep[] }[]>();
  const returnSeeds: { function: string; steps: FlowStep[]; operator: boolean }[] = [];
  const returnsConstant = new Map<string, Constant>();
  const constantReturnQueue: string[] = [];
  for (const r of sorted) {
    for (const s of r.returns ?? []) {
      if (s.kind === 'constant') {
        if (!returnsConstant.has(s.function)) {
          returnsConstant.set(s.function, { steps: inFile(s.flow, r.rel), shown: s.shown, accepts: s.accepts });
          constantReturnQueue.push(s.function);
        }
      } else if (s.kind === 'input') {
        returnSeeds.push({ function: s.function, steps: inFile(s.flow, r.rel), operator: s.operator === true });
      } else {
        for (const c of s.callees) {
          const list = returnEdges.get(c) ?? [];
          list.push({ target: s.function, steps: inFile(s.flow, r.rel) });
          returnEdges.set(c, list);
        }
      }
    }
  }
  const returnsBy = (outsideOnly: boolean): Map<string, FlowStep[]> => {
    const returnsInput = new Map<string, FlowStep[]>();
    const returnQueue: string[] = [];
    for (const s of returnSeeds) {
      if ((outsideOnly && s.operator) || returnsInput.has(s.function)) continue;
      returnsInput.set(s.function, s.steps);
      returnQueue.push(s.function);
    }
    for (let i = 0; i < returnQueue.length; i++) {
      const from = returnQueue[i]!;
      const before = returnsInput.get(from)!;
      for (const e of returnEdges.get(from) ?? []) {
        if (returnsInput.has(e.target)) continue;
        returnsInput.set(e.target, [...before, ...e.steps]);
        returnQueue.push(e.target);
      }
    }
    return returnsInput;
  };
  const returnsAll = returnsBy(false);
  const returnsOutside = returnsBy(true);
  for (let i = 0; i < constantReturnQueue.length; i++) {
    const from = constantReturnQueue[i]!;
    const before = returnsConstant.get(from)!;
    for (const e of returnEdges.get(from) ?? []) {
      if (returnsConstant.has(e.target)) continue;
      returnsConstant.set(e.target, { ...before, steps: [...before.steps, ...e.steps] });
      constantReturnQueue.push(e.target);
    }
  }
  for (let i = 0; i < unknownQueue.length; i++) {
    for (const e of edges.get(unknownQueue[i]!) ?? []) {
      if (unknown.has(e.target)) continue;
      unknown.add(e.target);
      unknownQueue.push(e.target);
    }
  }

  return (r: FileResult, stats: CrossFileStats = { raised: 0, dropped: 0 }): void => {
    if (!r.findings.some((f) => f.crossFile)) return;
    const keep: boolean[] = [];
    r.findings = r.findings.map((f) => {
      const cond = f.crossFile;
      if (!cond) {
        keep.push(true);
        return f;
      }
      const { crossFile: _c, ...plain } = f;
      void _c;
      const tainted = cond.outsideOnly ? taintedOutside : taintedAll;
      const returnsInput = cond.outsideOnly ? returnsOutside : returnsAll;
      if (cond.constant) {
        const raised = settleConstant(plain, cond, cond.constant.placeholder, r.rel, returnsConstant, constants);
        if (raised) stats.raised++;
        else stats.dropped++;
        keep.push(raised !== undefined);
        return raised ?? plain;
      }
      const back = cond.returns?.find((c) => returnsInput.has(c));
      if (back) {
        stats.raised++;
        keep.push(true);
        const inside = returnsInput.get(back)!;
        const at = inside[inside.length - 1]!;
        return {
          ...plain,
          confidence: cond.confidence,
          message: `${plain.message} \`${shortName(back)}\` in ${at.path} (line ${at.range.start.line + 1}) returns input.`,
          flow: [...inside.map((s) => (s.path === r.rel ? { range: s.range, message: s.message } : s)), ...(plain.flow ?? [])],
        };
      }
      const via = cond.params.find((p) => tainted.has(p));
      if (via) {
        stats.raised++;
        keep.push(true);
        const callers = tainted.get(via)!;
        const at = callers[callers.length - 1]!;
        return {
          ...plain,
          confidence: cond.confidence,
          message: `${plain.message} A call in ${at.path} (line ${at.range.start.line + 1}) passes input to it.`,
          flow: [...callers.map((s) => (s.path === r.rel ? { range: s.range, message: s.message } : s)), ...(plain.flow ?? [])],
        };
      }
      const known = cond.params.some((p) => called.has(calleeOf(p)));
      const open = cond.params.some((p) => unknown.has(p) || !called.has(calleeOf(p)));
      if (cond.params.length > 0 && known && !open) {
        stats.dropped++;
        keep.push(false);
        return plain;
      }
      keep.push(cond.standalone);
      return plain;
    });
    r.findings = r.findings.filter((_, i) => keep[i]);
    if (r.frames) r.frames = r.frames.filter((_, i) => keep[i]);
  };
}

/**
 * For a scan that publishes files as they arrive (the editor's workspace scan): a file whose findings wait on other
 * files is held back, every other one goes on at once; `settle` then hands back the held files, settled. Only the
 * calls of the files passed on are kept, not their findings.
 */
export class CrossFileBuffer {
  private readonly held: FileResult[] = [];
  private readonly callsOnly: FileResult[] = [];

  /** The result to publish now (its calls taken out), or undefined when it is held until `settle`. */
  take(r: FileResult): FileResult | undefined {
    if (r.findings.some((f) => f.crossFile)) {
      this.held.push(r);
      return undefined;
    }
    if (r.calls || r.returns) {
      this.callsOnly.push({ rel: r.rel, findings: [], notes: [], ...(r.calls ? { calls: r.calls } : {}), ...(r.returns ? { returns: r.returns } : {}) });
      const { calls: _c, returns: _r, ...rest } = r;
      void _c;
      void _r;
      return rest;
    }
    return r;
  }

  settle(): FileResult[] {
    settleCrossFile([...this.held, ...this.callsOnly]);
    const out = [...this.held].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    this.held.length = 0;
    this.callsOnly.length = 0;
    return out;
  }
}
