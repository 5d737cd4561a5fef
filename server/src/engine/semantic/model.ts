import type { Node } from '../source/parse';
import type { Expr } from './ir';
import type { Vals } from './values';

// What the semantic layer knows about one tree, built once per analysis (evaluate.ts) and read by the
// declarative matchers (match/semantic.ts) and by helpers.

export interface SemArg {
  node: Node;
  /** Keyword or named argument. */
  name?: string;
  expr: Expr;
  vals: Vals;
}

/** A call or constructor call in live code, with its qualified name where one can be known. */
export interface SemCall {
  kind: 'call' | 'new';
  /** `java.security.MessageDigest.getInstance`, `hashlib.new`; for `new`, the type (`javax.crypto.spec.IvParameterSpec`). */
  name: string | undefined;
  node: Node;
  /** The called name's token (method name, or the type for `new`). */
  nameNode: Node;
  receiver?: { node: Node; vals: Vals };
  /** The last segment of a spelled type or static receiver (`MD5` in `System.Security.Cryptography.MD5.Create()`). */
  typeNode?: Node;
  args: SemArg[];
}

/** A value landing somewhere named: a variable, field, subscript key, keyword argument, named attribute or return. */
export interface SemFlow {
  kind: 'name' | 'field' | 'index' | 'keyword' | 'attribute' | 'return';
  name: string;
  /** The target's node (the variable, the key, the function name). */
  node: Node;
  /** The value's node. */
  value: Node;
  vals: Vals;
  /** The written expression, for an assignment or declaration. */
  expr?: Expr;
}

export interface SemanticModel {
  calls: SemCall[];
  flows: SemFlow[];
}
