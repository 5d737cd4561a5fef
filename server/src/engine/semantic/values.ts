import type { Node } from '../source/parse';
import type { Const, ConstArray } from './ir';

// Possible values of an expression: the constants it may hold, whether it may also hold something unknown, the
// calls whose results it carries (through string building and conversions: `Float.toString(r.nextFloat())`
// carries `java.util.Random.nextFloat`), and its type where known (for receiver names).

export interface Origin {
  /** Qualified name of the call, as names.ts gives it. */
  name: string;
  node: Node;
  /** The first variable or field the value was stored in on its way, if any. */
  via?: string;
}

export interface Vals {
  consts: readonly Const[];
  unknown: boolean;
  origins: readonly Origin[];
  /** Qualified type of the object, for `md.digest()` on `MessageDigest md`. */
  type?: string;
  /** Every constant came from a literal in the code (not from a config default). */
  literal?: boolean;
  /** The qualified name of the function the value is a reference to (`const r = Math.random`): calling it calls that. */
  callee?: string;
}

/** More constants than this and the value counts as unknown: folding a cross product must stay cheap. */
const MAX_CONSTS = 16;
const MAX_ORIGINS = 8;

export const UNKNOWN: Vals = Object.freeze({ consts: [], unknown: true, origins: [] });

export function known(c: Const, literal = true): Vals {
  return { consts: [c], unknown: false, origins: [], literal };
}

export function typed(type: string | undefined, base: Vals = UNKNOWN): Vals {
  return type ? { ...base, type } : base;
}

function sameConst(a: Const, b: Const): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && a && typeof b === 'object' && b) return a.zeroFilled === b.zeroFilled && a.array.length === b.array.length && a.array.every((x, i) => sameConst(x, b.array[i]!));
  return false;
}

function mergeOrigins(a: readonly Origin[], b: readonly Origin[]): Origin[] {
  if (b.length === 0) return a as Origin[];
  if (a.length === 0) return b as Origin[];
  const out = [...a];
  for (const o of b) if (out.length < MAX_ORIGINS && !out.some((x) => x.node === o.node)) out.push(o);
  return out;
}

/** Either value (two branches met). */
export function union(a: Vals, b: Vals): Vals {
  if (a === b) return a;
  const consts = [...a.consts];
  for (const c of b.consts) if (!consts.some((x) => sameConst(x, c))) consts.push(c);
  const over = consts.length > MAX_CONSTS;
  const out: Vals = {
    consts: over ? [] : consts,
    unknown: a.unknown || b.unknown || over,
    origins: mergeOrigins(a.origins, b.origins),
    literal: (a.literal ?? a.consts.length === 0) && (b.literal ?? b.consts.length === 0),
  };
  const type = a.type === b.type ? a.type : (a.type ?? b.type);
  if (type) out.type = type;
  return out;
}

/** Only the origins of `v`: a value computed from it by an unmodelled operation. */
export function derived(...parts: Vals[]): Vals {
  let origins: Origin[] = [];
  for (const p of parts) origins = mergeOrigins(origins, p.origins);
  return origins.length ? { consts: [], unknown: true, origins } : UNKNOWN;
}

export function withOrigin(v: Vals, o: Origin): Vals {
  return { ...v, origins: mergeOrigins([o], v.origins) };
}

export function constText(c: Const): string | undefined {
  if (typeof c === 'string') return c;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (c === null) return 'null';
  return undefined;
}

/**
 * String concatenation of the parts: the cross product of their constants. A part with no known constant makes
 * the whole unknown (a pattern must not match a prefix alone); a part that may also be unknown keeps its
 * constants as possible values and marks the result as possibly unknown.
 */
export function concat(parts: Vals[]): Vals {
  let acc: string[] = [''];
  let unknown = false;
  let opaque = false;
  let literal = true;
  let origins: Origin[] = [];
  for (const p of parts) {
    origins = mergeOrigins(origins, p.origins);
    if (p.literal === false) literal = false;
    const texts = p.consts.map(constText);
    if (p.consts.length === 0 || texts.some((t) => t === undefined)) {
      opaque = true;
      continue;
    }
    if (p.unknown) unknown = true;
    const next: string[] = [];
    for (const a of acc) for (const t of texts) next.push(a + t!);
    if (next.length > MAX_CONSTS) return { consts: [], unknown: true, origins };
    acc = next;
  }
  if (opaque) return { consts: [], unknown: true, origins };
  return { consts: acc, unknown, origins, literal };
}

