import type { Node } from '../../engine/source/parse';
import { isConstantExpression } from './constants';
import { fieldsTaintAt, taintAt, type OpenParam } from './taint';
import { calleeKeys, functionKey } from './taintNames';
import { traceSteps, type TraceStep } from './taintTrace';
import { constantOrigin } from './taintConstants';
import { fileIndex, returnedValues } from './taintSummaries';

// Names that hold across the files of one scan, for taint that crosses them: a function as `<lang>:<qualified
// name>` and its parameters as `...#<index>`, and what each call to a function of another file passes. A sink
// reached from a parameter of a function nothing in its own file calls (taint.ts: `open`) is settled by the scan
// from these calls (project/scan/crossFile.ts). Names are resolved from the syntax alone, as far as one file
// tells: Java `new T().m(x)`, `T v = new U(); v.m(x)` (the object created decides, as Java dispatches on it),
// `T.m(x)`; Python `from mod import f; f(x)` and `import mod; mod.f(x)`. Overloads share a name: a caller's
// argument is matched by position only.

/** What an argument carries, in offsets; converted to ranges by the engine. */
export type ArgumentTaint =
  | { kind: 'clean' }
  | { kind: 'input'; steps: TraceStep[]; operator?: boolean }
  | { kind: 'param'; params: string[]; steps: TraceStep[] }
  /** A string literal written in this file (taintConstants.ts), for key and password parameters; `value` stays here. */
  | { kind: 'constant'; steps: TraceStep[]; shown: string; value: string };

export interface CallTaint {
  callee: string;
  start: number;
  end: number;
  args: ArgumentTaint[];
}

const CALLS: Record<string, string[]> = { java: ['method_invocation'], python: ['call'] };

function positionalArgs(call: Node): Node[] | undefined {
  const list = call.childForFieldName('arguments');
  if (!list) return undefined;
  const out: Node[] = [];
  for (const c of list.namedChildren) {
    if (!c || c.type === 'comment') continue;
    // Past a keyword or unpacked argument, positions no longer match parameters.
    if (/keyword_argument|splat|dictionary_splat/.test(c.type)) break;
    out.push(c);
  }
  return out;
}

export function openParamKeys(open: OpenParam[] | undefined, languageId: string, path: string): string[] {
  const keys: string[] = [];
  for (const o of open ?? []) {
    const k = functionKey(o.fn, languageId, path);
    if (k && !keys.includes(`${k}#${o.index}`)) keys.push(`${k}#${o.index}`);
  }
  return keys;
}

/**
 * Every call in the file whose callee another file may define, with what each positional argument carries: input
 * (a source reaches it here), parameters of the caller's own function nothing in this file calls, or nothing.
 */
export function callTaints(root: Node, languageId: string, path: string): CallTaint[] {
  const types = CALLS[languageId];
  if (!types) return [];
  const out: CallTaint[] = [];
  for (const call of root.descendantsOfType(types)) {
    if (!call) continue;
    const keys = calleeKeys(call, languageId);
    if (keys.length === 0) continue;
    const args = positionalArgs(call);
    if (!args || args.length === 0) continue;
    const summaries: ArgumentTaint[] = args.map((a) => {
      // Input, or what callers may pass, decides first: a literal on another path is the secrets' concern only.
      const c = constantOrigin(a);
      const clean: ArgumentTaint = c ? { kind: 'constant', steps: c.steps, shown: c.shown, value: c.value } : { kind: 'clean' };
      if (isConstantExpression(a)) return clean;
      // An object passed whole carries what was stored in its fields before the call.
      const t = taintAt(a, languageId, { crossFile: true }) ?? fieldsTaintAt(a, languageId, { crossFile: true });
      if (!t) return clean;
      if (t.evidence === 'source') return { kind: 'input', steps: traceSteps(t.trace), ...(operatorOnly(a, languageId) ? { operator: true } : {}) };
      // Another file's result: not known here, so the callee may receive anything.
      if (t.evidence === 'return') return { kind: 'param', params: [], steps: traceSteps(t.trace) };
      return { kind: 'param', params: openParamKeys(t.open, languageId, path), steps: traceSteps(t.trace) };
    });
    for (const callee of keys) out.push({ callee, start: call.startIndex, end: call.endIndex, args: summaries });
  }
  return out;
}

