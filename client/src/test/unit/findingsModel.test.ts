// Unit tests of the findings view's pure parts (no vscode): filtering, grouping, the baseline mark, which
// findings are shown, and the Markdown copy.
import * as assert from 'node:assert/strict';
import { findingMarkdown, findingsMarkdown, locationOf } from '../../findings/markdown';
import {
  describeCount,
  describeFilter,
  FindingStore,
  groupFindings,
  isFilterActive,
  markNew,
  matchesFilter,
  NO_FILTER,
  normaliseFilter,
  normaliseGroupBy,
  shortMessage,
  type FindingRecord,
  type ViewFinding,
} from '../../findings/model';

const W = 'file:///w';

function rec(over: Partial<FindingRecord> = {}): FindingRecord {
  return {
    uri: `${W}/src/app.py`,
    path: 'src/app.py',
    ruleId: 'weak-hash',
    severity: 'warning',
    confidence: 'high',
    message: 'MD5 is broken for security use.',
    range: { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } },
    fingerprint: 'aaaaaaaa',
    fixes: [],
    version: 1,
    ...over,
  };
}

const view = (r: FindingRecord, isNew?: boolean): ViewFinding => ({ ...r, isNew });

describe('findings view: filter', () => {
  it('matches text in rule id, message and path, case-insensitively', () => {
    const f = rec();
    assert.equal(matchesFilter(f, { ...NO_FILTER, text: 'WEAK' }), true);
    assert.equal(matchesFilter(f, { ...NO_FILTER, text: 'md5 is' }), true);
    assert.equal(matchesFilter(f, { ...NO_FILTER, text: 'src/app' }), true);
    assert.equal(matchesFilter(f, { ...NO_FILTER, text: 'sql' }), false);
    assert.equal(matchesFilter(f, { ...NO_FILTER, text: '   ' }), true);
  });

  it('keeps only the chosen severities, and everything when none is chosen', () => {
    assert.equal(matchesFilter(rec({ severity: 'info' }), { ...NO_FILTER, severities: ['error', 'warning'] }), false);
    assert.equal(matchesFilter(rec({ severity: 'error' }), { ...NO_FILTER, severities: ['error', 'warning'] }), true);
    assert.equal(matchesFilter(rec({ severity: 'info' }), NO_FILTER), true);
  });

  it('hides findings below the minimum confidence; a finding without one passes', () => {
    const f = { ...NO_FILTER, minimumConfidence: 'medium' as const };
    assert.equal(matchesFilter(rec({ confidence: 'low' }), f), false);
    assert.equal(matchesFilter(rec({ confidence: 'medium' }), f), true);
    assert.equal(matchesFilter(rec({ confidence: 'high' }), f), true);
    assert.equal(matchesFilter(rec({ confidence: undefined }), { ...NO_FILTER, minimumConfidence: 'high' }), true);
  });

  it('says whether a filter is active and describes it', () => {
    assert.equal(isFilterActive(NO_FILTER), false);
    assert.equal(isFilterActive({ ...NO_FILTER, severities: ['error', 'warning', 'info'] }), false);
    assert.equal(isFilterActive({ ...NO_FILTER, text: 'x' }), true);
    assert.equal(describeFilter({ text: 'sql', severities: ['warning', 'error'], minimumConfidence: 'medium' }), 'Filter: "sql" · error, warning · confidence ≥ medium');
    assert.equal(describeFilter(NO_FILTER), '');
  });

  it('normalises stored state: junk falls back to no filter and file grouping', () => {
    assert.deepEqual(normaliseFilter(null), NO_FILTER);
    assert.deepEqual(normaliseFilter({ text: 3, severities: ['error', 'loud'], minimumConfidence: 'sure' }), { text: '', severities: ['error'], minimumConfidence: 'low' });
    assert.equal(normaliseGroupBy('rule'), 'rule');
    assert.equal(normaliseGroupBy('colour'), 'file');
  });
});

describe('findings view: grouping', () => {
  const a1 = view(rec({ uri: `${W}/b.py`, path: 'b.py', ruleId: 'weak-hash', severity: 'warning', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } }), true);
  const a2 = view(rec({ uri: `${W}/b.py`, path: 'b.py', ruleId: 'sql-injection', severity: 'error', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } }), false);
  const b1 = view(rec({ uri: `${W}/a.py`, path: 'a.py', ruleId: 'sql-injection', severity: 'error' }), true);
  const c1 = view(rec({ uri: `${W}/c.yaml`, path: 'c.yaml', ruleId: 'mutable-image-tag', severity: 'info' }));
  const all = [a1, a2, b1, c1];

  it('by file: files in path order, findings in line order, counts with the new ones', () => {
    const g = groupFindings(all, 'file');
    assert.deepEqual(g.map((x) => x.label), ['a.py', 'b.py', 'c.yaml']);
    assert.deepEqual(g[1]!.findings.map((f) => f.range.start.line), [2, 9]);
    assert.equal(describeCount(g[1]!), '2 · 1 new');
    assert.equal(describeCount(g[2]!), '1');
    assert.equal(g[0]!.id, `file:${W}/a.py`);
  });

  it('by rule: most findings first, then by id; by severity: error, warning, info', () => {
    assert.deepEqual(groupFindings(all, 'rule').map((x) => `${x.label}:${x.findings.length}`), ['sql-injection:2', 'mutable-image-tag:1', 'weak-hash:1']);
    assert.deepEqual(groupFindings([c1, a1, b1], 'severity').map((x) => x.label), ['error', 'warning', 'info']);
    assert.deepEqual(groupFindings(all, 'rule')[0]!.findings.map((f) => f.path), ['a.py', 'b.py']);
  });

  it('has no groups for no findings', () => {
    assert.deepEqual(groupFindings([], 'severity'), []);
  });
});

