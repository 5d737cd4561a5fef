import type { Node } from '../../engine/source/parse';
import { FUNCTION_TYPES, isFunctionNode } from './functionNodes';
import { enclosingClass } from './ast';
import { arityOf, functionName, shapeOf } from './taintSyntax';
import { functionDefs, targetName } from './reaching';
import { treeFact } from '../../engine/incremental/documentFacts';
import { sourceOf } from '../../engine/source/parse';
import { escapeRegExp } from './types';

// What the taint engine knows about the functions of one file: the definitions by name, the calls by callee name
// and the writes to object fields, each found by one walk per tree. The per-function summaries themselves (which
// parameter reaches the return value, whether a source does) are computed on demand by taint.ts and memoised there;
// this file only finds the code they read.

const CALL_TYPES = ['call', 'call_expression', 'method_invocation', 'invocation_expression', 'function_call_expression', 'member_call_expression', 'scoped_call_expression'];
const WRITE_TYPES = ['assignment', 'assignment_expression', 'augmented_assignment', 'augmented_assignment_expression', 'operator_assignment'];
const FIELD_DECLS = ['field_declaration', 'property_declaration', 'public_field_definition', 'field_definition'];
const RETURNS = ['return_statement', 'return'];

export interface FieldWrite {
  value: Node;
  node: Node;
  /** Written as a bare name (`dataBad = data` in a Java method): a field write only where such a field is declared. */
  bare: boolean;
}

interface FileIndex {
  functions: Map<string, Node[]>;
  calls: Map<string, Node[]>;
  /** Writes to `this.f`, `self.f`, `$this->f`, `@f`, and bare `f` inside methods, by field name. */
  fieldWrites: Map<string, FieldWrite[]>;
  /** Field declarations with their initial value (null when there is none), by name. */
  fields: Map<string, Node | null>;
  returns: Map<string, Node[]>;
}

const perTree = new WeakMap<object, FileIndex>();

/** Receivers that keep a call inside the same object or file: none, `this`, `self`, `$this`, `static`, `self::`. */
export function isLocalReceiver(recv: Node | null): boolean {
  return !recv || /^(this|self|\$this|static|parent|super|base|Me)$/.test(recv.text);
}

