import { sourceOf, type Tree } from './parse';

// Where each word of a file starts: the maximal runs of identifier characters ([A-Za-z0-9_$]), by text. Helpers
// that look for the other places a name occurs (a field's readers, a function's callers, whether an edited
// statement's names are mentioned elsewhere) ask this instead of running a regex over the whole file per name.
// Built once per tree; in an editor session the index of the next tree is derived from the previous one and the
// edit (only the edited run of text is read again), so a keystroke in a 10,000-line file does not read the whole
// file once per recorded fact. The derivations form a chain, which is folded into a fresh index after MAX_CHAIN
// edits, so a lookup stays bounded.

const MAX_CHAIN = 32;
const IDENT_RUN = /^[\w$]+$/;

function isRunChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function tokenize(text: string, from: number, to: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let i = from;
  while (i < to) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isRunChar(text.charCodeAt(i))) i++;
    const w = text.slice(start, i);
    const list = out.get(w);
    if (list) list.push(start);
    else out.set(w, [start]);
  }
  return out;
}

/** A replaced span, widened to whole runs: [start, oldEnd) of the old text became [start, newEnd) of the new. */
interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export class WordIndex {
  private readonly cache = new Map<string, readonly number[]>();
  private lowerKeys: Map<string, string[]> | undefined;

  private constructor(
    /** The runs of the whole text (a base index) or of the edited span only (a derived one). */
    private readonly own: Map<string, number[]>,
    private readonly parent: WordIndex | undefined,
    private readonly edit: Edit | undefined,
    readonly depth: number,
  ) {}

  static of(text: string): WordIndex {
    return new WordIndex(tokenize(text, 0, text.length), undefined, undefined, 0);
  }

  /** The index of `text`, which is the parent's text with [editStart, oldEditEnd) replaced by [editStart, newEditEnd). */
  static derived(parent: WordIndex, text: string, editStart: number, oldEditEnd: number, newEditEnd: number): WordIndex {
    if (parent.depth >= MAX_CHAIN) return WordIndex.of(text);
    let start = editStart;
    while (start > 0 && isRunChar(text.charCodeAt(start - 1))) start--;
    let newEnd = newEditEnd;
    while (newEnd < text.length && isRunChar(text.charCodeAt(newEnd))) newEnd++;
    const oldEnd = oldEditEnd + (newEnd - newEditEnd);
    return new WordIndex(tokenize(text, start, newEnd), parent, { start, oldEnd, newEnd }, parent.depth + 1);
  }

  /** Where the run `word` starts, ascending. */
  at(word: string): readonly number[] {
    let hit = this.cache.get(word);
    if (hit) return hit;
    const fresh = this.own.get(word) ?? [];
    if (!this.parent || !this.edit) hit = fresh;
    else {
      const { start, oldEnd, newEnd } = this.edit;
      const delta = newEnd - oldEnd;
      const out: number[] = [];
      let placed = false;
      for (const o of this.parent.at(word)) {
        if (o < start) {
          out.push(o);
          continue;
        }
        if (!placed) {
          out.push(...fresh);
          placed = true;
        }
        if (o >= oldEnd) out.push(o + delta);
      }
      if (!placed) out.push(...fresh);
      hit = out;
    }
    this.cache.set(word, hit);
    return hit;
  }

  /** The spellings of `word` in any case that may occur (a superset: some may have no occurrence left). */
  private spellings(lower: string): readonly string[] {
    this.lowerKeys ??= new Map();
    let keys = this.lowerKeys.get(lower);
    if (keys) return keys;
    const set = new Set<string>(this.parent ? this.parent.spellings(lower) : []);
    if (!this.parent && this.own.size > 64) {
      // A base index groups all of its words once, rather than scanning them per lookup.
      if (!this.lowerKeys.has('\0grouped')) {
        for (const k of this.own.keys()) {
          const l = k.toLowerCase();
          const g = this.lowerKeys.get(l);
          if (g) g.push(k);
          else this.lowerKeys.set(l, [k]);
        }
        this.lowerKeys.set('\0grouped', []);
      }
      return this.lowerKeys.get(lower) ?? [];
    }
    for (const k of this.own.keys()) if (k.toLowerCase() === lower) set.add(k);
    keys = [...set];
    this.lowerKeys.set(lower, keys);
    return keys;
  }

  /** Where `word` starts in any case (`Static`, `STATIC`), ascending. */
  atIgnoringCase(word: string): readonly number[] {
    const keys = this.spellings(word.toLowerCase());
    if (keys.length === 1) return this.at(keys[0]!);
    return keys.flatMap((k) => this.at(k)).sort((a, b) => a - b);
  }
}

const indexes = new WeakMap<object, WordIndex>();

/** The word index of the text `tree` was parsed from. */
export function wordIndexOf(tree: Tree): WordIndex {
  let idx = indexes.get(tree);
  if (!idx) {
    idx = WordIndex.of(sourceOf(tree.rootNode));
    indexes.set(tree, idx);
  }
  return idx;
}

/**
 * Records that `tree` was parsed from the text of `previous` with one span replaced (an editor's keystroke): its
 * index is then derived from the previous tree's, when that one was built.
 */
export function deriveWordIndex(tree: Tree, previous: Tree, editStart: number, oldEditEnd: number, newEditEnd: number): void {
  const parent = indexes.get(previous);
  if (!parent || indexes.has(tree)) return;
  indexes.set(tree, editStart === oldEditEnd && editStart === newEditEnd ? parent : WordIndex.derived(parent, sourceOf(tree.rootNode), editStart, oldEditEnd, newEditEnd));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Offsets where `name` occurs as a whole word of `tree`'s text (no identifier character, `$` included, on either
 * side), ascending; `ignoreCase` also finds other spellings. A name that is not one run of identifier characters
 * is searched for in the text.
 */
export function wordOccurrences(tree: Tree, name: string, ignoreCase = false): readonly number[] {
  if (IDENT_RUN.test(name)) return ignoreCase ? wordIndexOf(tree).atIgnoringCase(name) : wordIndexOf(tree).at(name);
  const re = new RegExp(`(?<![\\w$])${escapeRe(name)}(?![\\w$])`, ignoreCase ? 'gi' : 'g');
  const text = sourceOf(tree.rootNode);
  const out: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index);
  return out;
}

/** How often `name` is written as a whole word followed by `(` (blanks between; `newlines` also lets line breaks in). */
export function callCount(tree: Tree, name: string, newlines = false): number {
  const text = sourceOf(tree.rootNode);
  let n = 0;
  for (const o of wordOccurrences(tree, name)) {
    let i = o + name.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || (newlines && /\s/.test(text[i]!)))) i++;
    if (text[i] === '(') n++;
  }
  return n;
}
