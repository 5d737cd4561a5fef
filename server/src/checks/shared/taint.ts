import type { Node } from '../../engine/source/parse';
import { enclosingFunction } from './ast';
import { isConstantExpression } from './constants';
import { isFunctionNode } from './functionNodes';
import { functionDefs, reachingDefs, type Def } from './reaching';
import { outsideSources, sourcesFor, type LanguageSources } from './taintSpecs';
import { arityOf, constantKey, dictKey, functionName, iteratedInto, parametersOf, shapeOf, type Shape } from './taintSyntax';
import { callersOf, calleesOf, fieldName, fieldValues, namedSites, recordDependency, returnedValues } from './taintSummaries';
import { recordsFacts, treeFact } from '../../engine/incremental/documentFacts';
import { callCount } from '../../engine/source/words';
import { safeReasonOfUse, type SafeSink } from './safeValues';
import { fieldDeclaration } from './taintFields';
import { describeSource, extend, quote, stepAt, traceSteps, type Trace } from './taintTrace';
import { calleeKeys } from './taintNames';

// Taint: can a value at a sink come from outside the program, and by which path? Computed on demand from the sink
// backwards: an expression is tainted when a source (rules/taint/sources.yaml) flows into it through assignments
// (reaching.ts), string building, conversions, collections, object fields, or calls to functions of the same file
// (their returns, summarised per function and memoised per tree). A value that reaches the sink from a parameter is
// followed to the callers in the file; a parameter of a function with no caller here is weaker evidence (the
// finding gets medium confidence); any other value (a constant, an unknown call's result on clean arguments) is
// not tainted at all. Each node is evaluated once per tree and sanitiser, so a file costs at most one pass over
// the expressions that reach its sinks, whatever the number of sinks.

export interface Taint {
  /** A source reaches the value: the path from it. */
  source?: Trace;
  /** Parameters of the value's own function that reach it, by index: resolved through the callers. */
  params?: Map<number, Trace>;
  /** A parameter of a function with no caller in this file reaches it. */
  weak?: Trace;
  /** Every such parameter, for callers in other files of a scan (taintScope.ts); `weak` is the first. */
  open?: OpenParam[];
  /** In a scan across files: what functions of other files return reaches the value (settled by the scan). */
  returns?: ReturnedBy[];
  /** Text is built around the tainted part (concatenation, interpolation, formatting). */
  built: boolean;
}

export const CLEAN: Taint = { built: false };

/** A parameter of a function nothing in this file calls, and the path from it. */
export interface OpenParam {
  fn: Node;
  index: number;
  trace: Trace;
}

/** The result of a call to a function another file of the scan may define (taintNames.ts), and the path from it. */
export interface ReturnedBy {
  callee: string;
  trace: Trace;
}

function mergeReturns(a: ReturnedBy[] | undefined, b: ReturnedBy[] | undefined): ReturnedBy[] | undefined {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  return [...a, ...b.filter((r) => !a.some((x) => x.callee === r.callee))];
}

function mergeOpen(a: OpenParam[] | undefined, b: OpenParam[] | undefined): OpenParam[] | undefined {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  const out = [...a];
  for (const o of b) if (!out.some((x) => x.index === o.index && x.fn.startIndex === o.fn.startIndex && x.fn.endIndex === o.fn.endIndex)) out.push(o);
  return out;
}

export interface TaintOptions {
  /** Calls (over their normalised callee path) whose result is safe for this sink. */
  sanitizer?: RegExp;
  /** The kind of sink, for the shared safe-value facts (numbers, allow-lists, this sink's escapers); default any. */
  sink?: SafeSink;
  /** Part of a scan across files: calls into other files are followed as `returns` (see ReturnedBy). */
  crossFile?: boolean;
  /** Only sources of origin `outside` count (rules/taint/sources.yaml): the operator's environment is no attacker. */
  outsideOnly?: boolean;
}

