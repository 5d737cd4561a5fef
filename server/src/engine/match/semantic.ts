import type { Node } from '../source/parse';
import type { Capture, MatchContext } from '../../checks/shared/types';
import type { ArgSpec, CallSpec, Rule, SemanticPattern } from '../types';
import { nameMatches, semanticModel, type SemArg, type SemCall, type SemanticModel } from '../semantic';
import { constText } from '../semantic/values';
import type { Expr } from '../semantic/ir';
import { finish, MAX_MATCHES_PER_RULE, newContext, type MatchInput, type RawFinding } from './match';
import { passesKeywords } from './keywords';
import { maskSecret } from '../finalise/mask';
import { CROSS_FILE_LANGUAGES, pendingConstant } from '../../checks/shared/taintScope';

// The declarative matchers over the semantic model: `call:` and `new:` (by qualified name, with conditions on
// the possible values of arguments), `into:` (a value from a named call landing somewhere named like a
// secret) and `assign:` (a value written into a field or key of a given name). A match becomes a finding through the same filters, messages and fixes as a query match.

const regexCache = new Map<string, RegExp>();
function regex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(source, flags.replace(/[gy]/g, ''));
    regexCache.set(key, re);
  }
  return re;
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

function put(ctx: MatchContext, name: string, node: Node, start = node.startIndex, end = node.endIndex): void {
  const cap: Capture = { name, text: ctx.text.slice(start, end), start, end, node };
  ctx.captures.set(name, [cap]);
}

