import type { Node } from '../../engine/source/parse';
import { maskSecret } from '../../engine/finalise/mask';
import { enclosingFunction } from './ast';
import { hasInterpolation, isStringNode } from './constants';
import { functionDefs, reachingDefs, type FunctionDefs } from './reaching';
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
  /** The literal's content: only for the value tests of the analysis (engine/analyze.ts), never passed on. */
  value: string;
}

const MAX_DEPTH = 8;

function literalContent(node: Node): string | undefined {
  if (!isStringNode(node) || hasInterpolation(node)) return undefined;
  const m = /^[a-zA-Z]{0,2}("""|'''|"|'|`)([\s\S]*)\1$/.exec(node.text);
  return m ? m[2] : undefined;
}

/** Per tree, by span: each expression is asked once, so a file costs one pass over what its calls pass. */
const memo = new WeakMap<object, Map<string, ConstantOrigin | null>>();
/** Per function's writes, the field paths written under each local (`box` -> `box.key`). */
const fieldsOf = new WeakMap<FunctionDefs, Map<string, string[]>>();

function fieldPaths(fd: FunctionDefs, name: string): string[] {
  let byBase = fieldsOf.get(fd);
  if (!byBase) {
    byBase = new Map();
    for (const n of [...fd.byName.keys()].sort()) {
      const dot = n.indexOf('.');
      if (dot <= 0) continue;
      const base = n.slice(0, dot);
      byBase.set(base, [...(byBase.get(base) ?? []), n]);
    }
    fieldsOf.set(fd, byBase);
  }
  return byBase.get(name) ?? [];
}

/** The string literal `node` holds on some path (itself, or a local's assignment that reaches it), if any. */
export function constantOrigin(node: Node, depth = 0): ConstantOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let byTree = memo.get(node.tree);
  if (!byTree) memo.set(node.tree, (byTree = new Map()));
  const key = `${node.startIndex}:${node.endIndex}:${node.type}`;
  const known = byTree.get(key);
  if (known !== undefined) return known ?? undefined;
  byTree.set(key, null);
  const out = originOf(node, depth);
  byTree.set(key, out ?? null);
  return out;
}

function originOf(node: Node, depth: number): ConstantOrigin | undefined {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return constantOrigin(node.namedChildren[0], depth + 1);
  const content = literalContent(node);
  if (content !== undefined) {
    // '' is no value (the usual initialiser before the real one is read).
    if (content.length === 0) return undefined;
    return { steps: [{ start: node.startIndex, end: node.endIndex, message: 'constant written here' }], shown: maskSecret(content), value: content };
  }
  // `(Object) k`: the same value.
  if (node.type === 'cast_expression') {
    const value = node.childForFieldName('value');
    return value ? constantOrigin(value, depth + 1) : undefined;
  }
  if (node.type !== 'identifier') return undefined;
  const fd = functionDefs(enclosingFunction(node));
  // The value itself, what was put into it (an element, `add`, `put`), or a field of it (`box.key = k`): an
  // object passed whole carries those to the callee.
  const names = [node.text, ...fieldPaths(fd, node.text)];
  for (const name of names) {
    for (const d of reachingDefs(fd, node, name) ?? []) {
      if (d.kind !== 'set' && d.kind !== 'mutate') continue;
      for (const v of d.values) {
        const inner = constantOrigin(v, depth + 1);
        const how = d.kind === 'mutate' ? `stored in \`${node.text}\`` : `assigned to \`${name}\``;
        if (inner) return { steps: [...inner.steps, { start: d.start, end: d.end, message: how }], shown: inner.shown, value: inner.value };
      }
    }
  }
  return undefined;
}
