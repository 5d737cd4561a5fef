import type { FilterHelper, FixHelper, HelperModule, ProducerHelper } from './types';
import * as common from './common';
import * as sql from './sql';
import * as secrets from './secrets';
import * as hash from './hash';
import * as injection from './injection';
import * as crypto from './crypto';
import * as iac from './iac';

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