/** What a function returns, in offsets: input (a source reaches a returned value) or other files' results. */
export type ReturnTaint =
  | { function: string; kind: 'input'; steps: TraceStep[]; operator?: boolean }
  | { function: string; kind: 'returns'; callees: string[]; steps: TraceStep[] }
  | { function: string; kind: 'constant'; steps: TraceStep[]; shown: string; value: string };

/** The functions of the file, by scan-wide name, that return input or what functions of other files return. */
export function returnTaints(root: Node, languageId: string, path: string): ReturnTaint[] {
  if (!CALLS[languageId]) return [];
  const out: ReturnTaint[] = [];
  for (const fns of fileIndex(root).functions.values()) {
    for (const fn of fns) {
      const key = functionKey(fn, languageId, path);
      if (!key) continue;
      let other: ReturnTaint | undefined;
      let input: ReturnTaint | undefined;
      let constant: ReturnTaint | undefined;
      for (const v of returnedValues(fn)) {
        const c = constant ? undefined : constantOrigin(v);
        if (c) constant = { function: key, kind: 'constant', steps: [...c.steps, { start: v.startIndex, end: v.endIndex, message: 'returned' }], shown: c.shown, value: c.value };
        if (isConstantExpression(v)) continue;
        const t = taintAt(v, languageId, { crossFile: true });
        if (t?.evidence === 'source') {
          input = { function: key, kind: 'input', steps: [...traceSteps(t.trace), { start: v.startIndex, end: v.endIndex, message: 'returned' }], ...(operatorOnly(v, languageId) ? { operator: true } : {}) };
          break;
        }
        if (t?.returns && !other) other = { function: key, kind: 'returns', callees: [...new Set(t.returns.map((r) => r.callee))], steps: [...traceSteps(t.trace), { start: v.startIndex, end: v.endIndex, message: 'returned' }] };
      }
      const r = input ?? other ?? constant;
      if (r) out.push(r);
    }
  }
  return out;
}

/**
 * Whether only sources of origin `operator` (rules/taint/sources.yaml) reach `node`: a rule that counts only
 * outside input (`sources: outside`) treats such a caller or return as a safe value, as it does within a file.
 * A fact of the code, recorded whatever the threat model: whether it matters is the finding's own
 * CrossFileCondition.outsideOnly, which the `local` model never sets.
 */
function operatorOnly(node: Node, languageId: string): boolean {
  const outside = taintAt(node, languageId, { crossFile: true, outsideOnly: true }) ?? fieldsTaintAt(node, languageId, { crossFile: true, outsideOnly: true });
  return outside?.evidence !== 'source';
}

/** The languages whose calls and functions get scan-wide names. */
export const CROSS_FILE_LANGUAGES: ReadonlySet<string> = new Set(Object.keys(CALLS));

/** Conversions that keep a secret's value (`k.toCharArray()`, `k.getBytes(…)`): what is converted is asked instead. */
const KEEPING = /^(toCharArray|getBytes|toString|trim|intern|strip)$/;

function unconverted(node: Node): Node {
  let n = node;
  for (let i = 0; i < 8 && n.type === 'method_invocation'; i++) {
    const obj = n.childForFieldName('object');
    const name = n.childForFieldName('name')?.text ?? '';
    if (!obj || !KEEPING.test(name)) break;
    n = obj;
  }
  return n;
}

export interface PendingConstant {
  params: string[];
  returns: string[];
  steps: TraceStep[];
}

/**
 * What another file of the scan may fill `node` with: parameters of a function nothing in this file calls, and
 * functions of other files whose result reaches it. Undefined when input reaches it (no hardcoded value then) or
 * nothing from another file does.
 */
export function pendingConstant(node: Node, languageId: string, path: string): PendingConstant | undefined {
  const t = taintAt(unconverted(node), languageId, { crossFile: true });
  if (!t || t.evidence === 'source') return undefined;
  const params = t.evidence === 'parameter' ? openParamKeys(t.open, languageId, path) : [];
  const returns = [...new Set((t.returns ?? []).map((r) => r.callee))];
  if (params.length === 0 && returns.length === 0) return undefined;
  const steps: TraceStep[] = [];
  for (let s: typeof t.trace | undefined = t.trace; s; s = s.prev) steps.push(s.step);
  return { params, returns, steps: steps.reverse().slice(-12) };
}
