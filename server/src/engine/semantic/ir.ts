import type { Node } from '../source/parse';

// The language-neutral form a lowering (lower/<language>.ts) turns a syntax tree into. Only the shapes that
// names and values need are kept; anything else becomes `other`, whose sub-expressions are still evaluated so
// that a call nested in an unmodelled construct is still seen. Every IR node keeps its syntax node for ranges.

/** A constant: a string, number, boolean, null, or an array/byte string whose elements are all constant. */
export type Const = string | number | boolean | null | ConstArray;
export interface ConstArray {
  readonly array: readonly Const[];
  /**
   * Zero-filled, of a length only the running program knows (`make([]byte, gcm.NonceSize())`, `new byte[n]`):
   * `array` is empty. Still a constant: every run holds the same bytes until something writes into it.
   */
  readonly zeroFilled?: true;
}

export interface Arg {
  /** Keyword or named argument (`usedforsecurity=False`, C# `name: x`). */
  name?: string;
  value: Expr;
  node: Node;
}

export type Expr =
  | { k: 'lit'; node: Node; value: Const }
  | { k: 'name'; node: Node; id: string }
  /** `obj.prop`; also `Pkg::Const`, `\Ns\Cls` and qualified type spellings. */
  | { k: 'member'; node: Node; obj: Expr; prop: string; propNode: Node }
  /** A call. `callee` is a `name` or `member`; `nameNode` is the called name's token (for ranges and fixes). */
  | { k: 'call'; node: Node; callee: Expr; nameNode: Node; args: Arg[] }
  /** A constructor call; `type` is the spelled type as an expression (`name` or `member`). */
  | { k: 'new'; node: Node; type: Expr; args: Arg[] }
  /** String building: `+` on strings, interpolation, f-strings, `%` / format with constant parts. */
  | { k: 'concat'; node: Node; parts: Expr[] }
  | { k: 'binary'; node: Node; op: string; l: Expr; r: Expr }
  | { k: 'not'; node: Node; e: Expr }
  | { k: 'cond'; node: Node; c: Expr; t: Expr; f: Expr }
  /** An array or list of `elems`; with `size`, a zero-filled buffer of that many elements (Go `make([]byte, n)`). */
  | { k: 'array'; node: Node; elems: Expr[]; size?: Expr }
  /** `obj[key]`. */
  | { k: 'index'; node: Node; obj: Expr; key: Expr }
  /** A nested function or lambda: lowered on its own, evaluated in a fresh scope. */
  | { k: 'fn'; node: Node; fn: FunctionDef }
  | { k: 'other'; node: Node; parts: Expr[] };

/** Where an assignment writes: a local or module name, a field (`this.x`, `self.x`, `$this->x`) or a subscript. */
export interface Target {
  kind: 'name' | 'field' | 'index';
  /** The variable, field or (constant) key name; '' when a subscript key is not constant. */
  name: string;
  node: Node;
  /** For `index`: the subscripted object and key expressions. */
  obj?: Expr;
  key?: Expr;
}

export interface Param {
  name: string;
  node: Node;
  type?: Expr;
  default?: Expr;
}

export interface FunctionDef {
  node: Node;
  name: string;
  params: Param[] | (() => Param[]);
  /** Lowered on first use: a function the evaluator never needs costs nothing. */
  body: Stmt[] | (() => Stmt[]);
  /** Only callable from this file (Java/C# `private`, a Python `_name`): its callers here are all its callers. */
  private?: boolean;
}

export type Stmt =
  /** A declaration or assignment; `value` absent for `int x;`. `final` marks constants (final/const/readonly). */
  | { k: 'let'; node: Node; target: Target; type?: Expr; value?: Expr; final?: boolean; op?: string }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; node: Node; cond: Expr; then: Stmt[]; else: Stmt[] }
  /** Any loop; `head` holds its initialisers and conditions, evaluated once before the body. */
  | { k: 'loop'; node: Node; head: Stmt[]; body: Stmt[]; cond?: Expr }
  /** Alternatives of which any may run (switch cases, catch clauses, `else` chains without a condition). */
  | { k: 'branch'; node: Node; arms: Stmt[][] }
  | { k: 'return'; node: Node; e?: Expr }
  | { k: 'func'; fn: FunctionDef }
  /** A class; its body is lowered on first use, like a function's. */
  | { k: 'class'; node: Node; name: string; body: Stmt[] | (() => Stmt[]) };

/** `local` names `qualified`: `import hashlib as h` gives h -> hashlib; a wildcard import names a prefix. */
export interface Import {
  local: string;
  qualified: string;
}

export interface Module {
  imports: Import[];
  /** Prefixes imported as a whole (Java `import a.b.*`, C# `using System.Security.Cryptography;`, PHP namespace). */
  wildcards: string[];
  body: Stmt[];
  /**
   * How often a name is written before `(` in the file's text (its definition counts once), from the file's word
   * index; absent when no function is to wait for its callers.
   */
  callCount?: (name: string) => number;
}

/** The type and the name of a top-level node (`name` for a function or class declaration, else undefined). */
export interface Decl {
  type: string;
  name: string | undefined;
  /** A Java or C# method declared `private` (FunctionDef.private). */
  private?: boolean;
}

/**
 * What lowering read of a tree's top-level nodes, by subtree id, handed to the lowering of the next tree parsed from
 * it: tree-sitter reuses every subtree an edit did not touch, and the same subtree has the same type and name.
 * Reading them crosses into WebAssembly twice per node, 5 ms per keystroke over a module's 2,500 definitions. An id
 * of the previous tree names no other subtree of the next one: the next was parsed while the previous was alive.
 */
export interface DeclMemo {
  previous: ReadonlyMap<number, Decl> | undefined;
  next: Map<number, Decl>;
}

/** A lowering: the only code that knows a grammar's node types. */
export interface Lowering {
  /** `memo`: what the previous tree's lowering read of its top-level nodes, and where to record this one's. */
  lower(root: Node, memo?: DeclMemo): Module;
  /** Names a language resolves without an import (`Math` -> `java.lang.Math`). */
  implicit?(name: string): string | undefined;
  /** Whether a name of this language is a type written with a leading capital (for constructor calls without `new`). */
  constructorCall?(name: string): boolean;
  /** Whether a bare name that no variable holds is a call of the method so named (Ruby's `rand`, `token`). */
  implicitCall?(name: string): boolean;
  /** The value of a constant the language or a bundled extension predefines (PHP `MCRYPT_DES` is 'des'). */
  predefined?(name: string): Const | undefined;
  /** `*` of a string, byte string or list and a count repeats it (Python, Ruby: `b"\0" * 16`). */
  repeats?: boolean;
}
