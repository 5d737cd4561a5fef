// YAML files checked against a JSON Schema, with every error on the 1-based line of the node it is about.
// The one copy used by the rule loader (rules/schema.json, the helpers' option declarations) and by the
// repository config (.vigil.yaml against rules/config-schema.json): each caller words its own messages.
import * as fs from 'fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

export type { ErrorObject, ValidateFunction };

/** An error in a YAML file: `line` is 1-based, absent when the error is about the file as a whole. */
export interface YamlError {
  line?: number;
  message: string;
}

/** A parsed YAML file: its data, and the line of the node at a JSON pointer (`/patterns/0/query`). */
export interface YamlDocument {
  data: unknown;
  lineAt(pointer: string): number | undefined;
}

// One Ajv for every schema: `strict: false` because the schemas carry descriptions and draft-07 keywords Ajv's
// strict mode would question, `allErrors` so a file with several mistakes gets them all at once.
let ajv: Ajv | undefined;

function instance(): Ajv {
  return (ajv ??= new Ajv({ allErrors: true, strict: false }));
}

/** A validator for a schema object (compiled once per object). */
const compiled = new WeakMap<object, ValidateFunction>();
export function compileSchema(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = instance().compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** A validator for a schema file, read and compiled on first use. */
export function schemaFileValidator(file: () => string): () => ValidateFunction {
  let v: ValidateFunction | undefined;
  return () => (v ??= instance().compile(JSON.parse(fs.readFileSync(file(), 'utf8')) as object));
}

function lineOf(doc: Document, lines: LineCounter, pointer: string): number | undefined {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~')));
  // The deepest node that exists: a missing key is reported where its parent is.
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parses YAML text; syntax errors come back with their lines and no document. */
export function parseYaml(source: string): { doc?: YamlDocument; errors: YamlError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ line: lines.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` })) };
  }
  return { doc: { data: doc.toJS() as unknown, lineAt: (pointer) => lineOf(doc, lines, pointer) }, errors: [] };
}

/** The JSON pointer of the property an `additionalProperties` error names, so it is reported on its own line. */
export function offendingPointer(e: ErrorObject): string {
  return e.keyword === 'additionalProperties' ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}` : e.instancePath;
}

export interface SchemaCheck {
  /** The message for one Ajv error. */
  describe(e: ErrorObject): string;
  /** Where the error is reported (default: the instance path). */
  pointer?(e: ErrorObject): string;
  /** Prepended to every pointer: the data validated is a part of the document (a helper's options). */
  at?: string;
  /** Which of Ajv's errors to report (default all), e.g. dropping a `oneOf` summary when a concrete error exists. */
  select?(errors: ErrorObject[]): ErrorObject[];
  /** Errors shown at most (default 5): one mistake can cascade. */
  max?: number;
}

/** Validates `data` (the document's or a part of it); undefined when valid, else the errors with their lines. */
export function schemaErrors(validate: ValidateFunction, data: unknown, doc: YamlDocument, check: SchemaCheck): YamlError[] | undefined {
  if (validate(data)) return undefined;
  const errs = check.select ? check.select(validate.errors ?? []) : (validate.errors ?? []);
  const pointer = check.pointer ?? ((e: ErrorObject) => e.instancePath);
  return errs.slice(0, check.max ?? 5).map((e) => ({ line: doc.lineAt(`${check.at ?? ''}${pointer(e)}`), message: check.describe(e) }));
}
