import type { FilterHelper } from '../shared/types';
import { capture } from '../shared/types';
import { isTestCodePath } from '../../engine/finalise/testCode';

// Test suites ship keys made to be published: `testdata/server.key.insecure`, `fixtures/dummy_rsa`,
// `EXAMPLE_TOKEN = "..."` in a test. The file or the name says so, and the key only ever opens a mock. Such a
// finding stays visible (a real key can still be pasted there) but as info, not as an error to act on. Everything
// else in test code is demoted by the engine for every rule alike (finalise/demote.ts).

/** A word in a file or variable name that says the key is made up for tests. */
const MADE_UP = /(?:^|[^a-z])(?:insecure|example|examples|dummy|fake|sample|mock|fixture|snakeoil|unsafe|throwaway|testing)(?:$|[^a-z])/i;

function words(name: string): string {
  // camelCase to separated words, so `dummyPassword` and `DUMMY_PASSWORD` both show `dummy` as a word.
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

/** Lowers the finding to info when it sits in test code whose file or secret name says the key is made up. Always keeps it. */
export const exampleSecretInTests: FilterHelper = (ctx) => {
  if (!isTestCodePath(ctx.doc.path)) return true;
  const file = ctx.doc.path.replace(/\\/g, '/').split('/').pop() ?? '';
  const name = capture(ctx, 'name')?.text ?? '';
  if (MADE_UP.test(words(file)) || MADE_UP.test(words(name))) ctx.severity = 'info';
  return true;
};