interface Env {
  lang: string;
  sources: LanguageSources;
  sanitizer?: RegExp;
  sink: SafeSink;
  crossFile: boolean;
  memo: Map<string, Taint | null>;
  summaries: Map<string, Taint | null>;
}

const COMPREHENSIONS = /^(list_comprehension|generator_expression|set_comprehension|dictionary_comprehension)$/;
const FORMAT = /^(format|Sprintf|sprintf|vsprintf|Format|concat|Concat|join|Join|formatted|printf|String\.format|String\.join)$/;
/** Getters that read one element: with a constant key, only what was stored at that key flows. */
const GETTERS = /^(get|getOrDefault|opt|optString|fetch|Get|GetValueOrDefault|getProperty|getAttribute|getParameter|dig|elementAt|ElementAt)$/;

/** Methods that return (part of) the text or the elements of their receiver. */
const TEXT_METHODS = /^(toString|to_s|String|trim|strip|lstrip|rstrip|trimStart|trimEnd|Trim|TrimStart|TrimEnd|substring|substr|slice|Substring|subSequence|toLowerCase|toUpperCase|lower|upper|ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|downcase|upcase|capitalize|replace|replaceAll|replaceFirst|Replace|sub|gsub|split|Split|splitlines|rsplit|partition|join|Join|concat|Concat|format|Format|formatted|encode|decode|normalize|intern|repeat|padStart|padEnd|PadLeft|PadRight|charAt|get|getOrDefault|elementAt|first|last|next|nextToken|nextElement|iterator|values|keys|items|entrySet|getKey|getValue|toArray|ToArray|ToList|toList|stream|map|filter|flatMap|reduce|collect|orElse|fetch|dig|pop|shift|peek|poll|remove|chars|bytes|getBytes|lines|readLine|read|readObject|readUnshared|readUTF|toByteArray|strip_tags|expandtabs|casefold|title|ljust|rjust|center|zfill|with_suffix|resolve|toPath|toURI|toURL|getPath|getAbsolutePath|getCanonicalPath|ToString|Value|value|unescape|unquote|urldecode|rawurldecode|b64decode|decodeURIComponent|decodeURI|QueryUnescape|PathUnescape|UrlDecode|HtmlDecode|valueOf|Sprint|Sprintf|Join|str|String|strval|toJSON)$/;

const envs = new WeakMap<object, Map<string, Env>>();

function envFor(node: Node, lang: string, opts: TaintOptions): Env {
  let byKey = envs.get(node.tree);
  if (!byKey) envs.set(node.tree, (byKey = new Map()));
  const key = `${lang}/${opts.sink ?? 'any'}/${opts.sanitizer?.source ?? ''}/${opts.crossFile ? 'x' : ''}/${opts.outsideOnly ? 'outside' : 'all'}`;
  let env = byKey.get(key);
  if (!env) {
    env = { lang, sources: opts.outsideOnly ? outsideSources(sourcesFor(lang)) : sourcesFor(lang), sink: opts.sink ?? 'any', crossFile: opts.crossFile === true, memo: new Map(), summaries: new Map() };
    if (opts.sanitizer) env.sanitizer = opts.sanitizer;
    byKey.set(key, env);
  }
  return env;
}

function merge(a: Taint, b: Taint): Taint {
  if (b === CLEAN) return a;
  if (a === CLEAN) return b;
  let params = a.params;
  if (b.params) {
    params = new Map(a.params ?? []);
    for (const [i, t] of b.params) if (!params.has(i)) params.set(i, t);
  }
  const out: Taint = { built: a.built || b.built };
  const source = a.source ?? b.source;
  const weak = a.weak ?? b.weak;
  const open = mergeOpen(a.open, b.open);
  const returns = mergeReturns(a.returns, b.returns);
  if (returns) out.returns = returns;
  if (source) out.source = source;
  if (weak) out.weak = weak;
  if (open) out.open = open;
  if (params && params.size > 0) out.params = params;
  return out;
}

