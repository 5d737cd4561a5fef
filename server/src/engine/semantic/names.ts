import type { Expr, Module } from './ir';

// Qualified names. A spelling is resolved through the file's imports and aliases (`import hashlib as h`,
// `using H = System.Security.Cryptography.MD5`, Go `import m "crypto/md5"`, PHP `use`, static imports); what no
// import names is kept as spelled (`Cipher.getInstance` in a file that imports `javax.crypto.*`). Every language
// writes its names with `.` here: `OpenSSL::Digest::MD5` is `OpenSSL.Digest.MD5`, `\App\Crypto` is `App.Crypto`.

export class Names {
  private readonly imports = new Map<string, string>();

  constructor(mod: Module) {
    for (const i of mod.imports) this.imports.set(i.local, i.qualified);
  }

  /** The qualified name an identifier stands for through an import, if any. */
  imported(id: string): string | undefined {
    return this.imports.get(id);
  }

  /**
   * The qualified spelling of a name or member chain used as a namespace or type (`javax.crypto.Cipher`,
   * `h.new` -> `hashlib.new`). `isValue` says whether an identifier is a variable in scope: a variable is not a
   * namespace, and its type (not its spelling) names its members.
   */
  spelling(e: Expr, isValue: (id: string) => boolean): string | undefined {
    if (e.k === 'name') {
      if (isValue(e.id)) return undefined;
      return this.imports.get(e.id) ?? e.id;
    }
    if (e.k === 'member') {
      const base = this.spelling(e.obj, isValue);
      return base === undefined ? undefined : `${base}.${e.prop}`;
    }
    return undefined;
  }
}

const cache = new Map<string, RegExp>();

/** A name pattern as a regex: `*` stands for any characters within a segment, `**` for any, `{a,b}` for either. */
function patternRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    let body = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i]!;
      if (ch === '*' && pattern[i + 1] === '*') {
        body += '.*';
        i++;
      } else if (ch === '*') body += '[^./]*';
      else if (ch === '{') body += '(?:';
      else if (ch === '}') body += ')';
      else if (ch === ',' && body.includes('(?:')) body += '|';
      else body += ch.replace(/[.+?^$()|[\]\\/]/g, '\\$&');
    }
    re = new RegExp(`^(?:${body})$`);
    cache.set(pattern, re);
  }
  return re;
}

/**
 * Whether a call's name matches a rule's name pattern: exactly, or as the pattern's tail of two or more segments
 * (an unqualified `MD5.Create` stands for `System.Security.Cryptography.MD5.Create`; a bare `md5` never stands
 * for `hashlib.md5`; a bare type in `new` may stand for the last one). A name some import qualified differently (`com.acme.Cipher.getInstance`) matches neither.
 */
export function nameMatches(name: string, pattern: string, simpleType = false): boolean {
  const re = patternRegex(pattern);
  if (re.test(name)) return true;
  // A type named without any qualifier (`new TripleDESCryptoServiceProvider()`) may stand for the last segment.
  if (!/[./]/.test(name) && !simpleType) return false;
  const starts = segmentStarts(pattern);
  for (let i = 1; i < starts.length - (simpleType ? 0 : 1); i++) {
    const tail = pattern.slice(starts[i]);
    // A tail that starts with a wildcard (`*.new` of `Crypto.Cipher.*.new`) names no module or type: it would take
    // any receiver's method of that name (`hashlib.new`).
    if (tail.startsWith('*')) continue;
    // The pattern's segments from i on, compared with the name's spelling.
    if (patternRegex(tail).test(name)) return true;
  }
  return false;
}

/**
 * Where each segment of a name pattern starts. A separator inside braces (`{rand,Kernel.rand}`) belongs to an
 * alternative, not to the pattern: a tail cut there would be an unbalanced group.
 */
function segmentStarts(pattern: string): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '.' || ch === '/')) starts.push(i + 1);
  }
  return starts;
}
