import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { outsideOnlyFor } from '../shared/types';
import { taintAt } from '../shared/taint';
import { isFunctionNode } from '../shared/functionNodes';
import { enclosingClass } from '../shared/ast';
import { parametersOf } from '../shared/taintSyntax';
import { recordsFacts, treeFact } from '../../engine/incremental/documentFacts';

// Loads that read back the program's own encoding, shown by the code around them rather than by a name:
//  - the stream a serialisation hook is called back with (`readObject(ObjectInputStream in)` handing `in` to a
//    helper of the class): the outer load that reads the untrusted stream is where the risk is, and it is reported;
//  - the decoding half of a codec whose encoding half sits in the same class, or in the same registration call
//    (a column coder's `load`/`dump`, Doctrine's convertToPHPValue/convertToDatabaseValue, a cookie serialiser's
//    `self.load`/`self.dump`): the codec does not decide where its bytes come from, its callers do;
//  - a class's own store (an in-memory cache, its shelf) read back through its own state, when the class fills it
//    with its own dumps, and a class that persists itself or its fields (`Marshal.dump(self)`) reading that back;
//  - a round trip through a local (`pickled = pickle.dumps(obj)`), and YAML an ERB template rendered (whoever writes
//    the template runs Ruby already).
// Each is kept when the taint engine (rules/taint/sources.yaml) sees outside input reach the loaded value: a codec
// fed straight from a request is still reported.

/** Serialisers' dumping halves, over a call's callee (`pickle.dumps`, `Marshal.dump`, `serialize`, `x.to_yaml`). */
const DUMP_CALLEE = /(^|\.)((pickle|cPickle|_pickle|dill|cloudpickle|Marshal|YAML|Psych|jsonpickle)\.(dumps?|encode)|to_yaml|writeObject)$|^\\?(serialize|igbinary_serialize)$/;

/** Loading halves: a dump handed straight to one is a deep copy, not an encoder's output. */
const LOAD_CALLEE = /(^|\.)((pickle|cPickle|_pickle|dill|cloudpickle|Marshal|YAML|Psych|jsonpickle)\.(loads?|unsafe_load|restore|decode))$|^\\?unserialize$/;

/** Methods a serialiser calls back with the stream it is reading: their parameter is that stream, not new input. */
const HOOKS = /^(readObject|readObjectNoData|readExternal|__setstate__|marshal_load|_load|init_with|__unserialize|__wakeup|unserialize)$/;

const RETURNS = new Set(['return_statement', 'return']);
/** A function's body, where the last statement is its result (Ruby, a lambda's expression body). */
const BODIES = new Set(['body_statement', 'block_body', 'begin_block']);

/** What the deserialiser reads: the receiver of `ois.readObject()`, else the call's first argument. */
function readValue(call: Node): Node | undefined {
  if (call.type === 'method_invocation') return call.childForFieldName('object') ?? undefined;
  const args = call.childForFieldName('arguments');
  const first = args?.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'block' && c.type !== 'do_block');
  if (!first) return undefined;
  // PHP wraps each argument in an `argument` node.
  return first.type === 'argument' ? (first.namedChildren[0] ?? undefined) : first;
}

/** Node objects are not shared between tree walks: compare positions. */
function same(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

function enclosingFunctionNode(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionNode(p)) return p;
  return undefined;
}

function functionNameOf(fn: Node): string {
  return fn.childForFieldName('name')?.text ?? '';
}

function identifiersIn(n: Node): Set<string> {
  const out = new Set<string>();
  const stack = [n];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (/^(identifier|variable_name|name)$/.test(x.type)) out.add(x.text.replace(/^\$/, ''));
    for (const c of x.namedChildren) if (c) stack.push(c);
  }
  return out;
}

function paramNames(fn: Node): Set<string> {
  return new Set(parametersOf(fn).map((p) => p.name.replace(/^[$*&]+/, '')));
}

/** The value (in function `fn`) is built from one of `fn`'s parameters, as its text shows. */
function fromParameter(value: Node, fn: Node): boolean {
  const params = paramNames(fn);
  for (const id of identifiersIn(value)) if (params.has(id)) return true;
  return false;
}

