import type { FilterHelper, FixHelper, HelperModule, ProducerHelper } from './shared/types';
import * as common from './shared/common';
import * as sql from './sql-injection';
import * as secrets from './hardcoded-secret';
import * as hash from './weak-hash';
import * as injection from './shared/injection';
import * as crypto from './shared/crypto';
import * as iac from './shared/iac';

// Every helper module is listed here so the bundle includes it; rules refer to helpers by name only.
const MODULES: HelperModule[] = [common, sql, secrets, hash, injection, crypto, iac];

export const FILTERS: Record<string, FilterHelper> = {};
export const FIX_HELPERS: Record<string, FixHelper> = {};
export const PRODUCERS: Record<string, ProducerHelper> = {};

for (const m of MODULES) {
  for (const [name, fn] of Object.entries(m.filters ?? {})) {
    if (FILTERS[name]) throw new Error(`duplicate filter helper '${name}'`);
    FILTERS[name] = fn;
  }
  for (const [name, fn] of Object.entries(m.fixes ?? {})) {
    if (FIX_HELPERS[name]) throw new Error(`duplicate fix helper '${name}'`);
    FIX_HELPERS[name] = fn;
  }
  for (const [name, fn] of Object.entries(m.producers ?? {})) {
    if (PRODUCERS[name]) throw new Error(`duplicate producer helper '${name}'`);
    PRODUCERS[name] = fn;
  }
}