/** The field a write target or a read names (`this.f`, `self.f`, `$this->f`, `@f`), or undefined. */
export function fieldName(n: Node): string | undefined {
  if (n.type === 'instance_variable') return n.text.slice(1);
  const s = shapeOf(n);
  if (s.kind === 'member' && /^(this|self|\$this)$/.test(s.object.text)) return s.property.replace(/^\$/, '');
  return undefined;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function fnKey(fn: Node): string {
  return `${fn.startIndex}:${fn.endIndex}`;
}

export function fileIndex(root: Node): FileIndex {
  const known = perTree.get(root.tree);
  if (known) return known;
  const idx: FileIndex = { functions: new Map(), calls: new Map(), fieldWrites: new Map(), fields: new Map(), returns: new Map() };
  const types = [...new Set([...FUNCTION_TYPES, ...CALL_TYPES, ...WRITE_TYPES, ...FIELD_DECLS, ...RETURNS])];
  // Functions come before what they contain in document order, so a stack of open functions gives each node its own.
  const open: Node[] = [];
  for (const n of root.descendantsOfType(types)) {
    if (!n) continue;
    while (open.length > 0 && open[open.length - 1]!.endIndex <= n.startIndex) open.pop();
    if (isFunctionNode(n)) {
      const name = functionName(n);
      if (name) push(idx.functions, name, n);
      open.push(n);
      continue;
    }
    const t = n.type;
    if (CALL_TYPES.includes(t)) {
      const s = shapeOf(n);
      if (s.kind === 'call' && s.name) push(idx.calls, s.name, n);
    } else if (WRITE_TYPES.includes(t)) {
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      if (!l || !r) continue;
      const named = fieldName(l);
      const f = named ?? (open.length > 0 && l.type === 'identifier' ? targetName(l) : undefined);
      if (f) push(idx.fieldWrites, f, { value: r, node: n, bare: !named });
    } else if (FIELD_DECLS.includes(t)) {
      for (const d of n.descendantsOfType(['variable_declarator', 'property_element'])) {
        if (!d) continue;
        const name = (d.childForFieldName('name') ?? d.namedChild(0))?.text.replace(/^\$/, '');
        const value = d.childForFieldName('value') ?? (d.namedChildCount > 1 ? d.namedChild(d.namedChildCount - 1) : null);
        if (name) idx.fields.set(name, value);
      }
      const name = n.childForFieldName('name') ?? n.childForFieldName('property');
      if (name && !idx.fields.has(name.text)) idx.fields.set(name.text.replace(/^#/, ''), n.childForFieldName('value'));
    } else if (RETURNS.includes(t)) {
      const fn = open[open.length - 1];
      if (fn) push(idx.returns, fnKey(fn), n);
    }
  }
  perTree.set(root.tree, idx);
  return idx;
}

const byName = new WeakMap<object, Map<string, { functions: Node[]; calls: Node[] }>>();

/**
 * The functions named `name` and the calls to that name, found from the name's occurrences in the text (each
 * climbed to its call or definition) rather than by walking the tree: an edit re-checks a few names, and that must
 * not cost a walk of the whole file per keystroke.
 */
export function namedSites(root: Node, name: string): { functions: Node[]; calls: Node[] } {
  let memo = byName.get(root.tree);
  if (!memo) byName.set(root.tree, (memo = new Map()));
  const known = memo.get(name);
  if (known) return known;
  const out = { functions: [] as Node[], calls: [] as Node[] };
  const seen = new Set<string>();
  if (/^[\w$]+$/.test(name)) {
    const text = sourceOf(root);
    const re = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'g');
    for (const m of text.matchAll(re)) {
      let n: Node | null = root.descendantForIndex(m.index, m.index + name.length);
      for (let up = 0; n && up < 4; up++, n = n.parent) {
        const key = `${n.startIndex}:${n.endIndex}:${n.type}`;
        if (isFunctionNode(n)) {
          if (functionName(n) === name && !seen.has(key)) {
            seen.add(key);
            out.functions.push(n);
          }
          break;
        }
        if (CALL_TYPES.includes(n.type)) {
          const s = shapeOf(n);
          const args = n.childForFieldName('arguments');
          if (s.kind === 'call' && s.name === name && (!args || m.index < args.startIndex) && !seen.has(key)) {
            seen.add(key);
            out.calls.push(n);
          }
          break;
        }
      }
    }
  }
  memo.set(name, out);
  return out;
}

/** The definitions a call can reach in this file: by name, with a local receiver, and an arity that fits. */
export function calleesOf(call: Node, name: string, receiver: Node | null, argc: number): Node[] {
  if (!isLocalReceiver(receiver)) return [];
  const fns = namedSites(call.tree.rootNode, name).functions;
  // `parent::current()`, `super.load()`, `base.Run()` call the parent class's method: one of the class it
  // extends when the file defines that class, never one of the class the call is written in (the method around
  // it above all: it would read as calling itself), nor of an unrelated class that has a method of that name.
  const parent = receiver && /^(parent|super|base)$/.test(receiver.text) ? baseClassOf(call) : undefined;
  return fns.filter((f) => {
    if (parent !== undefined && (parent === '' || classNameOf(enclosingClass(f)) !== parent)) return false;
    const n = arityOf(f);
    return argc <= n || /\.\.\.|\*|params /.test(f.childForFieldName('parameters')?.text ?? '');
  });
}

/** The nearest class-like declaration around `n` (a class, trait, interface, struct, module), if any. */
/** A class declaration's own name (its last segment), or undefined. */
function classNameOf(cls: Node | undefined): string | undefined {
  return cls?.childForFieldName('name')?.text.split(/[.\\:]/).pop();
}

/**
 * The last segment of the name of the class that the class around `call` extends (`extends Base`, `: Base`,
 * `< Base`), or '' when it extends none that can be read.
 */
function baseClassOf(call: Node): string {
  const cls = enclosingClass(call);
  const body = cls?.childForFieldName('body');
  if (!cls || !body) return '';
  const header = cls.text.slice(0, body.startIndex - cls.startIndex);
  const m = /(?:\bextends\s+|^[^:(]*?\bclass\s+[\w$]+\s*(?:<\s*|:\s*))([\w$.\\:]+)/.exec(header);
  return m?.[1]!.split(/[.\\:]/).filter(Boolean).pop() ?? '';
}

/** The calls in this file that can reach `fn`. */
export function callersOf(fn: Node): Node[] {
  const name = functionName(fn);
  if (!name) return [];
  const n = arityOf(fn);
  return namedSites(fn.tree.rootNode, name).calls.filter((c) => {
    const s = shapeOf(c);
    return s.kind === 'call' && isLocalReceiver(s.receiver) && s.args.length <= n;
  });
}

/** The values `fn` returns: its return statements' values, an arrow's expression body, Ruby's last expression. */
export function returnedValues(fn: Node): Node[] {
  const body = fn.childForFieldName('body');
  if (body && fn.type === 'arrow_function' && body.type !== 'statement_block') return [body];
  const out: Node[] = [];
  // The function's own returns: those whose innermost enclosing function is this one.
  const own = fn.descendantsOfType(RETURNS).filter((r): r is Node => {
    if (!r) return false;
    for (let p = r.parent; p; p = p.parent) if (isFunctionNode(p)) return p.startIndex === fn.startIndex && p.endIndex === fn.endIndex;
    return false;
  });
  for (const r of own) {
    const v = r.namedChild(0);
    if (v) out.push(v.type === 'expression_list' && v.namedChildCount === 1 ? v.namedChild(0)! : v);
  }
  if ((fn.type === 'method' || fn.type === 'singleton_method') && out.length === 0) {
    const stmts = (fn.childForFieldName('body') ?? fn).namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const last = stmts[stmts.length - 1];
    if (last && !/parameters|identifier/.test(last.type)) out.push(last);
  }
  return out;
}

/** Writes to field `name` anywhere in the file, and its declared initial value. */
export function fieldValues(root: Node, name: string): { writes: FieldWrite[]; declared: boolean; initial: Node | null } {
  const idx = fileIndex(root);
  const declared = idx.fields.has(name);
  const all = idx.fieldWrites.get(name) ?? [];
  return { writes: declared ? all : all.filter((w) => !w.bare), declared, initial: idx.fields.get(name) ?? null };
}

/**
 * Records, for the editor's incremental analysis, that a finding rests on the functions named `name` and their
 * callers (or on the writes to a field): an edit to any of them invalidates the findings carried over.
 */
export function recordDependency(node: Node, what: 'function' | 'field' | 'module', name: string): void {
  treeFact(
    node,
    `taint-${what}/${name}`,
    (root) => {
      const idx = fileIndex(root);
      if (what === 'module') return (functionDefs(root).byName.get(name) ?? []).map((d) => d.node.text).join('\u0000');
      const nodes = what === 'function' ? [...(idx.functions.get(name) ?? []), ...(idx.calls.get(name) ?? [])] : (idx.fieldWrites.get(name) ?? []).map((w) => w.node);
      // A field's declaration counts too: `const string t = "x"` becoming `static string t = Console.ReadLine()`.
      const declared = what === 'field' && idx.fields.has(name) ? `\u0001${idx.fields.get(name)?.text ?? ''}` : '';
      return nodes.map((n) => n.text).join('\u0000') + declared;
    },
    String,
  );
}
