import type { Node, Tree } from '../source/parse';
import type { Expr, Module, Stmt } from '../semantic/ir';
import { MUTATORS, SELF } from '../semantic';
import type { Span } from './incremental';
import { callCounts, definedOutside, memberAccessAt, occurrences, readsName, wordAt } from './nameUses';

// What the statements of a module-level edit write and call (their effects, read from the IR), and the code
// outside them that those names reach: for semanticModule.ts, which re-runs that code with the edited statements
// and carries every other finding over.

/** Where an IR statement is, for the member that holds it. */
export function anchor(s: Stmt): Node {
  return s.k === 'expr' ? s.e.node : s.k === 'func' ? s.fn.node : s.node;
}

export const within = (n: Node, [s, e]: Span): boolean => n.startIndex >= s && n.endIndex <= e;
export interface Effects {
  writes: Set<string>;
  calls: Set<string>;
  /** Names a member is read on (`X.y`): a class name among them is looked up in the classes evaluated so far. */
  objects: Set<string>;
  unsupported: boolean;
}

function exprEffects(e: Expr, fx: Effects): void {
  switch (e.k) {
    case 'lit':
    case 'name':
      return;
    case 'member':
      if (e.obj.k === 'name') fx.objects.add(e.obj.id);
      return exprEffects(e.obj, fx);
    case 'call':
      // A name handed to a call may be filled by it: see filledNames, which reads the values.
      for (const a of e.args) exprEffects(a.value, fx);
      if (e.callee.k === 'name') fx.calls.add(e.callee.id);
      else if (e.callee.k === 'member' && e.callee.obj.k === 'name') {
        if (SELF.has(e.callee.obj.id)) fx.calls.add(e.callee.prop);
        if (MUTATORS.has(e.callee.prop)) fx.writes.add(e.callee.obj.id);
      }
      return exprEffects(e.callee, fx);
    case 'new':
      for (const a of e.args) exprEffects(a.value, fx);
      return exprEffects(e.type, fx);
    case 'concat':
    case 'other':
      for (const p of e.parts) exprEffects(p, fx);
      return;
    case 'binary':
      exprEffects(e.l, fx);
      return exprEffects(e.r, fx);
    case 'not':
      return exprEffects(e.e, fx);
    case 'cond':
      exprEffects(e.c, fx);
      exprEffects(e.t, fx);
      return exprEffects(e.f, fx);
    case 'array':
      for (const x of e.elems) exprEffects(x, fx);
      if (e.size) exprEffects(e.size, fx);
      return;
    case 'index':
      exprEffects(e.obj, fx);
      return exprEffects(e.key, fx);
    case 'fn':
      fx.unsupported = true;
      return;
  }
}

export function stmtEffects(s: Stmt, fx: Effects): void {
  switch (s.k) {
    case 'let':
      fx.writes.add(s.target.name);
      if (s.target.obj?.k === 'name') fx.writes.add(s.target.obj.id);
      if (s.target.obj) exprEffects(s.target.obj, fx);
      if (s.target.key) exprEffects(s.target.key, fx);
      if (s.type) exprEffects(s.type, fx);
      if (s.value) exprEffects(s.value, fx);
      return;
    case 'expr':
      return exprEffects(s.e, fx);
    case 'if':
      exprEffects(s.cond, fx);
      for (const x of [...s.then, ...s.else]) stmtEffects(x, fx);
      return;
    case 'loop':
      if (s.cond) exprEffects(s.cond, fx);
      for (const x of [...s.head, ...s.body]) stmtEffects(x, fx);
      return;
    case 'branch':
      for (const arm of s.arms) for (const x of arm) stmtEffects(x, fx);
      return;
    case 'return':
      if (s.e) exprEffects(s.e, fx);
      return;
    case 'func':
    case 'class':
      fx.unsupported = true;
      return;
  }
}

/**
 * Whether the word `name` at `p` is the whole target of a plain write by one of `body`'s statements or fields
 * (`label = ..`, `const label = ..`, `static final int LIMIT = 1;`; not `label += ..`, not `label.x = ..`),
 * spelled exactly so.
 */