function isTainted(t: Taint): boolean {
  return Boolean(t.source || t.weak || (t.params && t.params.size > 0) || (t.returns && t.returns.length > 0));
}

/** Every trace of `t` extended by one step at `node`. */
function through(t: Taint, node: Node, message: string, built?: boolean): Taint {
  if (!isTainted(t)) return built ? t : t;
  const out: Taint = { built: built ?? t.built };
  const s = extend(t.source, node, message);
  const w = extend(t.weak, node, message);
  if (s) out.source = s;
  if (w) out.weak = w;
  if (t.open) out.open = t.open.map((o) => ({ ...o, trace: extend(o.trace, node, message)! }));
  if (t.returns) out.returns = t.returns.map((r) => ({ ...r, trace: extend(r.trace, node, message)! }));
  if (t.params) {
    const p = new Map<number, Trace>();
    for (const [i, tr] of t.params) p.set(i, extend(tr, node, message)!);
    out.params = p;
  }
  return out;
}

/** `inner` (a trace that starts at a parameter or inside a callee) re-rooted on top of `outer`. */
function reroot(outer: Trace | undefined, inner: Trace): Trace | undefined {
  if (!outer) return undefined;
  let t: Trace = outer;
  for (const s of traceSteps(inner, Infinity)) t = { step: s, prev: t };
  return t;
}

function source(kind: string, node: Node): Taint {
  return { source: stepAt(node, describeSource(kind, node)), built: false };
}

function matchSource(list: LanguageSources['calls'], path: string, receiver?: Node | null, key?: string, firstArgument?: Node): string | undefined {
  for (const s of list) {
    if (!s.path.test(path)) continue;
    if (s.key && (key === undefined || !s.key.test(key))) continue;
    if (s.argument && !(firstArgument && s.argument.test(firstArgument.text))) continue;
    if (s.receiverType && !(receiver && receiverTypeMatches(receiver, s.receiverType))) continue;
    return s.kind;
  }
  return undefined;
}

function receiverTypeMatches(receiver: Node, type: RegExp): boolean {
  if (receiver.type !== 'identifier') return type.test(receiver.text);
  const fd = functionDefs(enclosingFunction(receiver));
  const defs = fd.byName.get(receiver.text) ?? [];
  // The declared type of a Java / C# local or parameter sits on its declaration.
  return defs.some((d) => {
    const decl = d.kind === 'param' ? d.node : d.node.parent;
    const t = decl?.childForFieldName('type')?.text;
    return t !== undefined && type.test(t);
  });
}

/** The taint of `node`, restricted to what is stored at `key` when the value is a collection. */
function evaluate(env: Env, node: Node, key: string | undefined, depth: number): Taint {
  if (depth > 60) return CLEAN;
  const memoKey = `${node.startIndex}:${node.endIndex}:${node.type}:${key ?? ''}`;
  const known = env.memo.get(memoKey);
  if (known !== undefined) return known ?? CLEAN;
  env.memo.set(memoKey, null);
  const out = compute(env, node, key, depth);
  env.memo.set(memoKey, out);
  return out;
}

function union(env: Env, parts: Node[], key: string | undefined, depth: number): Taint {
  let acc = CLEAN;
  for (const p of parts) acc = merge(acc, evaluate(env, p, key, depth + 1));
  return acc;
}

