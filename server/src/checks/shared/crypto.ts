import type { FilterHelper, FixHelper, HelperOptions } from './types';
import * as iv from '../weak-cipher/iv';
import * as file from './cryptoFile';
import * as flow from '../insecure-random/flow';
import * as randomFix from '../insecure-random/fix';

// Helpers of weak-cipher, insecure-random, tls-verify-disabled and insecure-deserialization.
// Split by role into weak-cipher/iv.ts (static IVs), cryptoFile.ts (file context), insecure-random/flow.ts and
// names.ts (where a random value lands) and insecure-random/fix.ts (CSPRNG rewrites); this module only gathers
// them for the registry.

export const filters: Record<string, FilterHelper> = { ...iv.filters, ...file.filters, ...flow.filters };
export const fixes: Record<string, FixHelper> = { ...randomFix.fixes };
export const options: Record<string, HelperOptions> = { ...iv.options, ...file.options, ...flow.options, ...randomFix.options };
