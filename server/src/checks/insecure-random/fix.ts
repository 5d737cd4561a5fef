import type { Node } from '../../engine/source/parse';
import type { FixHelper, MatchContext, OffsetEdit, HelperOptions } from '../shared/types';
import { capture, documentFact, documentTest, escapeRegExp, optString, opt } from '../shared/types';
import { IMPORTS, importEdit } from '../shared/cryptoImports';

// insecure-random fixes: swap the weak generator for the language's CSPRNG where the call maps one to one.

/** random.X → secrets.Y where the semantics match exactly (randrange only in its one-argument form). */
const PY_SECRETS: Record<string, string> = { choice: 'choice', getrandbits: 'randbits', randrange: 'randbelow', randbytes: 'token_bytes' };

function withImport(ctx: MatchContext, edits: OffsetEdit[], importKey: string): OffsetEdit[] {
  const spec = IMPORTS[importKey];
  // Whether the import is there already is a fact of the whole file (an edit elsewhere can add it).
  if (!spec || documentTest(ctx, new RegExp(spec.present, 'm'))) return edits;
  // Where the import goes depends on the file's other imports: a fact, like the test above.
  const at = documentFact(ctx, `import-edit/${importKey}`, (t) => JSON.stringify(importEdit(t, spec) ?? null));
  const imp = JSON.parse(at) as OffsetEdit | null;
  return imp ? [imp, ...edits] : edits;
}

/**
 * A file that seeds the weak generator wants its sequence reproducible (tests, simulations): a CSPRNG cannot be
 * seeded, so the swap would change behaviour, and no fix is offered there.
 */
