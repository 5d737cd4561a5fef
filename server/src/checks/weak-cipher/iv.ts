import type { Node } from '../../engine/source/parse';
import type { FilterHelper, HelperOptions } from '../shared/types';
import { isConstantExpression } from '../shared/constants';

// weak-cipher: an IV or nonce written into the program. Reusing one IV with one key lets an observer see
// equal plaintext prefixes (CBC) or recover the keystream (CTR, GCM), so every form that always yields the
// same bytes counts: literals, ALL_CAPS constants, zero-filled buffers and byte conversions of literals.

/** Calls that turn constant arguments into bytes: Buffer.from, "..".getBytes(), bytes.fromhex, []byte(..), make, hex2bin... */
const BYTE_MAKERS = new Set([
  'from', 'alloc', 'getBytes', 'GetBytes', 'encode', 'bytes', 'bytearray', 'fromhex', 'unhexlify', 'a2b_hex',
  'make', 'hex2bin', 'str_repeat', 'pack', 'Uint8Array', 'Buffer', 'FromHexString', 'FromBase64String',
  'b64decode', 'parseHexBinary', 'decodeHex', 'DecodeString', 'base64_decode',
]);

const CALLS = new Set([
  'call_expression', 'call', 'method_invocation', 'invocation_expression', 'function_call_expression',
  'member_call_expression', 'scoped_call_expression', 'new_expression', 'object_creation_expression',
]);

/** Array and list literals whose elements are all constant. */
const ARRAYS = new Set(['array', 'list', 'tuple', 'array_initializer', 'initializer_expression', 'array_creation_expression', 'literal_value', 'implicit_array_creation_expression']);

const MEMBERS = new Set(['member_expression', 'field_access', 'attribute', 'selector_expression', 'member_access_expression', 'scope_resolution', 'class_constant_access_expression']);

/** Buffers that come back zero-filled whatever their size: Go make([]byte, n), Node Buffer.alloc(n). */
const ZERO_FILLED = new Set(['make', 'alloc']);

const WRAPPERS = new Set(['parenthesized_expression', 'argument', 'literal_element', 'expression_list']);

function lastName(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  const named = n.namedChildren.filter((c): c is Node => c !== null);
  if (n.type === 'slice_type' || n.type === 'array_type') return 'bytes';
  if (named.length === 0) return n.text;
  const f = n.childForFieldName('property') ?? n.childForFieldName('attribute') ?? n.childForFieldName('name') ?? n.childForFieldName('field') ?? n.childForFieldName('method');
  return f ? f.text : lastName(named[named.length - 1]);
}

function args(n: Node): Node[] {
  const list = n.childForFieldName('arguments');
  if (!list) return [];
  return list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

export function isStaticBytes(node: Node | null | undefined, depth = 0): boolean {
  if (!node || depth > 12) return false;
  if (WRAPPERS.has(node.type)) {
    const kids = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return kids.length === 1 && isStaticBytes(kids[0], depth + 1);
  }
  // null/None/nil is "no IV" (ECB, or a library default), not a fixed one.
  if (['null', 'none', 'nil', 'undefined', 'null_literal'].includes(node.type)) return false;
  // An empty string is the "no IV" of RC4 and ECB in Node and PHP.
  if (/^[bBuU]?(['"`])\1$/.test(node.text)) return false;
  // `aes.IV` is an instance's field, not a class constant like `Config.IV`.
  const object = MEMBERS.has(node.type) ? node.namedChildren[0] : undefined;
  if (object && /^[a-z_$@]/.test(object.text)) return false;
  if (isConstantExpression(node)) return true;
  // Go []byte("...") and []byte{0, 1, ...}
  if (node.type === 'type_conversion_expression') return isStaticBytes(node.childForFieldName('operand'), depth + 1);
  if (node.type === 'composite_literal') return isStaticBytes(node.childForFieldName('body'), depth + 1);
  // Java/C# `new byte[16]` (zero-filled) and `new byte[] { ... }`.
  if (node.type === 'array_creation_expression' && /^new\s+byte\s*\[/.test(node.text)) {
    const init = node.namedChildren.find((c) => c !== null && (c.type === 'array_initializer' || c.type === 'initializer_expression'));
    return init ? isStaticBytes(init, depth + 1) : true;
  }
  if (ARRAYS.has(node.type)) {
    const kids = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'array_rank_specifier' && c.type !== 'array_type');
    return kids.length > 0 && kids.every((k) => isStaticBytes(k, depth + 1));
  }
  if (node.type === 'binary_operator' || node.type === 'binary' || node.type === 'binary_expression') {
    // b"\x00" * 16, "0" * 16
    const kids = node.namedChildren.filter((c): c is Node => c !== null);
    return kids.length === 2 && kids.every((k) => isStaticBytes(k, depth + 1));
  }
  if (CALLS.has(node.type)) {
    const callee = node.childForFieldName('function') ?? node.childForFieldName('constructor') ?? node.childForFieldName('type') ?? node.childForFieldName('name');
    const name = node.type === 'call' && node.childForFieldName('method') ? node.childForFieldName('method')!.text : lastName(callee);
    if (!name || !BYTE_MAKERS.has(name)) return false;
    const receiver = node.childForFieldName('receiver') ?? node.childForFieldName('object') ?? callee?.childForFieldName('object') ?? callee?.childForFieldName('expression') ?? callee?.childForFieldName('operand');
    // A receiver that is data (not a class or module name) must itself be constant: "abc".getBytes().
    if (receiver && (receiver.type === 'string' || receiver.type === 'string_literal' || receiver.type === 'encapsed_string') && !isConstantExpression(receiver)) return false;
    if (receiver && /^[a-z_$]/.test(receiver.text) && !['bytes', 'bytearray', 'binascii', 'base64', 'codecs', 'hex', 'base64url'].includes(receiver.text) && !isConstantExpression(receiver)) return false;
    const a = args(node);
    if (name === 'make') return a[0]?.type === 'slice_type';
    if (ZERO_FILLED.has(name)) return a.slice(1).every((x) => isStaticBytes(x, depth + 1));
    return a.every((x) => isStaticBytes(x, depth + 1));
  }
  return false;
}

export const filters: Record<string, FilterHelper> = {
  /** The target (an IV or nonce argument) always holds the same bytes. */
  cryptoStaticBytes: (_ctx, target) => Boolean(target?.node && isStaticBytes(target.node)),
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  cryptoStaticBytes: {},
};