/** `fmt % args` / String.format / str.format with `%s`, `%d`, `{}` or `{0}` placeholders filled in. */
export function format(fmt: Vals, args: Vals[]): Vals {
  const origins = args.reduce<Origin[]>((o, a) => mergeOrigins(o, a.origins), [...fmt.origins]);
  if (fmt.unknown || fmt.consts.length !== 1 || typeof fmt.consts[0] !== 'string') return { consts: [], unknown: true, origins };
  const texts = args.map((a) => (!a.unknown && a.consts.length === 1 ? constText(a.consts[0]!) : undefined));
  if (texts.some((t) => t === undefined)) return { consts: [], unknown: true, origins };
  let i = 0;
  const out = fmt.consts[0].replace(/%[-+ #0-9.]*[sdifxX]|\{(\d*)(?::[^}]*)?\}/g, (_m, index: string | undefined) => texts[index ? Number(index) : i++] ?? '');
  return { consts: [out], unknown: false, origins, literal: fmt.literal !== false };
}

/** The value mapped element-wise over string constants (`trim`, `toUpperCase`, `substring(2)`). */
export function mapStrings(v: Vals, f: (s: string) => string): Vals {
  if (v.consts.length === 0) return derived(v);
  const consts: Const[] = [];
  for (const c of v.consts) {
    const t = constText(c);
    if (t === undefined) return derived(v);
    consts.push(f(t));
  }
  return { consts, unknown: v.unknown, origins: v.origins, ...(v.literal !== undefined ? { literal: v.literal } : {}) };
}

/** The constant truth of a condition, or undefined when it may go either way. */
export function truth(v: Vals): boolean | undefined {
  if (v.unknown || v.consts.length === 0) return undefined;
  const ts = v.consts.map((c) => (typeof c === 'object' && c !== null ? true : Boolean(c)));
  return ts.every((t) => t === ts[0]) ? ts[0] : undefined;
}

/** Folds a binary operator over single constants (comparisons, arithmetic, logic); unknown otherwise. */
export function binary(op: string, l: Vals, r: Vals): Vals {
  if (op === '&&' || op === 'and') {
    const a = truth(l);
    if (a === false) return known(false);
    const b = truth(r);
    return a === true && b !== undefined ? known(b) : derived(l, r);
  }
  if (op === '||' || op === 'or') {
    const a = truth(l);
    if (a === true) return known(true);
    const b = truth(r);
    return a === false && b !== undefined ? known(b) : derived(l, r);
  }
  if (l.unknown || r.unknown || l.consts.length !== 1 || r.consts.length !== 1) return derived(l, r);
  const a = l.consts[0]!;
  const b = r.consts[0]!;
  if (typeof a === 'object' || typeof b === 'object') return UNKNOWN;
  switch (op) {
    case '==':
    case '===':
    case 'is':
      return known(a === b);
    case '!=':
    case '!==':
      return known(a !== b);
  }
  if (typeof a !== 'number' || typeof b !== 'number') return UNKNOWN;
  switch (op) {
    case '<':
      return known(a < b);
    case '<=':
      return known(a <= b);
    case '>':
      return known(a > b);
    case '>=':
      return known(a >= b);
    case '-':
      return known(a - b);
    case '*':
      return known(a * b);
    default:
      return UNKNOWN;
  }
}

export function isConstArray(c: Const): c is ConstArray {
  return typeof c === 'object' && c !== null;
}

/** Longest buffer or repeated string folded to its elements; a longer one keeps only that it is constant. */
const MAX_FOLDED = 4096;

/** A zero-filled buffer of `size` elements (`make([]byte, 16)`, `new byte[n]`): its zeros when the size is known. */
export function zeros(size: Vals): Vals {
  const n = !size.unknown && size.consts.length === 1 ? size.consts[0] : undefined;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_FOLDED) return known({ array: new Array<number>(n).fill(0) });
  // The length is all the size gives: a random length (`rand.Intn(8)`) carries nothing random into the bytes.
  return known({ array: [], zeroFilled: true });
}

/** `s * n` where `*` repeats (lowering.repeats): a string, byte string or list constant `n` times, either way round. */
export function repeat(l: Vals, r: Vals): Vals | undefined {
  const one = (v: Vals): Const | undefined => (!v.unknown && v.consts.length === 1 ? v.consts[0] : undefined);
  let s = one(l);
  let n = one(r);
  if (typeof s === 'number') [s, n] = [n, s];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || s === undefined || s === null) return undefined;
  const literal = l.literal !== false && r.literal !== false;
  if (typeof s === 'string') return s.length * n <= MAX_FOLDED ? { ...known(s.repeat(n)), literal } : undefined;
  if (!isConstArray(s) || s.zeroFilled || s.array.length * n > MAX_FOLDED) return undefined;
  const src = s.array;
  return { ...known({ array: Array.from({ length: src.length * n }, (_x, i) => src[i % src.length]!) }), literal };
}


/** The value as stored in `name`: origins that were not stored anywhere before remember this as their first stop. */
export function storedIn(v: Vals, name: string): Vals {
  if (v.origins.length === 0 || v.origins.every((o) => o.via)) return v;
  return { ...v, origins: v.origins.map((o) => (o.via ? o : { ...o, via: name })) };
}
