import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { referencesInScope } from '../shared/ast';

// A connectivity probe: a request made only to learn whether the network answers (`$ok = file_get_contents(
// 'https://8.8.8.8', false, $ctx); if (false !== $ok) ...`). Its response is never read, only compared with
// false or null, so a peer that impersonates the server can change nothing the program uses. Verification turned
// off in such a request's options is not reported; a request whose body is used keeps the finding.

const CALLS = /^(call_expression|function_call_expression|member_call_expression|scoped_call_expression|call)$/;
const ASSIGNMENTS = /^(assignment_expression|assignment|variable_declarator)$/;
const EMPTY = /^(false|FALSE|False|null|NULL|nil|None|undefined)$/;

/** The call around `n` whose arguments hold it, walking out through arrays and nested calls (stream_context_create). */
function outermostCall(n: Node): Node | undefined {
  let call: Node | undefined;
  for (let p = n.parent; p; p = p.parent) {
    if (CALLS.test(p.type)) call = p;
    else if (!/array|argument|element|pair|object|arguments/.test(p.type)) break;
  }
  return call;
}

/** `x === false`, `false !== x`, `x == null`, `!x`: a comparison of the use with an empty value. */
function comparedWithEmpty(use: Node): boolean {
  const p = use.parent;
  if (!p) return false;
  if (/unary/.test(p.type) && p.text.trimStart().startsWith('!')) return true;
  if (!/binary_expression|comparison_operator|binary/.test(p.type)) return false;
  const op = p.childForFieldName('operator')?.text ?? p.child(1)?.text ?? '';
  if (!/^(===|!==|==|!=|is|is not)$/.test(op)) return false;
  const other = p.namedChildren.find((c) => c !== null && c.id !== use.id);
  return other !== null && other !== undefined && EMPTY.test(other.text);
}

export const filters: Record<string, FilterHelper> = {
  /** The option (target) configures a request whose result is assigned to a local that is only compared with an empty value. */
  tlsProbeOnly: (_ctx, target) => {
    const node = target?.node;
    if (!node) return false;
    const call = outermostCall(node);
    const assign = call?.parent;
    if (!call || !assign || !ASSIGNMENTS.test(assign.type)) return false;
    const left = assign.childForFieldName('left') ?? assign.childForFieldName('name');
    if (!left || !/^(variable_name|identifier)$/.test(left.type)) return false;
    const uses = referencesInScope(call, left.text).filter((r) => r.startIndex >= assign.endIndex);
    return uses.length > 0 && uses.every(comparedWithEmpty);
  },
};

export const options: Record<string, HelperOptions> = {
  tlsProbeOnly: {},
};
