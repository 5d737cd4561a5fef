// The SARIF 2.1.0 schema validator shared by the SARIF tests (a helper, not a test file, so importing it registers
// no tests twice).
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { ROOT } from './cliHelpers';

/** The shipped schema is draft-04; Ajv 8 reads it once `id` is spelled `$id` and the draft URI is dropped. */
export function sarifValidator(): ReturnType<Ajv['compile']> {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'test', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // The schema's language pattern has a stray ']' that is only legal outside unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
