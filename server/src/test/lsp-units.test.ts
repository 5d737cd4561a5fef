// Unit tests of the language server's pure parts: settings merge, suppression edits, fix selection, paths.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../engine';
import { engineLanguageId } from '../lsp/analyze';
import { selectSafeEdits } from '../lsp/codeActions';
import { isDiagnosticData } from '../lsp/diagnostics';
import { defaultEditorSettings, mergeSettings, normaliseEditorSettings } from '../lsp/settings';
import { addDays, SUPPRESSION_DAYS, suppressionEdit } from '../lsp/suppression';
import { enginePathFor } from '../lsp/uri';
import { parseFrames } from './lspClient';

const doc = (text: string, lang = 'python'): TextDocument => TextDocument.create('file:///w/a', lang, 1, text);

describe('lsp settings', () => {
  it('reads nested and dotted forms and falls back per field on wrong types', () => {
    const s = normaliseEditorSettings({ enable: 'yes', run: 'onSave', 'rules.disabled': ['a', 3], rules: { severity: { b: 'error', c: 'loud' } }, maxFileSize: -1, trace: { server: 'verbose' } });
    assert.strictEqual(s.enable, true);
    assert.strictEqual(s.run, 'onSave');
    assert.deepStrictEqual(s.rules.disabled, ['a']);
    assert.deepStrictEqual(s.rules.severity, { b: 'error' });
    assert.strictEqual(s.maxFileSize, defaultEditorSettings().maxFileSize);
    assert.strictEqual(s.trace.server, 'verbose');
    assert.deepStrictEqual(normaliseEditorSettings(null), defaultEditorSettings());
  });

  it('merges .vigil.yaml: editor severity wins, disabled is the union, defaults let the file through', () => {
    const editor = normaliseEditorSettings({ rules: { disabled: ['x'], severity: { a: 'info' } } });
    const config = { disable: ['y'], severity: { a: 'error' as const, b: 'error' as const }, ignore: [], rules: ['/r'], minimumConfidence: 'high' as const, maxFileSize: 10 };
    const m = mergeSettings(editor, config, '/w/.vigil.yaml');
    assert.deepStrictEqual([...(m.disabledRules ?? [])].sort(), ['x', 'y']);
    assert.deepStrictEqual(m.severityOverrides, { a: 'info', b: 'error' });
    assert.strictEqual(m.minimumConfidence, 'high');
    assert.strictEqual(m.maxFileSize, 10);
    assert.deepStrictEqual(m.customRuleDirs, ['/r']);
    const chosen = mergeSettings(normaliseEditorSettings({ minimumConfidence: 'medium', maxFileSize: 99 }), config);
    assert.strictEqual(chosen.minimumConfidence, 'medium');
    assert.strictEqual(chosen.maxFileSize, 99);
  });
});

describe('lsp suppression edit', () => {
  it('inserts above with the indentation and comment syntax of the file', () => {
    const e = suppressionEdit(doc('def f():\n\tx = md5()\n'), 1, 'weak-hash', { open: '#' });
    assert.deepStrictEqual(e?.edit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '\t# vigil-ignore-next-line weak-hash -- reason\n' });
    const html = suppressionEdit(doc('<a>\n  <b/>\n', 'html'), 1, 'r', { open: '<!--', close: '-->' });
    assert.strictEqual(html?.edit.newText, '  <!-- vigil-ignore-next-line r -- reason -->\n');
  });

  it('keeps CRLF line endings', () => {
    assert.strictEqual(suppressionEdit(doc('a\r\nb\r\n'), 1, 'r', { open: '#' })?.edit.newText, '# vigil-ignore-next-line r -- reason\r\n');
  });

  it('appends to an existing next-line suppression, but not to one with an expiry', () => {
    const e = suppressionEdit(doc('  # vigil-ignore-next-line other -- why\n  x\n'), 1, 'weak-hash', { open: '#' });
    assert.deepStrictEqual(e, { edit: { range: { start: { line: 0, character: 32 }, end: { line: 0, character: 32 } }, newText: ', weak-hash' } });
    assert.strictEqual(suppressionEdit(doc('# vigil-ignore-next-line weak-hash\nx\n'), 1, 'weak-hash', { open: '#' }), undefined);
    const dated = suppressionEdit(doc('# vigil-ignore-next-line other until 2020-01-01\nx\n'), 1, 'weak-hash', { open: '#' });
    assert.strictEqual(dated?.edit.newText, '# vigil-ignore-next-line weak-hash -- reason\n');
  });

  it('as a snippet the reason is the first tab stop and the expiry date the second, with snippet syntax escaped', () => {
    const plain = suppressionEdit(doc('  x = md5()\n'), 0, 'weak-hash', { open: '#' });
    assert.strictEqual(plain?.snippet, '  # vigil-ignore-next-line weak-hash -- ${1:reason}\n');
    const dated = suppressionEdit(doc('x = md5()\n'), 0, 'weak-hash', { open: '<%#', close: '%>' }, '2027-03-02');
    assert.strictEqual(dated?.edit.newText, '<%# vigil-ignore-next-line weak-hash until 2027-03-02 -- reason %>\n');
    assert.strictEqual(dated?.snippet, '<%# vigil-ignore-next-line weak-hash until ${2:2027-03-02} -- ${1:reason} %>\n');
    assert.strictEqual(suppressionEdit(doc('x\n'), 0, 'r', { open: '$' })?.snippet, '\\$ vigil-ignore-next-line r -- ${1:reason}\n');
    // The expiring variant never extends an existing comment: the date would apply to the other rule too.
    const under = suppressionEdit(doc('# vigil-ignore-next-line other\nx\n'), 1, 'weak-hash', { open: '#' }, '2027-03-02');
    assert.strictEqual(under?.edit.newText, '# vigil-ignore-next-line weak-hash until 2027-03-02 -- reason\n');
  });

  it('dates the expiry 90 days ahead across month and year ends', () => {
    assert.strictEqual(addDays('2026-12-02', SUPPRESSION_DAYS), '2027-03-02');
    assert.strictEqual(addDays('2024-01-31', 30), '2024-03-01');
  });

  it('refuses lines outside the document', () => {
    assert.strictEqual(suppressionEdit(doc('x\n'), 7, 'r', { open: '#' }), undefined);
  });
});

