// The scoring of `npm run bench:accuracy` (bench/julietCases.mjs, julietScore.mjs, accuracyJuliet.mjs,
// accuracyFixtures.mjs): on a tiny Juliet-shaped tree made here, with findings given by hand, the counts must be
// the ones worked out below. The bench modules are ESM; they are loaded with a dynamic import.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT, tmpDir } from './cliHelpers';

// The bench modules are untyped JavaScript: what they return is `any` here.
const bench = (name: string): Promise<any> => import(pathToFileURL(path.join(ROOT, 'bench', name)).href);

const CWE = 'CWE328_Reversible_One_Way_Hash';

/** A Juliet-like class: each method is `name` with a one-line body `// name body` the tests point findings at. */
function javaClass(cls: string, methods: string[], extra = ''): string {
  const lines = [`package testcases.${CWE};`, `public class ${cls} extends AbstractTestCase`, '{', '    private int field = 1;'];
  for (const m of methods) lines.push(`    public void ${m}() throws Throwable`, '    {', `        String x = "${m}"; // ${m} body`, '    }');
  lines.push(extra, '}', '');
  return lines.join('\n');
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('bench:accuracy scoring', () => {
  it('finds method extents while skipping braces and method-like text in strings and comments', async () => {
    const { javaMethods } = await bench('javaMethods.mjs');
    const src = [
      'class A {', //                                          1
      '  /* void bad() { */ String s = "}{ good() {";', //       2
      '  char c = \'}\';', //                                   3
      '  A() { }', //                                           4
      '  void goodG2B() throws java.io.IOException, Exception {', // 5
      '    Runnable r = new Runnable() {', //                  6
      '      public void run() { if (x) { y(); } }', //         7
      '    };', //                                              8
      '    java.util.function.Supplier<String> f = () -> { return "{"; };', // 9
      '  }', //                                                 10
      '  // void bad() {', //                                   11
      '  void bad() {', //                                      12
      '  }', //                                                 13
      '}',
    ].join('\n');
    const got = (javaMethods(src) as { name: string; start: number; end: number }[]).map((m) => `${m.name}:${m.start}-${m.end}`);
    assert.deepStrictEqual(got, ['A:4-4', 'goodG2B:5-10', 'run:7-7', 'bad:12-13']);
  });

  it('groups files into cases by stem and labels bad, good and whole-file parts', async () => {
    const { parseCaseFileName, methodLabel, labelAt } = await bench('julietCases.mjs');
    assert.deepStrictEqual(parseCaseFileName(`${CWE}__MD5_54c.java`), { stem: `${CWE}__MD5_54`, variant: 54, suffix: 'c' });
    assert.deepStrictEqual(parseCaseFileName(`${CWE}__MD5_81_goodG2B.java`), { stem: `${CWE}__MD5_81`, variant: 81, suffix: '_goodG2B' });
    assert.deepStrictEqual(parseCaseFileName(`${CWE}__MD5_07.java`), { stem: `${CWE}__MD5_07`, variant: 7, suffix: '' });
    assert.strictEqual(parseCaseFileName('IO.java'), undefined);
    assert.deepStrictEqual(['bad', 'badSink', 'good', 'good1', 'goodB2GSink', 'main', 'badge', 'action'].map(methodLabel), ['bad', 'bad', 'good', 'good', 'good', undefined, undefined, undefined]);
    // The innermost labelled method decides; a whole-file label overrides the methods.
    const file = { whole: undefined, methods: [{ name: 'bad', label: 'bad', start: 1, end: 10 }, { name: 'goodInner', label: 'good', start: 3, end: 4 }] };
    assert.deepStrictEqual([1, 3, 4, 5, 10, 11].map((l) => labelAt(file, l)), ['bad', 'good', 'good', 'bad', 'bad', undefined]);
    assert.strictEqual(labelAt({ ...file, whole: 'good' }, 5), 'good');
  });

  it('one case flagged in bad() and in goodG2B() has TPR 1 and FPR 1', async () => {
    const { scoreJuliet } = await bench('accuracyJuliet.mjs');
    const root = tmpDir('vigil-juliet-one-');
    const dir = path.join(root, 'testcases', CWE);
    fs.mkdirSync(dir, { recursive: true });
    const text = javaClass(`${CWE}__MD5_01`, ['bad', 'good', 'goodG2B']);
    const rel = `testcases/${CWE}/${CWE}__MD5_01.java`;
    fs.writeFileSync(path.join(root, rel), text);
    const findings = [lineOf(text, '// bad body'), lineOf(text, '// goodG2B body')].map((line) => ({ path: rel, line, ruleId: 'weak-hash' }));
    const s = scoreJuliet(root, findings, ['weak-hash'], [{ cwe: 328, rule: 'weak-hash', targets: { all: 0.95 } }]);
    const all = s.cwes[0].scopes.all;
    assert.deepStrictEqual([all.cases, all.tp, all.fp, all.tpr, all.fpr, all.youden], [1, 1, 1, 1, 1, 0]);
    assert.deepStrictEqual(s.cwes[0].targets, [{ scope: 'all', min: 0.95, youden: 0, pass: false }]);
    assert.deepStrictEqual(s.targets, [{ cwe: 328, rule: 'weak-hash', scope: 'all', min: 0.95, youden: 0, pass: false }]);
    assert.strictEqual(all.tpNotes, 0, 'a finding without a severity counts as an alert');
    // The same bad line found only as a note (info) is a true positive reported as a note.
    const asNote = scoreJuliet(root, [{ ...findings[0]!, severity: 'info' }], ['weak-hash'], [{ cwe: 328, rule: 'weak-hash' }]);
    assert.deepStrictEqual([asNote.cwes[0].scopes.all.tp, asNote.cwes[0].scopes.all.tpNotes], [1, 1]);
    const both = scoreJuliet(root, [{ ...findings[0]!, severity: 'info' }, { ...findings[0]!, severity: 'warning' }], ['weak-hash'], [{ cwe: 328, rule: 'weak-hash' }]);
    assert.strictEqual(both.cwes[0].scopes.all.tpNotes, 0);
  });

  it('counts each case once per side across files, in-file and cross-file variants apart', async () => {
    const { scoreJuliet } = await bench('accuracyJuliet.mjs');
    const root = tmpDir('vigil-juliet-many-');
    const dir = path.join(root, 'testcases', CWE);
    fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.join(root, 'testcasesupport'));
    const files: Record<string, string> = {
      // 01: bad flagged twice and goodG2B flagged inside an anonymous class: one TP, one FP.
      '01': javaClass(`${CWE}__MD5_01`, ['bad', 'good', 'goodG2B'], '    void goodB2G() { Object o = new Object() { public String toString() { return "in goodB2G"; } }; }'),
      // 02: only good1 flagged: FP, no TP. 03: only another rule in bad, and this rule on a field line: a miss.
      '02': javaClass(`${CWE}__MD5_02`, ['bad', 'good', 'good1']),
      '03': javaClass(`${CWE}__MD5_03`, ['bad', 'good', 'good1']),
      // 54: one case over two files; the sink in 54b's badSink is flagged: TP.
      '54a': javaClass(`${CWE}__MD5_54a`, ['bad', 'good', 'goodG2B']),
      '54b': javaClass(`${CWE}__MD5_54b`, ['badSink', 'goodG2BSink']),
      // 81: the good subclass (a whole-file good part) is flagged, the base class too (neither): FP only.
      '81a': javaClass(`${CWE}__MD5_81a`, ['bad', 'good', 'goodG2B']),
      '81_base': javaClass(`${CWE}__MD5_81_base`, ['action']),
      '81_bad': javaClass(`${CWE}__MD5_81_bad`, ['action']),
      '81_goodG2B': javaClass(`${CWE}__MD5_81_goodG2B`, ['action']),
    };
    const rel = (k: string): string => `testcases/${CWE}/${CWE}__MD5_${k}.java`;
    for (const [k, t] of Object.entries(files)) fs.writeFileSync(path.join(root, rel(k)), t);
    const at = (k: string, needle: string, ruleId = 'weak-hash'): { path: string; line: number; ruleId: string } => ({ path: rel(k), line: lineOf(files[k]!, needle), ruleId });
    const findings = [
      at('01', '// bad body'),
      at('01', '// bad body'),
      at('01', 'in goodB2G'),
      at('02', '// good1 body'),
      at('03', '// bad body', 'weak-cipher'),
      at('03', 'private int field'),
      at('54b', '// badSink body'),
      at('81_goodG2B', '// action body'),
      at('81_base', '// action body'),
      { path: 'testcasesupport/IO.java', line: 3, ruleId: 'weak-hash' },
    ];
    const map = [
      { cwe: 328, rule: 'weak-hash', targets: { all: 0.95, crossFile: 0 } },
      { cwe: 89, rule: 'sql-injection', targets: { inFile: 0.9 } },
    ];
    const s = scoreJuliet(root, findings, ['weak-hash'], map);
    assert.strictEqual(s.cases, 5);
    const c = s.cwes[0];
    const pick = (m: any): number[] => [m.cases, m.bad, m.good, m.tp, m.fp];
    // All: TP {01, 54} of 5, FP {01, 02, 81} of 5.
    assert.deepStrictEqual(pick(c.scopes.all), [5, 5, 5, 2, 3]);
    assert.strictEqual(c.scopes.all.tpr, 0.4);
    assert.strictEqual(c.scopes.all.fpr, 0.6);
    assert.ok(Math.abs(c.scopes.all.youden + 0.2) < 1e-9, String(c.scopes.all.youden));
    // In-file (01, 02, 03): TP 1 of 3, FP 2 of 3. Cross-file (54, 81): TP 1 of 2, FP 1 of 2.
    assert.deepStrictEqual(pick(c.scopes.inFile), [3, 3, 3, 1, 2]);
    assert.ok(Math.abs(c.scopes.inFile.youden + 1 / 3) < 1e-9);
    assert.deepStrictEqual(pick(c.scopes.crossFile), [2, 2, 2, 1, 1]);
    assert.deepStrictEqual(pick(c.groups.classes), [1, 1, 1, 1, 0]);
    assert.deepStrictEqual(pick(c.groups.abstract), [1, 1, 1, 0, 1]);
    // The field line and the base class are outside every bad and good part.
    assert.strictEqual(c.scopes.all.outside, 2);
    assert.deepStrictEqual(
      c.targets.map((t: any) => [t.scope, t.pass]),
      [
        ['all', false],
        ['crossFile', true],
      ],
    );
    // A CWE whose folder is absent is reported as such, not scored.
    assert.strictEqual(s.cwes[1].folder, null);
    const ex = s.perRule['weak-hash'];
    assert.strictEqual(ex.missed, 3);
    assert.strictEqual(ex.falsePositives, 3);
    assert.deepStrictEqual(ex.missedAt, [`${rel('02')}:${lineOf(files['02']!, 'void bad(')}`, `${rel('03')}:${lineOf(files['03']!, 'void bad(')}`, `${rel('81a')}:${lineOf(files['81a']!, 'void bad(')}`]);
    assert.deepStrictEqual(s.otherRules, { 'weak-cipher': 1 });
  });

  it('a rule that does not exist scores zero without failing, and a missing suite is a skip', async () => {
    const { scoreJuliet, julietSection, printJuliet } = await bench('accuracyJuliet.mjs');
    const root = tmpDir('vigil-juliet-norule-');
    fs.mkdirSync(path.join(root, 'testcases', 'CWE90_LDAP_Injection'), { recursive: true });
    fs.writeFileSync(path.join(root, 'testcases', 'CWE90_LDAP_Injection', 'CWE90_LDAP_Injection__x_01.java'), javaClass('CWE90_LDAP_Injection__x_01', ['bad', 'good']));
    const s = scoreJuliet(root, [], ['weak-hash'], [{ cwe: 90, rule: 'ldap-injection', targets: { inFile: 0.9 } }]);
    assert.strictEqual(s.cwes[0].ruleExists, false);
    assert.deepStrictEqual([s.cwes[0].scopes.inFile.tp, s.cwes[0].scopes.inFile.youden, s.cwes[0].targets[0].pass], [0, 0, false]);
    const missing = julietSection(ROOT, path.join(root, 'no-such-suite'));
    assert.match(printJuliet(missing), /^Juliet Java: skipped, no suite at .*no-such-suite/);
  });

  it('the threat model comparison: which rules it changes, and local rows printed beside the default model\'s', async () => {
    const { scoreJuliet, threatModelRules, printLocal } = await bench('accuracyJuliet.mjs');
    const changed: string[] = threatModelRules(ROOT);
    for (const id of ['path-traversal', 'open-redirect', 'ssrf', 'code-injection', 'insecure-deserialization']) assert.ok(changed.includes(id), id);
    for (const id of ['sql-injection', 'command-injection', 'xss', 'weak-hash']) assert.ok(!changed.includes(id), id);
    const folder = 'CWE23_Relative_Path_Traversal';
    const root = tmpDir('vigil-juliet-local-');
    fs.mkdirSync(path.join(root, 'testcases', folder), { recursive: true });
    const text = javaClass(`${folder}__Environment_01`, ['bad', 'good']).replace(new RegExp(CWE, 'g'), folder);
    const rel = `testcases/${folder}/${folder}__Environment_01.java`;
    fs.writeFileSync(path.join(root, rel), text);
    const map = [{ cwe: 23, rule: 'path-traversal', targets: { inFile: 0.9 } }];
    const base = scoreJuliet(root, [], ['path-traversal'], map);
    const local = { rules: ['path-traversal'], filesScanned: 1, seconds: 0.1, findings: 1, ...scoreJuliet(root, [{ path: rel, line: lineOf(text, '// bad body'), ruleId: 'path-traversal' }], ['path-traversal'], map) };
    const out = (printLocal(base, local) as string[]).join('\n');
    assert.match(out, /Threat model local \(--threat-model local\)/);
    assert.match(out, /CWE-23 +path-traversal +in-file \(01-45, 61-75\) +1 +1 +1 +1 +0 +1\.000 +0\.000 +1\.000 +>= 0\.90 PASS +0\.000\n/);
    assert.match(out, /targets met under local: 1 of 1 of these; with the other CWEs as above, 1 of 1/);
    // Unchanged numbers say so.
    assert.match((printLocal(base, { ...base, rules: ['path-traversal'], filesScanned: 1, seconds: 0.1, findings: 0 }) as string[]).join('\n'), /FAIL +0\.000 \(same\)/);
  });

  it('fixture counts: expected, found, missing, ok flagged, unexpected, TPR and precision by line', async () => {
    const { countFile, rates } = await bench('accuracyFixtures.mjs');
    const into = { files: 0, expected: 0, found: 0, missing: 0, ok: 0, okFlagged: 0, unexpected: 0, missingAt: [], unexpectedAt: [] };
    const annotations = [
      { kind: 'expect', ruleId: 'r', line: 1 },
      { kind: 'expect', ruleId: 'r', line: 3 },
      { kind: 'ok', ruleId: 'r', line: 5 },
      { kind: 'expect', ruleId: 'other', line: 7 },
    ];
    // Two findings on line 1 count once; 5 is an ok line flagged; 7 is expected only for another rule.
    countFile(into, 'f.py', 'r', annotations, [1, 1, 5, 7]);
    assert.deepStrictEqual(
      [into.expected, into.found, into.missing, into.ok, into.okFlagged, into.unexpected, into.missingAt, into.unexpectedAt],
      [2, 1, 1, 1, 1, 2, ['f.py:4'], ['f.py:6', 'f.py:8']],
    );
    assert.deepStrictEqual(rates(into), { tpr: 0.5, precision: 1 / 3 });
  });
});