export function plainWriteAt(body: readonly Stmt[], p: number, name: string): boolean {
  const s = statementAt(body, p);
  if (!s || s.k !== 'let' || (s.op !== undefined && s.op !== '=') || s.target.kind === 'index' || s.target.obj || s.target.key) return false;
  const t = s.target.node;
  return t.startIndex === p && t.endIndex === p + name.length && t.text === name && s.target.name.replace(/^[$@]+/, '') === name;
}

/** Whether nothing outside `members` reads any of `names` (a plain write elsewhere is no read). */
export function quiet(tree: Tree, members: Span[], names: Set<string>, overwrites: (p: number, n: string) => boolean): boolean {
  for (const n of names) {
    const at = occurrences(tree, n, members, true);
    if (at.length > 5000 || at.some((p) => readsName(tree.rootNode, p, n) && !overwrites(p, n))) return false;
  }
  return true;
}

/** The statement, field or function of `body` (in document order) whose span holds `p`. */
function statementAt(body: readonly Stmt[], p: number): Stmt | undefined {
  let lo = 0;
  let hi = body.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = anchor(body[mid]!);
    if (at.endIndex <= p) lo = mid + 1;
    else if (at.startIndex > p) hi = mid - 1;
    else return body[mid];
  }
  return undefined;
}

/** At most this many statements and functions are re-run with the members; more, and everything runs. */
const MAX_UNITS = 32;

/**
 * The code outside the members that the names they write or call reach, to re-run with them: the module-level
 * statements that read those names (and what their own writes and calls reach, in turn), the functions of the file
 * called by name (defined once at module level, calling no function of the file), and functions that read a
 * written name but that nothing calls and that call no function of the file. Then every other finding stays as
 * it was: nothing else reads what this code writes or returns, and a function's own writes stay its own. A string
 * names the first name whose reader is none of those (a class, a function that calls or is called, too many).
 * Module level only: a member name (`x.name`) there is another object's.
 */
export function reachedUnits(mod: Module, tree: Tree, text: string, languageId: string, members: Span[], names: Set<string>, overwrites: (p: number, n: string) => boolean): Node[] | string {
  const root = tree.rootNode;
  const units = new Map<number, Node>();
  const spans: Span[] = [...members];
  const queue = [...names];
  const checked = new Set<string>();
  // Calls no function of the file (its own name, where it is defined, counts as a call of `name(`).
  const callsNone = (fn: Node, own: string | undefined): boolean => {
    const inside: Span[] = [[fn.startIndex, fn.endIndex]];
    for (const c of callCounts(text, fn.startIndex, fn.endIndex).keys()) if (c !== own && definedOutside(tree, text, c, inside, languageId)) return false;
    return true;
  };
  const add = (n: Node): void => {
    units.set(n.startIndex, n);
    spans.push([n.startIndex, n.endIndex]);
  };
  while (queue.length > 0) {
    const n = queue.pop()!;
    if (checked.has(n)) continue;
    checked.add(n);
    const at = occurrences(tree, n, members, true);
    if (at.length > 5000) return n;
    for (const p of at) {
      if (spans.some(([s, e]) => p >= s && p < e) || !readsName(root, p, n) || overwrites(p, n) || memberAccessAt(text, p)) continue;
      const top = statementAt(mod.body, p);
      if (!top || top.k === 'class') return n;
      if (top.k === 'func') {
        const fn = top.fn.node;
        const own = top.fn.name;
        const definition = own === n && text.startsWith(n, p) && wordAt(root, p, n) === 'definition';
        // A function the members' code calls: defined once. One that reads a name: called by nothing.
        if (definition && mod.body.filter((x) => x.k === 'func' && x.fn.name === n).length !== 1) return n;
        if (!definition && own !== '' && !quiet(tree, [[fn.startIndex, fn.endIndex]], new Set([own]), () => false)) return n;
        if (!callsNone(fn, own)) return n;
        add(fn);
      } else {
        const node = anchor(top);
        const fx: Effects = { writes: new Set(), calls: new Set(), objects: new Set(), unsupported: false };
        stmtEffects(top, fx);
        if (fx.unsupported) return n;
        add(node);
        for (const w of [...fx.writes, ...fx.calls]) queue.push(w.replace(/^[$@]+/, ''));
      }
      if (units.size > MAX_UNITS) return n;
    }
  }
  return [...units.values()];
}
