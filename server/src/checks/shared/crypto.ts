import type { FilterHelper, FixHelper, HelperOptions } from './types';
import * as file from './cryptoFile';
import * as randomFix from '../insecure-random/fix';

// Helpers of weak-cipher, insecure-random, tls-verify-disabled and insecure-deserialization.
// Split by role into cryptoFile.ts (file context) and insecure-random/fix.ts (CSPRNG rewrites); where a random
// value lands, and whether an IV is a constant, is the semantic model's business. This module only gathers them
// for the registry.

export const filters: Record<string, FilterHelper> = { ...file.filters };
export const fixes: Record<string, FixHelper> = { ...randomFix.fixes };
export const options: Record<string, HelperOptions> = { ...file.options, ...randomFix.options };
