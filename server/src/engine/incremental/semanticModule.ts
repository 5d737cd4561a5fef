import { sourceOf, type Node, type Tree } from '../source/parse';
import { wordOccurrences } from '../source/words';
import { FILLERS, loweredModule, moduleModel, MUTATORS, SELF, unitsModel, type SemanticModel } from '../semantic';
import type { Expr, Module, Stmt } from '../semantic/ir';
import { runSemanticPatterns, semanticKeywords } from '../match/semantic';
import { MAX_MATCHES_PER_RULE, type MatchInput, type RawFinding } from '../match/match';
import type { Rule } from '../types';
import { isFunctionNode, type IncrementalState, type RequeryPlan, type Span } from './incremental';
import type { RuleFailures } from './queryReuse';

// The semantic patterns after an edit outside every function (a module constant typed, a field added). The model
// evaluates module-level code first, then the functions, whose values can rest on that code; so the findings of
// the rest of the file carry over only when the changed members (statements and fields, before and after the
// edit) cannot reach anything else:
//  - the file's imports are the same, no function, lambda or class is among the members, and the classes around
//    them keep their names and whether the model evaluates them;
//  - no name they may write, and no name they call by name or on this/self, occurs anywhere else in the file
//    (so no other code reads what they write, and they run none of the file's functions with their arguments);
//  - the calls written in them (`name(`) change no count the evaluator keys on, unless that name is defined
//    nowhere in the file (the count decides whether a function waits for its first caller);
//  - every value that lands in them from a call came from a call in them (a finding of an `into:` pattern is
//    reported at the call).
// Then the changed members' findings come from a model of the code outside functions (module statements and
// class fields, whose values are the full model's: functions run only after all of them) and everything else
// carries over, shifted. Anything else runs in full, as before.

/** Where an IR statement is, for the member that holds it. */
function anchor(s: Stmt): Node {
  return s.k === 'expr' ? s.e.node : s.k === 'func' ? s.fn.node : s.node;
}

const within = (n: Node, [s, e]: Span): boolean => n.startIndex >= s && n.endIndex <= e;
const overlaps = ([s, e]: Span, [a, b]: Span): boolean => (a < b ? s < b && a < e : s < a && a < e);

interface Effects {
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

function stmtEffects(s: Stmt, fx: Effects): void {
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

/** Whether every non-blank character of `ranges` in `text` lies in one of `members`. */
function covered(text: string, ranges: Span[], members: Span[]): boolean {
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      if (/\s/.test(text[i]!)) continue;
      const m = members.find(([s, e]) => s <= i && i < e);
      if (!m) return false;
      i = m[1] - 1;
    }
  }
  return true;
}

type ClassStmt = Extract<Stmt, { k: 'class' }>;

const wantedClasses = new WeakMap<ClassStmt, boolean>();

/**
 * Whether the model evaluates a class (its text holds a keyword); once per class of a tree (a file-sized class).
 * `lower`: the tree's text lower-cased already, when there is one (the analysis lower-cases the document for its
 * keywords; lower-casing a file-sized class again cost half a millisecond per keystroke in 10,000 lines).
 */
function classWanted(cls: ClassStmt, keywords: readonly string[] | undefined, lower: string | undefined): boolean {
  let w = wantedClasses.get(cls);
  if (w === undefined) {
    const text = lower !== undefined ? lower.slice(cls.node.startIndex, cls.node.endIndex) : cls.node.text.toLowerCase();
    w = !keywords || keywords.some((k) => text.includes(k));
    wantedClasses.set(cls, w);
  }
  return w;
}

/** The code outside functions that a module-level edit changed, on one side of the edit. */
interface ModuleSide {
  /** The classes around the edit, outermost first (name, span, whether the model evaluates it). */
  path: { name: string; start: number; end: number; wanted: boolean }[];
  /** The span the changed members lie in (the file, or the innermost class's body). */
  container: Span;
  /** The container's statements and fields, in order. */
  stmts: Stmt[];
  /** The parts of the container's members (statements, fields, a class's header) the edit reaches, in order. */
  members: Span[];
  /** Classes whose header alone changed (modifiers, decorators): name and whether the model evaluates them. */
  headers: { name: string; wanted: boolean }[];
  /** Names the members may write, the names they call by name or on this/self, and those they read members of. */
  writes: string[];
  calls: string[];
  objects: string[];
  /** A function, lambda or class among the members, or a value of theirs from elsewhere (not sound to re-run alone). */
  unsupported: boolean;
}