describe('lsp fix selection', () => {
  const edit = (line: number, s: number, e: number, newText: string) => ({ range: { start: { line, character: s }, end: { line, character: e } }, newText });
  it('takes safe fixes only and skips one that overlaps an earlier pick', () => {
    const fixes: Fix[] = [
      { title: 'b', applicability: 'safe', edits: [edit(0, 4, 8, 'B')] },
      { title: 'a', applicability: 'safe', edits: [edit(0, 0, 5, 'A')] },
      { title: 'u', applicability: 'unsafe', edits: [edit(1, 0, 1, 'U')] },
      { title: 'c', applicability: 'safe', edits: [edit(1, 2, 3, 'C')] },
    ];
    assert.deepStrictEqual(selectSafeEdits(doc('0123456789\n0123\n'), fixes).map((e) => e.newText), ['A', 'C']);
  });

  it('recognises diagnostic data and rejects junk', () => {
    assert.ok(isDiagnosticData({ version: 1, fixes: [], ruleId: 'r', fingerprint: 'f' }));
    assert.ok(isDiagnosticData({ version: null, fixes: [], ruleId: 'r', fingerprint: 'f' }));
    assert.ok(!isDiagnosticData({ version: 'x', fixes: 7, ruleId: 'r' }));
    assert.ok(!isDiagnosticData(undefined));
  });
});

describe('lsp paths and frames', () => {
  it('gives the engine workspace-relative paths with forward slashes', () => {
    assert.strictEqual(enginePathFor('file:///w/src/a%20b.py', ['/w']), 'src/a b.py');
    assert.strictEqual(enginePathFor('file:///w/sub/x.py', ['/w', '/w/sub']), 'x.py');
    assert.strictEqual(enginePathFor('file:///elsewhere/x.py', ['/w']), '/elsewhere/x.py');
    assert.strictEqual(enginePathFor('untitled:Untitled-1', ['/w']), 'Untitled-1');
  });

  it("maps other editors' language ids through the file name", () => {
    assert.strictEqual(engineLanguageId('cs', 'src/A.cs'), 'csharp');
    assert.strictEqual(engineLanguageId('c-sharp', 'A.cs'), 'csharp');
    assert.strictEqual(engineLanguageId('python', 'a.txt'), 'python');
    assert.strictEqual(engineLanguageId('yaml', 'k8s/deploy.yaml'), 'yaml');
  });

  it('the frame checker rejects stray bytes on stdout', () => {
    const frame = (s: string): Buffer => Buffer.from(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
    const ok = '{"jsonrpc":"2.0","method":"x"}';
    assert.strictEqual(parseFrames([frame(ok), frame(ok)]).length, 2);
    assert.throws(() => parseFrames([Buffer.from('hello\n'), frame(ok)]));
    assert.throws(() => parseFrames([frame(ok), Buffer.from('tail')]));
  });
});
