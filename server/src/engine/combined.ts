import type { Language, Query } from './parse';
import { compileQuery } from './parse';
import type { QueryPattern, Rule } from './types';

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
  const owners: PatternOwner[] = [];
  const errors: CombinedQuery['errors'] = [];
  const sources: string[] = [];
  for (const rule of rules) {
    rule.patterns.forEach((p, index) => {
      if (p.kind !== 'query' || !(p.languages as string[]).includes(languageId) || !include(rule, index)) return;
      const owner = { rule, index };
      const source = (p as QueryPattern).query;
      let q: Query;
      try {
        q = compileQuery(language, source);
      } catch (e) {
        errors.push({ owner, message: `rule '${rule.id}' pattern ${index + 1}: invalid query for ${grammarName}: ${(e as Error).message}` });
        return;
      }
      const count = q.patternCount();
      q.delete();
      for (let i = 0; i < count; i++) owners.push(owner);
      sources.push(source);
    });
  }
  if (sources.length === 0) return { owners, errors };
  return { query: compileQuery(language, sources.join('\n')), owners, errors };
}