/**
 * The members `ranges` reach, descending into the one class they lie in (its body), with what they may write and
 * call; undefined when the ranges touch anything else (a brace, text between members).
 */
function locate(mod: Module, root: Node, text: string, ranges: Span[], keywords: readonly string[] | undefined, lower?: string): ModuleSide | undefined {
  let container: Node = root;
  let stmts = mod.body;
  const path: ModuleSide['path'] = [];
  const reaches = (n: Node): boolean => ranges.some((r) => overlaps([n.startIndex, n.endIndex], r));
  for (;;) {
    const found: Node[] = [];
    const lo = Math.min(...ranges.map((r) => r[0]));
    const hi = Math.max(...ranges.map((r) => r[1]));
    // From the first member that ends after the ranges start (not every member of a large file).
    for (let c = container.firstNamedChildForIndex(lo); c && c.startIndex <= hi; c = c.nextNamedSibling) if (reaches(c)) found.push(c);
    const list = stmts;
    const classOf = (m: Node): ClassStmt | undefined => list.find((s): s is ClassStmt => s.k === 'class' && s.node.startIndex >= m.startIndex && s.node.endIndex <= m.endIndex);
    const only = found.length === 1 ? found[0]! : undefined;
    const cls = only ? classOf(only) : undefined;
    const body = cls?.node.childForFieldName('body');
    if (cls && body && ranges.every(([a, b]) => a >= body.startIndex && b <= body.endIndex && (a > body.startIndex || a < b))) {
      path.push({ name: cls.name, start: cls.node.startIndex, end: cls.node.endIndex, wanted: classWanted(cls, keywords, lower) });
      container = body;
      // Lowered once per tree: the sides are located more than once, and the model evaluates the same class.
      if (typeof cls.body === 'function') cls.body = cls.body();
      stmts = cls.body;
      continue;
    }
    const members: Span[] = [];
    const headers: ModuleSide['headers'] = [];
    const skip = new Set<Stmt>();
    for (const m of found) {
      // A class whose body the edit does not reach is the same class (its IR is its name and its body) unless
      // its name changed or whether its text holds a keyword: only its header around the body is a member.
      const c = classOf(m);
      const b = c?.node.childForFieldName('body');
      if (c && b && !reaches(b) && c.name !== '') {
        skip.add(c);
        headers.push({ name: c.name, wanted: classWanted(c, keywords, lower) });
        if (b.startIndex > m.startIndex) members.push([m.startIndex, b.startIndex]);
        if (m.endIndex > b.endIndex) members.push([b.endIndex, m.endIndex]);
      } else members.push([m.startIndex, m.endIndex]);
    }
    if (!covered(text, ranges, members) || ranges.some(([a, b]) => a < container.startIndex || b > container.endIndex)) return undefined;
    const fx: Effects = { writes: new Set(), calls: new Set(), objects: new Set(), unsupported: false };
    const membersEnd = Math.max(0, ...members.map((m) => m[1]));
    for (const s of stmts) {
      if (skip.has(s)) continue;
      const at = anchor(s);
      if (at.startIndex >= membersEnd) continue;
      if (members.some((m) => within(at, m))) stmtEffects(s, fx);
      else if (members.some((m) => overlaps([at.startIndex, at.endIndex], m))) fx.unsupported = true;
    }
    return { path, container: [container.startIndex, container.endIndex], stmts, members, headers, writes: [...fx.writes], calls: [...fx.calls], objects: [...fx.objects], unsupported: fx.unsupported };
  }
}

/**
 * The model of the module-level statements and of the fields of the classes around the members (the values the
 * members see in the full model: the other classes' fields cannot reach them, as nothing they write is mentioned
 * elsewhere and no name they read a member of is a class of the file).
 */
function sideModel(tree: Tree, languageId: string, side: ModuleSide): SemanticModel | undefined {
  const path = side.path.filter((c) => c.wanted);
  if (path.length !== side.path.length) return { calls: [], flows: [] };
  return moduleModel(tree, languageId, (n) => !isFunctionNode(n) && path.some((c) => c.start === n.startIndex && c.end === n.endIndex));
}