/** `n` is (part of) what its function returns: a return statement, or the last statement of the body. */
function returned(n: Node, fn: Node): boolean {
  // Ruby's methods and blocks, and expression-bodied lambdas, have the value of their last statement.
  const implicit = !/^(function_definition|method_declaration|function_declaration|method_definition|anonymous_function)$/.test(fn.type);
  for (let p: Node | null = n; p && !same(p, fn); p = p.parent) {
    if (RETURNS.has(p.type)) return true;
    const up: Node | null = p.parent;
    if (!up) return false;
    if (!implicit) continue;
    const kids = up.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const last = kids[kids.length - 1];
    if ((same(up, fn) || (BODIES.has(up.type) && same(up.parent, fn))) && last?.startIndex === p.startIndex) return true;
  }
  return false;
}

/** A call's callee as one dotted path: `Marshal.dump`, `::YAML.dump`, `$this->serialize`, `pickle.dumps`. */
function calleeOf(x: Node): string | undefined {
  if (!/^(call|call_expression|method_invocation|function_call_expression|member_call_expression|scoped_call_expression)$/.test(x.type)) return undefined;
  const args = x.childForFieldName('arguments');
  const head = args ? x.text.slice(0, args.startIndex - x.startIndex) : x.text;
  return head.replace(/\s+/g, '').replace(/::|->/g, '.').replace(/^\./, '');
}

/** The dump is read back at once inside its function (`Marshal.load(Marshal.dump(x))`). */
function loadedAgain(d: Node, fn: Node): boolean {
  for (let p = d.parent; p && !same(p, fn); p = p.parent) if (LOAD_CALLEE.test(calleeOf(p) ?? '')) return true;
  return false;
}

/** Calls of a dumping half in `scope`, outside `except` (the load's own expression). */
function dumpCalls(scope: Node, except: Node): Node[] {
  const out: Node[] = [];
  const stack = [scope];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.startIndex >= except.startIndex && x.endIndex <= except.endIndex) continue;
    if (DUMP_CALLEE.test(calleeOf(x) ?? '')) out.push(x);
    for (const c of x.namedChildren) if (c) stack.push(c);
  }
  return out;
}

/** An encoder next to the load: a function that returns the dump of its own parameter. */
function encoderNear(scope: Node, load: Node): boolean {
  return dumpCalls(scope, load).some((d) => {
    const fn = enclosingFunctionNode(d);
    return fn !== undefined && fn.startIndex >= scope.startIndex && fromParameter(d, fn) && returned(d, fn) && !loadedAgain(d, fn);
  });
}

/** The load's value is the object's own state: `self._cache[k]`, `@store[k]`, `Base.get(self, k)`, or a local holding it. */
function ownState(value: Node, fn: Node): boolean {
  const OWN = /(^|[^\w])(self\.|self\b|@\w|\$this->)/;
  if (OWN.test(value.text)) return true;
  if (!/^(identifier|variable_name)$/.test(value.type)) return false;
  // A local assigned from the object's state in the same function.
  const name = value.text;
  const stack = [fn];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (/assignment/.test(x.type)) {
      const left = x.childForFieldName('left') ?? x.namedChild(0);
      const right = x.childForFieldName('right') ?? x.namedChild(1);
      if (left?.text === name && right && OWN.test(right.text)) return true;
    }
    for (const c of x.namedChildren) if (c) stack.push(c);
  }
  return false;
}

/** The argument list a decoding function is passed in (`lambda { |v| .. }` inside `register(..)`), if any. */
function registrationOf(fn: Node): Node | undefined {
  let p = fn.parent;
  for (let depth = 0; p && depth < 3; depth++, p = p.parent) if (p.type === 'argument_list' || p.type === 'arguments') return p;
  return undefined;
}

/** The dump's data is the object itself or one of its fields. */
function dumpsOwnState(d: Node): boolean {
  const args = d.childForFieldName('arguments');
  const first = args?.namedChildren.find((c) => c !== null && c.type !== 'comment');
  const arg = first?.type === 'argument' ? first.namedChild(0) : first;
  return arg !== null && arg !== undefined && /^(self|this|\$this|(self\.|this\.|@|\$this->)\w+)$/.test(arg.text);
}

/** The right-hand sides `name` is assigned in `fn`. */
function assignedValues(fn: Node, name: string): Node[] {
  const out: Node[] = [];
  const stack = [fn];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (/assignment/.test(x.type)) {
      const left = x.childForFieldName('left') ?? x.namedChild(0);
      const right = x.childForFieldName('right') ?? x.namedChild(1);
      if (left?.text === name && right) out.push(right);
    }
    for (const c of x.namedChildren) if (c) stack.push(c);
  }
  return out;
}

