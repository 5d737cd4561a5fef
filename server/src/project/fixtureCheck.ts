import * as fs from 'fs';
import * as path from 'path';
import { applyFixes, isCodeLanguage, languageIdForPath, parse, type Engine, type CodeLanguage, type Finding } from '../engine';

// The rule test harness, shared by `npm test` and `vigil test-rules`: annotated fixture files say, on the
// line above a code line, which findings are expected there (`vigil-expect: id`) and which are not (`vigil-ok: id`).
// `vigil-demoted: id` expects a finding that was demoted as test code (and `vigil-expect` one that was not). A
// fixture is analysed under its path inside the rule's folder (`python/tests/test_login.py`), so test-code
// conventions apply to fixtures in such subfolders and to no other fixture.

export interface FixtureExpectation {
  kind: 'expect' | 'ok' | 'demoted';
  ruleId: string;
  /** 0-based line the annotation is about. */
  line: number;
}

export interface FixtureReport {
  file: string;
  ruleIds: string[];
  expectations: FixtureExpectation[];
  failures: string[];
}

const ANNOTATION = /vigil-(expect|ok|demoted):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function isFixedFile(file: string): boolean {
  return /\.fixed(\.[^./\\]+)?$/.test(path.basename(file));
}

export function fixedFileFor(file: string): string {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? path.join(dir, `${base.slice(0, dot)}.fixed${base.slice(dot)}`) : path.join(dir, `${base}.fixed`);
}

/** Reads the annotations of a fixture. The target of an annotation is the next line that is not itself an annotation or a next-line suppression. */
export function parseAnnotations(text: string): FixtureExpectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: FixtureExpectation[] = [];
  const pending: Omit<FixtureExpectation, 'line'>[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (m) {
      for (const id of m[2]!.split(',')) pending.push({ kind: m[1] as FixtureExpectation['kind'], ruleId: id.trim() });
      return;
    }
    if (/vigil-ignore-next-line/.test(line) && pending.length > 0) return;
    for (const p of pending) out.push({ ...p, line: i });
    pending.length = 0;
  });
  return out;
}

/** Language of a fixture: by extension, with a `.fixture` suffix stripped so e.g. `x.env.fixture` stays text. */
export function fixtureLanguage(file: string): string {
  return languageIdForPath(file.replace(/\.fixture$/, ''));
}

/**
 * The path a fixture is analysed under: relative to its rule's folder (the last path segment named like the rule),
 * with `/` separators; the bare file name when it is not inside such a folder.
 */
export function fixturePath(file: string, folderRuleId: string): string {
  const segs = file.split(/[\\/]/);
  const at = segs.lastIndexOf(folderRuleId);
  return at >= 0 && at < segs.length - 1 ? segs.slice(at + 1).join('/') : path.basename(file);
}

function describeFinding(f: Finding): string {
  return `${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1} (${f.message.slice(0, 80)})`;
}