const SEEDED: Record<'python' | 'php' | 'ruby' | 'java', RegExp> = {
  python: /(^|[^\w.])(random\.)?seed\s*\(/m,
  php: /\b(mt_)?srand\s*\(/,
  ruby: /(^|[^\w.])((Kernel|Random)\.)?srand\b|\bRandom\.new\s*\(\s*[^)\s]/m,
  // Java's seeded `new Random(seed)` is never rewritten (randJavaSecureRandom only takes `new Random()`).
  java: /\.setSeed\s*\(/,
};

/** A decimal integer literal's value, or undefined for anything else (a name, an expression, a float). */
function intLiteral(node: Node | null | undefined): number | undefined {
  if (!node) return undefined;
  const t = node.text.replace(/_/g, '');
  if (!/^-?\s*\d+$/.test(t)) return undefined;
  const n = Number(t.replace(/\s+/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Where `a + b` needs no parentheses: the whole value of an assignment, a return, an argument, an element. */
const WHOLE_VALUE = new Set(['assignment', 'augmented_assignment', 'return_statement', 'argument_list', 'keyword_argument', 'expression_statement', 'list', 'tuple', 'parenthesized_expression', 'pair', 'set']);

/**
 * Python `random.randint(a, b)` / `random.randrange(a, b)` with integer literal bounds → `a + secrets.randbelow(n)`:
 * the same values with the same probabilities (randint includes b, randrange does not), and the same ValueError
 * for an empty range, since randbelow raises on n <= 0.
 */
function pythonBoundedEdit(call: Node, fn: string): string | undefined {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== 'comment');
  if (args.length !== 2) return undefined;
  const lo = intLiteral(args[0]);
  const hi = intLiteral(args[1]);
  if (lo === undefined || hi === undefined) return undefined;
  const n = fn === 'randint' ? hi - lo + 1 : hi - lo;
  if (n <= 0) return undefined;
  if (lo === 0) return `secrets.randbelow(${n})`;
  const sum = `${lo} + secrets.randbelow(${n})`;
  return WHOLE_VALUE.has(call.parent?.type ?? '') ? sum : `(${sum})`;
}

function argCount(call: Node): number {
  const list = call.childForFieldName('arguments');
  return list ? list.namedChildren.filter((c) => c !== null && c.type !== 'comment').length : 0;
}

export const fixes: Record<string, FixHelper> = {
  /** Python `random.choice(x)` → `secrets.choice(x)` (and getrandbits, one-argument randrange), adding `import secrets`. */
  randPythonSecrets: (ctx) => {
    // `mod` from a query, `type` (the spelled module) from a semantic match.
    const mod = capture(ctx, 'mod') ?? capture(ctx, 'type');
    const fn = capture(ctx, 'fn');
    const call = capture(ctx, 'finding');
    if (!mod || !fn || !call?.node) return undefined;
    if (documentTest(ctx, SEEDED.python)) return undefined;
    if ((fn.text === 'randint' || fn.text === 'randrange') && argCount(call.node) === 2) {
      const text = pythonBoundedEdit(call.node, fn.text);
      return text ? withImport(ctx, [{ start: call.start, end: call.end, text }], 'pythonSecrets') : undefined;
    }
    const to = PY_SECRETS[fn.text];
    if (!to) return undefined;
    if (fn.text === 'randrange' && argCount(call.node) !== 1) return undefined;
    return withImport(ctx, [{ start: mod.start, end: mod.end, text: 'secrets' }, { start: fn.start, end: fn.end, text: to }], 'pythonSecrets');
  },

  /** JavaScript `Math.random().toString(36).slice(2…)` (the id idiom) → `crypto.randomUUID()`. */
  randJsRandomUuid: (ctx) => {
    const call = capture(ctx, 'finding')?.node;
    if (!call) return undefined;
    let outer: Node = call;
    const step = (names: RegExp): boolean => {
      const member = outer.parent;
      const invoke = member?.parent;
      if (member?.type !== 'member_expression' || invoke?.type !== 'call_expression') return false;
      if (!names.test(member.childForFieldName('property')?.text ?? '')) return false;
      outer = invoke;
      return true;
    };
    if (!step(/^toString$/) || !/^\(\s*36\s*\)$/.test(outer.childForFieldName('arguments')?.text ?? '')) return undefined;
    step(/^(substring|substr|slice)$/);
    return [{ start: call.startIndex, end: outer.endIndex, text: 'crypto.randomUUID()' }];
  },

  /**
   * Java: make the receiver's generator a `SecureRandom` (a subclass, so declared `Random` types still hold).
   * Inline `new Random()` is replaced in place; a named receiver's `= new Random()` declaration is found in the file.
   */
  randJavaSecureRandom: (ctx) => {
    const recv = capture(ctx, 'recv');
    if (!recv || documentTest(ctx, SEEDED.java)) return undefined;
    let edit: OffsetEdit | undefined;
    if (recv.node?.type === 'object_creation_expression') {
      if (!/^new\s+Random\s*\(\s*\)$/.test(recv.text)) return undefined;
      edit = { start: recv.start, end: recv.end, text: 'new SecureRandom()' };
    } else {
      const name = recv.text.replace(/^this\./, '');
      const pattern = escapeRegExp(name);
      const declaration = new RegExp(`\\b${pattern}\\s*=\\s*(new\\s+Random\\s*\\(\\s*\\))`, 'g');
      // Two assignments of the same name: which one reaches this call is not mechanical. How many there are
      // is a fact of the whole file; the one assignment moves with the text like any other edit.
      if (documentFact(ctx, `java-random-assignments/${name}`, (t) => String([...t.matchAll(declaration)].length)) !== '1') return undefined;
      const matches = [...ctx.text.matchAll(declaration)];
      const m = matches[0]!;
      const start = m.index! + m[0].length - m[1]!.length;
      edit = { start, end: start + m[1]!.length, text: 'new SecureRandom()' };
    }
    return withImport(ctx, [edit], 'javaSecureRandom');
  },

  /** Replaces capture `capture` (when its text is one of `names`) with `text` if the call has one of `args` argument counts (PHP mt_rand(a, b) → random_int). */
  cryptoRenameIfArgs: (ctx, options) => {
    const target = capture(ctx, optString(options, 'capture') ?? 'fn');
    const call = capture(ctx, 'finding')?.node;
    const text = optString(options, 'text');
    const counts = Array.isArray(options['args']) ? (options['args'] as unknown[]) : [];
    const names = Array.isArray(options['names']) ? (options['names'] as unknown[]) : undefined;
    if (!target || !call || text === undefined || !counts.includes(argCount(call))) return undefined;
    if (names && !names.includes(target.text)) return undefined;
    return [{ start: target.start, end: target.end, text }];
  },

  /**
   * PHP `rand(a, b)` / `mt_rand(a, b)` → `random_int(a, b)` (same inclusive bounds), and the argument-less forms →
   * `random_int(0, getrandmax())` / `random_int(0, mt_getrandmax())`, the range they draw from.
   */
  randPhpRandomInt: (ctx) => {
    const fn = capture(ctx, 'fn');
    const call = capture(ctx, 'finding');
    if (!fn || !call?.node || (fn.text !== 'rand' && fn.text !== 'mt_rand') || documentTest(ctx, SEEDED.php)) return undefined;
    const n = argCount(call.node);
    if (n === 2) return [{ start: fn.start, end: fn.end, text: 'random_int' }];
    if (n === 0) return [{ start: call.start, end: call.end, text: `random_int(0, ${fn.text === 'rand' ? 'getrandmax' : 'mt_getrandmax'}())` }];
    return undefined;
  },

  /** Inserts `text` right after capture `capture` (PHP `unserialize($x)` → `unserialize($x, ['allowed_classes' => false])`). */
  cryptoInsertAfter: (ctx, options) => {
    const target = capture(ctx, optString(options, 'capture') ?? 'finding');
    const text = optString(options, 'text');
    if (!target || text === undefined) return undefined;
    return [{ start: target.end, end: target.end, text }];
  },

  /** C# `rnd.Next(max)` / `rnd.Next(min, max)` → `RandomNumberGenerator.GetInt32(...)`, same bounds semantics. */
  randCsharpGetInt32: (ctx) => {
    const call = capture(ctx, 'finding');
    const args = capture(ctx, 'args');
    if (!call?.node || !args || capture(ctx, 'fn')?.text !== 'Next') return undefined;
    const n = argCount(call.node);
    if (n < 1 || n > 2) return undefined;
    return withImport(ctx, [{ start: call.start, end: call.end, text: `RandomNumberGenerator.GetInt32${args.text}` }], 'csharpCryptography');
  },

  /**
   * Ruby `rand(n)` / `Random.rand(n)` / `Random.new.rand(n)` → `SecureRandom.random_number(n)`, adding
   * `require 'securerandom'` when missing. `from` names the receiver's capture (the spelled type otherwise).
   */
  randRubySecureRandom: (ctx, options) => {
    const to = capture(ctx, 'fn');
    // A receiver-less `rand` has no `from` capture: the name alone is replaced.
    const from = capture(ctx, optString(options, 'from') ?? 'fn') ?? capture(ctx, 'type') ?? to;
    if (!from || to?.text !== 'rand' || documentTest(ctx, SEEDED.ruby)) return undefined;
    return withImport(ctx, [{ start: from.start, end: to.end, text: 'SecureRandom.random_number' }], 'rubySecureRandom');
  },
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  randPythonSecrets: {},
  randJsRandomUuid: {},
  randJavaSecureRandom: {},
  cryptoRenameIfArgs: { capture: opt.string, text: opt.string, args: opt.numberList, names: opt.stringList },
  randPhpRandomInt: {},
  cryptoInsertAfter: { capture: opt.string, text: opt.string },
  randRubySecureRandom: { from: opt.string },
  randCsharpGetInt32: {},
};
