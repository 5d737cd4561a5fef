import type { Node } from '../source/parse';
import type { Arg, Expr, FunctionDef, Lowering, Module, Stmt, Target } from './ir';
import type { SemArg, SemanticModel } from './model';
import { Names } from './names';
import { binary, concat, derived, known, repeat, storedIn, truth, typed, union, UNKNOWN, withOrigin, zeros, type Vals } from './values';
import { callResult, constructed } from './calls';

// One pass over a lowered module: flow-sensitive constant propagation inside each function (a later write
// replaces an earlier one, both arms of an `if` meet, a branch with a constant condition is the only one taken
// and the other is dead: nothing in it is recorded), names resolved as calls are met, and the return value of
// each function of the file kept as its summary for calls by name. Cost is linear in the size of the tree:
// every statement is evaluated once, and branch environments are overlays holding only what the branch wrote.

class Env {
  readonly vars = new Map<string, Vals>();
  constructor(readonly parent?: Env) {}
  get(id: string): Vals | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) {
      const v = e.vars.get(id);
      if (v) return v;
    }
    return undefined;
  }
  /** Writes the union of two overlays of this environment back into it (both arms of a branch met). */
  meet(arms: Env[], includeSelf: boolean): void {
    const keys = new Set<string>();
    for (const a of arms) for (const k of a.vars.keys()) keys.add(k);
    for (const k of keys) {
      let v: Vals | undefined = includeSelf ? (this.get(k) ?? UNKNOWN) : undefined;
      for (const a of arms) {
        const x = a.get(k) ?? UNKNOWN;
        v = v ? union(v, x) : x;
      }
      this.vars.set(k, v!);
    }
  }
}

interface FnState {
  def: FunctionDef;
  env: Env;
  status: 'queued' | 'running' | 'done';
  returns?: Vals;
}

export const SELF = new Set(['this', 'self', '$this']);

/**
 * The call a receiver of no known type was returned by, as `name()`: written at the receiver
 * (`jwt.NewWithClaims(..).SignedString(k)`) or held in the variable it was first stored in (`t := jwt.NewWithClaims(..);
 * t.SignedString(k)`, `req, _ := http.NewRequest(..); req.SetBasicAuth(u, p)`). No library's return types are
 * known here, so the method is named after the call that made its receiver.
 */
function returnedBy(obj: Expr, v: Vals): string | undefined {
  const o = v.origins[0];
  // One level: a chain (`a().b().c()`) names `a().b` and stops, so names stay short on a long or minified chain.
  if (!o || v.consts.length > 0 || o.name.includes('()')) return undefined;
  const held = obj.k === 'name' ? o.via === obj.id : o.node === obj.node;
  return held ? `${o.name}()` : undefined;
}

/** Methods that write into the buffer they are given. */
export const FILLERS = new Set(['nextBytes', 'NextBytes', 'Read', 'read', 'readFully', 'fill', 'GetBytes', 'GetNonZeroBytes', 'Fill', 'readinto']);

/** Methods that add their argument to the receiver (collections, string builders, streams). */
export const MUTATORS = new Set(['append', 'add', 'push', 'extend', 'insert', 'put', 'write', 'Append', 'Add', 'AppendFormat', 'Insert', 'Push', 'unshift', 'concat', 'update', 'addAll', 'appendLine', 'AppendLine', 'push_back', 'writeString']);

/** A string that can be a key or attribute name. */
const KEY_LIKE = /^[\w.:-]{1,60}$/;

/**
 * `wanted` says whether a function must be evaluated for its own sake (its text holds a keyword of an active
 * pattern); the others are lowered and evaluated only when a wanted one calls them for their return value.
 */
