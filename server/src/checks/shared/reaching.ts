import type { Node } from '../../engine/source/parse';
import { FUNCTION_TYPES, indexedTypes, isFunctionNode, isLargeScope, ownNodesOfTypes, ScopeCache } from './functionNodes';
import { constantKey, normalisePath, parametersOf, shapeOf } from './taintSyntax';
import { constantTruth } from './taintConditions';
import { argumentNodes } from './calls';

// Reaching definitions inside one function, for the taint engine: which writes of a name can reach a use. Each
// function is indexed once per tree by one walk inside tree-sitter (writes, mutating calls, loop variables,
// parameters, each with the branches around it); a use then reads only the writes of its own name. Flow-sensitive
// in the structured sense: a write kills the earlier ones when it runs on every path to the use (it sits in no
// branch the use is outside of); writes in a branch that can never run (`if (false)`) do not reach at all; a write
// later in a loop around the use reaches it through the loop.

export type DefKind = 'set' | 'append' | 'mutate' | 'param' | 'each';

export interface Def {
  /** A local name (`data`, `$q`, `@x`) or a field path (`this.name`, `self.name`, `obj.f`). */
  name: string;
  kind: DefKind;
  /** The assigned or added values (for `each`, the collection iterated). */
  values: Node[];
  /** For a mutation at a constant key (`m.put("a", v)`, `d["a"] = v`), or a destructured property (`{ id } = o`). */
  key?: string;
  /** The write statement, for the trace and for ordering (a write takes effect at its end). */
  node: Node;
  start: number;
  end: number;
  /** Where the write happens: set on first use (see placeOf), since most writes are never asked about. */
  place?: Place;
  /** A loop variable is written at the loop's head, inside the loop's body (this region). */
  head?: Region;
  paramIndex?: number;
}

/** The branch and loop bodies around an offset inside its function, and whether one of them can never run. */
export interface Place {
  regions: Region[];
  dead: boolean;
}

export interface Region {
  start: number;
  end: number;
  loop: boolean;
  /** The branch can never run (`if (false) {...}`, the else of `if (true)`, `while (false)`): decided on first use. */
  dead?: boolean;
  /** What decides it: the guarding condition, and which side of it this body is. */
  guard?: { cond: Node; side: 'then' | 'else' | 'loop'; locals: ReadonlyMap<string, unknown> };
}

/** Whether a branch can never run, from its guard's constant value (computed once, when first asked). */
function isDead(r: Region): boolean {
  if (r.guard) {
    const locals = r.guard.locals;
    const truth = constantTruth(r.guard.cond, (name) => locals.has(name));
    r.dead = truth === undefined ? false : r.guard.side === 'then' ? !truth : r.guard.side === 'else' ? truth : !truth;
    delete r.guard;
  }
  return r.dead === true;
}

export interface FunctionDefs {
  fn: Node;
  byName: Map<string, Def[]>;
  /** Every branch and loop body of the function, in document order (found by the same walk as the writes). */
  branches: Region[];
}

const ASSIGNMENTS = new Set(['assignment', 'assignment_expression', 'assignment_statement', 'short_var_declaration', 'augmented_assignment', 'augmented_assignment_expression', 'operator_assignment', 'compound_assignment_expr', 'reference_assignment_expression']);
const DECLARATORS = new Set(['variable_declarator', 'var_spec', 'const_spec']);
// `for_in_clause`: a Python comprehension's `for n in names`, which binds `n` for the whole comprehension.
const EACH = new Set(['enhanced_for_statement', 'for_in_statement', 'for_statement', 'foreach_statement', 'for_each_statement', 'range_clause', 'for', 'for_in_clause']);
const CALLS = new Set(['call', 'call_expression', 'method_invocation', 'invocation_expression', 'member_call_expression', 'function_call_expression']);
const RUBY_APPEND = new Set(['binary']);
const WRITE_TYPES = new Set([...ASSIGNMENTS, ...DECLARATORS, ...EACH, ...CALLS, ...RUBY_APPEND]);

/** Methods that put their argument(s) into the receiver: collections, builders, buffers, object streams. */
const MUTATORS = /^(add|addAll|addElement|addFirst|addLast|offer|offerFirst|offerLast|push|unshift|append|appendLine|extend|insert|put|putAll|putIfAbsent|set|setProperty|setdefault|update|write|print|println|writeObject|writeUTF|writeBytes|writeChars|Add|AddRange|Append|AppendLine|AppendFormat|Insert|Push|Enqueue|TryAdd|Write|WriteString|WriteLine|store|concat!|merge!|store)$/;
const KEYED_MUTATORS = /^(put|putIfAbsent|set|setProperty|setdefault|store|Add|TryAdd)$/;
const PHP_PUSH = /^(array_push|array_unshift)$/;

