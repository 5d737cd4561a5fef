import type { AnalysisOptions } from './types';

// The one place that knows which fields of a larger object (the editor's resolved settings, a repository
// config's translation) are analysis options. The editor, the workspace scan's workers and the CLI all build
// their AnalysisOptions here, so a new option cannot reach one of them and silently miss another.

const KEYS = ['disabledRules', 'severityOverrides', 'minimumConfidence', 'includeSuppressed', 'today', 'maxFileSize', 'legacyFingerprints', 'tests', 'threatModel', 'crossFile'] as const satisfies readonly (keyof AnalysisOptions)[];

/** The analysis options set in `source`, copied (lists and maps too), without the fields left undefined. */
export function pickAnalysisOptions(source: Readonly<AnalysisOptions>): AnalysisOptions {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) {
    const v = source[k];
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? [...(v as unknown[])] : typeof v === 'object' && v !== null ? { ...v } : v;
  }
  return out as AnalysisOptions;
}
