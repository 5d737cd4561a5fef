import type { Confidence, Severity, SourceDocument, TestsMode } from '../types';
import { testCodeOf } from './testCode';

// What findings in test and fixture code become (AnalysisOptions.tests). Test code holds deliberate hazards (a
// test that proves an injection string is escaped, a fixture key for a mock); at full severity they bury the
// findings in shipped code, and hiding them outright would also hide a real key committed in a test. So by
// default they stay, one confidence level lower and at most a warning, marked `demoted` with the reason, and
// `--fail-on` leaves them out unless asked. A rule that no outside input drives (weak digests, TLS checks, fixture
// keys) says `testSeverity: info`: in a test such a finding is a note, since nothing an attacker sends reaches it.

export type TestPolicy =
  /** Not test code, or `tests: report`: findings stay as they are. */
  | { kind: 'keep' }
  /** `tests: ignore`: no finding is reported. */
  | { kind: 'drop' }
  | { kind: 'demote'; reason: string };

const KEEP: TestPolicy = { kind: 'keep' };

/** The policy for one document: whether it is test code (path, then framework markers) and what the mode says. */
export function testPolicyFor(doc: Pick<SourceDocument, 'path' | 'text'>, mode: TestsMode = 'demote'): TestPolicy {
  if (mode === 'report') return KEEP;
  const test = testCodeOf(doc.path, doc.text);
  if (!test) return KEEP;
  return mode === 'ignore' ? { kind: 'drop' } : { kind: 'demote', reason: `test code: ${test.reason}` };
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/** One confidence level down (low stays low). */
export function demotedConfidence(c: Confidence): Confidence {
  return LOWER[c];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** At most `cap` (a rule's testSeverity; a warning unless the rule says less). */
export function demotedSeverity(s: Severity, cap: 'warning' | 'info' = 'warning'): Severity {
  return RANK[s] > RANK[cap] ? cap : s;
}