function compute(env: Env, node: Node, key: string | undefined, depth: number): Taint {
  const s: Shape = shapeOf(node);
  // Numbers, booleans, allow-listed values and this sink's escapers carry no text that changes the sink's syntax
  // (safeValues.ts). Compound shapes are left to their parts, so each part is asked once; a cast (`(int) $x`),
  // which the shapes see through, is asked itself. An escaper that is safe only between quotes
  // (`mysqli_real_escape_string`) is left to the sink, which knows the quoting. A comprehension is asked too: its
  // elements are what its body gives (`[escape(v) for v in vs]`), not the collection it iterates.
  if (s.kind !== 'clean' && s.kind !== 'dict' && (s.kind !== 'union' || node.type === 'cast_expression' || COMPREHENSIONS.test(node.type))) {
    const reason = safeReasonOfUse(node, env.sink);
    if (reason !== undefined && reason !== 'quoted-escape') return CLEAN;
  }
  switch (s.kind) {
    case 'clean':
      return CLEAN;
    case 'call':
      return call(env, node, s, depth);
    case 'new': {
      if (env.sanitizer?.test(s.path)) return CLEAN;
      const t = union(env, s.args, undefined, depth);
      return isTainted(t) ? through(t, node, `wrapped in ${quote(`new ${s.path}(…)`)}`) : CLEAN;
    }
    case 'member': {
      const kind = matchSource(env.sources.members, s.path) ?? (node.type === 'call' ? matchSource(env.sources.calls, s.path) : undefined);
      if (kind) return source(kind, node);
      if (isConstantExpression(node)) return CLEAN;
      // Ruby's `count.to_i` is a call without parentheses: sanitisers and conversions apply to it.
      if (node.type === 'call' && [s.path, s.property].some((x) => env.sanitizer?.test(x) || env.sources.clean?.test(x))) return CLEAN;
      const f = fieldName(node);
      if (f) return field(env, node, f, depth);
      const local = named(env, node, s.path, undefined, depth, true);
      if (local) return local;
      // A property of a tainted object is tainted (req.query.name, cookie.value).
      const t = evaluate(env, s.object, s.property, depth + 1);
      return isTainted(t) ? through(t, node, `read as ${quote(node)}`) : CLEAN;
    }
    case 'index': {
      const t = evaluate(env, s.object, constantKey(s.index), depth + 1);
      return isTainted(t) ? through(t, node, `element ${quote(node)}`) : CLEAN;
    }
    case 'name': {
      const kind = matchSource(env.sources.names, s.name, undefined, key);
      if (kind) return source(kind, node);
      if (isConstantExpression(node)) return CLEAN;
      if (node.type === 'instance_variable') return field(env, node, s.name.slice(1), depth);
      return named(env, node, s.name, key, depth, false) ?? CLEAN;
    }
    case 'union': {
      const t = union(env, s.parts, key, depth);
      return s.built && isTainted(t) ? { ...t, built: true } : t;
    }
    case 'dict': {
      let acc = CLEAN;
      for (const p of s.pairs) {
        const k = dictKey(p.key);
        if (key !== undefined && k !== undefined && k !== key) continue;
        acc = merge(acc, evaluate(env, p.value, undefined, depth + 1));
      }
      return acc;
    }
    case 'other': {
      const kids = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      return kids.length > 0 && kids.length < 8 ? union(env, kids, undefined, depth) : CLEAN;
    }
  }
}

function call(env: Env, node: Node, s: Extract<Shape, { kind: 'call' }>, depth: number): Taint {
  const kind = matchSource(env.sources.calls, s.path, s.receiver, undefined, s.args[0]);
  if (kind) return source(kind, node);
  if (env.sanitizer?.test(s.path) || env.sanitizer?.test(s.name)) return CLEAN;
  if (env.sources.clean?.test(s.path) || env.sources.clean?.test(s.name)) return CLEAN;
  // A function of this file: what its summary says flows from the arguments (and from sources inside it).
  const callees = calleesOf(node, s.name, s.receiver, s.args.length);
  if (callees.length > 0) {
    depend(env, node, 'function', s.name);
    let acc = CLEAN;
    for (const fn of callees) acc = merge(acc, throughCall(env, node, fn, s.args, depth));
    return acc;
  }
  const passed = passThrough(env, node, s, depth);
  // A function another file of the scan may define: what it returns is settled by the scan.
  if (!env.crossFile) return passed;
  const keys = calleeKeys(node, env.lang);
  if (keys.length === 0) return passed;
  const at = stepAt(node, `returned by ${quote(`${s.name}(…)`)} of another file`);
  return merge(passed, { built: false, returns: keys.map((callee) => ({ callee, trace: at })) });
}