export function evaluate(mod: Module, lowering: Lowering, wanted: (fn: Node) => boolean = () => true): SemanticModel {
  const model: SemanticModel = { calls: [], flows: [] };
  const names = new Names(mod);
  const functions = new Map<string, FnState>();
  const queue: FnState[] = [];
  const classes = new Set<string>();
  /** The fields of each class evaluated so far, and the classes met but not evaluated (no wanted code in them). */
  const classFields = new Map<string, Env>();
  const unevaluated = new Map<string, { body: Stmt[] | (() => Stmt[]); env: Env }>();
  /** Where calls and flows are recorded: the model, or nowhere while a class's fields are read on demand. */
  let sink: SemanticModel = model;
  let current: FnState | undefined;

  const typeName = (t: Expr | undefined): string | undefined => (t ? names.spelling(t, () => false) : undefined);

  /** Whether a name stands for a value rather than a namespace (a Ruby `rand` is a call, so a value too). */
  function holdsValue(id: string, env: Env): boolean {
    return env.get(id) !== undefined || SELF.has(id) || lowering.implicitCall?.(id) === true;
  }

  function evalArgs(args: Arg[], env: Env): SemArg[] {
    return args.map((a) => ({ node: a.node, expr: a.value, vals: evalExpr(a.value, env), ...(a.name ? { name: a.name } : {}) }));
  }

  /** Named attributes: `setAttribute("token", v)`, `new Cookie("sid", v)`, `res.cookie('session', v)`; keyword arguments. */
  function argumentFlows(args: SemArg[]): void {
    const first = args[0];
    // Only a key-like string names what follows (`'session_id'`, `'X-CSRF-Token'`), not prose given to a logger.
    if (first && !first.name && args.length >= 2 && !args[1]!.name && !first.vals.unknown && first.vals.consts.length === 1 && typeof first.vals.consts[0] === 'string' && KEY_LIKE.test(first.vals.consts[0])) {
      const second = args[1]!;
      sink.flows.push({ kind: 'attribute', name: first.vals.consts[0], node: first.node, value: second.node, vals: second.vals });
    }
    for (const a of args) if (a.name) sink.flows.push({ kind: 'keyword', name: a.name, node: a.node, value: a.expr.node, vals: a.vals });
  }

  /**
   * A field or constant of a class of the file read from outside it (`Legacy::CIPHER`, `Config.IV`). A class with no
   * wanted code was not evaluated: its fields are, on this first read, for their values only (what they call is
   * recorded where the class is wanted), so a keyword-filtered run and a full one read the same values.
   */
  function classField(cls: string, prop: string): Vals | undefined {
    let fields = classFields.get(cls);
    const pending = fields ? undefined : unevaluated.get(cls);
    if (pending) {
      unevaluated.delete(cls);
      fields = new Env(pending.env);
      classFields.set(cls, fields);
      const outer = sink;
      sink = { calls: [], flows: [] };
      for (const x of typeof pending.body === 'function' ? pending.body() : pending.body) if (x.k !== 'func' && x.k !== 'class') evalStmt(x, fields, true);
      sink = outer;
    }
    return fields?.vars.get(prop);
  }

  function summary(id: string, args?: SemArg[], callerEnv?: Env): Vals | undefined {
    const f = functions.get(id);
    if (!f) return undefined;
    if (f.status === 'queued') runFunction(f, args, callerEnv);
    return f.status === 'done' ? (f.returns ?? UNKNOWN) : undefined;
  }

  function evalExpr(e: Expr, env: Env): Vals {
    switch (e.k) {
      case 'lit':
        return known(e.value);
      case 'name': {
        const v = env.get(e.id);
        if (v) return v;
        const predefined = lowering.predefined?.(e.id);
        if (predefined !== undefined) return known(predefined);
        return lowering.implicitCall?.(e.id) && !SELF.has(e.id) ? evalCall({ k: 'call', node: e.node, callee: e, nameNode: e.node, args: [] }, env) : UNKNOWN;
      }
      case 'member': {
        // A variable named like a class of the file (Go `server := newServer()` next to `type server struct`) is the variable.
        if (e.obj.k === 'name' && (SELF.has(e.obj.id) || (classes.has(e.obj.id) && env.get(e.obj.id) === undefined))) return env.get(e.prop) ?? (SELF.has(e.obj.id) ? undefined : classField(e.obj.id, e.prop)) ?? UNKNOWN;
        const obj = evalExpr(e.obj, env);
        // A field of a value whose type is a class of the file has the field's declared type (Go `b.aead` on a `*Box`).
        const declared = obj.type && classes.has(obj.type) ? classField(obj.type, e.prop)?.type : undefined;
        if (declared) return typed(declared, derived(obj));
        // A function named through a namespace, taken without calling it, is a reference to it.
        const spelled = names.spelling(e, (id) => holdsValue(id, env));
        return spelled ? { ...derived(obj), callee: spelled } : derived(obj);
      }
      case 'call':
        return evalCall(e, env);
      case 'new': {
        const args = evalArgs(e.args, env);
        const name = (e.type.k === 'name' ? env.get(e.type.id)?.callee : undefined) ?? typeName(e.type);
        sink.calls.push({ kind: 'new', name, node: e.node, nameNode: e.type.node, typeNode: e.type.k === 'member' ? e.type.propNode : e.type.node, args });
        argumentFlows(args);
        const v = constructed(name, args) ?? typed(name, derived(...args.map((a) => a.vals)));
        return name ? withOrigin(v, { name, node: e.node }) : v;
      }
      case 'concat':
        return concat(e.parts.map((p) => evalExpr(p, env)));
      case 'binary': {
        const l = evalExpr(e.l, env);
        const r = evalExpr(e.r, env);
        if (e.op === '+' && (l.consts.some((c) => typeof c === 'string') || r.consts.some((c) => typeof c === 'string'))) return concat([l, r]);
        if (e.op === '+' && l.consts.length === 1 && r.consts.length === 1 && typeof l.consts[0] === 'number' && typeof r.consts[0] === 'number' && !l.unknown && !r.unknown) return known(l.consts[0] + r.consts[0]);
        if (e.op === '+') return derived(l, r);
        if (e.op === '*' && lowering.repeats) {
          const repeated = repeat(l, r);
          if (repeated) return repeated;
        }
        // `process.env.ALG || 'md5'`, `os.environ.get('ALG') or 'md5'`, `cfg.alg ?? 'md5'`: a default, a possible value.
        if ((e.op === '??' || ((e.op === '||' || e.op === 'or') && truth(l) === undefined)) && r.consts.some((c) => typeof c === 'string')) return union({ ...r, literal: false }, l.consts.length ? l : derived(l));
        return binary(e.op, l, r);
      }
      case 'not': {
        const v = evalExpr(e.e, env);
        const t = truth(v);
        return t === undefined ? derived(v) : known(!t);
      }
      case 'cond': {
        const c = truth(evalExpr(e.c, env));
        if (c === true) return evalExpr(e.t, env);
        if (c === false) return evalExpr(e.f, env);
        return union(evalExpr(e.t, env), evalExpr(e.f, env));
      }
      case 'array': {
        if (e.size) return zeros(evalExpr(e.size, env));
        const elems = e.elems.map((x) => evalExpr(x, env));
        if (elems.every((v) => !v.unknown && v.consts.length === 1)) return known({ array: elems.map((v) => v.consts[0]!) });
        return derived(...elems);
      }
      case 'index':
        return derived(evalExpr(e.obj, env), evalExpr(e.key, env));
      case 'fn':
        queueFunction(e.fn, env, false);
        return UNKNOWN;
      case 'other':
        return derived(...e.parts.map((p) => evalExpr(p, env)));
    }
  }

  function evalCall(e: Extract<Expr, { k: 'call' }>, env: Env): Vals {
    const args = evalArgs(e.args, env);
    const isValue = (id: string): boolean => env.get(id) !== undefined || SELF.has(id);
    let name: string | undefined;
    let receiver: { node: Node; vals: Vals } | undefined;
    let method = '';
    let typeNode: Node | undefined;
    if (e.callee.k === 'member') {
      method = e.callee.prop;
      const obj = e.callee.obj;
      const spelled = names.spelling(obj, (id) => holdsValue(id, env));
      const alias = spelled === undefined && obj.k === 'name' ? env.get(obj.id) : undefined;
      if (alias && !alias.type && alias.callee) {
        // A namespace or type bound to a name (`H = Digest::MD5`, `const c = crypto`): its members are spelled through it.
        name = `${alias.callee}.${method}`;
      } else if (spelled === undefined) {
        const vals = evalExpr(obj, env);
        receiver = { node: obj.node, vals };
        const from = vals.type ?? returnedBy(obj, vals);
        if (from) name = `${from}.${method}`;
      } else {
        name = `${spelled}.${method}`;
        typeNode = obj.k === 'member' ? obj.propNode : obj.node;
      }
    } else if (e.callee.k === 'name') {
      method = e.callee.id;
      name = isValue(method) ? env.get(method)?.callee : (names.imported(method) ?? method);
    } else {
      receiver = { node: e.callee.node, vals: evalExpr(e.callee, env) };
    }
    sink.calls.push({ kind: 'call', name, node: e.node, nameNode: e.nameNode, args, ...(receiver ? { receiver } : {}), ...(typeNode ? { typeNode } : {}) });
    argumentFlows(args);
    // An array handed to a call may be filled by it (`random.nextBytes(salt)`): it is no longer a known
    // constant, and it now holds what the call wrote.
    for (const a of args) {
      if (a.expr.k !== 'name' || !(FILLERS.has(method) || a.vals.consts.some((c) => typeof c === 'object' && c !== null))) continue;
      const filled = typed(a.vals.type, name ? withOrigin(derived(a.vals), { name, node: e.node }) : derived(a.vals));
      env.vars.set(a.expr.id, filled);
      sink.flows.push({ kind: 'name', name: a.expr.id, node: a.node, value: e.node, vals: filled });
    }
    // A builder or collection that is added to holds what was added (`chars.append(c)`, `sb.append(n)`).
    if (e.callee.k === 'member' && e.callee.obj.k === 'name' && MUTATORS.has(method) && receiver && env.get(e.callee.obj.id)) {
      const added = derived(...args.map((a) => a.vals));
      if (added.origins.length) env.vars.set(e.callee.obj.id, typed(receiver.vals.type, derived(receiver.vals, added)));
    }
    // A setter names what it stores: `user.setSessionId(v)`, `builder.withToken(v)`.
    const setter = /^(set|with|put|add)_?([A-Z_a-z]\w*)$/.exec(method);
    const only = args.length === 1 ? args[0]! : undefined;
    if (setter && only && !only.name && /^[A-Z_]/.test(method.slice(setter[1]!.length))) sink.flows.push({ kind: 'attribute', name: setter[2]!, node: e.nameNode, value: only.node, vals: only.vals });
    // A function of this file called by name (or on this/self) returns its summary.
    const own = e.callee.k === 'name' || (e.callee.k === 'member' && e.callee.obj.k === 'name' && SELF.has(e.callee.obj.id)) ? summary(method, args, env) : undefined;
    const result = own ?? callResult(method, name, receiver?.vals, args, e.callee.k === 'member' ? e.callee.obj : undefined, lowering);
    return name ? withOrigin(result, { name, node: e.node }) : result;
  }

  function assign(t: Target, v: Vals, env: Env): void {
    if (t.kind === 'name' || t.kind === 'field') env.vars.set(t.name, storedIn(v, t.name));
  }

  function evalStmt(s: Stmt, env: Env, top: boolean): void {
    switch (s.k) {
      case 'let': {
        // An anonymous function bound to a name is known by it (`const makeNonce = () => ...`): its return lands there.
        const value = s.value?.k === 'fn' && !s.value.fn.name && s.target.name ? { ...s.value, fn: { ...s.value.fn, name: s.target.name } } : s.value;
        let v = value ? evalExpr(value, env) : UNKNOWN;
        if (s.op && s.op !== '=') {
          const old = env.get(s.target.name) ?? UNKNOWN;
          v = s.op === '+=' ? (old.consts.some((c) => typeof c === 'string') ? concat([old, v]) : derived(old, v)) : derived(old, v);
        }
        if (s.target.kind === 'index' && s.target.obj) {
          // `b[i] = x`: the collection now holds what was written into it.
          const before = evalExpr(s.target.obj, env);
          if (s.target.obj.k === 'name' && v.origins.length && env.get(s.target.obj.id)) env.vars.set(s.target.obj.id, typed(before.type, derived(before, v)));
        }
        const type = typeName(s.type);
        if (type && type !== 'var') v = { ...v, type };
        // A field that is not final may be written by any method: only its type is certain.
        if (top && !s.final && s.target.kind !== 'name') v = typed(v.type, union(v, UNKNOWN));
        assign(s.target, v, env);
        if (s.value) sink.flows.push({ kind: s.target.kind, name: s.target.name, node: s.target.node, value: s.value.node, vals: v, expr: s.value });
        return;
      }
      case 'expr':
        evalExpr(s.e, env);
        return;
      case 'if': {
        const c = truth(evalExpr(s.cond, env));
        if (c === true) return evalBlock(s.then, env);
        if (c === false) return evalBlock(s.else, env);
        const a = new Env(env);
        const b = new Env(env);
        evalBlock(s.then, a);
        evalBlock(s.else, b);
        env.meet([a, b], false);
        return;
      }
      case 'loop': {
        evalBlock(s.head, env);
        if (s.cond && truth(evalExpr(s.cond, env)) === false) return;
        const body = new Env(env);
        evalBlock(s.body, body);
        env.meet([body], true);
        return;
      }
      case 'branch': {
        const arms = s.arms.map((arm) => {
          const a = new Env(env);
          evalBlock(arm, a);
          return a;
        });
        env.meet(arms, true);
        return;
      }
      case 'return': {
        const v = s.e ? evalExpr(s.e, env) : UNKNOWN;
        if (current) {
          current.returns = current.returns ? union(current.returns, v) : v;
          if (s.e) sink.flows.push({ kind: 'return', name: current.def.name, node: current.def.node, value: s.e.node, vals: v });
        }
        return;
      }
      case 'func':
        queueFunction(s.fn, env, true);
        return;
      case 'class': {
        classes.add(s.name);
        // A class none of whose code is wanted (typing elsewhere) is not even lowered, unless its fields are read.
        if (!wanted(s.node)) {
          if (!classFields.has(s.name)) unevaluated.set(s.name, { body: s.body, env });
          return;
        }
        const cls = new Env(env);
        classFields.set(s.name, cls);
        unevaluated.delete(s.name);
        const body = typeof s.body === 'function' ? s.body() : s.body;
        for (const x of body) if (x.k !== 'func' && x.k !== 'class') evalStmt(x, cls, true);
        for (const x of body) if (x.k === 'func' || x.k === 'class') evalStmt(x, cls, true);
        return;
      }
    }
  }

  function evalBlock(stmts: Stmt[], env: Env, top = false): void {
    for (const s of stmts) evalStmt(s, env, top);
  }

  function queueFunction(def: FunctionDef, env: Env, named: boolean): void {
    const f: FnState = { def, env, status: 'queued' };
    if (named && def.name && !functions.has(def.name)) functions.set(def.name, f);
    queue.push(f);
  }

  /**
   * Evaluates a function once. Called from a call site of the file (`args`), its parameters take the arguments'
   * values: only those for a private function, next to unknown callers' values for any other.
   */
  function runFunction(f: FnState, args?: SemArg[], callerEnv?: Env): void {
    f.status = 'running';
    const outer = current;
    current = f;
    // Run from its first call, a function sees the fields as the caller left them (`this.key = k; sink();`).
    const env = new Env(callerEnv ?? f.env);
    const positional = args?.filter((a) => !a.name);
    const params = typeof f.def.params === 'function' ? f.def.params() : f.def.params;
    // A Python method's `self` is not among the call's arguments.
    const skip = params[0] && (params[0].name === 'self' || params[0].name === 'cls') ? 1 : 0;
    params.forEach((p, i) => {
      const given = positional?.[i - skip]?.vals;
      let base = p.default ? union(evalExpr(p.default, env), UNKNOWN) : UNKNOWN;
      if (given) base = f.def.private ? given : union(given, UNKNOWN);
      env.vars.set(p.name, typed(typeName(p.type), storedIn({ ...base, type: undefined } as Vals, p.name)));
    });
    evalBlock(typeof f.def.body === 'function' ? f.def.body() : f.def.body, env);
    current = outer;
    f.status = 'done';
  }

  const moduleEnv = new Env();
  // The module's functions are known before its statements run, so a call at module level (`token = make("md5")`,
  // a script's `main()`) runs the function with its arguments, as a function's call does. Then the module-level
  // statements (constants, imports' effects), then the classes, then every function not yet run, once.
  for (const s of mod.body) if (s.k === 'func') evalStmt(s, moduleEnv, true);
  for (const s of mod.body) if (s.k !== 'func' && s.k !== 'class') evalStmt(s, moduleEnv, false);
  for (const s of mod.body) if (s.k === 'class') evalStmt(s, moduleEnv, true);
  // A function the file calls by name waits for its first call, which gives its parameters their values; the
  // rest, and those whose callers never ran, are evaluated with unknown parameters.
  const counts = new Map<string, number>();
  const called = (name: string): number => {
    let n = counts.get(name);
    if (n === undefined) counts.set(name, (n = mod.callCount?.(name) ?? 0));
    return n;
  };
  const waits = (f: FnState): boolean => !!f.def.name && functions.get(f.def.name) === f && called(f.def.name) > 1;
  // The callers of a wanted function that waits are wanted too: they give it its parameters.
  const waiting = [...functions.values()].filter((f) => waits(f) && wanted(f.def.node)).map((f) => f.def.name);
  const caller = waiting.length ? new RegExp(`(?<![\\w$])(?:${waiting.map((n) => n.replace(/[$]/g, '\\$')).join('|')})\\s*\\(`) : undefined;
  const wantedHere = (f: FnState): boolean => wanted(f.def.node) || (caller !== undefined && caller.test(f.def.node.text));
  for (let i = 0; i < queue.length; i++) {
    const f = queue[i]!;
    if (f.status === 'queued' && !waits(f) && wantedHere(f)) runFunction(f);
  }
  for (const f of queue) if (f.status === 'queued' && wanted(f.def.node)) runFunction(f);
  return model;
}
