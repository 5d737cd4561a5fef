import * as assert from 'node:assert/strict';
import { activateVigil, applyAction, codeActionsAt, openScratch, waitForNoRule, waitForRule } from './helpers';

const cases = [
  { lang: 'python', file: 'suppress_hash.py', comment: '#', text: 'import hashlib\n\ndigest = hashlib.md5(b"x").hexdigest()\n' },
  {
    lang: 'javascript',
    file: 'suppress_hash.js',
    comment: '//',
    // Data from outside the file: a digest of a literal alone is no weakness (weak-hash/follow.ts).
    text: "const crypto = require('crypto');\n\nconst digest = crypto.createHash('md5').update(process.argv[2]).digest('hex');\n",
  },
];

describe('suppression action', () => {
  before(async () => {
    await activateVigil();
  });

  for (const c of cases) {
    it(`inserts a ${c.comment} vigil-ignore comment in ${c.lang} and the diagnostic goes away`, async () => {
      const editor = await openScratch(c.file, c.text);
      const uri = editor.document.uri;
      const [diag] = await waitForRule(uri, 'weak-hash');
      assert.ok(diag);
      const actions = await codeActionsAt(uri, diag.range);
      const suppress = actions.find((a) => /^suppress/i.test(a.title) && /weak-hash/.test(a.title));
      assert.ok(suppress, `no suppression action among: ${actions.map((a) => a.title).join(' | ')}`);
      await applyAction(suppress);
      const lines = editor.document.getText().split('\n');
      // Either at the end of the flagged line or alone on the line above, in the language's own comment syntax.
      const commentRe = new RegExp(`${c.comment.replace(/\//g, '\\/')}\\s*vigil-ignore(-next-line)?\\s+weak-hash\\b`);
      const commented = lines.filter((l) => commentRe.test(l));
      assert.equal(commented.length, 1, `expected one suppression comment:\n${editor.document.getText()}`);
      // The code itself is untouched.
      assert.ok(lines.some((l) => l.includes("md5")), 'the flagged code was changed');
      assert.equal(lines.length, c.text.split('\n').length + (/vigil-ignore-next-line/.test(commented[0]!) ? 1 : 0));
      await waitForNoRule(uri, 'weak-hash');
    });
  }
});