/** An unknown call: what its receiver and arguments pass on. */
function passThrough(env: Env, node: Node, s: Extract<Shape, { kind: 'call' }>, depth: number): Taint {
  // m.get("b"): only what was stored under "b".
  if (s.receiver && GETTERS.test(s.name) && s.args.length >= 1) {
    const k = constantKey(s.args[0]);
    if (k !== undefined) {
      const t = evaluate(env, s.receiver, k, depth + 1);
      return isTainted(t) ? through(t, node, `read back by ${quote(node)}`) : CLEAN;
    }
  }
  // Anything else passes on what goes in: conversions, decoding, trimming, builders, formatting. From a receiver
  // that is only a parameter (no source proven), only the text operations: `request.getContextPath()` on a
  // request parameter is no evidence of input, `name.trim()` on a string parameter is.
  const fromReceiver = s.receiver ? evaluate(env, s.receiver, undefined, depth + 1) : CLEAN;
  const fromArgs = union(env, s.args, undefined, depth);
  const t = merge(fromReceiver, fromArgs);
  if (!isTainted(t)) return CLEAN;
  // Weak evidence (a parameter, no source) goes only through text operations: `request.getContextPath()` or
  // `helper.load(request)` on a parameter is no sign of input; `name.trim()`, `decode(name)` are.
  if (!t.source && !TEXT_METHODS.test(s.name) && !FORMAT.test(s.name)) return CLEAN;
  // Formatting builds text around what it inserts; a template (`fmt.format(...)`) filled only with clean values
  // is handed on as it came, built or not.
  const formats = (FORMAT.test(s.name) || FORMAT.test(s.path)) && (isTainted(fromArgs) || !s.receiver);
  return through(t, node, `passed through ${quote(`${s.path}(…)`)}`, t.built || formats);
}

/** The taint a call to `fn` returns, given its arguments. */
function throughCall(env: Env, call: Node, fn: Node, args: Node[], depth: number): Taint {
  const sum = summary(env, fn, depth);
  const name = functionName(fn) ?? 'function';
  let out: Taint = { built: sum.built };
  if (sum.source) out.source = extend(sum.source, call, `returned by ${quote(name)}`)!;
  if (sum.weak) out.weak = extend(sum.weak, call, `returned by ${quote(name)}`)!;
  if (sum.returns) out.returns = sum.returns.map((r) => ({ ...r, trace: extend(r.trace, call, `returned by ${quote(name)}`)! }));
  if (sum.params) {
    const params = parametersOf(fn);
    for (const [i, inner] of sum.params) {
      const arg = args[i];
      if (!arg) continue;
      const a = evaluate(env, arg, undefined, depth + 1);
      if (!isTainted(a)) continue;
      const passed = through(a, arg, `passed to ${quote(name)} as ${quote(params.find((p) => p.index === i)?.name ?? `argument ${i + 1}`)}`);
      const mapped: Taint = { built: a.built || sum.built };
      const src = reroot(passed.source, inner);
      const weak = reroot(passed.weak, inner);
      if (src) mapped.source = extend(src, call, `returned by ${quote(name)}`)!;
      if (weak) mapped.weak = extend(weak, call, `returned by ${quote(name)}`)!;
      if (passed.params) {
        const p = new Map<number, Trace>();
        for (const [j, tr] of passed.params) p.set(j, extend(reroot(tr, inner), call, `returned by ${quote(name)}`)!);
        mapped.params = p;
      }
      out = merge(out, mapped);
    }
  }
  return out;
}

/** What `fn` returns in terms of sources and its own parameters; memoised per tree (a recursive call sees CLEAN). */
function summary(env: Env, fn: Node, depth: number): Taint {
  const key = `${fn.startIndex}:${fn.endIndex}`;
  const known = env.summaries.get(key);
  if (known !== undefined) return known ?? CLEAN;
  env.summaries.set(key, null);
  let acc = CLEAN;
  for (const v of returnedValues(fn)) acc = merge(acc, through(evaluate(env, v, undefined, depth + 1), v, 'returned'));
  env.summaries.set(key, acc);
  return acc;
}

