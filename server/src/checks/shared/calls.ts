import type { Node } from '../../engine/source/parse';

// A call's arguments in every grammar: the one copy for the helpers that count, read or skip them.

/** The argument list node of a call, whatever the grammar calls it. */
export function argumentsOf(call: Node): Node | null {
  return call.childForFieldName('arguments') ?? call.namedChildren.find((c) => c?.type === 'argument_list' || c?.type === 'arguments') ?? null;
}

/** The argument expressions of a call (C# and PHP wrap each one in an `argument` node; unwrapped here). */
export function argumentNodes(call: Node): Node[] {
  const args = argumentsOf(call);
  if (!args) return [];
  // Python's `f(x for x in xs)`: the generator is the call's one argument, not its body and clauses.
  if (args.type === 'generator_expression') return [args];
  const out: Node[] = [];
  for (const a of args.namedChildren) {
    if (!a || a.type === 'comment') continue;
    out.push(a.type === 'argument' && a.namedChildCount > 0 ? a.namedChild(a.namedChildCount - 1)! : a);
  }
  return out;
}

/** The text of a call up to its argument list, spaces removed: `shlex.quote`, `$this->esc`, `DOMPurify.sanitize`. */
export function calleeText(call: Node): string {
  const args = call.childForFieldName('arguments');
  const end = args ? args.startIndex : call.endIndex;
  return call.text.slice(0, end - call.startIndex).replace(/\s+/g, '').replace(/\?\.$/, '');
}
