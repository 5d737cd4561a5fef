import type { Node } from '../../engine/source/parse';
import { writesBefore } from '../shared/ast';
import { isSafeValue } from '../shared/safeValues';

// PHP pages build HTML in a variable and echo it later (`$html = "<li>" . $_GET['q']; ... echo $html;`), so
// the request value that reaches `echo` is often one or two assignments away from it.

const SUPERGLOBAL = /^\$_(GET|POST|REQUEST|COOKIE|SERVER|FILES)$/;

/** Where a request value in an echoed expression comes from: directly, or through a local variable. */
export interface EchoedInput {
  /** The variable that carries it to the echo, when it is not written there directly. */
  via?: Node;
  /** The write that put it into `via`. */
  write?: Node;
}

/**
 * The first request value that reaches the output unencoded inside `node`: a superglobal that no function call,
 * cast or safe value (a number, a ternary of constants, an allow-listed name) wraps, looked for through up to
 * `depth` local assignments.
 */
export function echoedInput(node: Node, depth = 2): EchoedInput | undefined {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (/call_expression$|^object_creation_expression$|^cast_expression$/.test(n.type)) continue;
    if (n.type === 'variable_name') {
      if (SUPERGLOBAL.test(n.text)) return {};
      if (depth > 0 && n.text !== '$this' && !isSafeValue(n, 'html')) {
        for (const w of writesBefore(n, n.text)) {
          if (echoedInput(w.value, depth - 1)) return { via: n, write: w.node };
        }
      }
      continue;
    }
    if (n !== node && isSafeValue(n, 'html')) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return undefined;
}
