import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from './types';

// Deserialising what the program itself just serialised is not reading outside data: a deep copy through
// `Marshal.load(Marshal.dump(x))` or `pickle.loads(pickle.dumps(x))`, and the class's own hooks that a
// serialiser calls back with the object's own bytes (`def self._load(s)`, PHP `Serializable::unserialize`). The
// risk sits where the outer load reads the untrusted stream; that call is reported there.

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

export const filters: Record<string, FilterHelper> = {
  /** The load (target: the call) reads back the program's own serialised data: a round-trip copy or a hook. */
  deserializesOwnData: (_ctx, target) => {
    const call = target?.node;
    if (!call) return false;
    const arg = firstArgument(call);
    if (arg && DUMP_CALL.test(arg.text)) return true;
    const fn = enclosingFunctionName(call);
    return fn !== undefined && HOOKS.has(fn);
  },
};

export const options: Record<string, HelperOptions> = {
  deserializesOwnData: {},
};
