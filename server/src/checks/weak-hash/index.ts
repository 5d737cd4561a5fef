import type { Node } from '../../engine/source/parse';
import type { Capture, FilterHelper, FixHelper, MatchContext, OffsetEdit, HelperOptions } from '../shared/types';
import { capture, optString, opt } from '../shared/types';
import { renameToSha256, sha256String, weakAlgorithmOfName, weakAlgorithmOfString } from './algo';
import { assignedName, declaresNonSecurityUse, enclosingScope, hashesPassword, insideHmacOrKdf } from './tree';
import { argumentNodes } from '../shared/calls';
import { challengeResponse, derivesKey, nonSecurityUse, prescribedByCallee, securityUse } from './use';
import { goImportFix, pyFromImportFix } from './imports';
import { treeFact, verdictAcrossEdits } from '../../engine/incremental/documentFacts';

// Helpers of the weak-hash rule (rules/weak-hash.yaml). Filters decide whether a matched call really
// computes MD2/MD4/MD5/SHA-1 for its own sake (not as an HMAC or KDF parameter, not declared non-security),
// name the algorithm for the message (`{{algo}}`), and tell password hashing apart; fixes rewrite the call
// to the SHA-256 spelling of the same API.

function findingNode(ctx: MatchContext, target: Capture | undefined): Node | undefined {
  return target?.node ?? capture(ctx, 'finding')?.node;
}

/** Contexts in which a weak digest is not a weakness: HMAC/KDF parameters, `usedforsecurity=False`, PHP `HASH_HMAC`. */
function exempt(call: Node): boolean {
  if (insideHmacOrKdf(call) || declaresNonSecurityUse(call)) return true;
  return argumentNodes(call).some((a) => /^\\?HASH_HMAC$/.test(a.text));
}

const WEAK_CSHARP_TYPE = /^(MD5|SHA1|MD5CryptoServiceProvider|MD5Cng|SHA1Managed|SHA1CryptoServiceProvider|SHA1Cng)$/;

export const filters: Record<string, FilterHelper> = {
  /**
   * Keeps a call that uses a weak algorithm and sets `{{algo}}`. Options: `algo` (capture naming the algorithm,
   * default `algo`), `as` (`string` for a literal's content, `name` for an API member such as `md5Hex`).
   * Without a capture, keeps an `algo` variable an earlier filter set. `password: true | false` also requires
   * that the hashed data does (or does not) look like a password, so the password pattern and the general
   * pattern of one API never both match.
   */
  weakHashUse: (ctx, target, options) => {
    const call = findingNode(ctx, target);
    if (!call) return false;
    const algoCapture = capture(ctx, optString(options, 'algo') ?? 'algo');
    if (algoCapture) {
      const text = algoCapture.text;
      const algo = optString(options, 'as') === 'string' ? weakAlgorithmOfString(text) : weakAlgorithmOfName(text);
      if (!algo) return false;
      ctx.vars['algo'] = algo;
    }
    else if (ctx.vars['algo']) {
      // Set by a semantic matcher from a possible value (`as: algo`) or a type name: name it as the API does.
      const v = ctx.vars['algo'];
      const algo = weakAlgorithmOfString(v) ?? weakAlgorithmOfName(v);
      if (!algo) return false;
      ctx.vars['algo'] = algo;
    }
    if (!ctx.vars['algo']) return false;
    // Read from the call's syntax and the facts it records: kept across an editor's edits elsewhere.
    const skip = algoCapture?.node;
    const algo = ctx.vars['algo'];
    const use = verdictAcrossEdits(call, `weak-hash-use/${algo}/${skip ? `${skip.startIndex - call.startIndex}:${skip.endIndex - call.startIndex}` : ''}`, () => {
      if (exempt(call) || challengeResponse(call)) return 'exempt';
      const pw = hashesPassword(call, skip);
      // A password digest is a weakness wherever it goes; any other digest only where it is more than a name.
      if (!pw && nonSecurityUse(call)) return 'name';
      // What a format or a protocol's API prescribes stays visible, as a note: a different hash here breaks it.
      if (prescribedByCallee(call, algo) || (pw && derivesKey(call))) return pw ? 'password-note' : 'unknown';
      return pw ? 'password' : securityUse(call) ? 'data' : 'unknown';
    });
    if (use === 'exempt' || use === 'name') return false;
    // No sign of what it protects: a note to review, not an alert (see securityUse).
    if (use === 'unknown' || use === 'password-note') ctx.severity = 'info';
    const password = options['password'];
    return typeof password === 'boolean' ? (use === 'password' || use === 'password-note') === password : true;
  },

  /** The hashed data (arguments, chained calls, the variable it is stored in) looks like a password. */
  hashesPassword: (ctx, target) => {
    const call = findingNode(ctx, target);
    return call ? hashesPassword(call, capture(ctx, 'algo')?.node) : false;
  },

};