/** A local name (or a field path such as `obj.f`) at `use`: the defs that reach it. */
function named(env: Env, use: Node, name: string, key: string | undefined, depth: number, pathOnly: boolean): Taint | undefined {
  const fn = enclosingFunction(use);
  const fd = functionDefs(fn);
  const defs = reachingDefs(fd, use, name);
  if (!defs) {
    if (pathOnly) return undefined;
    // Not written in this function: a field of the object (Java, C# bare field names), a closure's variable,
    // or a module-level name.
    const f = fieldValues(use.tree.rootNode, name);
    depend(env, use, 'field', name);
    if (f.declared || f.writes.length > 0) return field(env, use, name, depth);
    // Module-level names (and the enclosing function's, for a closure): an edit there must re-check this use.
    recordDependency(use, 'module', name);
    const outer = fn.parent ? enclosingFunction(fn) : undefined;
    if (outer && isFunctionNode(fn) && outer.startIndex <= fn.startIndex && !(outer.startIndex === fn.startIndex && outer.endIndex === fn.endIndex)) {
      const od = functionDefs(outer);
      const all = od.byName.get(name);
      if (all) return defsTaint(env, all, name, key, depth);
    }
    return CLEAN;
  }
  return defsTaint(env, defs, name, key, depth);
}

function defsTaint(env: Env, defs: Def[], name: string, key: string | undefined, depth: number): Taint {
  let acc = CLEAN;
  for (const d of defs) {
    if (d.kind === 'param') {
      acc = merge(acc, parameter(env, d, name, depth));
      continue;
    }
    // A mutation at another constant key does not change what `key` holds.
    if (key !== undefined && d.key !== undefined && d.key !== key && d.kind === 'mutate') continue;
    // Destructuring reads one property of the value.
    const k = d.kind === 'set' && d.key !== undefined ? d.key : d.kind === 'mutate' ? undefined : key;
    const t = union(env, d.values, k, depth);
    if (!isTainted(t)) continue;
    const verb = d.kind === 'mutate' ? `stored in ${quote(name)}` : d.kind === 'each' ? `iterated into ${quote(name)}` : d.kind === 'append' ? `appended to ${quote(name)}` : `assigned to ${quote(name)}`;
    acc = merge(acc, through(t, d.node, verb));
  }
  return acc;
}

function parameter(env: Env, d: Def, name: string, depth: number): Taint {
  const fn = enclosingFunction(d.node);
  // The element parameter of an iteration callback holds what the collection iterated holds.
  const coll = iteratedInto(fn, d.paramIndex ?? 0);
  if (coll) {
    const t = evaluate(env, coll, undefined, depth + 1);
    return isTainted(t) ? through(t, d.node, `iterated into ${quote(name)}`) : CLEAN;
  }
  const text = d.node.text;
  for (const p of env.sources.parameters) if (p.annotation.test(text) || p.annotation.test(d.node.childForFieldName('value')?.text ?? '')) return source(p.kind, d.node);
  const fname = functionName(fn) ?? '';
  if (env.sources.entry?.test(fname)) return source('command-line argument', d.node);
  const params = new Map<number, Trace>();
  const at = d.node.childForFieldName('name') ?? d.node.childForFieldName('pattern') ?? d.node;
  params.set(d.paramIndex ?? 0, stepAt(at, `parameter ${quote(name)} of ${quote(fname || 'function')}`));
  return { params, built: false };
}

