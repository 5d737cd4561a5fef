import type { FilterHelper, FixHelper } from './types';

export const filters: Record<string, FilterHelper> = {};
export const fixes: Record<string, FixHelper> = {};
