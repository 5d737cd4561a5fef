// A rule file's helper names and options, checked when it loads. Rules name their helpers by string
// (`helper: textMatches`, `producer: dockerfile`); a misspelt name or an option the helper does not read would
// otherwise load in silence and fail only at match time, as an info note, on a file the query happens to match.
// Each helper declares the options it accepts (checks/<rule-id>/ and checks/shared/, `options`); they are
// validated with the loader's Ajv and reported on the line of the offending node, like a schema error.
import { HELPER_OPTIONS, helpersOf, type HelperKind } from '../../checks';
import { compileSchema, offendingPointer, schemaErrors, type ErrorObject, type ValidateFunction, type YamlDocument, type YamlError } from './yamlSchema';

/** A pattern as the rule file gives it, as far as helpers go. */
interface RawPattern {
  where?: { helper: string; options?: unknown }[];
  fixes?: { helper?: string; options?: unknown }[];
  producer?: string;
  options?: unknown;
}

interface HelperUse {
  kind: HelperKind;
  name: string;
  options: unknown;
  /** JSON pointer of the object that names the helper. */
  at: string;
  /** The key holding the name (`helper` or `producer`). */
  key: string;
}

function usesOf(patterns: readonly RawPattern[]): HelperUse[] {
  const out: HelperUse[] = [];
  patterns.forEach((p, i) => {
    (p.where ?? []).forEach((w, j) => out.push({ kind: 'filter', name: w.helper, options: w.options, at: `/patterns/${i}/where/${j}`, key: 'helper' }));
    (p.fixes ?? []).forEach((f, j) => {
      if (f.helper !== undefined) out.push({ kind: 'fix', name: f.helper, options: f.options, at: `/patterns/${i}/fixes/${j}`, key: 'helper' });
    });
    if (p.producer !== undefined) out.push({ kind: 'producer', name: p.producer, options: p.options, at: `/patterns/${i}`, key: 'producer' });
  });
  return out;
}

/** Edit distance, for "did you mean" (helper names are short, and this runs only on an unknown name). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

function suggestion(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  const best = known
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 4)))
    .sort((x, y) => x.d - y.d)[0];
  return best ? ` (did you mean '${best.k}'?)` : '';
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(name: string): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    v = compileSchema({ type: 'object', additionalProperties: false, properties: HELPER_OPTIONS[name] });
    validators.set(name, v);
  }
  return v;
}

function describeOptionError(use: HelperUse, e: ErrorObject): string {
  const where = `${use.at}/options${e.instancePath}`;
  if (e.keyword === 'additionalProperties') {
    const accepted = Object.keys(HELPER_OPTIONS[use.name] ?? {});
    const prop = String((e.params as { additionalProperty: string }).additionalProperty);
    return `${where}: ${use.kind} helper '${use.name}' has no option '${prop}'${suggestion(prop, accepted)}; it takes ${accepted.length ? accepted.join(', ') : 'no options'}`;
  }
  if (e.keyword === 'enum') return `${where} must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'anyOf') return `${where} must be a string or a list of strings`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** `anyOf` reports each branch's failure as well; keep only its own summary for that value. */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const anyOf = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'anyOf' || !anyOf.has(e.instancePath));
}

/** Errors for every unknown helper name and every option its helper does not accept, each with its line. */
export function helperErrors(patterns: readonly RawPattern[], doc: YamlDocument): YamlError[] {
  const errors: YamlError[] = [];
  for (const use of usesOf(patterns)) {
    const table = helpersOf(use.kind);
    if (!Object.hasOwn(table, use.name)) {
      const line = doc.lineAt(`${use.at}/${use.key}`);
      errors.push({ line, message: `${use.at}/${use.key}: unknown ${use.kind} helper '${use.name}'${suggestion(use.name, Object.keys(table))}` });
      continue;
    }
    const found = schemaErrors(validatorFor(use.name), use.options ?? {}, doc, {
      at: `${use.at}/options`,
      pointer: offendingPointer,
      select: withoutBranchNoise,
      describe: (e) => describeOptionError(use, e),
    });
    if (found) errors.push(...found);
  }
  return errors;
}