describe('findings view: baseline mark', () => {
  it('marks findings missing from their folder\'s baseline, and nothing where a folder has none', () => {
    const inBase = rec({ fingerprint: 'f1' });
    const fresh = rec({ fingerprint: 'f2' });
    const other = rec({ uri: 'file:///other/x.py', fingerprint: 'f3' });
    const noPrint = rec({ fingerprint: undefined });
    const marked = markNew([inBase, fresh, other, noPrint], [
      { folder: W, fingerprints: new Set(['f1']) },
      { folder: 'file:///other', fingerprints: null },
    ]);
    assert.deepEqual(marked.map((m) => m.isNew), [false, true, undefined, undefined]);
  });

  it('uses the deepest folder and does not match a folder that only shares a prefix', () => {
    const f = rec({ uri: `${W}/inner/x.py`, fingerprint: 'f1' });
    const marked = markNew([f, rec({ uri: `${W}x/y.py`, fingerprint: 'f1' })], [
      { folder: W, fingerprints: new Set(['f1']) },
      { folder: `${W}/inner`, fingerprints: new Set() },
    ]);
    assert.deepEqual(marked.map((m) => m.isNew), [true, undefined]);
  });
});

describe('findings view: which findings are shown', () => {
  const scan = (over: Partial<FindingRecord> = {}): FindingRecord => rec({ version: null, ...over });
  const uri = `${W}/src/app.py`;

  it('shows the scan result of a file that is not open, and the live result once it is', () => {
    const s = new FindingStore();
    s.update(uri, [scan()], false);
    assert.equal(s.all(() => false).length, 1);
    s.update(uri, [], true);
    assert.deepEqual(s.all(() => true), [], 'an open document shows its live result, here clean');
    s.update(uri, [rec({ version: 3 }), rec({ version: 3, ruleId: 'xss' })], true);
    assert.deepEqual(s.all(() => true).map((r) => r.ruleId), ['weak-hash', 'xss']);
  });

  it('keeps a saved document\'s last live result when it closes (the server clears its diagnostics)', () => {
    const s = new FindingStore();
    s.update(uri, [scan({ ruleId: 'old' })], false);
    s.update(uri, [rec({ version: 2, ruleId: 'now' })], true);
    s.closed(uri, false);
    s.update(uri, [], false);
    const shown = s.all(() => false);
    assert.deepEqual(shown.map((r) => `${r.ruleId}:${r.version}`), ['now:null'], 'fixes must be recomputed before use');
  });

  it('falls back to the scan result when an unsaved document closes', () => {
    const s = new FindingStore();
    s.update(uri, [scan({ ruleId: 'old' })], false);
    s.update(uri, [rec({ version: 5, ruleId: 'typed' })], true);
    s.closed(uri, true);
    s.update(uri, [], false);
    assert.deepEqual(s.all(() => false).map((r) => r.ruleId), ['old']);
  });

  it('drops a file that a later scan found clean', () => {
    const s = new FindingStore();
    s.update(uri, [scan()], false);
    s.update(uri, [], false);
    assert.deepEqual(s.all(() => false), []);
  });

  it('while a document opens, its live result wins over the scan copy still shown beside it', () => {
    const s = new FindingStore();
    s.update(uri, [scan({ ruleId: 'a' }), rec({ version: 1, ruleId: 'b' })], true);
    assert.deepEqual(s.all(() => true).map((r) => r.ruleId), ['b']);
  });
});

describe('findings view: labels', () => {
  it('takes the message\'s first clause, and shortens a long one', () => {
    assert.equal(shortMessage('MD5 is a broken hash: attackers can forge collisions.'), 'MD5 is a broken hash');
    assert.equal(shortMessage('Debug mode is on. Turn it off in production.'), 'Debug mode is on');
    assert.equal(shortMessage('GitHub token (ghp_********5Q) is hardcoded: anyone can use it.'), 'GitHub token (ghp_********5Q) is hardcoded');
    assert.equal(shortMessage('Use 3.14 here'), 'Use 3.14 here');
    const long = shortMessage('x'.repeat(120));
    assert.equal(long.length, 80);
    assert.ok(long.endsWith('…'));
  });
});

describe('findings view: Markdown copy', () => {
  it('gives rule, severity, confidence, 1-based location, message and the baseline status', () => {
    const md = findingMarkdown({ ...rec(), isNew: true });
    assert.equal(
      md,
      '**Vigil `weak-hash`** (warning, high confidence) · new since the baseline\n\n- Location: `src/app.py:5:3`\n- Message: MD5 is broken for security use.\n- Fingerprint: `aaaaaaaa`\n',
    );
    assert.equal(locationOf(rec()), 'src/app.py:5:3');
  });

  it('escapes Markdown in the message and keeps it on one line', () => {
    const md = findingMarkdown(rec({ message: 'a *b* `c`\n<img src=x>' }));
    assert.ok(md.includes('- Message: a \\*b\\* \\`c\\` \\<img src=x\\>\n'), md);
  });

  it('copies the masked message only, never the flagged source text', () => {
    const md = findingMarkdown(rec({ ruleId: 'hardcoded-secret', message: 'AWS access key AKIA************MPLE is hardcoded.' }));
    assert.ok(md.includes('AKIA\\*\\*\\*\\*'), md);
    assert.ok(!/AKIA[A-Z0-9]{16}/.test(md));
  });

  it('copies a group as one block per finding', () => {
    const md = findingsMarkdown([rec(), rec({ ruleId: 'xss' })]);
    assert.equal(md.split('**Vigil').length - 1, 2);
  });
});
