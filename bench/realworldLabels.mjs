// Hand labels of `npm run bench:realworld`: one JSON object a line in bench/realworld-labels.jsonl,
//   {"key": "...", "rule": "...", "pkg": "...", "path": "...", "line": 12, "label": "TP" | "FP", "reason": "..."}
// `key` is the stable fingerprint: package, path inside it, rule and the finding's line text (whitespace
// collapsed), so a label survives line moves and re-runs and goes away when the code or the rule's verdict changes.
// `line` is there for the reader only.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const LABELS_FILE = 'bench/realworld-labels.jsonl';

export function fingerprintOf(pkg, file, ruleId, text) {
  const norm = text.trim().replace(/\s+/g, ' ');
  return createHash('sha1').update(`${pkg}\0${file}\0${ruleId}\0${norm}`).digest('hex').slice(0, 16);
}

/** key -> label. A malformed line stops the run with its line number: a silently dropped label skews precision. */
export function loadLabels(file) {
  const out = new Map();
  if (!fs.existsSync(file)) return out;
  const rows = fs.readFileSync(file, 'utf8').split('\n');
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    let l;
    try {
      l = JSON.parse(row);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${e.message})`);
    }
    if (typeof l.key !== 'string' || typeof l.rule !== 'string' || (l.label !== 'TP' && l.label !== 'FP') || typeof l.reason !== 'string' || l.reason.trim() === '') {
      throw new Error(`${file}:${i + 1}: needs key, rule, label (TP or FP) and a reason`);
    }
    out.set(l.key, l);
  });
  return out;
}

/** rule -> { n, tp, fp, precision } over the findings of this run that carry a label; '*' for all rules. */
export function precisionRows(findings, labels) {
  const rows = new Map();
  const add = (r, label) => {
    const p = rows.get(r) ?? { n: 0, tp: 0, fp: 0, precision: null };
    p.n++;
    if (label === 'TP') p.tp++;
    else p.fp++;
    p.precision = p.tp / p.n;
    rows.set(r, p);
  };
  const seen = new Set();
  for (const f of findings) {
    const l = labels.get(f.key);
    // Two findings on one line of one rule share a key; the label counts once.
    if (!l || seen.has(f.key)) continue;
    seen.add(f.key);
    add(f.ruleId, l.label);
    add('*', l.label);
  }
  return rows;
}
