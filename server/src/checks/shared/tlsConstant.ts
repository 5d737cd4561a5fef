import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from './types';
import { opt, optString } from './types';

// A TLS library's "do not verify" constant (ssl.CERT_NONE, OpenSSL::SSL::VERIFY_NONE) turns verification off only
// where it is set. Libraries also read it: they compare a configured mode with it (`if mode == ssl.CERT_NONE`), test
// membership (`mode in (CERT_NONE, CERT_REQUIRED)`), keep a table from option names to constants
// (`{"none": ssl.CERT_NONE}`), or pick it in a conditional whose other branch verifies (`REQUIRED if verify else
// NONE`): the caller's own setting decides there, and a finding belongs where that setting is made.

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
    if (isComparedOrListed(node) || isTableEntry(node)) return false;
    const verifying = optString(options, 'verifying');
    return !(verifying && isBranchOfChoice(node, new RegExp(verifying)));
  },
};

export const options: Record<string, HelperOptions> = {
  tlsConstantIsSet: { verifying: opt.string },
};
