// Fingerprints: what a baseline and SARIF's partialFingerprints remember a finding by. One function for the
// editor and the CLI (the engine calls it while publishing findings), so both give every finding the same value.
//
// Version 2 (current) reads the syntax tree: the tokens of the statement that holds the finding, so a formatter
// cannot make an accepted finding look new. Whitespace, line breaks and comments are not tokens; quote style is
// normalised ('MD5' and "MD5" are one token); a comma before a closing bracket (the "magic trailing comma" that
// black and prettier add when they wrap) and the brackets of a parenthesised expression (black's wrapping parens)
// are dropped. Findings with no tree (configuration files, text) or inside a comment keep version 1's text
// normalisation, so their fingerprints are the same in both versions.
//
// Version 1 hashed the flagged lines with whitespace collapsed. It is still computed on request
// (AnalysisOptions.legacyFingerprints), so a baseline written by an older Vigil keeps matching.
import { createHash } from 'crypto';
import type { Node, Tree } from '../source/parse';

export const FINGERPRINT_VERSION = 2;

/** A statement with more tokens than this is too big to remember a finding by; a smaller part of it is used. */
const MAX_TOKENS = 80;

/**
 * Node types that hold statements or declarations: climbing from a finding stops below them, and a statement's
 * own blocks (an `if` body, a function body) are not part of it. The names are the grammars' (tree-sitter).
 */
const CONTAINER = /^(program|module|source_file|translation_unit|compilation_unit|chunk|stream|document|config_file|block|statement_block|compound_statement|suite|body|body_statement|block_body|class_body|enum_body|interface_body|declaration_list|field_declaration_list|enum_member_declaration_list|switch_body|switch_block|do_block|then|else|begin_block|template_body|namespace_body)$/;

function hashOf(ruleId: string, path: string, normalised: string, occurrence: number): string {
  const h = createHash('sha256');
  h.update(ruleId).update('\0').update(path.replace(/\\/g, '/')).update('\0').update(normalised);
  if (occurrence > 0) h.update('\0').update(String(occurrence));
  return h.digest('hex').slice(0, 32);
}

/** Version 1's normalisation of the flagged lines: whitespace runs collapsed to one space. */
export function textKey(flaggedLines: string): string {
  return flaggedLines.replace(/\s+/g, ' ').trim();
}

/**
 * The fingerprint from a normalised key (textKey or tokenKey) and the occurrence number of that key for the same
 * rule in the file, when identical code is flagged twice. Secrets never appear in it: the whole key is hashed.
 */
export function fingerprintOf(ruleId: string, path: string, key: string, occurrence: number): string {
  return hashOf(ruleId, path, key, occurrence);
}

/** A token as the fingerprint sees it: a string delimiter with any prefix (b", f''', @") becomes prefix + `"`. */
function tokenText(t: string): string {
  const delimiter = /^([A-Za-z@$]*)("""|'''|"|'|`)$/.exec(t);
  if (delimiter) return `${delimiter[1]}"`;
  const whole = /^([A-Za-z@]*)(["'])([\s\S]*)\2$/.exec(t);
  if (whole && !whole[3].includes(whole[2])) return `${whole[1]}"${whole[3]}"`;
  return t;
}

const CLOSERS = new Set([')', ']', '}']);

/**
 * The tokens of `node` (leaves; comments and nested containers left out), or undefined past `limit`. Empty-text
 * leaves (missing nodes inserted by error recovery) are not tokens. A tree cursor walks the subtree: a key is
 * read for every new finding on every keystroke, and a cursor step costs far less than a Node per child.
 */
function tokensOf(node: Node, source: string, limit: number): string[] | undefined {
  const out: string[] = [];
  const cursor = node.walk();
  try {
    // The types of the nodes above the cursor, up to the parent of `node`.
    const parents: string[] = [node.parent?.type ?? ''];
    for (;;) {
      const type = cursor.nodeType;
      const root = parents.length === 1;
      if (!type.includes('comment') && (root || !(cursor.nodeIsNamed && CONTAINER.test(type)))) {
        if (cursor.gotoFirstChild()) {
          parents.push(type);
          continue;
        }
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        if (end > start && !(parents[parents.length - 1] === 'parenthesized_expression' && (type === '(' || type === ')'))) {
          out.push(tokenText(source.slice(start, end)));
          if (out.length > limit) return undefined;
        }
      }
      // The next node: a sibling, or a sibling of the nearest parent that has one, until back at `node`.
      for (;;) {
        if (parents.length === 1) return out.filter((t, i) => !(t === ',' && CLOSERS.has(out[i + 1] ?? '')));
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        parents.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

function isContainer(n: Node): boolean {
  return n.isNamed && CONTAINER.test(n.type);
}

/**
 * Version 2's key: the tokens of the statement around [start, end), or undefined when there is no tree to read
 * or the finding is not in code (a comment, a region the parser did not see), where the text key applies.
 */
export function tokenKey(tree: Tree | undefined, source: string, start: number, end: number): string | undefined {
  if (!tree) return undefined;
  let node: Node | null = tree.rootNode.descendantForIndex(start, Math.max(start, end - 1));
  if (!node || node.type.includes('comment') || isContainer(node) || !node.parent) return undefined;
  // The node the finding is on counts whatever its size; its parents only while they stay small.
  let best = tokensOf(node, source, Infinity)!;
  for (;;) {
    const parent: Node | null = node.parent;
    if (!parent || isContainer(parent)) break;
    const toks = tokensOf(parent, source, MAX_TOKENS);
    if (!toks) break;
    best = toks;
    node = parent;
  }
  return best.length > 0 ? tokenJoin(best) : undefined;
}

function tokenJoin(tokens: string[]): string {
  // The version marker keeps a token key from ever equalling a text key of other code.
  return `v2\0${tokens.join('\u0001')}`;
}
