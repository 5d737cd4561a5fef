import { sourceOf, type Node, type Tree } from '../source/parse';
import { FILLERS, loweredModule, moduleModel, SELF, unitsModel, type SemanticModel } from '../semantic';
import type { Module, Stmt } from '../semantic/ir';
import { runSemanticPatterns, semanticKeywords } from '../match/semantic';
import { MAX_MATCHES_PER_RULE, type MatchInput, type RawFinding } from '../match/match';
import type { Rule } from '../types';
import { isFunctionNode, type IncrementalState, type RequeryPlan, type Span } from './incremental';
import type { RuleFailures } from './queryReuse';
import { anchor, plainWriteAt, quiet, reachedUnits, stmtEffects, within, type Effects } from './moduleReach';
import { callCounts, occurrences, possibleDefinition } from './nameUses';

// The semantic patterns after an edit outside every function (a module constant typed, a field added). The model
// evaluates module-level code first, then the functions, whose values can rest on that code; so the findings of
// the rest of the file carry over only when what the changed members (statements and fields, before and after the
// edit) write and call reaches nothing else, or only code that can be re-run with them (moduleReach.ts):
//  - the file's imports are the same, no function, lambda or class is among the members, and the classes around
//    them keep their names and whether the model evaluates them;
//  - the names they may write, and those they call by name or on this/self, occur nowhere else in the file but as
//    plain writes; at module level, the statements that read them, the file's functions they call (defined once,
//    calling none) and uncalled functions that read them are re-run with the members instead;
//  - the calls written in them (`name(`) change no count the evaluator keys on, unless that name is defined
//    nowhere in the file or is one of those functions (the count decides whether a function waits for its caller);
//  - every value that lands in them from a call came from a call in them or in the re-run code (a finding of an
//    `into:` pattern is reported at the call).
// Then the findings of the members (and of the re-run code) come from a model of the code outside functions
// (module statements and class fields, whose values are the full model's), or of the whole module evaluated for
// them when functions are re-run, and everything else carries over, shifted. Anything else runs in full.

const overlaps = ([s, e]: Span, [a, b]: Span): boolean => (a < b ? s < b && a < e : s < a && a < e);

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

/** Whether a value lands in the members from a call elsewhere (an `into:` finding would be reported there). */
function escapes(model: SemanticModel, members: Span[]): boolean {
  const inMembers = (n: Node): boolean => members.some((m) => within(n, m));
  return model.flows.some((f) => f.vals.origins.length > 0 && inMembers(f.node) && f.vals.origins.some((o) => !inMembers(o.node)));
}

/** Keeps what the next module-level edit needs of a full run. */
export function rememberSemanticRun(state: IncrementalState, tree: Tree, seen: Map<Rule, number>): void {
  state.semanticModule = { tree, model: undefined, pathKey: undefined, seen: new Map([...seen].map(([r, n]) => [r.id, n])) };
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
