import type { Node } from '../../engine/source/parse';
import { fileConstantValue } from './ast';
import { declarationSites } from './declarations';
import { treeFact } from '../../engine/incremental/documentFacts';

// Conditions whose value is known without running the program: `true`, `5 == 5`, a file constant such as
// `private static final boolean DEBUG = false`, or a private field that is initialised with a literal and never
// written again. A branch guarded by a false one can never run, so a write or a sink in it does not count.

const TRUE = /^(true|True|TRUE)$/;
const FALSE = /^(false|False|FALSE)$/;

function literal(n: Node): number | boolean | undefined {
  const t = n.text.trim();
  if (TRUE.test(t)) return true;
  if (FALSE.test(t)) return false;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

/** Fields declared once with a literal value and never assigned anywhere else in the file (Java, C#, JS classes). */
function unchangedField(root: Node, name: string): Node | undefined {
  const text = root.text;
  // Cheap pre-check on the text: the name assigned (`name =`, `this.name =`) exactly once, in its declaration.
  const re = new RegExp(`(?<![\\w$.])(?:this\\.)?${name}\\s*(?:[-+*/%&|^]?=(?!=)|\\+\\+|--)`, 'g');
  const hits = text.match(re);
  if (!hits || hits.length !== 1) return undefined;
  const idx = text.search(new RegExp(`(?<![\\w$.])${name}\\s*=(?!=)`));
  if (idx < 0) return undefined;
  let n: Node | null = root.descendantForIndex(idx, idx + name.length);
  while (n && n.type !== 'variable_declarator') n = n.parent;
  if (!n || n.parent?.type !== 'field_declaration') return undefined;
  return n.childForFieldName('value') ?? undefined;
}

const MODULE_ASSIGNMENT = new Set(['assignment']);

/** Python and Ruby: a name assigned exactly once, at the top level of the file. */
function moduleValue(root: Node, name: string): Node | undefined {
  const sites = declarationSites(root, name, MODULE_ASSIGNMENT).filter((n) => n.childForFieldName('left')?.text === name);
  if (sites.length !== 1) return undefined;
  const site = sites[0]!;
  const top = site.parent?.type === 'expression_statement' ? site.parent.parent : site.parent;
  if (!top || (top.type !== 'module' && top.type !== 'program')) return undefined;
  return site.childForFieldName('right') ?? undefined;
}

const memos = new WeakMap<object, Map<string, number | boolean | undefined>>();

function valueOf(n: Node, depth: number, isLocal?: (name: string) => boolean): number | boolean | undefined {
  if (depth > 6) return undefined;
  const t = n.type;
  if (t === 'parenthesized_expression' || t === 'condition_clause') {
    const inner = n.namedChild(n.namedChildCount - 1);
    return inner ? valueOf(inner, depth + 1, isLocal) : undefined;
  }
  const lit = literal(n);
  if (lit !== undefined && !/identifier/.test(t)) return lit;
  if (t === 'unary_expression' || t === 'not_operator' || t === 'unary') {
    const op = n.child(0)?.text;
    const inner = n.namedChild(n.namedChildCount - 1);
    if ((op === '!' || op === 'not') && inner) {
      const v = valueOf(inner, depth + 1, isLocal);
      return typeof v === 'boolean' ? !v : undefined;
    }
    return undefined;
  }
  if (t === 'binary_expression' || t === 'comparison_operator' || t === 'binary' || t === 'boolean_operator') {
    const l = n.childForFieldName('left') ?? n.namedChild(0);
    const r = n.childForFieldName('right') ?? n.namedChild(1);
    const op = n.childForFieldName('operator')?.text ?? n.child(1)?.text;
    if (!l || !r) return undefined;
    const a = valueOf(l, depth + 1, isLocal);
    const b = valueOf(r, depth + 1, isLocal);
    if (op === '&&' || op === 'and') return a === false || b === false ? false : a === true && b === true ? true : undefined;
    if (op === '||' || op === 'or') return a === true || b === true ? true : a === false && b === false ? false : undefined;
    if (a === undefined || b === undefined) return undefined;
    switch (op) {
      case '==':
      case '===':
        return a === b;
      case '!=':
      case '!==':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      case '>=':
        return a >= b;
      default:
        return undefined;
    }
  }
  if (t === 'identifier') {
    // A name written in its own function is a local, not a file constant: nothing to look up in the rest of the file.
    const name = n.text;
    if (isLocal?.(name)) return undefined;
    // Read from the rest of the file: recorded as a fact (the editor re-checks it after an edit) and memoised per tree.
    let memo = memos.get(n.tree);
    if (!memo) memos.set(n.tree, (memo = new Map()));
    if (!memo.has(name)) {
      memo.set(name, undefined);
      const v = treeFact(n, `taint-condition/${name}`, (root) => {
        const c = fileConstantValue(root, name) ?? unchangedField(root, name) ?? moduleValue(root, name);
        const r = c ? valueOf(c, depth + 1) : undefined;
        return r === undefined ? 'unknown' : String(r);
      }, String);
      memo.set(name, v === 'true' ? true : v === 'false' ? false : v === 'unknown' ? undefined : Number(v));
    }
    return memo.get(name);
  }
  return undefined;
}

/**
 * The value of a branch or loop condition when it is known, else undefined. `isLocal` tells which names the
 * function writes itself (locals are no file constants, so nothing in the rest of the file is looked up for them).
 */
export function constantTruth(cond: Node, isLocal?: (name: string) => boolean): boolean | undefined {
  let memo = truths.get(cond.tree);
  if (!memo) truths.set(cond.tree, (memo = new Map()));
  const key = `${cond.startIndex}:${cond.endIndex}`;
  if (memo.has(key)) return memo.get(key);
  const v = valueOf(cond, 0, isLocal);
  const out = typeof v === 'boolean' ? v : undefined;
  memo.set(key, out);
  return out;
}

const truths = new WeakMap<object, Map<string, boolean | undefined>>();