/** An object field: every write to it in the file (and its initial value). */
function field(env: Env, use: Node, name: string, depth: number): Taint {
  depend(env, use, 'field', name);
  const f = fieldValues(use.tree.rootNode, name);
  if (env.sources.fields.length > 0) {
    const decl = fieldDeclaration(use.tree.rootNode, name);
    const text = decl ? decl.namedChildren.filter((c): c is Node => c !== null && /decorator|annotation|modifiers/.test(c.type)).map((c) => c.text).join(' ') : '';
    for (const spec of env.sources.fields) if (text && spec.annotation.test(text)) return source(spec.kind, use);
  }
  let acc = CLEAN;
  if (f.initial) acc = evaluate(env, f.initial, undefined, depth + 1);
  for (const w of f.writes) {
    const t = resolveUp(env, enclosingFunction(w.node), evaluate(env, w.value, undefined, depth + 1), 0);
    if (isTainted(t)) acc = merge(acc, through(t, w.node, `stored in field ${quote(name)}`));
  }
  // The writer's parameters were resolved above; they are not this function's.
  if (acc.params) {
    const { params: _p, ...rest } = acc;
    void _p;
    return rest;
  }
  return acc;
}

/** Resolves the parameters of `fn` in `t` through the callers of `fn` in this file. */
function resolveUp(env: Env, fn: Node, t: Taint, level: number): Taint {
  if (!t.params || t.params.size === 0) return t;
  const { params, ...rest } = t;
  let out: Taint = rest;
  const callers = isFunctionNode(fn) ? callersOf(fn) : [];
  const name = functionName(fn);
  // With callers, the finding rests on what they pass; without, only on there being none, which a count of the
  // name's calls in the text tells after any edit without reading the tree again.
  if (name) {
    if (callers.length > 0) depend(env, fn, 'function', name);
    else if (recordsFacts(fn)) treeFact(fn, `taint-calls/${name}`, (root) => String(callCount(root.tree, name, true)), String);
  }
  if (callers.length === 0 || level > 4) {
    // No caller here: the parameter may carry anything (medium evidence). Callers in other files of a scan may
    // tell more: the parameters are kept for them (taintScope.ts), unless the search merely went too deep.
    const first = params.values().next().value;
    if (first && !out.weak) out = { ...out, weak: first };
    if (callers.length === 0 && isFunctionNode(fn)) out = { ...out, open: mergeOpen(out.open, [...params].map(([index, trace]) => ({ fn, index, trace }))) };
    return out;
  }
  const plist = parametersOf(fn);
  for (const c of callers) {
    const s = shapeOf(c);
    if (s.kind !== 'call') continue;
    for (const [i, inner] of params) {
      const arg = s.args[i];
      if (!arg) continue;
      const a = evaluate(env, arg, undefined, 1);
      if (!isTainted(a)) continue;
      const up = resolveUp(env, enclosingFunction(c), through(a, arg, `passed to ${quote(name ?? 'function')} as ${quote(plist.find((p) => p.index === i)?.name ?? `argument ${i + 1}`)}`), level + 1);
      const src = reroot(up.source, inner);
      const weak = reroot(up.weak, inner);
      const mapped: Taint = { built: t.built || up.built };
      if (src) mapped.source = src;
      if (weak) mapped.weak = weak;
      if (up.open) mapped.open = up.open.map((o) => ({ ...o, trace: reroot(o.trace, inner)! }));
      if (up.returns) mapped.returns = up.returns.map((r) => ({ ...r, trace: reroot(r.trace, inner)! }));
      out = merge(out, mapped);
    }
  }
  return out;
}

/** The shape of a taint, for facts: which evidence, which parameters, built or not (no positions). */
function shapeKey(t: Taint): string {
  return `${t.source ? 'S' : ''}${t.weak ? 'W' : ''}${t.params ? [...t.params.keys()].sort().join('.') : ''}${t.built ? 'b' : ''}`;
}

const inProgress = new Set<string>();

/**
 * Records, for the editor's incremental analysis, what a finding learnt from other functions of the file: the
 * summaries of the functions named `name` and the taint of the arguments at their calls (or what is written to a
 * field). Recorded as that meaning, not as the code's text, so typing inside a function changes the fact only when
 * it changes what flows; then the findings that rest on it are analysed again. Nothing is computed in a CLI scan.
 */