export async function checkFixture(engine: Engine, file: string, folderRuleId: string, today = '2026-01-01'): Promise<FixtureReport> {
  const text = fs.readFileSync(file, 'utf8');
  const expectations = parseAnnotations(text);
  const ruleIds = [...new Set([folderRuleId, ...expectations.map((e) => e.ruleId)])];
  const failures: string[] = [];
  for (const id of ruleIds) if (!engine.rule(id)) failures.push(`annotation names unknown rule '${id}'`);
  const languageId = fixtureLanguage(file);
  const rel = fixturePath(file, folderRuleId);
  const result = await engine.analyze({ path: rel, languageId, text }, { today });
  for (const n of result.notes.filter((x) => x.code === 'rule-error')) failures.push(n.message);
  const findings = result.findings.filter((f) => ruleIds.includes(f.ruleId));
  const at = (id: string, line: number): Finding[] => findings.filter((f) => f.ruleId === id && f.range.start.line === line);

  for (const e of expectations) {
    const hits = at(e.ruleId, e.line);
    if (e.kind !== 'ok' && hits.length === 0) failures.push(`line ${e.line + 1}: expected ${e.kind === 'demoted' ? 'a demoted ' : ''}${e.ruleId}, got nothing`);
    for (const h of hits) {
      if (e.kind === 'expect' && h.demoted) failures.push(`line ${e.line + 1}: expected ${e.ruleId} at full strength, got it demoted (${h.demoted.reason}); annotate vigil-demoted if that is meant`);
      if (e.kind === 'demoted' && !h.demoted) failures.push(`line ${e.line + 1}: expected ${e.ruleId} demoted as test code, got it at ${h.severity}/${h.confidence}`);
    }
    if (e.kind === 'ok' && hits.length > 0) failures.push(`line ${e.line + 1}: expected no ${e.ruleId}, got ${hits.map(describeFinding).join('; ')}`);
  }
  const annotated = new Set(expectations.map((e) => `${e.ruleId}:${e.line}`));
  for (const f of findings) {
    if (!annotated.has(`${f.ruleId}:${f.range.start.line}`)) failures.push(`line ${f.range.start.line + 1}: unexpected ${describeFinding(f)}`);
  }

  const fixed = fixedFileFor(file);
  if (fs.existsSync(fixed)) {
    const want = fs.readFileSync(fixed, 'utf8');
    const fixes = findings.filter((f) => f.ruleId === folderRuleId && f.fixes.length > 0).map((f) => f.fixes[0]!);
    const got = applyFixes(text, fixes).text;
    if (got !== want) failures.push(`${path.basename(fixed)} differs from the fixed output:\n${firstDifference(want, got)}`);
    if (isCodeLanguage(languageId)) {
      const tree = await parse(languageId as CodeLanguage, got);
      if (!tree) failures.push(`fixed output of ${rel} did not parse in time`);
      else {
        if (tree.rootNode.hasError) failures.push(`fixed output of ${rel} has syntax errors: ${firstError(tree.rootNode)}`);
        tree.delete();
      }
    }
  }
  return { file, ruleIds, expectations, failures };
}

function firstError(node: import('../engine/source/parse').Node): string {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) return `${n.isMissing ? 'missing' : 'error'} at line ${n.startPosition.row + 1}: ${n.text.slice(0, 60)}`;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c && (c.hasError || c.isMissing || c.type === 'ERROR')) stack.push(c);
    }
  }
  return 'unknown location';
}

function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `  line ${i + 1}\n  want: ${JSON.stringify(a[i])}\n  got:  ${JSON.stringify(b[i])}`;
  }
  return '  (line endings differ)';
}

/** Lists the fixture files of one rule folder (not the .fixed outputs). */
export function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!isFixedFile(p)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Checks a whole fixture tree: one folder per rule. Rule-level problems (no fixtures, no expect or ok case) are reported too. */
export async function checkFixtureTree(engine: Engine, root: string, ruleIds: string[]): Promise<{ reports: FixtureReport[]; ruleFailures: string[] }> {
  const reports: FixtureReport[] = [];
  const ruleFailures: string[] = [];
  for (const id of ruleIds) {
    const files = fixtureFiles(path.join(root, id));
    if (files.length === 0) {
      ruleFailures.push(`${id}: no fixtures in ${path.join(root, id)}`);
      continue;
    }
    let expect = 0;
    let ok = 0;
    for (const f of files) {
      const r = await checkFixture(engine, f, id);
      reports.push(r);
      expect += r.expectations.filter((e) => e.ruleId === id && e.kind !== 'ok').length;
      ok += r.expectations.filter((e) => e.ruleId === id && e.kind === 'ok').length;
    }
    if (expect === 0) ruleFailures.push(`${id}: fixtures have no vigil-expect case`);
    if (ok === 0) ruleFailures.push(`${id}: fixtures have no vigil-ok case`);
    if (ok < expect) ruleFailures.push(`${id}: fewer vigil-ok cases (${ok}) than vigil-expect cases (${expect}); add safe lookalikes`);
  }
  return { reports, ruleFailures };
}
