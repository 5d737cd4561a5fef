import type { FilterHelper, FixHelper, HelperModule, HelperOptions, ProducerHelper } from './shared/types';
import * as common from './shared/common';
import * as sql from './sql-injection';
import * as secrets from './hardcoded-secret';
import * as hash from './weak-hash';
import * as injection from './shared/injection';
import * as crypto from './shared/crypto';
import * as iac from './shared/iac';
import * as configIntent from './insecure-config/intent';
import * as xss from './xss';
import * as nosql from './nosql-injection';
import * as reflection from './unsafe-reflection';
import * as taint from './shared/taintHelpers';
import * as rubyEval from './shared/rubyEval';
import * as tlsConstant from './shared/tlsConstant';
import * as deserialization from './shared/deserialization';
import * as deserializationInput from './insecure-deserialization/input';
import * as ownCode from './code-injection/ownCode';
import * as pathTraversal from './path-traversal/fix';
import * as ldapFix from './ldap-injection/fix';
import * as redirectFix from './open-redirect/fix';
import * as tlsProbe from './tls-verify-disabled/probe';
import * as cipherTable from './weak-cipher/table';

// Every helper module is listed here so the bundle includes it; rules refer to helpers by name only, and the
// rule loader checks those names and their options against this registry (engine/rules/helperCheck.ts).
const MODULES: HelperModule[] = [common, sql, secrets, hash, injection, crypto, iac, configIntent, xss, nosql, reflection, taint, rubyEval, tlsConstant, deserialization, deserializationInput, ownCode, pathTraversal, ldapFix, redirectFix, tlsProbe, cipherTable];

export const FILTERS: Record<string, FilterHelper> = {};
export const FIX_HELPERS: Record<string, FixHelper> = {};
export const PRODUCERS: Record<string, ProducerHelper> = {};
/** The options each helper accepts, by helper name (names are unique across filters, fixes and producers). */
export const HELPER_OPTIONS: Record<string, HelperOptions> = {};

export type HelperKind = 'filter' | 'fix' | 'producer';

for (const m of MODULES) {
  const declared = m.options ?? {};
  const add = <T>(kind: HelperKind, table: Record<string, T>, helpers: Record<string, T> | undefined): void => {
    for (const [name, fn] of Object.entries(helpers ?? {})) {
      if (Object.hasOwn(HELPER_OPTIONS, name)) throw new Error(`duplicate helper '${name}'`);
      // A helper without a declaration could not be checked at load: refuse to start rather than skip it.
      const options = Object.hasOwn(declared, name) ? declared[name] : undefined;
      if (!options) throw new Error(`${kind} helper '${name}' declares no options (add it to its module's \`options\`)`);
      table[name] = fn;
      HELPER_OPTIONS[name] = options;
    }
  };
  add('filter', FILTERS, m.filters);
  add('fix', FIX_HELPERS, m.fixes);
  add('producer', PRODUCERS, m.producers);
  for (const name of Object.keys(declared)) {
    if (!Object.hasOwn(HELPER_OPTIONS, name)) throw new Error(`options declared for '${name}', which is no helper`);
  }
}

/** The registry table of a kind of helper, for lookups by the name a rule gives. */
export function helpersOf(kind: HelperKind): Readonly<Record<string, unknown>> {
  return kind === 'filter' ? FILTERS : kind === 'fix' ? FIX_HELPERS : PRODUCERS;
}