/**
 * The names a call in the members fills (evaluate.ts: a name handed to a filler such as `nextBytes`, or one that
 * holds a constant array, is written by the call).
 */
function filledNames(model: SemanticModel, members: Span[]): string[] {
  const out: string[] = [];
  for (const c of model.calls) {
    if (c.kind !== 'call' || !members.some((m) => within(c.node, m))) continue;
    const filler = FILLERS.has(c.nameNode.text);
    for (const a of c.args) if (a.expr.k === 'name' && (filler || a.vals.consts.some((v) => typeof v === 'object' && v !== null))) out.push(a.expr.id);
  }
  return out;
}

/**
 * How code reads the word `name` at `p`: not at all (a keyword, or part of a string or comment), as a name that
 * may be a definition's (its node is its parent's `name` field, unless the parent is a call: Java's and PHP's
 * calls name the method in a `name` field too), or as any other identifier (with any `$`/`@` sigil). One tree
 * lookup answers both questions the checks below ask.
 */
function wordAt(root: Node, p: number, name: string): 'none' | 'definition' | 'read' {
  const node = root.descendantForIndex(p, p + name.length);
  if (!node) return 'definition';
  if (!node.isNamed || /string|comment|content|fragment|escape/.test(node.type)) return 'none';
  if (node.text.replace(/^[$@]+/, '').toLowerCase() !== name.toLowerCase()) return 'none';
  if (node.text !== name) return 'definition';
  const parent = node.parent;
  const named = parent?.childForFieldName('name');
  // The node types a lowering makes a function of (lower/*.ts fnOf: function_definition, method_declaration,
  // local_function_statement, singleton_method, a C# property...) all say so; a parameter or a call does not.
  return named !== null && named !== undefined && named.id === node.id && /function|method|constructor|property|definition|declaration/.test(parent!.type) && !/call|invocation/.test(parent!.type) ? 'definition' : 'read';
}

/** Whether the word at `p` is `name` as code reads it. */
function readsName(root: Node, p: number, name: string): boolean {
  return wordAt(root, p, name) !== 'none';
}

/** Whether a value lands in the members from a call elsewhere (an `into:` finding would be reported there). */
function escapes(model: SemanticModel, members: Span[]): boolean {
  const inMembers = (n: Node): boolean => members.some((m) => within(n, m));
  return model.flows.some((f) => f.vals.origins.length > 0 && inMembers(f.node) && f.vals.origins.some((o) => !inMembers(o.node)));
}

/**
 * Whether the word `name` at `p` is the whole target of a plain write by one of `body`'s statements or fields
 * (`label = ..`, `const label = ..`, `static final int LIMIT = 1;`; not `label += ..`, not `label.x = ..`),
 * spelled exactly so.
 */
function plainWriteAt(body: readonly Stmt[], p: number, name: string): boolean {
  let lo = 0;
  let hi = body.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = anchor(body[mid]!);
    if (at.endIndex <= p) lo = mid + 1;
    else if (at.startIndex > p) hi = mid - 1;
    else {
      const s = body[mid]!;
      if (s.k !== 'let' || (s.op !== undefined && s.op !== '=') || s.target.kind === 'index' || s.target.obj || s.target.key) return false;
      const t = s.target.node;
      return t.startIndex === p && t.endIndex === p + name.length && t.text === name && s.target.name.replace(/^[$@]+/, '') === name;
    }
  }
  return false;
}

/** Keeps what the next module-level edit needs of a full run. */
export function rememberSemanticRun(state: IncrementalState, tree: Tree, seen: Map<Rule, number>): void {
  state.semanticModule = { tree, model: undefined, pathKey: undefined, seen: new Map([...seen].map(([r, n]) => [r.id, n])) };
}

const identifier = /[A-Za-z_$][\w$]*/g;

/** calledInFile's counts (evaluate.ts) of the identifiers that start in [start, end), looking past `end`. */
function callCounts(text: string, start: number, end: number): Map<string, number> {
  const counts = new Map<string, number>();
  identifier.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = identifier.exec(text)) !== null && m.index < end) {
    let i = identifier.lastIndex;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '(') counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

/** Offsets where `name` occurs as a whole word in the tree's text outside `skip` (sorted spans). */
function occurrences(tree: Tree, name: string, skip: Span[], ignoreCase = false): number[] {
  return wordOccurrences(tree, name, ignoreCase).filter((at) => !skip.some(([s, e]) => at >= s && at < e));
}

