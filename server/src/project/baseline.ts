// The baseline: fingerprints of findings a team has accepted, so only new findings are reported.
// It stores the engine's own fingerprints (rule id + path + the flagged statement's tokens), never code or
// messages, so a baseline file cannot leak a secret and survives lines moving and reformatting.
// The file's version is the fingerprint version it was written with: a version 1 file (flagged lines with
// whitespace collapsed) is still read, and matched against the findings' version 1 fingerprints.
import * as fs from 'fs';
import { FINGERPRINT_VERSION, type Finding } from '../engine';

export const BASELINE_FILE = '.vigil-baseline.json';
export const BASELINE_VERSION = FINGERPRINT_VERSION;
/** Versions this Vigil reads. */
const READABLE_VERSIONS = [1, 2];

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
}

export interface BaselineFile {
  version: number;
  /** Why the file exists, for a reader who finds it in a repository. */
  description: string;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** Builds the file content, sorted so that regenerating an unchanged baseline gives an identical file. */
export function buildBaseline(findings: { path: string; finding: Finding }[]): BaselineFile {
  const entries = findings
    .map(({ path, finding }) => ({ fingerprint: finding.fingerprint, ruleId: finding.ruleId, path }))
    .sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return {
    version: BASELINE_VERSION,
    description: 'Findings accepted when Vigil was adopted; `vigil scan --baseline` reports only findings not listed here. Regenerate with `vigil baseline`.',
    findings: entries,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function writeBaseline(file: string, content: BaselineFile): void {
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}

export interface Baseline {
  /** The fingerprint version of the file's entries. */
  version: number;
  fingerprints: Set<string>;
}

/** Whether a finding is in the baseline, by the fingerprint of the version the baseline was written with. */
export function inBaseline(baseline: Baseline, finding: Finding): boolean {
  if (baseline.version === 1) return baseline.fingerprints.has(finding.fingerprintV1 ?? finding.fingerprint);
  return baseline.fingerprints.has(finding.fingerprint);
}

/** Reads a baseline; a missing, unparsable or malformed file throws BaselineError with a one-line reason. */
export function loadBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`baseline ${file} is not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const d = data as Partial<BaselineFile> | null;
  if (!d || typeof d !== 'object' || typeof d.version !== 'number' || !READABLE_VERSIONS.includes(d.version) || !Array.isArray(d.findings)) {
    throw new BaselineError(`baseline ${file} is not a Vigil baseline (version ${READABLE_VERSIONS.join(' or ')} with a findings array); regenerate it with \`vigil baseline\``);
  }
  const out = new Set<string>();
  d.findings.forEach((f, i) => {
    if (!f || typeof f.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(f.fingerprint)) {
      throw new BaselineError(`baseline ${file}: entry ${i} has no valid fingerprint`);
    }
    out.add(f.fingerprint);
  });
  return { version: d.version, fingerprints: out };
}
