import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from './types';
import { opt, optString } from './types';
import { referencesInScope } from './ast';

// A TLS library's "do not verify" constant (ssl.CERT_NONE, OpenSSL::SSL::VERIFY_NONE) turns verification off only
// where it is set. Libraries also read it: they compare a configured mode with it (`if mode == ssl.CERT_NONE`), test
// membership (`mode in (CERT_NONE, CERT_REQUIRED)`), keep a table from option names to constants
// (`{"none": ssl.CERT_NONE}`), or pick it in a conditional whose other branch verifies (`REQUIRED if verify else
// NONE`): the caller's own setting decides there, and a finding belongs where that setting is made. The same holds
// for a fallback read into a local that is only compared (`mode = opts.get("cert_reqs", ssl.CERT_NONE)`, then
// `if mode == ssl.CERT_NONE: return True`): the code asks which mode was configured, it configures none.

const COMPARISONS = new Set(['comparison_operator', 'pattern', 'when']);
const GROUPS = new Set(['tuple', 'list', 'set', 'array', 'parenthesized_expression']);
const CONDITIONALS = new Set(['conditional_expression', 'conditional', 'if', 'unless', 'ternary_expression']);
const BRANCHES = new Set(['then', 'else', 'block', 'body_statement']);

function isComparedOrListed(n: Node): boolean {
  let p = n.parent;
  while (p && GROUPS.has(p.type)) p = p.parent;
  if (!p) return false;
  if (p.type === 'binary' || p.type === 'binary_expression') {
    const op = p.childForFieldName('operator')?.text ?? '';
    return /^(?:==|!=|===|<=>)$/.test(op);
  }
  return COMPARISONS.has(p.type);
}

/** Calls that read a value with a fallback: the constant is their second argument. */
const FALLBACK_READS = /^(get|fetch|pop|getattr)$/;

/**
 * The constant is the fallback of a read (`opts.get(key, CERT_NONE)`) assigned to a local, and every later use of
 * the local is a comparison or a membership test.
 */
function isFallbackOnlyCompared(n: Node): boolean {
  const args = n.parent;
  const call = args?.parent;
  if (!args || !call || !/argument_list|arguments/.test(args.type) || args.namedChildren[0]?.id === n.id) return false;
  const fn = call.childForFieldName('function') ?? call.childForFieldName('method');
  const name = (fn?.childForFieldName('attribute') ?? fn?.childForFieldName('property') ?? fn)?.text ?? '';
  if (!FALLBACK_READS.test(name)) return false;
  const assign = call.parent;
  const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
  if (!left || left.type !== 'identifier') return false;
  // Later writes (`mode = ctx.verify_mode` on another branch) are not uses of this value.
  const isWrite = (r: Node): boolean => r.parent?.type === 'assignment' && r.parent.childForFieldName('left')?.id === r.id;
  // `opts.verify_mode` names an attribute, not the local.
  const isAttribute = (r: Node): boolean => r.parent?.type === 'attribute' && r.parent.childForFieldName('attribute')?.id === r.id;
  const uses = referencesInScope(call, left.text).filter((r) => r.startIndex > call.endIndex && !isWrite(r) && !isAttribute(r));
  return uses.length > 0 && uses.every((u) => isComparedOrListed(u));
}

/** A dictionary or hash entry keyed by a string or symbol: a lookup table from option names to constants. */
function isTableEntry(n: Node): boolean {
  const p = n.parent;
  if (!p || p.type !== 'pair') return false;
  const key = p.childForFieldName('key') ?? p.namedChildren[0];
  return key !== null && key !== undefined && key.id !== n.id && /^(?:string|simple_symbol|hash_key_symbol)$/.test(key.type);
}

/** In a conditional (at most two levels up) whose text also names `verifying`: the caller's flag chooses. */
function isBranchOfChoice(n: Node, verifying: RegExp): boolean {
  let p = n.parent;
  for (let i = 0; p && i < 3; i++, p = p.parent) {
    if (CONDITIONALS.has(p.type)) return verifying.test(p.text);
    if (!BRANCHES.has(p.type)) return false;
  }
  return false;
}

export const filters: Record<string, FilterHelper> = {
  /**
   * The constant (target) is set, not read: not compared, not a member of a list it is compared against, not a
   * value of a name-to-constant table, not one branch of a choice whose other branch is `verifying` (a regex).
   */
  tlsConstantIsSet: (_ctx, target, options) => {
    const node = target?.node;
    if (!node) return true;
    if (isComparedOrListed(node) || isTableEntry(node) || isFallbackOnlyCompared(node)) return false;
    const verifying = optString(options, 'verifying');
    return !(verifying && isBranchOfChoice(node, new RegExp(verifying)));
  },
};

export const options: Record<string, HelperOptions> = {
  tlsConstantIsSet: { verifying: opt.string },
};
