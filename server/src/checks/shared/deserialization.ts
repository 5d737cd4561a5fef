import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions, MatchContext } from './types';
import { outsideOnlyFor } from './types';
import { taintAt } from './taint';

// Deserialising what the program itself just serialised is not reading outside data: a deep copy through
// `Marshal.load(Marshal.dump(x))` or `pickle.loads(pickle.dumps(x))`, and the class's own hooks that a
// serialiser calls back with the object's own bytes (`def self._load(s)`, PHP `Serializable::unserialize`). The
// risk sits where the outer load reads the untrusted stream; that call is reported there. Likewise a file the
// program names itself (a cache, its state, its bundled data: `Marshal.load(File.read(@cache_file))`, `with
// Path(self.statefn).open("rb") as f: pickle.load(f)`): no outside input reaches the path, so whoever can write
// that file can already change the program. A path from a request, or a parameter callers fill, still counts.

/** A call of a serialiser's dumping half, as the first argument shows it. */
const DUMP_CALL = /^(?:(?:pickle|cPickle|_pickle|dill|cloudpickle|Marshal|YAML|Psych)\s*\.\s*dumps?|serialize|igbinary_serialize)\s*\(/;

/** Methods a serialiser calls back with the object's own serialised state. */
const HOOKS = new Set(['_load', 'marshal_load', 'unserialize', '__unserialize', '__wakeup', 'init_with', '__setstate__', '__reduce__']);

const FUNCTION_TYPES = new Set(['method', 'singleton_method', 'method_declaration', 'function_definition']);

function firstArgument(call: Node): Node | undefined {
  const args = call.childForFieldName('arguments');
  const first = args?.namedChildren.find((c) => c !== null && c.type !== 'comment');
  if (!first) return undefined;
  // PHP wraps each argument in an `argument` node.
  return first.type === 'argument' ? (first.namedChildren[0] ?? undefined) : first;
}

function enclosingFunctionName(n: Node): string | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (FUNCTION_TYPES.has(p.type)) return p.childForFieldName('name')?.text;
  }
  return undefined;
}

/** Ruby `File.read(p)`, `IO.binread(p)`, `File.open(p)`: the path is the first argument. */
const RUBY_FILE_CLASS = /^(::)?(File|IO)$/;
const RUBY_FILE_READS = /^(read|binread|open|readlines)$/;
/** Python `Path(p).open()`, `p.read_bytes()`: the path is the receiver. */
const PY_PATH_READS = /^(open|read_bytes|read_text)$/;

function firstArg(call: Node): Node | undefined {
  const args = call.childForFieldName('arguments');
  return args?.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'block') ?? undefined;
}

/** The handle `name` is bound to: Ruby's `File.open(p) { |f| .. }` block, Python's `with open(p) as f`. */
function handleOpener(node: Node, name: string): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if ((p.type === 'block' || p.type === 'do_block') && p.namedChildren.some((c) => c?.type === 'block_parameters' && c.namedChildren.some((x) => x?.text === name))) {
      return p.parent?.type === 'call' ? p.parent : undefined;
    }
    if (p.type === 'with_statement') {
      for (const item of p.descendantsOfType('as_pattern')) {
        if (item?.childForFieldName('alias')?.text === name) return item.namedChild(0) ?? undefined;
      }
    }
    if (FUNCTION_TYPES.has(p.type)) return undefined;
  }
  return undefined;
}

/** The path of the file whose contents `n` is (`File.read(p)`, `f.read` of an opened `p`, `open(p)`), if any. */
function readFilePath(n: Node, depth = 0): Node | undefined {
  if (depth > 3) return undefined;
  if (n.type === 'identifier') {
    const opener = handleOpener(n, n.text);
    return opener ? readFilePath(opener, depth + 1) : undefined;
  }
  if (n.type !== 'call') return undefined;
  const receiver = n.childForFieldName('receiver');
  const method = n.childForFieldName('method')?.text;
  if (receiver && method) {
    if (RUBY_FILE_CLASS.test(receiver.text) && RUBY_FILE_READS.test(method)) return firstArg(n);
    if (/^(read|binread)$/.test(method)) return readFilePath(receiver, depth + 1);
    return undefined;
  }
  const fn = n.childForFieldName('function');
  if (fn?.type === 'identifier' && fn.text === 'open') return firstArg(n);
  if (fn?.type === 'attribute') {
    const attr = fn.childForFieldName('attribute')?.text ?? '';
    const obj = fn.childForFieldName('object');
    if (obj && PY_PATH_READS.test(attr)) return obj;
    if (obj && attr === 'read') return readFilePath(obj, depth + 1);
  }
  return undefined;
}

/**
 * The load reads a file at a path no outside input and no parameter reaches. A path the operator sets (an
 * environment variable, a property) names the program's own file under the default threat model; under `local`
 * that environment is untrusted, so such a path is input like a request's (outsideOnlyFor).
 */
function readsOwnFile(ctx: MatchContext, call: Node): boolean {
  const arg = firstArgument(call);
  const path = arg ? readFilePath(arg) : undefined;
  return path !== undefined && taintAt(path, ctx.doc.languageId, { outsideOnly: outsideOnlyFor(ctx, true) }) === undefined;
}

export const filters: Record<string, FilterHelper> = {
  /** The load (target: the call) reads back the program's own serialised data: a round-trip copy, a hook, its own file. */
  deserializesOwnData: (ctx, target) => {
    const call = target?.node;
    if (!call) return false;
    const arg = firstArgument(call);
    if (arg && DUMP_CALL.test(arg.text)) return true;
    const fn = enclosingFunctionName(call);
    if (fn !== undefined && HOOKS.has(fn)) return true;
    return readsOwnFile(ctx, call);
  },
};

export const options: Record<string, HelperOptions> = {
  deserializesOwnData: {},
};