/** C#: `MD5 h = MD5.Create()` must become `SHA256 h = ...`, or the fixed code no longer compiles. */
function csharpDeclaredType(call: Node): OffsetEdit[] {
  const name = assignedName(call);
  if (!name) return [];
  const retype = (decl: Node | null): OffsetEdit[] => {
    const type = decl?.childForFieldName('type');
    if (!type) return [];
    const last = type.type === 'qualified_name' ? type.childForFieldName('name') ?? type : type;
    return WEAK_CSHARP_TYPE.test(last.text) ? [{ start: last.startIndex, end: last.endIndex, text: 'SHA256' }] : [];
  };
  // `MD5 h = MD5.Create()`: the declaration is right here.
  if (name.parent?.type === 'variable_declarator') return retype(name.parent.parent);
  // `h = MD5.Create()` / `this._h = ...`: a local of the same method, else a field of the file.
  const plain = name.text.replace(/^this\./, '');
  const declares = (d: Node): boolean =>
    d.type === 'variable_declaration' && d.namedChildren.some((v) => v?.type === 'variable_declarator' && (v.childForFieldName('name') ?? v.namedChild(0))?.text === plain);
  const local = findFirst(enclosingScope(call), (d) => declares(d));
  if (local) return retype(local);
  // A field is declared elsewhere in the file: its type is a fact of the whole file (see documentFacts.ts).
  return treeFact(call, `csharp-field-retype/${plain}`, (root) => retype(findFirst(root, (d) => declares(d) && d.parent?.type === 'field_declaration') ?? null));
}

function findFirst(root: Node, test: (n: Node) => boolean): Node | undefined {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (test(n)) return n;
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return undefined;
}

export const fixes: Record<string, FixHelper> = {
  /** Renames the weak part of a member or class name (`capture`, default `fn`): md5 → sha256, MD5 → SHA256, md5Hex → sha256Hex. */
  hashRename: (ctx, options) => {
    const c = capture(ctx, optString(options, 'capture') ?? 'fn');
    if (!c) return undefined;
    // `spelled: member`: only a call through a module or object (`hashlib.md5(..)`); a bare imported name is
    // renamed together with its import (hashPyFromImport).
    if (optString(options, 'spelled') === 'member' && c.node?.parent?.type === 'call') return undefined;
    const renamed = renameToSha256(c.text);
    if (!renamed) return undefined;
    const edits: OffsetEdit[] = [{ start: c.start, end: c.end, text: renamed }];
    const call = capture(ctx, 'finding')?.node;
    if (options['csharpDeclaredType'] === true && call) edits.push(...csharpDeclaredType(call));
    return edits;
  },

  /** Replaces the algorithm string's content (capture `algo`) with SHA-256 in the API's spelling (`style`: dash | plain). */
  hashString: (ctx, options) => {
    const c = capture(ctx, 'algo');
    if (!c) return undefined;
    const style = optString(options, 'style') === 'dash' ? 'dash' : 'plain';
    const fixed = optString(options, 'text') ?? sha256String(c.text, style);
    return [{ start: c.start, end: c.end, text: fixed }];
  },

  /** C#: `new SHA1Managed()` / `new MD5CryptoServiceProvider()` → `SHA256.Create()` (the provider classes are obsolete). */
  hashCsharpNew: (ctx) => {
    const call = capture(ctx, 'finding')?.node;
    const cls = capture(ctx, 'cls');
    if (!call || !cls || argumentNodes(call).length > 0 || call.namedChildren.some((c) => c?.type === 'initializer_expression')) return undefined;
    const dot = cls.text.lastIndexOf('.');
    const prefix = dot >= 0 ? cls.text.slice(0, dot + 1) : '';
    return [{ start: call.startIndex, end: call.endIndex, text: `${prefix}SHA256.Create()` }, ...csharpDeclaredType(call)];
  },

  /** PHP: `md5($x[, $binary])` → `hash('sha256', $x[, $binary])`, `sha1_file($f)` → `hash_file('sha256', $f)`. */
  hashPhpFunction: (ctx) => {
    const fn = capture(ctx, 'fn');
    const call = capture(ctx, 'finding')?.node;
    const args = call?.childForFieldName('arguments');
    if (!fn || !args || argumentNodes(call!).length === 0) return undefined;
    const lead = fn.text.startsWith('\\') ? '\\' : '';
    const name = /_file$/i.test(fn.text) ? 'hash_file' : 'hash';
    const open = args.startIndex + 1;
    return [
      { start: fn.start, end: fn.end, text: `${lead}${name}` },
      { start: open, end: open, text: "'sha256', " },
    ];
  },

  /** Go: switches the file's flagged md5/sha1 calls to crypto/sha256 and fixes the imports so it still compiles. */
  hashGoFile: (ctx) => (ctx.tree ? treeFact(ctx.tree.rootNode, 'go-import-fix', (root) => goImportFix(root) ?? null) ?? undefined : undefined),

  /** Python: `from hashlib import md5` call sites → `sha256`, with the import list updated. */
  hashPyFromImport: (ctx) => (ctx.tree && capture(ctx, 'fn')?.node?.parent?.type === 'call' ? treeFact(ctx.tree.rootNode, 'py-from-import-fix', (root) => pyFromImportFix(root) ?? null) ?? undefined : undefined),
};

/** The options each helper above accepts (checked when a rule file loads). */
export const options: Record<string, HelperOptions> = {
  weakHashUse: { algo: opt.string, as: opt.string, password: opt.boolean },
  hashesPassword: {},
  hashRename: { capture: opt.string, csharpDeclaredType: opt.boolean, spelled: opt.oneOf(['member']) },
  hashString: { style: opt.string, text: opt.string },
  hashCsharpNew: {},
  hashPhpFunction: {},
  hashGoFile: {},
  hashPyFromImport: {},
};
