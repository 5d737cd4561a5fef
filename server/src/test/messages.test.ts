import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, loadRuleFile, packageRoot } from '../engine';
import { fixtureFiles, fixtureLanguage } from '../project/fixtureCheck';
import { messageFor } from '../engine/match/messages';

// Advice must name the file's own API: a Go user told to pass Python's `usedforsecurity=False` learns nothing.
// Every fixture is analysed and each finding's message is checked against tokens that belong to one
// language or file kind.
const root = packageRoot();
const engine = Engine.create();

/** The kind of file a fixture is: a code language family, or an infrastructure format. */
function kindOf(file: string): string {
  const base = path.basename(file).replace(/\.fixture$/, '');
  if (/^(Dockerfile|Containerfile)(\..*)?$|\.Dockerfile$|\.dockerfile$/.test(base)) return 'dockerfile';
  if (/\.ya?ml$/.test(base)) return 'kubernetes';
  if (/\.tf$/.test(base)) return 'terraform';
  const lang = fixtureLanguage(file);
  return /^(javascript|typescript)/.test(lang) ? 'javascript' : lang;
}

const TOKENS: [RegExp, string][] = [
  [/usedforsecurity|hashlib|\bsubprocess\b|secrets\.token|ast\.literal_eval/, 'python'],
  [/createHash|subtle\.digest|crypto\.random|execFile|dangerouslySetInnerHTML/, 'javascript'],
  [/MessageDigest|DigestUtils|java\.security|ProcessBuilder/, 'java'],
  [/crypto\/|exec\.Command|html\/template|\[32\]byte/, 'go'],
  [/RandomNumberGenerator|ProcessStartInfo|SHA256\.HashData/, 'csharp'],
  [/escapeshellarg|htmlspecialchars|random_bytes|hash\('sha256'/, 'php'],
  [/Open3|Digest::|SecureRandom\./, 'ruby'],
  [/runAsNonRoot|securityContext|secretKeyRef|resources\.limits/, 'kubernetes'],
  [/\bUSER\b|RUN --mount/, 'dockerfile'],
];

describe('messages in the file\'s own language', () => {
  it('picks the language entry, the JavaScript family entry for TypeScript and JSX, or the default', () => {
    const spec = { default: 'generic advice', python: 'python advice', javascript: 'js advice' };
    assert.strictEqual(messageFor(spec, 'python'), 'python advice');
    assert.strictEqual(messageFor(spec, 'typescriptreact'), 'js advice');
    assert.strictEqual(messageFor(spec, 'go'), 'generic advice');
    assert.strictEqual(messageFor('one text', 'go'), 'one text');
  });

  it('the schema accepts a message map with a default and rejects one without, or with an unknown language', () => {
    const rule = (message: string): string =>
      `id: demo-rule\ntitle: Demo rule\nseverity: warning\nconfidence: high\ncwe: [1]\nmessage: ${message}\ndocs: "Some documentation text."\npatterns:\n  - languages: [python]\n    regex: "demo"\n`;
    assert.deepStrictEqual(loadRuleFile('<demo>', rule('{ default: "generic advice", go: "go specific advice" }')).errors, []);
    assert.ok(loadRuleFile('<demo>', rule('{ go: "go specific advice" }')).errors.length > 0);
    assert.ok(loadRuleFile('<demo>', rule('{ default: "generic advice", cobol: "cobol specific" }')).errors.length > 0);
  });

  it('every per-language text of a rule (messages, no-fix reasons) names only its own language\'s API, and a default none', () => {
    const wrong: string[] = [];
    for (const rule of engine.rules) {
      const specs = [rule.message, rule.noFixReason, ...rule.patterns.map((p) => p.message)];
      for (const spec of specs) {
        if (spec === undefined || typeof spec === 'string') continue;
        for (const [key, text] of Object.entries(spec)) {
          for (const [token, owner] of TOKENS) {
            if (token.test(text) && owner !== key) wrong.push(`${rule.id} ${key}: names ${owner}'s ${token.exec(text)![0]}`);
          }
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('no finding of any fixture names another language\'s API', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const counts = new Map<string, number>();
    for (const rule of engine.rules) {
      for (const file of fixtureFiles(path.join(root, 'test-fixtures', rule.id))) {
        const text = fs.readFileSync(file, 'utf8');
        const kind = kindOf(file);
        const r = await engine.analyze({ path: path.basename(file), languageId: fixtureLanguage(file), text }, { today: '2026-01-01' });
        for (const f of r.findings) {
          checked++;
          for (const [token, owner] of TOKENS) {
            if (!token.test(f.message)) continue;
            counts.set(owner, (counts.get(owner) ?? 0) + 1);
            if (owner !== kind) wrong.push(`${path.relative(root, file)}:${f.range.start.line + 1} (${kind}) ${f.ruleId} names ${owner}'s ${token.exec(f.message)![0]}: ${f.message}`);
          }
        }
      }
    }
    assert.ok(checked > 300, `only ${checked} findings checked`);
    assert.deepStrictEqual(wrong, []);
    // The table is not vacuous: every language's tokens do occur, in its own files.
    for (const owner of new Set(TOKENS.map(([, o]) => o))) assert.ok((counts.get(owner) ?? 0) > 0, `no message names a ${owner} token`);
  });
});