/**
 * Whether the identifier at `p` is written as a member (`x.name`, `$x->name`, `X::name`). Ruby's singleton method
 * definitions (`def self.name`, `def obj.name`) put a definition's name after a `.` too: those are not members here.
 */
function memberAccessAt(text: string, p: number): boolean {
  let i = p - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const c = text[i];
  const op = c === '.' ? 1 : (c === '>' && text[i - 1] === '-') || (c === ':' && text[i - 1] === ':') ? 2 : 0;
  if (op === 0) return false;
  const lineStart = text.lastIndexOf('\n', i) + 1;
  return !/(?:^|[\s;])def\s+[\w$]*\s*$/.test(text.slice(lineStart, i + 1 - op));
}

/** Whether the identifier `name` at `p` may name a definition (see wordAt). */
function possibleDefinition(root: Node, p: number, name: string): boolean {
  return wordAt(root, p, name) === 'definition';
}

/**
 * Whether re-evaluating the one function an edit lies in, on its own, gives the full model's findings (the
 * `partial` plan): not when the function is called in the file (a caller gives its parameters their values and
 * reads its result), nor when it calls a function of the file, old text or new (which then runs with its
 * arguments, and sees the fields as it left them).
 */
export function functionStandsAlone(tree: Tree, oldText: string, plan: Extract<RequeryPlan, { kind: 'partial' }>, languageId: string): boolean {
  // The document's text: the root node's own starts at the first token, and offsets count from the document's start.
  const text = sourceOf(tree.rootNode);
  const root = tree.rootNode;
  const inside: Span[] = [[plan.newStart, plan.newEnd]];
  let fn: Node | null = root.descendantForIndex(plan.newStart, Math.max(plan.newStart, plan.newEnd - 1));
  while (fn && !(fn.startIndex === plan.newStart && fn.endIndex === plan.newEnd)) fn = fn.parent;
  if (!fn) return false;
  const nameNode = fn.childForFieldName('name');
  const own = nameNode?.text;
  // Its own name elsewhere only where other functions of that name are defined (no call, no reference)...
  if (own !== undefined && own !== '') {
    const uses = occurrences(tree, own, inside);
    if (uses.length > 5000 || uses.some((p) => wordAt(root, p, own) === 'read')) return false;
    // ...and inside it only as its name (a recursive or self call may reach another function of that name).
    if (occurrences(tree, own, []).some((p) => p >= plan.newStart && p < plan.newEnd && p !== nameNode!.startIndex && readsName(root, p, own))) return false;
  }
  const called = new Set([...callCounts(oldText, plan.oldStart, plan.oldEnd).keys(), ...callCounts(text, plan.newStart, plan.newEnd).keys()]);
  const keywordFirst = Object.hasOwn(DEFINITION_KEYWORDS, languageId) ? DEFINITION_KEYWORDS[languageId] : undefined;
  for (const n of called) {
    if (n === own) continue;
    const at = occurrences(tree, n, inside);
    // A name right after `.`, `->` or `::` is a member access (`db.query(..)` elsewhere in the file), never a
    // definition's name, so most occurrences are settled from the text without a walk of the tree: a keystroke
    // stays independent of how often the file calls a method of the same name.
    if (at.length > 5000 || at.some((p) => !memberAccessAt(text, p) && !(keywordFirst && !afterDefinitionKeyword(text, p, keywordFirst)) && possibleDefinition(root, p, n))) return false;
  }
  return true;
}

/** Whether nothing outside `members` reads any of `names` (a plain write elsewhere is no read). */
function quiet(tree: Tree, members: Span[], names: Set<string>, overwrites: (p: number, n: string) => boolean): boolean {
  for (const n of names) {
    const at = occurrences(tree, n, members, true);
    if (at.length > 5000 || at.some((p) => readsName(tree.rootNode, p, n) && !overwrites(p, n))) return false;
  }
  return true;
}

