import type { Node } from '../../engine/source/parse';
import { maskSecret } from '../../engine/finalise/mask';
import { enclosingFunction } from './ast';
import { hasInterpolation, isStringNode } from './constants';
import { functionDefs, reachingDefs } from './reaching';
import type { TraceStep } from './taintTrace';

// Hardcoded values across the files of one scan, on the same names and settlement as taint (taintScope.ts,
// project/scan/crossFile.ts), with a string literal in place of input. One side: an argument passed to, or a value
// returned by, a function another file may define is a constant written in this file (`"…"`, or a local assigned
// one on some path). Other side: a key or password parameter whose value only a parameter of a function nothing
// here calls, or another file's result, can fill (semantic.ts, `constant:` conditions). The value is only ever
// carried masked. The other side is taintScope.ts (pendingConstant).

export interface ConstantOrigin {
  /** From the literal to the value, in offsets; messages never quote the literal. */
  steps: TraceStep[];
  /** The literal's content, masked. */
  shown: string;
}

const MAX_DEPTH = 8;

function literalContent(node: Node): string | undefined {
  if (!isStringNode(node) || hasInterpolation(node)) return undefined;
  const m = /^[a-zA-Z]{0,2}("""|'''|"|'|`)([\s\S]*)\1$/.exec(node.text);
  return m ? m[2] : undefined;
}

/** The string literal `node` holds on some path (itself, or a local's assignment that reaches it), if any. */
export function constantOrigin(node: Node, depth = 0): ConstantOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return constantOrigin(node.namedChildren[0], depth + 1);
  const content = literalContent(node);
  if (content !== undefined) {
    // '' is no value (the usual initialiser before the real one is read).
    if (content.length === 0) return undefined;
    return { steps: [{ start: node.startIndex, end: node.endIndex, message: 'constant written here' }], shown: maskSecret(content) };
  }
  if (node.type !== 'identifier') return undefined;
  const defs = reachingDefs(functionDefs(enclosingFunction(node)), node, node.text);
  for (const d of defs ?? []) {
    if (d.kind !== 'set') continue;
    for (const v of d.values) {
      const inner = constantOrigin(v, depth + 1);
      if (inner) return { steps: [...inner.steps, { start: d.start, end: d.end, message: `assigned to \`${node.text}\`` }], shown: inner.shown };
    }
  }
  return undefined;
}
