import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateVigil, expectationsOf, openFile, ruleOf, waitForDiagnostics, workspaceRoot, type Expectation } from './helpers';

// The headline rules and the languages the fixture workspace must cover; a sample removed or an annotation
// dropped fails here instead of silently shrinking the suite.
const REQUIRED: Record<string, string[]> = {
  'weak-hash': ['python', 'javascript'],
  'sql-injection': ['python', 'javascript'],
  'hardcoded-secret': ['python', 'yaml'],
};

const key = (e: { line: number; ruleId: string }): string => `${e.ruleId}@${e.line}`;

describe('diagnostics in the fixture workspace', () => {
  const samples = (): string[] => fs.readdirSync(path.join(workspaceRoot(), 'samples')).sort();
  const seen = new Map<string, Set<string>>();

  before(async () => {
    await activateVigil();
  });

  for (const name of ['weak_hash.py', 'weak_hash.js', 'sql_injection.py', 'sql_injection.js', 'hardcoded_secret.py', 'deploy.yaml']) {
    it(`reports exactly the annotated findings in samples/${name}`, async () => {
      assert.ok(samples().includes(name), `samples/${name} is missing`);
      const editor = await openFile(path.join('samples', name));
      const doc = editor.document;
      const expected: Expectation[] = expectationsOf(doc.getText());
      assert.ok(expected.length > 0, `samples/${name} has no vigil-expect annotation`);
      const want = expected.map(key).sort();
      const diags = await waitForDiagnostics(
        doc.uri,
        (d) => JSON.stringify(d.map((x) => key({ line: x.range.start.line, ruleId: ruleOf(x) ?? '' })).sort()) === JSON.stringify(want),
        `exactly [${want.join(', ')}]`,
      );
      for (const d of diags) {
        assert.equal(d.source, 'vigil');
        assert.ok(d.message.length > 20, `message too short: ${d.message}`);
        // A secret's value must never appear in the message (only masked).
        const lineText = doc.lineAt(d.range.start.line).text;
        const literal = /["']?([A-Za-z0-9_]{16,})["']?\s*$/.exec(lineText)?.[1];
        if (ruleOf(d) === 'hardcoded-secret' && literal) assert.ok(!d.message.includes(literal), 'the message shows the raw secret');
        const langs = seen.get(ruleOf(d) ?? '') ?? new Set<string>();
        langs.add(doc.languageId);
        seen.set(ruleOf(d) ?? '', langs);
      }
    });
  }

  it('covers every headline rule in each required language', () => {
    for (const [rule, langs] of Object.entries(REQUIRED)) {
      for (const lang of langs) assert.ok(seen.get(rule)?.has(lang), `no ${rule} diagnostic was seen in a ${lang} file`);
    }
  });

  it('diagnostics link to the rule documentation', async () => {
    const editor = await openFile('samples/weak_hash.py');
    const [d] = await waitForDiagnostics(editor.document.uri, (x) => x.length > 0, 'any diagnostic');
    assert.ok(d && typeof d.code === 'object', 'diagnostic code should carry a documentation link');
    assert.equal(String(d.code.value), 'weak-hash');
    assert.ok(d.code.target.toString().length > 0);
  });

  it('shows the finding count of the active file in the status bar', async () => {
    const api = await activateVigil();
    const editor = await openFile('samples/weak_hash.py');
    const diags = await waitForDiagnostics(editor.document.uri, (x) => x.length === 2, 'two weak-hash diagnostics');
    assert.equal(diags.length, 2);
    // The status item updates on the same diagnostics event; wait for the editor change to settle too.
    await waitFor(() => api.statusText().endsWith(': 2'), () => `status bar text: ${api.statusText()}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });
});

/** Polls a cheap in-process condition driven by events the extension already handles. */
function waitFor(cond: () => boolean, what: () => string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const tick = (): void => {
      if (cond()) resolve();
      else if (Date.now() - start > timeoutMs) reject(new Error(`timed out: ${what()}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}
