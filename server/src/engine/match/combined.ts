import type { Language, Query } from '../source/parse';
import { compileQuery } from '../source/parse';
import type { QueryPattern, Rule } from '../types';

// All query patterns of all rules for one language, compiled into ONE tree-sitter query: the tree is walked
// once per document instead of once per pattern (the walk dominated analysis time: measured 84 ms → see bench).

export interface PatternOwner {
  rule: Rule;
  /** Index of the pattern in rule.patterns. */
  index: number;
}

export interface CombinedQuery {
  query?: Query;
  /** Owner of each pattern of the combined query, by its pattern index. */
  owners: PatternOwner[];
  /** Patterns whose query does not compile for this grammar; they are left out, with a readable reason. */
  errors: { owner: PatternOwner; message: string }[];
}

export function buildCombinedQuery(
  rules: Rule[],
  languageId: string,
  language: Language,
  grammarName: string,
  include: (rule: Rule, index: number) => boolean = () => true,
): CombinedQuery {
  const parts: { owner: PatternOwner; source: string }[] = [];
  for (const rule of rules) {
    rule.patterns.forEach((p, index) => {
      if (p.kind !== 'query' || !(p.languages as string[]).includes(languageId) || !include(rule, index)) return;
      parts.push({ owner: { rule, index }, source: (p as QueryPattern).query });
    });
  }
  if (parts.length === 0) return { owners: [], errors: [] };
  return combineAtOnce(parts, language) ?? combineOneByOne(parts, language, grammarName);
}

/**
 * The usual case: every pattern compiles, so one compilation suffices, and each tree-sitter pattern is mapped to
 * its rule by where it starts in the joined source. Compiling is the costly step (a Ruby query takes hundreds of
 * milliseconds), so it is done once, not once per pattern and again for the whole.
 */
function combineAtOnce(parts: { owner: PatternOwner; source: string }[], language: Language): CombinedQuery | undefined {
  const starts: number[] = [];
  let offset = 0;
  for (const p of parts) {
    starts.push(offset);
    // Pattern positions are byte offsets into the UTF-8 source.
    offset += Buffer.byteLength(p.source, 'utf8') + 1;
  }
  let query: Query;
  try {
    query = compileQuery(language, parts.map((p) => p.source).join('\n'));
  } catch {
    return undefined;
  }
  const owners: PatternOwner[] = [];
  let part = 0;
  for (let i = 0; i < query.patternCount(); i++) {
    const at = query.startIndexForPattern(i);
    while (part + 1 < parts.length && starts[part + 1]! <= at) part++;
    owners.push(parts[part]!.owner);
  }
  return { query, owners, errors: [] };
}

/** A pattern does not compile: compile each alone to name the broken ones, and combine the rest. */
function combineOneByOne(parts: { owner: PatternOwner; source: string }[], language: Language, grammarName: string): CombinedQuery {
  const owners: PatternOwner[] = [];
  const errors: CombinedQuery['errors'] = [];
  const sources: string[] = [];
  for (const { owner, source } of parts) {
    let q: Query;
    try {
      q = compileQuery(language, source);
    } catch (e) {
      errors.push({ owner, message: `rule '${owner.rule.id}' pattern ${owner.index + 1}: invalid query for ${grammarName}: ${(e as Error).message}` });
      continue;
    }
    const count = q.patternCount();
    q.delete();
    for (let i = 0; i < count; i++) owners.push(owner);
    sources.push(source);
  }
  if (sources.length === 0) return { owners, errors };
  return { query: compileQuery(language, sources.join('\n')), owners, errors };
}
