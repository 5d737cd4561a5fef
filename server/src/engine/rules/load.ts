import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Pattern, Rule, RuleLoadError } from '../types';
import { builtinRulesDir } from '../source/paths';
import { expandSecretFormats, formatRegex, type SecretFormat } from './secretFormats';
import { helperErrors } from './helperCheck';
import { strayPredicates } from './queryShape';
import { hasSemantics } from '../semantic';
import { parseYaml, schemaErrors, schemaFileValidator, type ErrorObject } from './yamlSchema';

export interface LoadedRules {
  rules: Rule[];
  errors: RuleLoadError[];
}

const schemaValidator = schemaFileValidator(() => path.join(builtinRulesDir(), 'schema.json'));

function describe(e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties') {
    return `${where}: unknown property '${String((e.params as { additionalProperty: string }).additionalProperty)}'`;
  }
  if (e.keyword === 'enum') {
    return `${where} ${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** Parses and validates one rule file. Returns the rule, or the errors that stop it from loading. */
export function loadRuleFile(file: string, text?: string): { rule?: Rule; errors: RuleLoadError[] } {
  let source: string;
  try {
    source = text ?? fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { errors: [{ file, message: `cannot read rule file: ${(e as Error).message}` }] };
  }
  const parsed = parseYaml(source);
  const doc = parsed.doc;
  if (!doc) return { errors: parsed.errors.map((e) => ({ file, ...e })) };
  const data = doc.data;
  const invalid = schemaErrors(schemaValidator(), data, doc, {
    describe,
    // Report the most specific errors; `oneOf` noise is dropped when a concrete error exists.
    select: (errs) => errs.filter((e) => e.keyword !== 'oneOf' || errs.length === 1),
  });
  if (invalid) return { errors: invalid.map((e) => ({ file, ...e })) };
  const raw = data as Omit<Rule, 'file' | 'patterns' | 'owasp' | 'tags'> & {
    owasp?: string[];
    tags?: string[];
    patterns: (Omit<Pattern, 'kind'> & { query?: string; regex?: string; flags?: string })[];
    formats?: SecretFormat[];
  };
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (!file.startsWith('<') && expected !== raw.id) {
    return { errors: [{ file, line: doc.lineAt('/id'), message: `rule id '${raw.id}' must match the file name '${expected}'` }] };
  }
  // Helper names and options, before anything else of the patterns: a misspelt helper is the likelier mistake.
  const helpers = helperErrors(raw.patterns, doc);
  if (helpers.length > 0) return { errors: helpers.map((e) => ({ file, ...e })) };
  const errors: RuleLoadError[] = [];
  const patterns: Pattern[] = raw.patterns.map((p, i) => {
    if (p.regex !== undefined) {
      try {
        new RegExp(p.regex, `${p.flags ?? ''}gd`);
      } catch (e) {
        errors.push({ file, line: doc.lineAt(`/patterns/${i}/regex`), message: `invalid regex: ${(e as Error).message}` });
      }
      return { ...p, kind: 'regex' } as Pattern;
    }
    if ((p as { producer?: string }).producer !== undefined) return { ...p, kind: 'producer' } as Pattern;
    if ('call' in p || 'new' in p || 'into' in p || 'assign' in p) {
      // A semantic matcher needs the language's lowering; saying so beats a pattern that silently never matches.
      const unread = p.languages.filter((l) => !hasSemantics(l));
      if (unread.length) errors.push({ file, line: doc.lineAt(`/patterns/${i}/languages`), message: `call:, new:, into: and assign: do not read ${unread.join(', ')} yet; use a query for ${unread.length === 1 ? 'it' : 'them'}` });
      return { ...p, kind: 'semantic' } as Pattern;
    }
    const stray = p.query !== undefined ? strayPredicates(p.query) : [];
    if (stray.length > 0) errors.push({ file, line: doc.lineAt(`/patterns/${i}/query`), message: 'a predicate outside the parentheses of a pattern applies to no pattern (the pattern before it runs unfiltered): wrap the pattern and its predicates in one pair of parentheses, ([...] @finding (#match? ...))' });
    return { ...p, kind: 'query' } as Pattern;
  });
  if (errors.length > 0) return { errors };
  // A `formats:` table (credential formats of a secret rule) adds one regex pattern per row.
  const { formats, ...rest } = raw;
  (formats ?? []).forEach((f, i) => {
    // Without a prefix or a distinctive infix (keywords), only the context words keep a bare body such as 32 hex digits from matching any hash.
    if (!f.prefix && !f.context && !f.keywords) errors.push({ file, line: doc.lineAt(`/formats/${i}`), message: `format '${f.id}' needs a prefix, context words or keywords` });
    try {
      new RegExp(formatRegex(f), 'gd');
    } catch (e) {
      errors.push({ file, line: doc.lineAt(`/formats/${i}/body`), message: `invalid regex: ${(e as Error).message}` });
    }
  });
  if (errors.length > 0) return { errors };
  if (formats) patterns.push(...expandSecretFormats(formats));
  const rule: Rule = { ...rest, owasp: raw.owasp ?? [], tags: raw.tags ?? [], patterns, file };
  return { rule, errors: [] };
}

/** 1-based line where pattern `index` of a rule file starts, for query compile errors found later. */
export function patternLine(file: string, index: number): number | undefined {
  try {
    return parseYaml(fs.readFileSync(file, 'utf8')).doc?.lineAt(`/patterns/${index}`);
  } catch {
    return undefined;
  }
}

/** Where a configured custom-rule folder keeps its rule files and their fixtures. */
export interface RuleFolder {
  /** The folder the `*.yaml` rule files are read from. */
  rulesDir: string;
  /** `<folder>/test-fixtures`, read by `vigil test-rules`. */
  fixturesDir: string;
}

/**
 * The one resolution of a custom rule folder, used by `vigil scan`, `vigil test-rules` and the language server,
 * so that they can never read different files: `<dir>/rules/` when it exists (the documented layout, with
 * `test-fixtures/` beside it, as in Vigil's own repository), otherwise `<dir>` itself.
 */
export function resolveRuleFolder(dir: string): RuleFolder {
  const nested = path.join(dir, 'rules');
  let isDir = false;
  try {
    isDir = fs.statSync(nested).isDirectory();
  } catch {
    // No rules/ subfolder: the rule files sit in the folder itself.
  }
  return { rulesDir: isDir ? nested : dir, fixturesDir: path.join(dir, 'test-fixtures') };
}

/** The rule file names in a folder, sorted; empty when the folder cannot be read. */
export function ruleFileNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
}

/** Loads every `*.yaml` in the folders. A broken file is reported and skipped; the others still load. */
/**
 * Built-in rules validated at build time (server/out/rules.json, keyed by a hash of each file's text), so a
 * bundle skips YAML parsing and schema validation for rule files that have not changed since the build.
 * A changed or new file falls back to the full path and gets the same errors as without the cache.
 */
let precompiled: Map<string, Omit<Rule, 'file'>> | undefined;

function precompiledRules(): Map<string, Omit<Rule, 'file'>> {
  if (!precompiled) {
    precompiled = new Map();
    try {
      const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'rules.json'), 'utf8')) as { rules: { hash: string; rule: Omit<Rule, 'file'> }[] };
      for (const e of data.rules) precompiled.set(e.hash, e.rule);
    } catch {
      // No build-time cache beside this module (running from tsc output or tests): parse every file.
    }
  }
  return precompiled;
}

export function ruleFileHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function loadRules(dirs: string[], opts: { custom?: boolean } = {}): LoadedRules {
  const rules: Rule[] = [];
  const errors: RuleLoadError[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch (e) {
      errors.push({ file: dir, message: `cannot read rule folder: ${(e as Error).message}` });
      continue;
    }
    for (const name of entries) {
      const file = path.join(dir, name);
      let text: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        // loadRuleFile reports the read error.
      }
      const cached = !opts.custom && text !== undefined ? precompiledRules().get(ruleFileHash(text)) : undefined;
      const { rule, errors: errs } = cached ? { rule: { ...cached, file } as Rule, errors: [] } : loadRuleFile(file, text);
      errors.push(...errs);
      if (!rule) continue;
      const prior = seen.get(rule.id);
      if (prior) {
        errors.push({ file, line: 1, message: `duplicate rule id '${rule.id}' (already defined in ${prior})` });
        continue;
      }
      seen.set(rule.id, file);
      rules.push(opts.custom ? { ...rule, custom: true } : rule);
    }
  }
  return { rules, errors };
}

export function formatLoadError(e: RuleLoadError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}
