import type { Expr, Lowering } from './ir';
import type { SemArg } from './model';
import { concat, derived, format, known, mapStrings, typed, union, UNKNOWN, type Vals } from './values';

// The value of a call the model understands without seeing its body: conversions that keep a value
// (`toString`, `valueOf`, `trim`, `str()`, `String()`), formatting with constant arguments, the default of a
// config lookup (`getProperty(k, "DES")`, `os.getenv("X", "md5")`, `config.get(k, default)`: a possible value,
// next to whatever the configuration holds), and the type a factory returns (`MessageDigest.getInstance`).

/** Methods whose result is their receiver's value, converted. */
const RECEIVER_KEEPS = new Set([
  'toString', 'ToString', 'to_s', 'to_str', 'intern', 'getBytes', 'encode', 'decode', 'toCharArray', 'ToCharArray',
  'trim', 'Trim', 'strip', 'toUpperCase', 'toLowerCase', 'upper', 'lower', 'ToUpper', 'ToLower', 'ToUpperInvariant',
  'ToLowerInvariant', 'upcase', 'downcase', 'toLocaleUpperCase', 'toLocaleLowerCase', 'hex', 'String', 'getEncoded',
  // Ruby: `SECRET = "k".freeze` is still "k" (a frozen or an unfrozen copy).
  'freeze', 'dup',
]);

/** Functions and static methods whose result is their first argument's value, converted. */
const ARGUMENT_KEEPS = new Set([
  'valueOf', 'toString', 'ToString', 'str', 'String', 'strval', 'string', 'bytes', 'bytearray', 'Buffer.from', 'from',
  '[]byte', 'GetBytes', 'parseInt', 'Integer', 'Convert.ToString', 'unicode', 'b', 'encode', 'utf8', 'trim', 'strtolower', 'strtoupper',
]);

const CASE: Record<string, (s: string) => string> = {
  toUpperCase: (s) => s.toUpperCase(), upper: (s) => s.toUpperCase(), ToUpper: (s) => s.toUpperCase(), ToUpperInvariant: (s) => s.toUpperCase(),
  upcase: (s) => s.toUpperCase(), strtoupper: (s) => s.toUpperCase(), toLowerCase: (s) => s.toLowerCase(), lower: (s) => s.toLowerCase(),
  ToLower: (s) => s.toLowerCase(), ToLowerInvariant: (s) => s.toLowerCase(), downcase: (s) => s.toLowerCase(), strtolower: (s) => s.toLowerCase(),
  trim: (s) => s.trim(), Trim: (s) => s.trim(), strip: (s) => s.trim(),
};

/** Config lookups whose second argument is the default, on any receiver. */
const DEFAULTED = new Set(['getProperty', 'getenv', 'getOrDefault', 'GetEnvironmentVariable', 'fetch', 'getString', 'getValue', 'GetValue', 'env']);
/** `get(k, default)` counts as a config lookup on a receiver named like configuration. */
const CONFIG_RECEIVER = /(^|[._])(conf|config|configuration|settings|props|properties|env|environ|options|opts|params|prefs|preferences|cfg)$/i;

/** Static factories whose result has the receiver's type. */
const FACTORIES = new Set(['getInstance', 'Create', 'create', 'new', 'getDefault', 'getInstanceStrong', 'current']);

function firstInt(args: SemArg[], i: number): number | undefined {
  const v = args[i]?.vals;
  return v && !v.unknown && v.consts.length === 1 && typeof v.consts[0] === 'number' ? v.consts[0] : undefined;
}

const TYPED_ARRAYS = new Set(['Uint8Array', 'Int8Array', 'Uint8ClampedArray']);

/** The value of a constructor call the model understands: a typed array of constants (`new Uint8Array(16)`). */
export function constructed(name: string | undefined, args: SemArg[]): Vals | undefined {
  return name !== undefined && TYPED_ARRAYS.has(name) ? bytesOf('', name, args.filter((a) => !a.name)) : undefined;
}

/** Decoders of hex and base64 text, by qualified name or its tail: constant text decodes to constant bytes. */
const HEX_DECODERS = ['hex2bin', 'bytes.fromhex', 'bytearray.fromhex', 'binascii.unhexlify', 'binascii.a2b_hex', 'Convert.FromHexString', 'encoding/hex.DecodeString'];
const BASE64_DECODERS = [
  'base64_decode', 'base64.b64decode', 'base64.standard_b64decode', 'Convert.FromBase64String', 'encoding/base64.StdEncoding.DecodeString',
  'encoding/base64.RawStdEncoding.DecodeString', 'Base64.decode64', 'Base64.strict_decode64',
];

function decodes(decoders: readonly string[], method: string, name: string | undefined): boolean {
  const n = name ?? method;
  return decoders.some((d) => n === d || n.endsWith(`.${d}`));
}

/** The single constant string or number of an argument, if it has exactly one. */
function single(args: SemArg[], i: number): string | number | undefined {
  const v = args[i]?.vals;
  const c = v && !v.unknown && v.consts.length === 1 ? v.consts[0] : undefined;
  return typeof c === 'string' || typeof c === 'number' ? c : undefined;
}

/**
 * Byte makers folded over constant arguments: a zero-filled `Buffer.alloc(16)`, PHP `hex2bin('00..')`,
 * `base64_decode('..')`, `str_repeat("\0", 16)`. Their result is as constant as what they were given (a fixed IV).
 */
