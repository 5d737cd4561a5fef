import type { RegexPattern } from '../types';

// The credential formats of the hardcoded-secret rule are a table in the rule file (`formats:`), one row per
// provider format: a literal prefix, a body (a small bounded regex: character classes with fixed or bounded counts),
// and, for formats without a distinctive prefix, the context words a line must show before the value. Each row
// becomes one regex pattern here, so the engine, the incremental re-run and the ReDoS screening see ordinary
// patterns. Rows stay data: adding a provider is a table line and a fixture line, no code.

export interface SecretFormat {
  /** Stable kebab-case id (benchmarks and tests key on it). */
  id: string;
  /** Grouping for the accuracy benchmark (cloud, source, registry, chat, payments, ai, observability, saas, ...). */
  family: string;
  /** What the message calls it: "GitHub personal access token". */
  kind: string;
  /** Literal text every token starts with; empty for formats told apart only by their context. */
  prefix?: string;
  /** Regex source of what follows the prefix; bounded repetitions only. */
  body: string;
  /** Words (any one, case-insensitive) that must precede the value on its line: required when there is no prefix. */
  context?: string[];
  /** Offline checksum the token carries (`crc32-base62`: the last 6 characters encode the CRC32 of the rest of the body). */
  checksum?: 'crc32-base62';
  /** Literals for the document prefilter when neither the prefix nor the context words are specific enough. */
  keywords?: string[];
  /**
   * Characters that may not touch the token (default `A-Za-z0-9_+/-`: a token inside a longer word or a base64 blob is
   * not that token). `=` may precede a token (`KEY=value`) but not follow it (base64 padding).
   */
  edge?: string;
  /** Confidence when not the rule's own (context formats default to medium). */
  confidence?: 'high' | 'medium' | 'low';
  /** Environment variable the quick fix reads instead. */
  env?: string;
  /** Regex flags (only `i` makes sense). */
  flags?: string;
}

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The regex of one table row: the token bounded on both sides, the value as group `finding`. */
export function formatRegex(f: SecretFormat): string {
  const edge = f.edge ?? 'A-Za-z0-9_+/-';
  // `=` never blocks the left side, whatever the row says: `KEY=token` is the most common spelling of all.
  const left = edge.replace(/=/g, '');
  return `(?<![${left}])(?<finding>${escapeLiteral(f.prefix ?? '')}${f.body})(?![=${edge}])`;
}

/** One regex pattern per table row. */
export function expandSecretFormats(formats: SecretFormat[]): RegexPattern[] {
  return formats.map((f) => {
    const keywords = f.keywords ?? (f.prefix && f.prefix.length >= 3 ? [f.prefix] : (f.context ?? (f.prefix ? [f.prefix] : [])));
    const p: RegexPattern = {
      kind: 'regex',
      languages: ['text'],
      keywords,
      regex: formatRegex(f),
      where: [
        {
          helper: 'secretFormat',
          options: { id: f.id, kind: f.kind, prefix: f.prefix ?? '', ...(f.context ? { context: f.context } : {}), ...(f.checksum ? { checksum: f.checksum } : {}) },
        },
        { helper: 'exampleSecretInTests' },
      ],
    };
    if (f.flags) p.flags = f.flags;
    const confidence = f.confidence ?? (f.prefix ? undefined : 'medium');
    if (confidence) p.confidence = confidence;
    if (f.env) p.fixes = [{ title: 'Read {{envName}} from the environment', applicability: 'unsafe', helper: 'secretToEnv', options: { envName: f.env } }];
    return p;
  });
}
