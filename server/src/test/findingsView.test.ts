// The findings view's server requests: baseline fingerprints per folder and the suppression edit with a reason.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findingToDiagnostic } from '../lsp/diagnostics';
import type { DiagnosticData } from '../protocol';
import { cleanReason, isSuppressEditParams, readBaselines, suppressEditFor, withReason } from '../lsp/findingsView';
import { suppressionEdit } from '../lsp/suppression';
import { pathToUri } from '../lsp/uri';

const doc = (text: string, lang = 'python'): TextDocument => TextDocument.create('file:///w/a.py', lang, 1, text);

describe('findings view requests', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-view-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads each folder\'s baseline: fingerprints, none, or the reason it is unreadable', () => {
    const withBase = path.join(dir, 'a');
    const without = path.join(dir, 'b');
    const broken = path.join(dir, 'c');
    for (const d of [withBase, without, broken]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(
      path.join(withBase, '.vigil-baseline.json'),
      JSON.stringify({ version: 1, description: '', findings: [{ fingerprint: '0123456789abcdef', ruleId: 'weak-hash', path: 'x.py' }] }),
    );
    fs.writeFileSync(path.join(broken, '.vigil-baseline.json'), '{not json');
    const answer = readBaselines([withBase, without, broken]);
    assert.deepStrictEqual(answer.folders[0], {
      folder: pathToUri(withBase),
      file: pathToUri(path.join(withBase, '.vigil-baseline.json')),
      fingerprints: ['0123456789abcdef'],
    });
    assert.strictEqual(answer.folders[1]!.fingerprints, null);
    assert.strictEqual(answer.folders[1]!.error, undefined);
    assert.strictEqual(answer.folders[2]!.fingerprints, null);
    assert.match(answer.folders[2]!.error ?? '', /not valid JSON/);
  });

  it('writes the reason after the rule in a new comment, replacing a placeholder reason', () => {
    const d = doc('def f():\n    x = md5()\n');
    const edit = suppressionEdit(d, 1, 'weak-hash', { open: '#' })!.edit;
    assert.strictEqual(withReason(d, edit, 'weak-hash', 'cache key, not security', { open: '#' }).edit.newText, '    # vigil-ignore-next-line weak-hash -- cache key, not security\n');
    const placeholder = { ...edit, newText: '    # vigil-ignore-next-line weak-hash -- reason\n' };
    assert.strictEqual(withReason(d, placeholder, 'weak-hash', 'ok', { open: '#' }).edit.newText, '    # vigil-ignore-next-line weak-hash -- ok\n');
    const html = doc('<a>\n<b/>\n', 'html');
    const h = suppressionEdit(html, 1, 'xss', { open: '<!--', close: '-->' })!.edit;
    assert.strictEqual(withReason(html, h, 'xss', 'trusted --> markup', { open: '<!--', close: '-->' }).edit.newText, '<!-- vigil-ignore-next-line xss -- trusted markup -->\n');
  });

  it('joins an existing comment: adds the reason if it has none, shares the one it has', () => {
    const bare = doc('# vigil-ignore-next-line other\nx = md5()\n');
    const e1 = suppressionEdit(bare, 1, 'weak-hash', { open: '#' })!.edit;
    assert.strictEqual(withReason(bare, e1, 'weak-hash', 'why', { open: '#' }).edit.newText, ', weak-hash -- why');
    const reasoned = doc('# vigil-ignore-next-line other -- legacy\nx = md5()\n');
    const e2 = suppressionEdit(reasoned, 1, 'weak-hash', { open: '#' })!.edit;
    const r = withReason(reasoned, e2, 'weak-hash', 'why', { open: '#' });
    assert.strictEqual(r.edit.newText, ', weak-hash');
    assert.strictEqual(r.sharedReason, 'legacy');
    const html = doc('<!-- vigil-ignore-next-line other -->\n<b/>\n', 'html');
    const e3 = suppressionEdit(html, 1, 'xss', { open: '<!--', close: '-->' })!.edit;
    assert.strictEqual(withReason(html, e3, 'xss', 'why', { open: '<!--', close: '-->' }).edit.newText, ', xss -- why', 'an HTML comment\'s end is not a reason');
  });

  it('puts the finding\'s confidence in the diagnostic data (the view filters by it)', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const d = findingToDiagnostic({ ruleId: 'weak-hash', severity: 'warning', confidence: 'medium', message: 'm', range, fingerprint: 'ab12cd34', fixes: [] }, 2, undefined);
    assert.strictEqual((d.data as DiagnosticData).confidence, 'medium');
  });

  it('keeps a reason on one bounded line', () => {
    assert.strictEqual(cleanReason(' a\r\n b\tc ', { open: '#' }), 'a b c');
    assert.strictEqual(cleanReason('x'.repeat(500), { open: '#' }).length, 200);
  });

  it('answers for an open document or the file on disk, and rejects bad parameters', () => {
    const file = path.join(dir, 'app.py');
    fs.writeFileSync(file, 'import hashlib\nh = hashlib.md5(b"")\n');
    const uri = pathToUri(file);
    const fromDisk = suppressEditFor({ uri, line: 1, ruleId: 'weak-hash', reason: 'test' }, () => undefined, [dir]);
    assert.strictEqual(fromDisk?.edit.newText, '# vigil-ignore-next-line weak-hash -- test\n');
    const open = TextDocument.create(uri, 'python', 3, 'a\n  b\n');
    // Without a reason the edit keeps the server's placeholder, for the user to fill in.
    assert.strictEqual(suppressEditFor({ uri, line: 1, ruleId: 'weak-hash' }, () => open, [dir])?.edit.newText, '  # vigil-ignore-next-line weak-hash -- reason\n');
    assert.strictEqual(suppressEditFor({ uri: pathToUri(path.join(dir, 'missing.py')), line: 0, ruleId: 'r' }, () => undefined, [dir]), null);
    assert.strictEqual(isSuppressEditParams({ uri, line: 1.5, ruleId: 'weak-hash' }), false);
    assert.strictEqual(isSuppressEditParams({ uri, line: 1, ruleId: '../x' }), false);
    assert.strictEqual(isSuppressEditParams({ uri, line: 1, ruleId: 'weak-hash', reason: 'r' }), true);
  });
});