/** The content of a string literal argument written at the call (between its quotes), for fixes that edit it. */
function literalContent(arg: SemArg): { start: number; end: number } | undefined {
  if (arg.expr.k !== 'lit' || typeof arg.expr.value !== 'string') return undefined;
  const text = arg.expr.node.text;
  const m = /^(?:[a-zA-Z]{0,2})("""|'''|"|'|`)/.exec(text);
  if (!m) return undefined;
  const open = m[0].length;
  const close = text.endsWith(m[1]!) ? m[1]!.length : 0;
  return { start: arg.expr.node.startIndex + open, end: arg.expr.node.endIndex - close };
}

/** A name or member chain as written, dotted (`CURLOPT_SSL_VERIFYPEER`, `OpenSSL.SSL.VERIFY_NONE`). */
function spellingOf(e: Expr): string | undefined {
  if (e.k === 'name') return e.id;
  if (e.k !== 'member') return undefined;
  const base = spellingOf(e.obj);
  return base === undefined ? undefined : `${base}.${e.prop}`;
}

/** The object literals and constructor calls of a model by node, for `field` (built once per model). */
const objectsOf = new WeakMap<SemanticModel, Map<Node, SemCall>>();
function objects(model: SemanticModel): Map<Node, SemCall> {
  let m = objectsOf.get(model);
  if (!m) {
    m = new Map();
    for (const c of model.calls) if (c.kind === 'new') m.set(c.node, c);
    objectsOf.set(model, m);
  }
  return m;
}

/** Whether the written field or key `target` (its name node) belongs to the variable `id` (`id.f = `, `id['f'] = `). */
function writesInto(target: Node, id: string): boolean {
  const whole = target.parent?.text ?? '';
  return whole.startsWith(id) && /^\s*(\?\.|\.|\[)/.test(whole.slice(id.length));
}

function argOf(model: SemanticModel, call: SemCall, spec: ArgSpec): SemArg | undefined {
  const arg = spec.name !== undefined ? call.args.find((a) => a.name === spec.name) : call.args.filter((a) => !a.name)[spec.index ?? 0];
  if (!arg || spec.field === undefined) return arg;
  // An options object written at the call (`session({ secret: k })`), or the one object literal a variable holds
  // there (`const opts = { secret: k }; session(opts)`), unless the code writes that entry elsewhere
  // (`opts.secret = process.env.S`): the entry named `field`.
  const known = objects(model);
  let obj = arg.expr.k === 'new' ? known.get(arg.expr.node) : undefined;
  if (!obj && arg.expr.k === 'name') {
    const id = arg.expr.id;
    // The variable's value also carries the origins of what the object holds (`cookie: {}`): the one with the entry.
    const held = arg.vals.origins.filter((o) => o.name === 'Object' && o.via === id && known.get(o.node)?.args.some((a) => a.name === spec.field));
    const written = model.flows.some((f) => (f.kind === 'field' || f.kind === 'index') && (f.name === spec.field || f.name.endsWith(`.${spec.field}`)) && writesInto(f.node, id));
    if (held.length === 1 && !written) obj = known.get(held[0]!.node);
  }
  return obj?.args.find((a) => a.name === spec.field);
}

/**
 * Whether the argument is a literal written at the call, as such or through a conversion that keeps its value
 * (`"k".getBytes()`, `Buffer.from("k")`, `Encoding.UTF8.GetBytes("k")`): a query at the call reports those.
 */
function writtenAtCall(arg: SemArg): boolean {
  const e = arg.expr;
  if (e.k === 'lit') return true;
  if (e.k !== 'call') return false;
  const first = e.args.find((a) => !a.name)?.value;
  const inner = [e.callee.k === 'member' ? e.callee.obj : undefined, first];
  return inner.some((x) => x?.k === 'lit' && typeof x.value === 'string' && arg.vals.consts.includes(x.value));
}

/** Checks one argument condition; records its captures and variables on success. */
function argHolds(ctx: MatchContext, model: SemanticModel, call: SemCall, spec: ArgSpec): boolean {
  const arg = argOf(model, call, spec);
  if (!arg) return false;
  // An options entry is reported at its value (`secret: k` at `k`), where a query reports a literal written there.
  return valueHolds(ctx, spec.field !== undefined ? { ...arg, node: arg.expr.node } : arg, spec, `arg${spec.index ?? 0}`);
}

/** Checks the conditions on a value (an argument, or what an assignment writes). */
function valueHolds(ctx: MatchContext, arg: SemArg, spec: Omit<ArgSpec, 'index' | 'name'>, capture: string): boolean {
  const v = arg.vals;
  // A constant written in the code on some path (`if (legacy) key = "..."`, a fixed IV unless a branch fills it):
  // that path uses it. `null`, '' and booleans are no value (a key property that defaults to `false` holds no key
  // yet); a config lookup's default is configuration, not a literal.
  if (spec.constant && (v.literal === false || !v.consts.some((c) => c !== '' && c !== null && typeof c !== 'boolean'))) return v.unknown && waitsForScan(ctx, arg, spec, capture);
  if (spec.spelled !== undefined) {
    const spelled = spellingOf(arg.expr);
    if (spelled === undefined || !regex(spec.spelled, spec.flags).test(spelled)) return false;
  }
  if (spec.indirect && writtenAtCall(arg)) return false;
  let matched: string | undefined;
  if (spec.value !== undefined) {
    const re = regex(spec.value, spec.flags);
    matched = v.consts.filter((c) => c !== null).map(constText).find((t): t is string => t !== undefined && re.test(t));
    if (matched === undefined) return false;
  }
  put(ctx, spec.capture ?? capture, arg.node);
  if (spec.as) {
    const value = matched ?? constText(v.consts[0] ?? '') ?? '';
    // A secret rule's value is shown masked, like its captures (a constant key must never reach a message raw).
    ctx.vars[spec.as] = ctx.rule.secret ? maskSecret(value) : value;
  }
  const lit = spec.literal ? literalContent(arg) : undefined;
  if (spec.literal && lit) put(ctx, spec.literal, arg.expr.node, lit.start, lit.end);
  return true;
}

/** Stands in a message for a value another file of the scan supplies; the scan puts in its mask (crossFile.ts). */
const FROM_ANOTHER_FILE = 'a value from another file';

/**
 * In a scan across files, a secret rule's constant condition that fails because the value comes from a parameter
 * nobody in this file passes, or from another file's function, waits for the scan: a literal there (taintScope.ts)
 * raises it, anything else drops it. Editors and single files never see such a finding.
 */
function waitsForScan(ctx: MatchContext, arg: SemArg, spec: Omit<ArgSpec, 'index' | 'name'>, capture: string): boolean {
  // Secret rules only: their sinks are keys and passwords, and their values are masked wherever they travel.
  if (!ctx.crossFileScan || !ctx.rule.secret || !CROSS_FILE_LANGUAGES.has(ctx.doc.languageId)) return false;
  const p = pendingConstant(arg.node, ctx.doc.languageId, ctx.doc.path);
  if (!p) return false;
  put(ctx, spec.capture ?? capture, arg.node);
  if (spec.as) ctx.vars[spec.as] = FROM_ANOTHER_FILE;
  const constant = { placeholder: FROM_ANOTHER_FILE, ...(spec.value !== undefined ? { test: valueTestKey(spec) } : {}) };
  ctx.crossFile = { params: p.params, ...(p.returns.length > 0 ? { returns: p.returns } : {}), confidence: ctx.confidence, standalone: false, constant };
  ctx.flow = [...p.steps, { start: arg.node.startIndex, end: arg.node.endIndex, message: 'reaches the key or password parameter' }];
  return true;
}

const valueTestKey = (spec: Pick<ArgSpec, 'value' | 'flags'>): string => `${spec.flags ?? ''}/${spec.value ?? ''}`;

/**
 * The value conditions of the rules' `constant:` arguments, by key: a literal handed to another file records the
 * ones it meets (CallSummary), so the scan can check them there without the value (CrossFileCondition.constant).
 */
const testsOf = new WeakMap<readonly Rule[], { key: string; re: RegExp }[]>();
export function constantValueTests(rules: readonly Rule[]): { key: string; re: RegExp }[] {
  let tests = testsOf.get(rules);
  if (!tests) testsOf.set(rules, (tests = collectValueTests(rules)));
  return tests;
}

function collectValueTests(rules: readonly Rule[]): { key: string; re: RegExp }[] {
  const out = new Map<string, RegExp>();
  for (const r of rules) {
    if (!r.secret) continue;
    for (const p of r.patterns) {
      if (p.kind !== 'semantic') continue;
      for (const a of [...(p.call?.args ?? []), ...(p.new?.args ?? [])]) if (a.constant && a.value !== undefined) out.set(valueTestKey(a), regex(a.value, a.flags));
    }
  }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, re]) => ({ key, re }));
}

function callContext(rule: Rule, pattern: SemanticPattern, input: MatchInput, call: SemCall): MatchContext {
  const ctx = newContext(rule, pattern, input);
  put(ctx, 'finding', call.node);
  put(ctx, 'fn', call.nameNode);
  if (call.receiver) {
    put(ctx, 'cls', call.receiver.node);
    put(ctx, 'recv', call.receiver.node);
  }
  else if (call.kind === 'new') put(ctx, 'cls', call.nameNode);
  else if (call.nameNode.parent && call.nameNode.parent.id !== call.node.id) {
    // `Cipher.getInstance(...)`: the spelled receiver is what precedes the name.
    const recv = call.node.namedChild(0);
    if (recv && recv.id !== call.nameNode.id && recv.endIndex <= call.nameNode.startIndex) put(ctx, 'cls', recv);
  }
  if (call.typeNode) put(ctx, 'type', call.typeNode);
  const list = call.node.childForFieldName('arguments');
  if (list) put(ctx, 'args', list);
  if (call.name) ctx.vars['name'] = call.name;
  return ctx;
}

/** Matches examined per rule and file, as for queries (match.ts): filters may look beyond the match. */
type Budget = { seen: number };

function runCalls(rule: Rule, pattern: SemanticPattern, spec: CallSpec, kind: 'call' | 'new', model: SemanticModel, input: MatchInput, out: RawFinding[], budget: Budget): void {
  const names = list(spec.name);
  for (const call of model.calls) {
    if (call.kind !== kind || !call.name || (spec.static && call.receiver) || !names.some((n) => nameMatches(call.name!, n, kind === 'new'))) continue;
    if (++budget.seen > MAX_MATCHES_PER_RULE) continue;
    const ctx = callContext(rule, pattern, input, call);
    if (spec.as) {
      const segments = call.name.split(/[./]/);
      ctx.vars[spec.as] = segments[segments.length - (kind === 'new' ? 1 : 2)] ?? call.name;
    }
    if (!(spec.args ?? []).every((a) => argHolds(ctx, model, call, a))) continue;
    const at = spec.report ? ctx.captures.get(spec.report) : undefined;
    if (at) ctx.captures.set('finding', at);
    finish(ctx, input, out);
  }
}

/** `rememberMeKey`, `RememberMeKey`, `REMEMBER_ME_KEY`, `remember-me-key` -> `remember_me_key`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .join('_')
    .toLowerCase();
}

function runInto(rule: Rule, pattern: SemanticPattern, model: SemanticModel, input: MatchInput, out: RawFinding[], budget: Budget): void {
  const spec = pattern.into!;
  const from = list(spec.from);
  const name = regex(spec.name, spec.flags);
  const except = spec.except ? regex(spec.except, spec.flags) : undefined;
  const calls = new Map<Node, SemCall>();
  for (const c of model.calls) calls.set(c.node, c);
  const reported = new Set<Node>();
  for (const flow of model.flows) {
    if (flow.vals.origins.length === 0) continue;
    const snake = snakeCase(flow.name);
    if (!name.test(snake) || except?.test(snake)) continue;
    const matching = flow.vals.origins.filter((o) => from.some((f) => nameMatches(o.name, f)));
    for (const o of matching) {
      if (reported.has(o.node)) continue;
      // A weak value inside another (`uniqid(mt_rand())`) is the outer one's finding.
      if (matching.some((x) => x.node.id !== o.node.id && x.node.startIndex <= o.node.startIndex && o.node.endIndex <= x.node.endIndex)) continue;
      // A value first stored under a name that says it is no secret (`delayMs`, `tokenCount`) stays none.
      if (o.via && o.via !== flow.name && except?.test(snakeCase(o.via))) continue;
      const call = calls.get(o.node);
      if (!call || ++budget.seen > MAX_MATCHES_PER_RULE) continue;
      const ctx = callContext(rule, pattern, input, call);
      put(ctx, 'target', flow.node);
      ctx.vars[spec.as ?? 'target'] = flow.name;
      const before = out.length;
      finish(ctx, input, out);
      if (out.length > before) reported.add(o.node);
    }
  }
}

/** `assign:`: a value written into a field, key or variable named like `target`, with conditions on the value. */
function runAssign(rule: Rule, pattern: SemanticPattern, model: SemanticModel, input: MatchInput, out: RawFinding[], budget: Budget): void {
  const spec = pattern.assign!;
  const target = regex(spec.target, spec.flags);
  const kinds: readonly string[] = spec.kinds ?? ['field', 'index'];
  for (const flow of model.flows) {
    if (!flow.expr || !kinds.includes(flow.kind) || !target.test(flow.name)) continue;
    const ctx = newContext(rule, pattern, input);
    if (!valueHolds(ctx, { node: flow.value, expr: flow.expr, vals: flow.vals }, spec, 'value')) continue;
    if (++budget.seen > MAX_MATCHES_PER_RULE) continue;
    // The finding is the write, from the name written to the value.
    put(ctx, 'finding', flow.node, Math.min(flow.node.startIndex, flow.value.startIndex), Math.max(flow.node.endIndex, flow.value.endIndex));
    put(ctx, 'target', flow.node);
    finish(ctx, input, out);
  }
}

/**
 * The last segments of every name the patterns look for (`getInstance`, `New`, `next` for `next*`), lower-cased:
 * a function whose text holds none of them cannot contain a matching call, so the model need not evaluate it for
 * its own sake (see semanticModel). Undefined when a name ends in a bare `*` (every function may match).
 */
function calledNames(patterns: SemanticPattern[]): string[] | undefined {
  const out = new Set<string>();
  for (const p of patterns) {
    // A write is found by the names written, which the pattern's keywords spell; without keywords, anything may match.
    if (p.assign) {
      if (!p.keywords?.length) return undefined;
      for (const k of p.keywords) out.add(k.toLowerCase());
    }
    // A call with a keyword or named argument holds that name in its text (`verify=`, `rejectUnauthorized:`): a
    // sharper filter than the called name, and the only one for an object literal (`new: Object`).
    const keyed = (spec: CallSpec | undefined): string[] => {
      if (!spec) return [];
      const named = (spec.args ?? []).flatMap((a) => (a.name !== undefined ? [a.name] : []));
      return named.length ? [] : list(spec.name);
    };
    for (const spec of [p.call, p.new]) for (const a of spec?.args ?? []) if (a.name !== undefined) out.add(a.name.toLowerCase());
    const names = [...keyed(p.call), ...keyed(p.new), ...(p.into ? list(p.into.from) : [])];
    for (const n of names) {
      const last = /(?:^|[./])((?:\{[^}]*\}|[^./{}])*)$/.exec(n)?.[1] ?? n;
      const alternatives = /^\{([^}]*)\}$/.test(last) ? last.slice(1, -1).split(',') : [last];
      for (const a of alternatives) {
        const prefix = a.split(/[*{]/)[0]!;
        if (prefix.length === 0) return undefined;
        out.add(prefix.toLowerCase());
      }
    }
  }
  return [...out].sort();
}

const semanticOf = new WeakMap<Rule, readonly SemanticPattern[]>();

/** A rule's semantic patterns, picked once per rule (the secret rule alone has hundreds of regex patterns). */
function semanticPatternsOf(rule: Rule): readonly SemanticPattern[] {
  let list = semanticOf.get(rule);
  if (!list) {
    list = rule.patterns.filter((p): p is SemanticPattern => p.kind === 'semantic');
    semanticOf.set(rule, list);
  }
  return list;
}

/** The semantic patterns of `rules` that apply to the document. */
function applicablePatterns(rules: readonly Rule[], input: MatchInput, failed: Set<Rule>): SemanticPattern[] {
  const out: SemanticPattern[] = [];
  for (const r of rules) {
    if (failed.has(r)) continue;
    for (const p of semanticPatternsOf(r)) if ((p.languages as string[]).includes(input.doc.languageId) && passesKeywords(p.keywords, input.keywords)) out.push(p);
  }
  return out;
}

/**
 * The keywords the model is built with for this document (see calledNames): `null` when no semantic pattern
 * applies, undefined when every function may match.
 */
export function semanticKeywords(rules: readonly Rule[], input: MatchInput, failed: Set<Rule>): string[] | undefined | null {
  // Asked more than once per analysis (the module-level plan, then the patterns): the same answer while no rule failed.
  const known = keywordsOfInput.get(input);
  if (known && known.rules === rules && known.failed === failed.size) return known.keywords;
  const keywords = computeSemanticKeywords(rules, input, failed);
  keywordsOfInput.set(input, { rules, failed: failed.size, keywords });
  return keywords;
}

const keywordsOfInput = new WeakMap<MatchInput, { rules: readonly Rule[]; failed: number; keywords: string[] | undefined | null }>();

function computeSemanticKeywords(rules: readonly Rule[], input: MatchInput, failed: Set<Rule>): string[] | undefined | null {
  const applicable = applicablePatterns(rules, input, failed);
  if (applicable.length === 0) return null;
  // The same patterns apply on nearly every keystroke: their names are worked out once per set of patterns.
  const key = applicable.map(patternId).join(',');
  if (calledNamesCache.has(key)) return calledNamesCache.get(key);
  const names = calledNames(applicable);
  if (calledNamesCache.size > 256) calledNamesCache.clear();
  calledNamesCache.set(key, names);
  return names;
}

const calledNamesCache = new Map<string, string[] | undefined>();
const patternIds = new WeakMap<SemanticPattern, number>();
let nextPatternId = 0;

function patternId(p: SemanticPattern): number {
  let id = patternIds.get(p);
  if (id === undefined) {
    id = nextPatternId++;
    patternIds.set(p, id);
  }
  return id;
}

export interface SemanticRunOptions {
  /** Match over this model instead of the tree's (a part of it, for an incremental re-run). */
  model?: SemanticModel;
  /** Receives how many matches each rule examined (the budget of MAX_MATCHES_PER_RULE). */
  seen?: Map<Rule, number>;
}

/** Runs the semantic patterns of `rules` that apply to the document (the model is built on first use). */
export function runSemanticPatterns(rules: readonly Rule[], input: MatchInput, failed: Set<Rule>, fail: (rule: Rule, e: unknown) => void, out: RawFinding[], onlyFunctions?: (fn: Node) => boolean, capped?: (rule: Rule, matches: number) => void, opts: SemanticRunOptions = {}): void {
  if (!input.tree) return;
  const keywords = semanticKeywords(rules, input, failed);
  if (keywords === null) return;
  let model: SemanticModel | undefined = opts.model;
  for (const rule of rules) {
    if (failed.has(rule)) continue;
    const budget: Budget = { seen: 0 };
    try {
      for (const p of rule.patterns) {
        if (p.kind !== 'semantic' || !(p.languages as string[]).includes(input.doc.languageId) || !passesKeywords(p.keywords, input.keywords)) continue;
        model ??= semanticModel(input.tree, input.doc.languageId, keywords, onlyFunctions);
        if (!model) return;
        if (p.call) runCalls(rule, p, p.call, 'call', model, input, out, budget);
        if (p.new) runCalls(rule, p, p.new, 'new', model, input, out, budget);
        if (p.into) runInto(rule, p, model, input, out, budget);
        if (p.assign) runAssign(rule, p, model, input, out, budget);
      }
    } catch (e) {
      fail(rule, e);
    }
    if (budget.seen > 0) opts.seen?.set(rule, budget.seen);
    if (budget.seen > MAX_MATCHES_PER_RULE) capped?.(rule, budget.seen);
  }
}
