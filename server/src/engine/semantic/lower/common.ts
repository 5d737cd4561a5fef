import type { Node } from '../../source/parse';
import type { Arg, Decl, DeclMemo, Expr, Stmt } from '../ir';

// Small pieces every lowering uses. They know nothing of a grammar's node types.

export function field(n: Node, name: string): Node | null {
  return n.childForFieldName(name);
}

export function named(n: Node): Node[] {
  // `namedChildren` is built in one pass; `namedChild(i)` walks from the first child, quadratic over a module.
  return n.namedChildren.filter((c): c is Node => c !== null);
}

/** The operator token of a binary node: its `operator` field, else its first anonymous child. */
export function operatorOf(n: Node): string {
  const op = n.childForFieldName('operator');
  if (op) return op.text;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && !c.isNamed) return c.text;
  }
  return '';
}

/** The type and name of a top-level node, from the previous tree's memo when the subtree is the same. */
export function recall(memo: DeclMemo | undefined, n: Node, declares: ReadonlySet<string>, more?: (n: Node, d: Decl) => void): Decl {
  const known = memo?.previous?.get(n.id);
  const d = known ?? { type: n.type, name: undefined };
  if (!known && declares.has(d.type)) {
    d.name = n.childForFieldName('name')?.text ?? '';
    more?.(n, d);
  }
  memo?.next.set(n.id, d);
  return d;
}

export function other(n: Node, parts: Expr[]): Expr {
  return { k: 'other', node: n, parts };
}

/** Backslash escapes of a C-like string body (enough for algorithm names, keys and formats). */
export function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

export function intLiteral(text: string): number | undefined {
  const t = text.replace(/_/g, '').replace(/[lLuU]+$/, '');
  const v = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : /^0[bB]/.test(t) ? parseInt(t.slice(2), 2) : /^0[oO]/.test(t) ? parseInt(t.slice(2), 8) : Number(t);
  return Number.isFinite(v) ? v : undefined;
}

export function expr(s: Expr): Stmt {
  return { k: 'expr', e: s };
}

export type Lower = (n: Node) => Expr;

/** The positional and named arguments of an argument list, lowered by `lower`; `named` reads a named argument. */
export function argsOf(list: Node | null, lower: Lower, namedArg?: (n: Node) => Arg | undefined): Arg[] {
  if (!list) return [];
  const out: Arg[] = [];
  for (const a of named(list)) {
    if (a.type === 'comment') continue;
    const n = namedArg?.(a);
    out.push(n ?? { value: lower(a), node: a });
  }
  return out;
}

/** Whether two nodes are the same node (wrapper objects differ between accesses). */
export function same(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}