/**
 * Streams and writers made around another (`new ObjectOutputStream(bytes)`, `new StreamWriter(memory)`): what is
 * written to them lands in the one they wrap, which the code then reads (`bytes.toByteArray()`).
 */
const WRAPPING_STREAM = /(OutputStream|Writer|Output)$/;
/** The mutators that write through such a stream. */
const STREAM_WRITES = /^(write|writeObject|writeUTF|writeBytes|writeChars|Write|WriteLine)$/;
const CREATIONS = indexedTypes(['object_creation_expression']);

/** The variables the stream `name` was made around in its function (`out = new ObjectOutputStream(bytes)`: bytes). */
function wrappedBy(at: Node, name: string): string[] {
  let fn: Node | null = at.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn) return [];
  const out: string[] = [];
  for (const c of ownNodesOfTypes(fn, CREATIONS)) {
    const type = c.childForFieldName('type')?.text ?? '';
    if (!WRAPPING_STREAM.test(type)) continue;
    const holder = c.parent;
    const target = holder?.type === 'variable_declarator' ? holder.childForFieldName('name') : holder?.type === 'assignment_expression' ? holder.childForFieldName('left') : null;
    if (target?.text !== name) continue;
    const inner = argumentNodes(c)[0];
    const innerName = inner ? targetName(inner) : undefined;
    if (innerName && innerName !== name) out.push(innerName);
  }
  return out;
}

const CONDITIONALS = new Set(['if_statement', 'if', 'unless', 'elif_clause', 'else_clause', 'elsif', 'else', 'switch_block_statement_group', 'switch_rule', 'switch_case', 'switch_section', 'case_clause', 'expression_case', 'type_case', 'default_case', 'communication_case', 'when', 'case_statement', 'default_statement', 'match_arm', 'catch_clause', 'rescue', 'except_clause', 'conditional_expression', 'ternary_expression', 'try_statement', 'begin']);
const LOOPS = new Set(['while_statement', 'for_statement', 'enhanced_for_statement', 'for_in_statement', 'foreach_statement', 'do_statement', 'while', 'until', 'for', 'while_modifier', 'until_modifier']);
const INDEXED_TYPES = [...new Set([...WRITE_TYPES, ...CONDITIONALS, ...LOOPS, ...FUNCTION_TYPES])];
const OWN_TYPES = indexedTypes([...WRITE_TYPES, ...CONDITIONALS, ...LOOPS]);

/** The name a write target stands for: a local name, or a field path; undefined for anything else. */
export function targetName(n: Node): string | undefined {
  const t = n.type;
  if (t === 'identifier' || t === 'variable_name' || t === 'instance_variable' || t === 'shorthand_property_identifier_pattern') return n.text;
  const s = shapeOf(n);
  if (s.kind === 'member' && /^(identifier|this|self|variable_name|instance_variable)$/.test(s.object.type)) return normalisePath(n.text);
  return undefined;
}

function single(n: Node | null): Node[] {
  if (!n) return [];
  if (/^(expression_list|pattern_list|tuple_pattern|left_assignment_list|tuple)$/.test(n.type)) return n.namedChildren.filter((c): c is Node => c !== null);
  return [n];
}

