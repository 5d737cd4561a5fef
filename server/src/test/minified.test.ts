import * as assert from 'assert';
import { Engine } from '../engine';
import { looksMinified } from '../engine/source/minified';
import { DocumentSession } from '../engine/incremental/session';

// Minified and generated code gets the text rules only: its syntax trees are the largest there are, and a
// syntax-rule finding in a bundle cannot be fixed where it is reported.

const engine = Engine.create();

/** One long line of bundler output that calls `eval` on page data and holds a provider token. */
function bundle(extra = ''): string {
  const body = Array.from({ length: 400 }, (_, i) => `function a${i}(b,c){return b+c*${i}}`).join(';');
  return `!function(){${body};var t="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";eval(window.name)${extra}}();\n`;
}

describe('minified code', () => {
  it('is recognised by long lines dense with code, not by long comments, prose or data', () => {
    assert.ok(looksMinified(bundle()));
    // A few short lines of header and footer do not change the verdict.
    assert.ok(looksMinified(`/* bundle v1 */\n'use strict';\n${bundle()}//# sourceMappingURL=x.map\n`));
    const longComment = `${Array.from({ length: 20 }, () => ` * ${'word '.repeat(300)}`).join('\n')}\nconst x = 1;\n`;
    assert.ok(!looksMinified(longComment), 'long doc-comment lines');
    const blob = `const data = "${'QUJD'.repeat(3000)}";\nfunction f() { return data; }\n`;
    assert.ok(!looksMinified(blob), 'a long data string');
    const handWritten = Array.from({ length: 400 }, (_, i) => `function a${i}(b, c) {\n  return b + c * ${i};\n}\n`).join('');
    assert.ok(!looksMinified(handWritten));
    assert.ok(!looksMinified('x=eval(y);'.repeat(300)), 'under 4 KB: cheap to parse whatever its shape');
  });

  it('skips the syntax rules with a note and still runs the text rules', async () => {
    const r = await engine.analyze({ path: 'dist/app.js', languageId: 'javascript', text: bundle() });
    assert.deepStrictEqual(r.findings.map((f) => f.ruleId), ['hardcoded-secret']);
    assert.ok(r.notes.some((n) => n.code === 'skipped' && /minified or generated/.test(n.message)));
    // The same code laid out by hand gets every rule.
    const readable = bundle().replace(/;/g, ';\n').replace(/\{/g, '{\n');
    const all = await engine.analyze({ path: 'src/app.js', languageId: 'javascript', text: readable });
    assert.deepStrictEqual([...new Set(all.findings.map((f) => f.ruleId))].sort(), ['code-injection', 'hardcoded-secret']);
  });

  it('an editor session switches between the two as a file gains or loses its long lines', async () => {
    const session = new DocumentSession(engine);
    const update = (text: string) => session.analyze({ path: 'dist/app.js', languageId: 'javascript', text });
    const min = await update(bundle());
    assert.deepStrictEqual(min.findings.map((f) => f.ruleId), ['hardcoded-secret']);
    const readable = bundle().replace(/;/g, ';\n');
    const full = await update(readable);
    assert.ok(full.findings.some((f) => f.ruleId === 'code-injection'));
    const again = await update(bundle(';eval(document.title)'));
    assert.deepStrictEqual(again.findings.map((f) => f.ruleId), ['hardcoded-secret']);
    session.dispose();
  });
});
