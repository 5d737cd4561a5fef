import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { builtinRulesDir } from '../../engine/source/paths';

// The taint sources of every language, read once from rules/taint/sources.yaml (data, not code: a new framework's
// request object is a line in that file). A broken file is a loud error naming the file and the entry, since
// every injection rule would otherwise silently find nothing.

/**
 * Who sets a source's value: `outside` (a request, a socket, a file an attacker may write) or `operator` (the
 * environment, system properties, properties files and the command line: whoever runs or deploys the program).
 */
export type SourceOrigin = 'outside' | 'operator';

export interface SourceSpec {
  /** Over the normalised access path (see accessPath in taintSyntax.ts). */
  path: RegExp;
  kind: string;
  origin: SourceOrigin;
  /** For calls: the receiver's declared type must match (Java `ResultSet.getString`). */
  receiverType?: RegExp;
  /** For names read at a constant key: the key must match (PHP `$_SERVER['argv']`); other reads skip the entry. */
  key?: RegExp;
  /** For calls: the first argument as written must match (`file_get_contents('php://input')`); others skip the entry. */
  argument?: RegExp;
}

export interface ParameterSpec {
  annotation: RegExp;
  kind: string;
  origin: SourceOrigin;
}

export interface LanguageSources {
  calls: SourceSpec[];
  members: SourceSpec[];
  names: SourceSpec[];
  parameters: ParameterSpec[];
  /** Fields whose declaration carries a matching annotation or decorator are filled from outside (Angular `@Input()`). */
  fields: ParameterSpec[];
  /** Functions whose parameters are the command line; undefined when the language has none listed. */
  entry?: RegExp;
  /** Calls whose result carries no text input (numbers, booleans, lengths). */
  clean?: RegExp;
}

/** The language a VS Code language id reads its sources from. */
function specLanguage(languageId: string): string {
  if (/^(javascript|typescript)(react)?$/.test(languageId)) return 'javascript';
  return languageId;
}

let loaded: Map<string, LanguageSources> | undefined;

function regex(file: string, where: string, v: unknown): RegExp {
  if (typeof v !== 'string') throw new Error(`${file}: ${where} must be a string`);
  try {
    return new RegExp(v);
  } catch (e) {
    throw new Error(`${file}: ${where}: invalid regex: ${(e as Error).message}`);
  }
}

function originOf(file: string, where: string, v: unknown): SourceOrigin {
  if (v === undefined) return 'outside';
  if (v !== 'outside' && v !== 'operator') throw new Error(`${file}: ${where}.origin must be outside or operator`);
  return v;
}

function sourceList(file: string, where: string, v: unknown): SourceSpec[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Error(`${file}: ${where} must be a list`);
  return v.map((e: unknown, i) => {
    const o = (e ?? {}) as Record<string, unknown>;
    const spec: SourceSpec = { path: regex(file, `${where}[${i}].path`, o['path']), kind: typeof o['kind'] === 'string' ? o['kind'] : 'input', origin: originOf(file, `${where}[${i}]`, o['origin']) };
    if (o['receiverType'] !== undefined) spec.receiverType = regex(file, `${where}[${i}].receiverType`, o['receiverType']);
    if (o['key'] !== undefined) spec.key = regex(file, `${where}[${i}].key`, o['key']);
    if (o['argument'] !== undefined) spec.argument = regex(file, `${where}[${i}].argument`, o['argument']);
    return spec;
  });
}

/** Parses the sources file's text; exported for tests of a broken file. */
export function parseSources(file: string, text: string): Map<string, LanguageSources> {
  const data = parseYaml(text) as Record<string, Record<string, unknown>> | null;
  if (!data || typeof data !== 'object') throw new Error(`${file}: expected a map of languages`);
  const out = new Map<string, LanguageSources>();
  for (const [lang, raw] of Object.entries(data)) {
    const r = raw ?? {};
    const annotated = (key: string): ParameterSpec[] =>
      (Array.isArray(r[key]) ? (r[key] as Record<string, unknown>[]) : []).map((p, i) => ({ annotation: regex(file, `${lang}.${key}[${i}].annotation`, p['annotation']), kind: typeof p['kind'] === 'string' ? p['kind'] : 'input', origin: originOf(file, `${lang}.${key}[${i}]`, p['origin']) }));
    const entry: LanguageSources = {
      calls: sourceList(file, `${lang}.calls`, r['calls']),
      members: sourceList(file, `${lang}.members`, r['members']),
      names: sourceList(file, `${lang}.names`, r['names']),
      parameters: annotated('parameters'),
      fields: annotated('fields'),
    };
    if (typeof r['entry'] === 'string' && r['entry'] !== '') entry.entry = regex(file, `${lang}.entry`, r['entry']);
    if (typeof r['clean'] === 'string' && r['clean'] !== '') entry.clean = regex(file, `${lang}.clean`, r['clean']);
    out.set(lang, entry);
  }
  return out;
}

const NONE: LanguageSources = { calls: [], members: [], names: [], parameters: [], fields: [] };

/**
 * Only the sources set from outside: for sinks where the operator's own configuration is no attack (a path from
 * `$HOME` or `-Duser.dir`, a URL from an environment variable). The command-line entry goes too.
 */
export function outsideSources(s: LanguageSources): LanguageSources {
  // An operator entry stays with an empty kind (no source): listed first, it still shadows a later general one
  // (`$_SERVER['argv']` before `$_SERVER`).
  const keep = <T extends { origin: SourceOrigin; kind: string }>(l: T[]): T[] => l.map((x) => (x.origin === 'outside' ? x : { ...x, kind: '' }));
  const only = <T extends { origin: SourceOrigin }>(l: T[]): T[] => l.filter((x) => x.origin === 'outside');
  const out: LanguageSources = { calls: keep(s.calls), members: keep(s.members), names: keep(s.names), parameters: only(s.parameters), fields: only(s.fields) };
  if (s.clean) out.clean = s.clean;
  return out;
}

/** The sources of a language id (empty for a language the file does not list). */
export function sourcesFor(languageId: string): LanguageSources {
  if (!loaded) {
    const file = path.join(builtinRulesDir(), 'taint', 'sources.yaml');
    loaded = parseSources(file, fs.readFileSync(file, 'utf8'));
  }
  return loaded.get(specLanguage(languageId)) ?? NONE;
}