/** `pickled = pickle.dumps(obj); pickle.loads(pickled)`: a round trip through a local, a copy of an object. */
function roundTrip(value: Node, fn: Node): boolean {
  if (!/^(identifier|variable_name)$/.test(value.type)) return false;
  const values = assignedValues(fn, value.text);
  return values.length > 0 && values.every((v) => DUMP_CALLEE.test(calleeOf(v) ?? ''));
}

const ERB_RENDER = /\b\w*ERB\.new\b[\s\S]*\.result\b/;

/**
 * The text is what an ERB template rendered (`YAML.load(ERB.new(File.read(path)).result)`, through a local or a
 * method of the file): ERB runs the template's Ruby, so whoever writes that template runs code already, and loading
 * its output as YAML gives them nothing more.
 */
function renderedTemplate(value: Node, fn: Node): boolean {
  const candidates = [value, ...(/^(identifier)$/.test(value.type) ? assignedValues(fn, value.text) : [])];
  if (candidates.some((c) => ERB_RENDER.test(c.text))) return true;
  const names = candidates.map((c) => (c.type === 'call' && !c.childForFieldName('receiver') ? c.childForFieldName('method')?.text : undefined)).filter((x): x is string => x !== undefined);
  if (names.length === 0) return false;
  const root = rootOf(value);
  const stack = [root];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.type === 'method' && names.includes(x.childForFieldName('name')?.text ?? '') && ERB_RENDER.test(x.text)) return true;
    for (const c of x.namedChildren) if (c) stack.push(c);
  }
  return false;
}

function rootOf(n: Node): Node {
  let r = n;
  while (r.parent) r = r.parent;
  return r;
}

/**
 * In an editor session, records what the decision read outside the load's function: the functions of the file that
 * dump (an encoder, a store's writer) and the methods that render ERB. An edit to one re-runs the analysis.
 */
function dependOnDumps(at: Node): void {
  if (!recordsFacts(at)) return;
  treeFact(at, 'insecure-deserialization-own-encoding', (root) => {
    const texts: string[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (DUMP_CALLEE.test(calleeOf(x) ?? '')) texts.push((enclosingFunctionNode(x) ?? x).text);
      else if (x.type === 'method' && ERB_RENDER.test(x.text)) texts.push(x.text);
      for (const c of x.namedChildren) if (c) stack.push(c);
    }
    return texts.sort().join('\n');
  }, String);
}

export const filters: Record<string, FilterHelper> = {
  /** The load (target: the call) reads the program's own encoding: a hook's stream, a codec's input, its own store. */
  loadsOwnEncoding: (ctx, target) => {
    const call = target?.node;
    if (!call) return false;
    const value = readValue(call);
    if (!value) return false;
    // The operator's sources are no evidence of outside bytes under the default threat model, and are under
    // `local` (outsideOnlyFor): the same reading as the taint rules' `sources: outside`.
    const t = taintAt(value, ctx.doc.languageId, { outsideOnly: outsideOnlyFor(ctx, true) });
    if (t?.evidence === 'source') return false;
    // The stream a serialisation hook is called back with, handed on through this file's calls.
    if (t?.evidence === 'parameter' && t.open && t.open.length > 0 && t.open.every((p) => HOOKS.test(functionNameOf(p.fn)))) return true;
    const fn = enclosingFunctionNode(call);
    if (!fn) return false;
    dependOnDumps(call);
    // A codec registered as a pair in one call: `register(:marshal, ->(v) { dump(v) }, ->(v) { load(v) })`.
    const registration = registrationOf(fn);
    if (roundTrip(value, fn)) return true;
    if (ctx.doc.languageId === 'ruby' && renderedTemplate(value, fn)) return true;
    const cls = enclosingClass(call);
    // The class's own store (a cache, a shelf) read back through its own state, filled with its own dumps.
    if (cls && ownState(value, fn) && dumpCalls(cls, call).length > 0) return true;
    // A class that persists itself or its own state (`Marshal.dump(self)`, `Marshal.dump(@cache)`) reads that back.
    if (cls && dumpCalls(cls, call).some(dumpsOwnState)) return true;
    if (!fromParameter(value, fn)) return false;
    if (cls && encoderNear(cls, call)) return true;
    return registration !== undefined && (encoderNear(registration, call) || /:to_yaml\b|method\(\s*:dump\s*\)/.test(registration.text));
  },
};

export const options: Record<string, HelperOptions> = {
  loadsOwnEncoding: {},
};