/** The module-level statement or function whose span holds `p` (module-level code: `body` in document order). */
function topLevelAt(body: readonly Stmt[], p: number): Stmt | undefined {
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
function reachedUnits(mod: Module, tree: Tree, text: string, languageId: string, members: Span[], names: Set<string>, overwrites: (p: number, n: string) => boolean): Node[] | string {
  const root = tree.rootNode;
  const units = new Map<number, Node>();
  const spans: Span[] = [...members];
  const queue = [...names];
  const checked = new Set<string>();
  const keywordFirst = Object.hasOwn(DEFINITION_KEYWORDS, languageId) ? DEFINITION_KEYWORDS[languageId] : undefined;
  // Calls no function of the file (its own name, where it is defined, counts as a call of `name(`).
  const callsNone = (fn: Node, own: string | undefined): boolean => {
    const inside: Span[] = [[fn.startIndex, fn.endIndex]];
    for (const c of callCounts(text, fn.startIndex, fn.endIndex).keys()) {
      if (c === own) continue;
      const at = occurrences(tree, c, inside);
      if (at.length > 5000 || at.some((p) => !memberAccessAt(text, p) && !(keywordFirst && !afterDefinitionKeyword(text, p, keywordFirst)) && possibleDefinition(root, p, c))) return false;
    }
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
      const top = topLevelAt(mod.body, p);
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

/**
 * Languages whose definitions (the nodes possibleDefinition accepts) always follow a keyword on their line:
 * Python's `def`/`class`, Ruby's `def` (a Ruby `class` or `module` is no definition there). An occurrence
 * without it is settled from the text: a file that calls `len(` 3,000 times costs no tree lookup per call.
 */
const DEFINITION_KEYWORDS: Record<string, RegExp> = {
  python: /(?:^|[^\w$])(?:def|class)(?:\s|\\\n)+$/,
  ruby: /(?:^|[^\w$])def\s+(?:[\w$]+\s*(?:\.|::)\s*)?$/,
};

/** Whether the identifier at `p` follows its language's definition keyword (see DEFINITION_KEYWORDS). */
function afterDefinitionKeyword(text: string, p: number, keyword: RegExp): boolean {
  // Its line and the one before (Python allows `def \` with the name on the next line).
  const previousEnd = text.lastIndexOf('\n', p - 1);
  const from = previousEnd <= 0 ? 0 : text.lastIndexOf('\n', previousEnd - 1) + 1;
  return keyword.test(text.slice(from, p));
}

/** Widens [start, end) to whole identifiers and the blanks before a `(`, so the counts see every affected call. */
function widen(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0 && /[\w$ \t]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && /[\w$]/.test(text[e]!)) e++;
  return [s, e];
}

/**
 * The semantic findings after a `module` plan, or undefined when the edit may reach beyond the members it
 * changed (the caller then runs everything). `previous` are the last run's findings (old offsets).
 */
export function runSemanticModule(rules: readonly Rule[], input: MatchInput, failures: RuleFailures, plan: RequeryPlan, state: IncrementalState, previous: RawFinding[]): RawFinding[] | undefined {
  const no = (why: string): undefined => {
    state.semanticFallback = why;
    return undefined;
  };
  const sm = state.semanticModule;
  const tree = input.tree;
  const oldTree = state.tree;
  const oldText = state.text;
  if (plan.kind !== 'module' || !sm || !oldTree || sm.tree !== oldTree || !tree || oldText === undefined || failures.failed.size > 0) return no('no state');
  // The edit made or removed no function.
  if (plan.carriedOld.length !== plan.oldFunctions.length || plan.newFunctions.length !== plan.carriedNew.length) return no('functions changed');
  const keywords = semanticKeywords(rules, input, failures.failed);
  if (keywords === null) return no('no patterns');
  const languageId = input.doc.languageId;
  const mod = loweredModule(tree, languageId);
  if (!mod) return no('no lowering');
  const text = sourceOf(tree.rootNode);
  const delta = plan.newEditEnd - plan.oldEditEnd;
  const { editStart, oldEditEnd, newEditEnd } = plan;
  const toOld = (o: number, end: boolean): number => (o < editStart ? o : o >= newEditEnd ? o - delta : end ? oldEditEnd : editStart);
  // Offsets outside the edit move with it; one where text was inserted could belong before or after it.
  const toNew = (o: number): number | undefined => (o < editStart || (o === editStart && o < oldEditEnd) ? o : o > oldEditEnd || (o === oldEditEnd && o > editStart) ? o + delta : undefined);
  const spanToNew = ([s, e]: Span): Span => [toNew(s) ?? editStart, toNew(e) ?? newEditEnd];
  const spanToOld = ([s, e]: Span): Span => [toOld(s, false), toOld(e, true)];
  // The members on each side: those the changed ranges reach, and those that became or came from them (a
  // statement typed at its end grew: the old one ends where the edit starts).
  const oldMod = loweredModule(oldTree, languageId);
  if (!oldMod) return no('no lowering');
  // The same imports: they qualify every name of the file (an edit can also break the parse of one).
  if (JSON.stringify([mod.imports, mod.wildcards]) !== JSON.stringify([oldMod.imports, oldMod.wildcards])) return no('imports changed');
  const affectedOld = plan.affected.map(spanToOld);
  // The document's lower-cased text is the tree's where nothing was blanked before parsing (all but Python).
  const lower = languageId === 'python' || input.lower.length !== text.length ? undefined : input.lower;
  let now = locate(mod, tree.rootNode, text, plan.affected, keywords, lower);
  let old: ModuleSide | undefined;
  for (let round = 0; now && !now.unsupported && round < 3; round++) {
    old = locate(oldMod, oldTree.rootNode, oldText, [...affectedOld, ...now.members.map(spanToOld).filter(([a, b]) => a < b)], keywords);
    if (!old || old.unsupported) return no('old members unsupported');
    const next = locate(mod, tree.rootNode, text, [...plan.affected, ...old.members.map(spanToNew).filter(([a, b]) => a < b)], keywords, lower);
    if (next && JSON.stringify(next.members) === JSON.stringify(now.members)) break;
    now = next;
    old = undefined;
  }
  if (!now || now.unsupported || !old) return no('members unsupported');
  // The same classes around the members, evaluated or not alike; the same classes whose header alone changed.
  if (now.path.length !== old.path.length || now.path.some((c, i) => c.name !== old.path[i]!.name || c.start !== old.path[i]!.start || c.wanted !== old.path[i]!.wanted)) return no('classes around changed');
  if (JSON.stringify(now.headers) !== JSON.stringify(old.headers)) return no('class header changed');
  const oldKey = JSON.stringify(old.path);
  const oldModel = sm.model && sm.pathKey === oldKey ? sm.model : sideModel(oldTree, languageId, old);
  const model = sideModel(tree, languageId, now);
  if (!oldModel || !model) return no('no model');
  // Nothing else mentions what the members write or call, except the functions of the file only they call.
  const bare = (n: string): string => n.replace(/^[$@]+/, '');
  const called = new Set([...old.calls, ...now.calls].map(bare));
  const calledOrFilled = new Set([...called, ...filledNames(oldModel, old.members), ...filledNames(model, now.members)].map(bare));
  const written = [...old.writes, ...now.writes].map(bare);
  const mentions = new Set([...written, ...calledOrFilled].filter((n) => n.length > 0));
  // A name the members only write may also be written by another statement or field of their container (`label =
  // ...` typed again further down): a plain write there reads nothing, so no value of the members reaches it.
  const overwrites = (p: number, n: string): boolean => !calledOrFilled.has(n) && plainWriteAt(now.stmts, p, n);
  const reached = now.path.length === 0 ? reachedUnits(mod, tree, text, languageId, now.members, mentions, overwrites) : undefined;
  if (typeof reached === 'string' || (reached === undefined && !quiet(tree, now.members, mentions, overwrites))) return no(`name mentioned elsewhere: ${typeof reached === 'string' ? reached : [...mentions].find((n) => !quiet(tree, now.members, new Set([n]), overwrites))}`);
  const units = reached ?? [];
  // The members with the code their names reach, on both sides (that code's text is the same on both).
  const unitSpans: Span[] = units.map((u) => [u.startIndex, u.endIndex]);
  const nowSpans: Span[] = [...now.members, ...unitSpans];
  const oldSpans: Span[] = [...old.members, ...unitSpans.map(spanToOld)];
  const unitNames = new Set(units.filter((u) => isFunctionNode(u)).map((u) => u.childForFieldName('name')?.text ?? ''));
  // With such code, the whole model, evaluated for the members and it: a function runs with its first caller's arguments.
  const runModel = units.length === 0 ? model : unitsModel(tree, languageId, keywords, (n) => unitSpans.some((u) => within(n, u)));
  if (!runModel || escapes(oldModel, oldSpans) || escapes(runModel, nowSpans)) return no('value from elsewhere');
  // Counts of `name(` that changed belong to no function of the file.
  const oldInNew = old.members.map(spanToNew);
  const spans = [...now.members, ...plan.affected, ...oldInNew];
  const region = widen(text, Math.min(...spans.map((m) => m[0])), Math.max(...spans.map((m) => m[1])));
  const oldRegion = widen(oldText, toOld(region[0], false), toOld(region[1], true));
  const before = callCounts(oldText, oldRegion[0], oldRegion[1]);
  const after = callCounts(text, region[0], region[1]);
  for (const n of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(n) === after.get(n) || unitNames.has(n)) continue;
    const at = occurrences(tree, n, [region]);
    if (at.length > 200) return no('call count');
    if (at.some((p) => possibleDefinition(tree.rootNode, p, n))) return no('call count of a definition');
  }
  // Inside a class, a name the members read a member of (`X.y`) is no class defined elsewhere in the file (the
  // classes evaluated so far decide what `X.y` reads).
  if (now.path.length > 0) {
    for (const n of new Set([...old.objects, ...now.objects])) {
      if (SELF.has(n)) continue;
      const at = occurrences(tree, n, now.members);
      if (at.length > 200 || at.some((p) => possibleDefinition(tree.rootNode, p, n))) return no('class name read');
    }
  }
  // The findings of the members (and of the functions only they call), from the model of the code outside
  // functions (with those functions).
  const inNow = (n: Node): boolean => nowSpans.some((m) => within(n, m));
  const part: SemanticModel = { calls: runModel.calls.filter((c) => inNow(c.node)), flows: runModel.flows.filter((f) => inNow(f.node)) };
  const seen = new Map<Rule, number>();
  const fresh: RawFinding[] = [];
  runSemanticPatterns(rules, input, failures.failed, failures.fail, fresh, undefined, failures.capped, { model: part, seen });
  if (failures.failed.size > 0) return no('rule failed');
  // The whole file's count of examined matches stays under the cap: a bound, since the old members' share is not known.
  const bounds = new Map(sm.seen);
  for (const [r, n] of seen) bounds.set(r.id, (bounds.get(r.id) ?? 0) + n);
  if ([...bounds.values()].some((n) => n > MAX_MATCHES_PER_RULE)) return no('match cap');
  // Everything else carries over, shifted.
  const inOld = (s: number, e: number): boolean => oldSpans.some((m) => overlaps(m, [s, Math.max(e, s + 1)]));
  const out: RawFinding[] = [];
  for (const f of previous) {
    if (inOld(f.start, f.end)) continue;
    const start = toNew(f.start);
    const end = toNew(f.end);
    if (start === undefined || end === undefined) return no('finding in the edit');
    const fixes: RawFinding['fixes'] = [];
    for (const x of f.fixes) {
      const edits: typeof x.edits = [];
      for (const e of x.edits) {
        // An edit outside the finding (an import to add) rests on the rest of the file: see carryModule.
        if (inOld(e.start, e.end) || ((e.start < f.start || e.end > f.end) && e.end >= editStart)) return no('fix outside the finding');
        const s = toNew(e.start);
        const t = toNew(e.end);
        if (s === undefined || t === undefined) return no('fix in the edit');
        edits.push({ ...e, start: s, end: t });
      }
      fixes.push({ ...x, edits });
    }
    const anchors = f.anchors?.map(toNew);
    if (anchors?.some((a) => a === undefined)) return no('anchor in the edit');
    if (f.flow?.some((s) => inOld(s.start, s.end))) return no('flow in the members');
    const flow = f.flow?.map((s) => ({ ...s, start: toNew(s.start), end: toNew(s.end) }));
    if (flow?.some((s) => s.start === undefined || s.end === undefined)) return no('flow in the edit');
    out.push(delta === 0 ? f : { ...f, start, end, fixes, ...(anchors ? { anchors: anchors as number[] } : {}), ...(flow ? { flow: flow as { start: number; end: number; message: string }[] } : {}) });
  }
  out.push(...fresh.filter((f) => nowSpans.some((m) => f.start >= m[0] && f.end <= m[1])));
  state.semanticModule = { tree, model, pathKey: JSON.stringify(now.path), seen: bounds };
  return out;
}