/** The defs one node makes (an assignment, a declaration, a loop header, a mutating call). */
function defsOf(n: Node, push: (d: Omit<Def, 'dead' | 'regions' | 'start' | 'end'> & { at?: Node }) => void): void {
  const t = n.type;
  if (ASSIGNMENTS.has(t)) {
    const l = n.childForFieldName('left') ?? n.namedChild(0);
    const r = n.childForFieldName('right') ?? n.namedChild(n.namedChildCount - 1);
    if (!l || !r) return;
    const op = n.childForFieldName('operator')?.text ?? n.child(1)?.text ?? '=';
    const kind: DefKind = op === '=' || op === ':=' || op === '=&' ? 'set' : op === '+=' || op === '.=' || op === '<<=' || op === '??=' || op === '||=' ? 'append' : 'set';
    const lefts = single(l);
    const rights = single(r);
    lefts.forEach((target, i) => {
      const value = lefts.length === rights.length ? rights[i]! : r;
      const name = targetName(target);
      if (name) {
        push({ name, kind, values: [value], node: n });
        return;
      }
      const s = shapeOf(target);
      // a[i] = v, $a[] = v, d["k"] = v: the collection now holds v.
      if (s.kind === 'index') {
        const coll = targetName(s.object);
        const key = constantKey(s.index);
        if (coll) push({ name: coll, kind: 'mutate', values: [value], node: n, ...(key !== undefined ? { key } : {}) });
      }
    });
    return;
  }
  if (DECLARATORS.has(t)) {
    const nameNode = n.childForFieldName('name') ?? n.namedChild(0);
    const value = n.childForFieldName('value') ?? (n.namedChildCount > 1 ? n.namedChild(n.namedChildCount - 1) : null);
    if (!nameNode || !value || nameNode.startIndex === value.startIndex) return;
    if (nameNode.type === 'object_pattern' || nameNode.type === 'array_pattern') {
      // const { id, name: n } = req.query: each bound name reads one property of the value.
      for (const p of nameNode.namedChildren) {
        if (!p) continue;
        if (p.type === 'shorthand_property_identifier_pattern' || p.type === 'identifier') push({ name: p.text, kind: 'set', values: [value], node: n, ...(nameNode.type === 'object_pattern' ? { key: p.text } : {}) });
        else if (p.type === 'pair_pattern') {
          const v = p.childForFieldName('value');
          const k = p.childForFieldName('key');
          if (v && targetName(v)) push({ name: v.text, kind: 'set', values: [value], node: n, ...(k ? { key: k.text.replace(/^['"]|['"]$/g, '') } : {}) });
        }
      }
      return;
    }
    for (const nm of t === 'var_spec' || t === 'const_spec' ? n.childrenForFieldName('name') : [nameNode]) {
      if (nm) push({ name: nm.text, kind: 'set', values: single(value).length > 1 ? single(value) : [value], node: n });
    }
    return;
  }
  if (EACH.has(t)) {
    // for (String s : list), for x in xs, for (const x of xs), for _, v := range xs, foreach ($xs as $x)
    const target = n.childForFieldName('name') ?? n.childForFieldName('left') ?? n.childForFieldName('pattern');
    const coll = n.childForFieldName('value') ?? n.childForFieldName('right');
    if (!target || !coll || t === 'for_statement' && !n.childForFieldName('right')) {
      if (t === 'foreach_statement' && n.namedChildCount >= 2) {
        // php: foreach ($xs as $k => $v)
        const c0 = n.namedChild(0);
        const c1 = n.namedChild(1);
        if (c0 && c1) for (const nm of c1.type === 'pair' ? [c1.namedChild(1)] : [c1]) if (nm && targetName(nm)) push({ name: nm.text, kind: 'each', values: [c0], node: n });
      }
      return;
    }
    for (const nm of single(target)) if (targetName(nm)) push({ name: nm.text, kind: 'each', values: [coll], node: n });
    return;
  }
  if (CALLS.has(t)) {
    // Most calls mutate nothing: test the method name before building the call's shape.
    const nameNode = n.childForFieldName('name') ?? n.childForFieldName('method') ?? n.childForFieldName('function');
    const last = nameNode ? /[\w$!]+$/.exec(nameNode.text)?.[0] ?? '' : '';
    if (!MUTATORS.test(last) && !PHP_PUSH.test(last)) return;
    const s = shapeOf(n);
    if (s.kind !== 'call') return;
    if (s.receiver && MUTATORS.test(s.name)) {
      const coll = targetName(s.receiver);
      if (!coll || s.args.length === 0) return;
      const key = KEYED_MUTATORS.test(s.name) && s.args.length === 2 ? constantKey(s.args[0]) : undefined;
      const values = KEYED_MUTATORS.test(s.name) && s.args.length === 2 ? [s.args[1]!] : s.args;
      push({ name: coll, kind: 'mutate', values, node: n, ...(key !== undefined ? { key } : {}) });
      if (STREAM_WRITES.test(s.name)) for (const inner of wrappedBy(n, coll)) push({ name: inner, kind: 'mutate', values, node: n });
      return;
    }
    if (!s.receiver && PHP_PUSH.test(s.name)) {
      const args = argumentNodes(n);
      const coll = args[0] ? targetName(args[0]) : undefined;
      if (coll) push({ name: coll, kind: 'mutate', values: args.slice(1), node: n });
    }
    return;
  }
  if (t === 'binary' && n.childForFieldName('operator')?.text === '<<') {
    // ruby: list << x as a statement
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    const name = l ? targetName(l) : undefined;
    if (name && r && /^(body_statement|program|then|else|do|block_body)$/.test(n.parent?.type ?? '')) push({ name, kind: 'append', values: [r], node: n });
  }
}

/** The bodies a branch or loop node guards (every child but its condition), with the ones that can never run. */
function branchesOf(p: Node, out: Region[], locals: ReadonlyMap<string, unknown>): void {
  const loop = LOOPS.has(p.type);
  const cond = p.childForFieldName('condition');
  const alt = p.childForFieldName('alternative');
  for (const c of p.namedChildren) {
    if (!c || c.type === 'comment' || (cond && c.startIndex === cond.startIndex && c.endIndex === cond.endIndex)) continue;
    // A try's finally always runs; a do-while's body runs at least once.
    if (p.type === 'try_statement' && c.type === 'finally_clause') continue;
    const side = loop ? 'loop' : /else|elif|elsif/.test(c.type) || (alt !== null && alt.startIndex === c.startIndex) ? 'else' : 'then';
    const guard = cond && !(loop && p.type === 'do_statement') ? { guard: { cond, side, locals } as const } : {};
    out.push({ start: c.startIndex, end: c.endIndex, loop, ...guard });
  }
}

/** The regions around `offset` among a function's branches, and whether one of them is dead. */
export function placeOf(fd: FunctionDefs, offset: number): Place {
  const regions: Region[] = [];
  let dead = false;
  for (const b of fd.branches) {
    if (b.start > offset) break;
    if (offset < b.end) {
      regions.push(b);
      if (isDead(b)) dead = true;
    }
  }
  return { regions, dead };
}

function placed(fd: FunctionDefs, d: Def): Place {
  if (!d.place) {
    const p = placeOf(fd, d.start);
    d.place = d.head ? { regions: [...p.regions, d.head], dead: p.dead } : p;
  }
  return d.place;
}

const defsByScope = new ScopeCache<FunctionDefs>();

/** The defs of one function (or of the module's top level), indexed once per tree. */
export function functionDefs(fn: Node): FunctionDefs {
  const known = defsByScope.get(fn);
  if (known) return known;
  const byName = new Map<string, Def[]>();
  const add = (d: Def): void => {
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  };
  if (isFunctionNode(fn)) {
    for (const p of parametersOf(fn)) add({ name: p.name, kind: 'param', values: [], node: p.node, start: fn.startIndex, end: fn.startIndex, place: { regions: [], dead: false }, paramIndex: p.index });
  }
  const branches: Region[] = [];
  let nestedEnd = -1;
  // A large scope (a module) is walked past its nested functions, which the loop would skip anyway.
  const nodes = isLargeScope(fn) ? ownNodesOfTypes(fn, OWN_TYPES) : fn.descendantsOfType(INDEXED_TYPES);
  for (const n of nodes) {
    if (!n || n.startIndex < nestedEnd) continue;
    if (n.startIndex === fn.startIndex && n.endIndex === fn.endIndex) continue;
    if (isFunctionNode(n)) {
      nestedEnd = n.endIndex;
      continue;
    }
    if (CONDITIONALS.has(n.type) || LOOPS.has(n.type)) branchesOf(n, branches, byName);
    if (!WRITE_TYPES.has(n.type)) continue;
    defsOf(n, (d) => {
      // A comprehension's variable is written before its body, which comes first in the text (`[f(n) for n in ns]`).
      const comprehension = n.type === 'for_in_clause' ? n.parent : null;
      if (comprehension) {
        add({ ...d, start: comprehension.startIndex, end: comprehension.startIndex, head: { start: comprehension.startIndex, end: comprehension.endIndex, loop: true } });
        return;
      }
      const body = d.kind === 'each' ? n.childForFieldName('body') : null;
      add({ ...d, start: n.startIndex, end: body ? body.startIndex : n.endIndex, ...(body ? { head: { start: body.startIndex, end: body.endIndex, loop: true } } : {}) });
    });
  }
  // Children come after their parents in document order already; a stable sort by start keeps it so.
  branches.sort((a, b) => a.start - b.start);
  return defsByScope.set(fn, { fn, byName, branches });
}

const contains = (r: Region, at: number): boolean => r.start <= at && at < r.end;

/**
 * The defs of `name` that can reach `use` in its function, latest first; `undefined` when the function never
 * writes the name (a field, a global, a closure's variable).
 */
export function reachingDefs(fd: FunctionDefs, use: Node, name: string): Def[] | undefined {
  const defs = fd.byName.get(name);
  if (!defs) return undefined;
  const at = use.startIndex;
  const out: Def[] = [];
  // Source order is tree order; find the last def that completes before the use.
  let i = defs.length - 1;
  while (i >= 0 && !(defs[i]!.end <= at)) i--;
  for (let j = i; j >= 0; j--) {
    const d = defs[j]!;
    const p = placed(fd, d);
    if (p.dead) continue;
    out.push(d);
    if ((d.kind === 'set' || d.kind === 'param' || d.kind === 'each') && p.regions.every((r) => contains(r, at))) break;
  }
  // Through a loop: a write later in a loop body around the use reaches the next iteration.
  for (let j = i + 1; j < defs.length; j++) {
    const d = defs[j]!;
    if (d.start < at) continue;
    const p = placed(fd, d);
    if (!p.dead && p.regions.some((r) => r.loop && contains(r, at) && contains(r, d.start))) out.push(d);
  }
  return out;
}

/** True when `n` sits in a branch that can never run (`if (false) {...}`). */
export function isDeadCode(n: Node, fn: Node): boolean {
  return placeOf(functionDefs(fn), n.startIndex).dead;
}
