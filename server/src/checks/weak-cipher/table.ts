import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { capture } from '../shared/types';
import { isFunctionNode } from '../shared/functionNodes';

// A weak cipher that is one entry of a table of algorithms which also offers AES or ChaCha20: a `switch` on the
// cipher id an OpenPGP packet or an SSH negotiation names, a map from names to constructors, a `match` on a
// configured algorithm. The peer or the file picks the entry, and an implementation of the protocol must read what
// it is sent. The weakness is real but it is the protocol's (offering the algorithm at all), so the finding stays,
// as a note (info). A weak cipher written on its own keeps the rule's severity.

/** The parts of a choice: switch and match arms, an if chain's elif/else, the entries of a map or dict literal. */
const BRANCHES = new Set([
  'expression_case', // Go switch
  'keyed_element', // Go map literal
  'switch_block_statement_group', // Java
  'switch_rule',
  'switch_section', // C#
  'switch_expression_arm',
  'switch_case', // JavaScript / TypeScript
  'case_clause', // Python match
  'elif_clause',
  'else_clause',
  'when', // Ruby case
  'case_statement', // PHP switch
  'match_conditional_expression', // PHP match
  'array_element_initializer', // PHP array
  'pair', // JavaScript object, Python dict, Ruby hash
]);

/** A strong algorithm named in another branch: `aes.NewCipher`, `CipherAES128`, `Aes.Create()`, `chacha20poly1305`. */
const STRONG = /AES|Aes|\baes|ChaCha20|[Cc]hacha20/;

/** Whether `node` sits in one branch of a choice whose other branches name a strong algorithm. */
export function inAlgorithmTable(node: Node): boolean {
  let n: Node | null = node;
  for (let depth = 0; n && depth < 10 && !isFunctionNode(n); depth++, n = n.parent) {
    // The first branch of a Python if/elif chain is the `if`'s own block.
    const firstOfChain = n.type === 'block' && n.parent?.type === 'if_statement' && n.parent.namedChildren.some((c) => c?.type === 'elif_clause');
    if (!BRANCHES.has(n.type) && !firstOfChain) continue;
    const branch: Node = n;
    // The other branches are the siblings under the choice (a switch body, an if, a map literal).
    const choice = branch.parent;
    if (!choice) return false;
    return choice.namedChildren.some((c) => c !== null && c.id !== branch.id && STRONG.test(c.text));
  }
  return false;
}

export const filters: Record<string, FilterHelper> = {
  /** Lowers the finding to info when the weak cipher is one entry of an algorithm table offering AES or ChaCha20. Always keeps it. */
  cipherFromTable: (ctx, target) => {
    const node = target?.node ?? capture(ctx, 'finding')?.node;
    if (node && inAlgorithmTable(node)) ctx.severity = 'info';
    return true;
  },
};

export const options: Record<string, HelperOptions> = { cipherFromTable: {} };