function bytesOf(method: string, name: string | undefined, args: SemArg[]): Vals | undefined {
  if (name !== undefined && TYPED_ARRAYS.has(name) && args.length === 1) {
    // `new Uint8Array(16)` is zero-filled; `new Uint8Array([1, 2])` holds the constants it was given.
    const v = args[0]!.vals;
    const c = !v.unknown && v.consts.length === 1 ? v.consts[0] : undefined;
    if (typeof c === 'number' && c >= 0 && c <= 4096) return known({ array: new Array<number>(c).fill(0) });
    return c !== undefined && typeof c === 'object' && c !== null ? known(c) : undefined;
  }
  if (name === 'Buffer.alloc' && args.length <= 2) {
    const n = single(args, 0);
    const fill = args.length === 2 ? single(args, 1) : 0;
    if (typeof n !== 'number' || n < 0 || n > 4096 || typeof fill !== 'number') return undefined;
    return known({ array: new Array<number>(n).fill(fill) });
  }
  const a = single(args, 0);
  if (typeof a !== 'string') return undefined;
  if (decodes(HEX_DECODERS, method, name) && args.length === 1 && /^(?:[0-9a-fA-F]{2})*$/.test(a)) return known(Buffer.from(a, 'hex').toString('latin1'));
  if (decodes(BASE64_DECODERS, method, name) && args.length === 1) return known(Buffer.from(a, 'base64').toString('latin1'));
  const times = single(args, 1);
  if (method === 'str_repeat' && args.length === 2 && typeof times === 'number' && times >= 0 && a.length * times <= 4096) return known(a.repeat(times));
  return undefined;
}

/** Hex packed into bytes: Ruby `['00ff'].pack('H*')`, PHP `pack('H*', '00ff')`. */
function packed(method: string, receiver: Vals | undefined, args: SemArg[]): Vals | undefined {
  if (method !== 'pack') return undefined;
  const r = receiver && !receiver.unknown && receiver.consts.length === 1 ? receiver.consts[0] : undefined;
  const ruby = typeof r === 'object' && r !== null && r.array.length === 1 ? r.array[0] : undefined;
  const format = single(args, 0);
  const hex = receiver ? ruby : args.length === 2 ? single(args, 1) : undefined;
  if (format !== 'H*' || typeof hex !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return undefined;
  return known(Buffer.from(hex, 'hex').toString('latin1'));
}

export function callResult(method: string, name: string | undefined, receiver: Vals | undefined, args: SemArg[], receiverExpr: Expr | undefined, lowering: Lowering): Vals {
  const positional = args.filter((a) => !a.name);
  const bytes = bytesOf(method, name, positional) ?? packed(method, receiver, positional);
  if (bytes) return bytes;
  // Conversions keep the value.
  if (receiver && RECEIVER_KEEPS.has(method)) {
    const f = CASE[method];
    return f ? mapStrings(receiver, f) : receiver.consts.length ? { ...receiver, type: undefined } as Vals : derived(receiver, ...args.map((a) => a.vals));
  }
  if (receiver && (method === 'substring' || method === 'Substring' || method === 'substr' || method === 'slice')) {
    const from = firstInt(positional, 0);
    const to = firstInt(positional, 1);
    if (from === undefined) return derived(receiver);
    return mapStrings(receiver, (s) => (method === 'substr' || method === 'Substring' ? s.substr(from, to) : s.substring(from, to)));
  }
  if (receiver && (method === 'concat' || method === 'Concat')) return concat([receiver, ...positional.map((a) => a.vals)]);
  if (method === 'format' || method === 'Format' || method === 'sprintf' || method === 'Sprintf' || method === 'printf') {
    if (receiver && positional.length >= 0 && receiver.consts.length) return format(receiver, positional.map((a) => a.vals));
    if (positional[0]) return format(positional[0].vals, positional.slice(1).map((a) => a.vals));
  }
  // `RandomNumberGenerator.GetBytes(16)` makes 16 random bytes; only text given to `Encoding.UTF8.GetBytes` is converted.
  const count = method === 'GetBytes' && positional[0]?.vals.consts.some((c) => typeof c === 'number') === true;
  if (count) return derived(...args.map((a) => a.vals));
  if (!receiver && ARGUMENT_KEEPS.has(method) && positional[0]) {
    const f = CASE[method];
    return f ? mapStrings(positional[0].vals, f) : { ...positional[0].vals, type: undefined } as Vals;
  }
  if (method === 'valueOf' || method === 'toString' || method === 'ToString' || method === 'GetBytes') {
    if (positional[0]) return { ...positional[0].vals, type: undefined } as Vals;
  }
  // Config lookups: the default is a possible value.
  const receiverText = receiverExpr?.node.text ?? '';
  const isLookup = DEFAULTED.has(method) || ((method === 'get' || method === 'Get') && CONFIG_RECEIVER.test(receiverText));
  if (isLookup && positional.length >= 2) {
    const d = positional[positional.length - 1]!.vals;
    return union({ ...d, literal: false }, UNKNOWN);
  }
  // The type a factory or a constructor call without `new` returns.
  const recvType = receiver?.type;
  const base = derived(...(receiver ? [receiver] : []), ...args.map((a) => a.vals));
  if (name && FACTORIES.has(method) && !recvType) {
    const type = name.slice(0, name.length - method.length - 1);
    if (type) return typed(type, base);
  }
  if (name && lowering.constructorCall?.(method)) return typed(name, base);
  return base;
}
