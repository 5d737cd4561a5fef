// Scoring of the Juliet section of `npm run bench:accuracy`: findings against the labelled cases of
// julietCases.mjs, then TPR, FPR and Youden's J per CWE and per flow-variant group, and the issues' targets.
// A case counts once per side: a true positive when some finding of the CWE's rule lands in its bad code, a
// false positive when some finding of that rule lands in its good code (a case can be both). TPR is over the
// cases with bad code, FPR over the cases with good code.
import { labelAt } from './julietCases.mjs';

/** Flow-variant groups as the Juliet documentation names them. */
export const VARIANT_GROUPS = [
  { id: 'control', label: '01-22 control flow', from: 1, to: 22 },
  { id: 'class', label: '31-45 data flow in a class', from: 31, to: 45 },
  { id: 'returns', label: '61-75 returns, collections, serialised', from: 61, to: 75 },
  { id: 'classes', label: '51-54 data flow across classes', from: 51, to: 54 },
  { id: 'abstract', label: '81 abstract method', from: 81, to: 89 },
];

/** The two scopes issue 15 sets targets for, and everything. */
export const SCOPES = [
  { id: 'inFile', label: 'in-file (01-45, 61-75)', groups: ['control', 'class', 'returns'] },
  { id: 'crossFile', label: 'cross-file (51-54, 81)', groups: ['classes', 'abstract'] },
  { id: 'all', label: 'all variants', groups: VARIANT_GROUPS.map((g) => g.id) },
];

export const groupOf = (variant) => VARIANT_GROUPS.find((g) => variant >= g.from && variant <= g.to)?.id;

/**
 * Marks each case with what the findings say about it. `findings`: { path, line, ruleId } with `path` relative
 * to the Juliet root and 1-based `line` (the CLI's JSON); `ruleOf(folder)`: the rule id scored for that CWE
 * folder (undefined: nothing scored). Returns one outcome per case:
 * { case, rule, tp, alert (a bad-line finding above info), fp, fpAt[] (good lines flagged), badHits, outside (findings
 * on unlabelled lines) }. `severity` is optional in `findings`; without it every finding counts as an alert.
 */
export function scoreCases(loaded, findings, ruleOf) {
  const outcomes = new Map(loaded.cases.map((c) => [c, { case: c, rule: ruleOf(c.folder), tp: false, alert: false, fp: false, fpAt: [], badHits: 0, outside: 0 }]));
  for (const f of findings) {
    const hit = loaded.byPath.get(f.path);
    if (!hit) continue;
    const o = outcomes.get(hit.case);
    if (!o.rule || f.ruleId !== o.rule) continue;
    const label = labelAt(hit.file, f.line);
    if (label === 'bad') {
      o.tp = true;
      if (f.severity !== 'info') o.alert = true;
      o.badHits++;
    } else if (label === 'good') {
      o.fp = true;
      o.fpAt.push(`${f.path}:${f.line}`);
    } else o.outside++;
  }
  return [...outcomes.values()];
}

/** Counts and rates over a set of outcomes. */
export function metrics(outcomes) {
  const bad = outcomes.filter((o) => o.case.hasBad);
  const good = outcomes.filter((o) => o.case.hasGood);
  const tp = bad.filter((o) => o.tp).length;
  // Found, but only as notes (info): a user sees them without being asked to act (a weak digest whose use shows nothing).
  const tpNotes = bad.filter((o) => o.tp && !o.alert).length;
  const fp = good.filter((o) => o.fp).length;
  const tpr = bad.length ? tp / bad.length : null;
  const fpr = good.length ? fp / good.length : null;
  return {
    cases: outcomes.length,
    bad: bad.length,
    good: good.length,
    tp,
    tpNotes,
    fp,
    tpr,
    fpr,
    // With no bad (or no good) code there is nothing to detect (or to wrongly flag): that side counts as 0.
    youden: outcomes.length ? (tpr ?? 0) - (fpr ?? 0) : null,
    outside: outcomes.reduce((s, o) => s + o.outside, 0),
  };
}

/** Metrics per flow-variant group and per scope for the outcomes of one CWE. */
export function groupMetrics(outcomes) {
  const groups = {};
  for (const g of VARIANT_GROUPS) groups[g.id] = metrics(outcomes.filter((o) => groupOf(o.case.variant) === g.id));
  const scopes = {};
  for (const s of SCOPES) scopes[s.id] = metrics(outcomes.filter((o) => s.groups.includes(groupOf(o.case.variant))));
  return { groups, scopes };
}

/** Each target of a CWE ({ scope: minimum Youden }) checked against its scope's metrics. */
export function checkTargets(targets, scopes) {
  return Object.entries(targets ?? {}).map(([scope, min]) => {
    const youden = scopes[scope]?.youden ?? null;
    // A scope with no cases in the suite cannot meet a target.
    return { scope, min, youden, pass: youden !== null && scopes[scope].cases > 0 && youden >= min - 1e-9 };
  });
}

/**
 * Up to `n` examples, spread over flow variants (first the earliest case of each variant, then the rest):
 * missed bad cases (their bad entry point) and falsely flagged good lines of one rule's outcomes.
 */
export function examples(outcomes, n = 5) {
  const spread = (list, at) => {
    const sorted = [...list].sort((a, b) => a.case.variant - b.case.variant || a.case.key.localeCompare(b.case.key));
    const seen = new Set();
    const first = [];
    const rest = [];
    for (const o of sorted) (seen.has(o.case.variant) ? rest : (seen.add(o.case.variant), first)).push(o);
    return [...first, ...rest].slice(0, n).map(at);
  };
  const missed = outcomes.filter((o) => o.case.hasBad && !o.tp);
  const flagged = outcomes.filter((o) => o.case.hasGood && o.fp);
  return { missed: missed.length, falsePositives: flagged.length, missedAt: spread(missed, (o) => o.case.badAt), falsePositiveAt: spread(flagged, (o) => o.fpAt[0]) };
}