function depend(env: Env, at: Node, what: 'function' | 'field', name: string): void {
  if (!recordsFacts(at)) return;
  const key = `taint-${what}/${env.lang}/${env.sanitizer?.source ?? ''}/${name}`;
  if (inProgress.has(key)) return;
  const opts: TaintOptions = env.sanitizer ? { sanitizer: env.sanitizer } : {};
  const compute = (root: Node): string => {
    inProgress.add(key);
    try {
      const e = envFor(root, env.lang, opts);
      if (what === 'field') {
        const f = fieldValues(root, name);
        const writes = f.writes.map((w) => shapeKey(resolveUp(e, enclosingFunction(w.node), evaluate(e, w.value, undefined, 1), 1)));
        return `${f.declared ? 'D' : ''}${f.initial ? shapeKey(evaluate(e, f.initial, undefined, 1)) : ''}|${writes.join(';')}`;
      }
      const sites = namedSites(root, name);
      const sums = sites.functions.map((fn) => `${arityOf(fn)}:${shapeKey(summary(e, fn, 1))}`);
      const calls = sites.calls.map((c) => {
        const s = shapeOf(c);
        return s.kind === 'call' ? s.args.map((a) => shapeKey(resolveUp(e, enclosingFunction(c), evaluate(e, a, undefined, 1), 1))).join(',') : '';
      });
      return `${sums.join(';')}|${calls.join(';')}`;
    } finally {
      inProgress.delete(key);
    }
  };
  treeFact(at, key, compute, String);
}

/** `return`: only what functions of other files return (a scan across files settles it). */
export type Evidence = 'source' | 'parameter' | 'return';

export interface TaintFinding {
  evidence: Evidence;
  trace: Trace;
  built: boolean;
  /** With parameter evidence: every parameter (of a function nothing in the file calls) that reaches the value. */
  open?: OpenParam[];
  /** Calls into other files whose results reach the value (only in a scan across files). */
  returns?: ReturnedBy[];
}

/**
 * Whether the value `node` can carry input into a sink, with the evidence and its path; undefined when it cannot.
 * `languageId` picks the sources of rules/taint/sources.yaml.
 */
export function taintAt(node: Node, languageId: string, opts: TaintOptions = {}): TaintFinding | undefined {
  const env = envFor(node, languageId, opts);
  return finding(resolveUp(env, enclosingFunction(node), evaluate(env, node, undefined, 0), 0));
}

function finding(t: Taint): TaintFinding | undefined {
  if (t.source) return { evidence: 'source', trace: t.source, built: t.built };
  const returns = t.returns ? { returns: t.returns } : {};
  if (t.weak) return { evidence: 'parameter', trace: t.weak, built: t.built, ...(t.open ? { open: t.open } : {}), ...returns };
  if (t.returns?.[0]) return { evidence: 'return', trace: t.returns[0].trace, built: t.built, ...returns };
  return undefined;
}

/**
 * What the fields of the object a local name holds carry at `node` (`box.value = input; call(box)`): the writes
 * to `name.f` that reach it, for an argument passed to another file (taintScope.ts). Undefined when none do.
 */
export function fieldsTaintAt(node: Node, languageId: string, opts: TaintOptions = {}): TaintFinding | undefined {
  if (node.type !== 'identifier') return undefined;
  const env = envFor(node, languageId, opts);
  const fn = enclosingFunction(node);
  const fd = functionDefs(fn);
  let acc = CLEAN;
  for (const name of fd.byName.keys()) {
    if (!name.startsWith(`${node.text}.`)) continue;
    const defs = reachingDefs(fd, node, name);
    if (defs) acc = merge(acc, defsTaint(env, defs, name, undefined, 0));
  }
  return finding(resolveUp(env, fn, acc, 0));
}
