import type { OffsetEdit } from './types';

// Adds an import/using/require line for a fix that introduces a new API (secrets, SecureRandom,
// RandomNumberGenerator). Inserted after the last existing line of the same kind so the file's grouping holds.

export interface ImportSpec {
  /** The line to add, without a newline. */
  line: string;
  /** Regex: the file already has what the line provides (no edit then). */
  present: string;
  /** Regex matching existing import lines; the new line goes after the last one. */
  after: string;
  /** Regex of a line to insert after when no import line exists (Java `package x;`). */
  fallbackAfter?: string;
}

export const IMPORTS: Record<string, ImportSpec> = {
  pythonSecrets: { line: 'import secrets', present: '^\\s*import\\s+secrets\\b|^\\s*from\\s+secrets\\s+import\\b', after: '^(?:import|from)\\s+\\S[^\\n]*$' },
  javaSecureRandom: { line: 'import java.security.SecureRandom;', present: '^\\s*import\\s+java\\.security\\.(?:SecureRandom|\\*)\\s*;', after: '^import\\s[^\\n]*;[ \\t]*$', fallbackAfter: '^package\\s[^\\n]*;[ \\t]*$' },
  csharpCryptography: { line: 'using System.Security.Cryptography;', present: '^\\s*using\\s+System\\.Security\\.Cryptography\\s*;', after: '^using\\s[^\\n=]*;[ \\t]*$' },
  rubySecureRandom: { line: "require 'securerandom'", present: '\\bsecurerandom\\b|^\\s*require\\s+[\'"](?:rails|active_support)', after: '^require(?:_relative)?\\s[^\\n]*$' },
};

/** The edit that adds `spec` to `text`, or null when the file already has it. */
export function importEdit(text: string, spec: ImportSpec): OffsetEdit | null {
  if (new RegExp(spec.present, 'm').test(text)) return null;
  const lastLineEnd = (pattern: string): number | undefined => {
    const re = new RegExp(pattern, 'gm');
    let end: number | undefined;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      end = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    return end;
  };
  const at = lastLineEnd(spec.after) ?? (spec.fallbackAfter ? lastLineEnd(spec.fallbackAfter) : undefined);
  if (at !== undefined) return { start: at, end: at, text: `\n${spec.line}` };
  // No import yet: go below a shebang or encoding line, which must stay first.
  const head = /^(?:#![^\n]*\n|#[^\n]*coding[:=][^\n]*\n)*/.exec(text)?.[0].length ?? 0;
  return { start: head, end: head, text: `${spec.line}\n` };
}
