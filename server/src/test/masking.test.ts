// Secrets are masked in every output path (issue 8, point 5). The hardcoded-secret fixtures (all FAKE values)
// are scanned through the CLI (text with code frames, JSON, SARIF, with and without suppressed findings) and
// the language server (diagnostics with their data, hover, code actions, log messages, every byte it writes),
// and each output is searched for the raw values the engine flagged.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, LineIndex, isCodeLanguage, languageIdForPath, packageRoot, parse } from '../engine';
import { CLI, tmpDir } from './cliHelpers';
import { LspClient } from './lspClient';

interface Flagged {
  file: string;
  value: string;
}

/** The raw values secret rules flag in the fixtures: the finding's text, quotes and any `key =` prefix removed. */
async function flaggedSecrets(dir: string): Promise<Flagged[]> {
  const engine = Engine.create();
  const out: Flagged[] = [];
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const languageId = languageIdForPath(file);
    const r = await engine.analyze({ path: file, languageId, text }, { includeSuppressed: true });
    const lines = new LineIndex(text);
    const tree = isCodeLanguage(languageId) ? await parse(languageId, text) : null;
    for (const f of r.findings) {
      if (!engine.rule(f.ruleId)?.secret) continue;
      const start = lines.offsetAt(f.range.start);
      const end = lines.offsetAt(f.range.end);
      // A span that is code (`Encoding.UTF8.GetBytes(K)`, `$this->key`: a literal that reached a key parameter
      // through a variable) holds no value itself: the literal it carries is flagged where it is written.
      if (tree && !/string|comment|heredoc|nowdoc|symbol|template/.test(tree.rootNode.descendantForIndex(start, Math.max(start, end - 1))?.type ?? 'string')) continue;
      const raw = text.slice(start, end);
      const value = raw.replace(/^[^=:]*[=:]\s*/, (m) => (raw.length - m.length >= 8 ? '' : m)).replace(/^["'`]+|["'`;,]+$/g, '').trim();
      // Multi-line values (private keys) are checked line by line below.
      for (const part of value.split(/\r?\n/)) if (part.trim().length >= 8) out.push({ file, value: part.trim() });
    }
  }
  return out;
}

/** Where a raw value (or the part a mask must hide: all but its first 4 and last 2 characters) shows up. */
function leaks(output: string, secrets: Flagged[]): string[] {
  const found: string[] = [];
  for (const s of secrets) {
    const middle = s.value.length >= 16 ? s.value.slice(4, -2) : s.value;
    if (output.includes(s.value) || output.includes(middle)) found.push(`${s.file}: ${s.value.slice(0, 4)}… (${s.value.length} chars)`);
  }
  return [...new Set(found)];
}

describe('masking: no output path prints a flagged secret', function () {
  this.timeout(180_000);
  const fixtures = path.join(packageRoot(), 'test-fixtures', 'hardcoded-secret');
  let dir: string;
  let secrets: Flagged[];

  before(async () => {
    dir = tmpDir('vigil-mask-');
    // The fixture files of the rule folder itself; subfolders (tests/, locales) hold path-dependent cases.
    for (const e of fs.readdirSync(fixtures, { withFileTypes: true })) if (e.isFile() && !e.name.includes('.fixed.') && !e.name.endsWith('.md')) fs.copyFileSync(path.join(fixtures, e.name), path.join(dir, e.name));
    secrets = await flaggedSecrets(dir);
  });

  it('the fixtures give secrets to look for, and the search finds them in the raw files', () => {
    assert.ok(secrets.length >= 10, `only ${secrets.length} flagged values`);
    const all = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    assert.strictEqual(leaks(all, secrets).length, new Set(secrets.map((s) => `${s.file}: ${s.value.slice(0, 4)}… (${s.value.length} chars)`)).size);
  });

  for (const args of [['--format', 'text'], ['--format', 'text', '--color'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'json', '--include-suppressed'], ['--format', 'sarif', '--include-suppressed']]) {
    it(`CLI ${args.join(' ')}: stdout and stderr`, () => {
      const r = spawnSync(process.execPath, [CLI, 'scan', '.', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, VIGIL_DEBUG: '1' } });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.length > 100);
      assert.deepStrictEqual(leaks(r.stdout + r.stderr, secrets), []);
    });
  }

  it('language server: diagnostics (with data), hover, code actions, logs and every byte on stdout/stderr', async () => {
    const { client } = await LspClient.start({ rootDir: dir });
    const seen: string[] = [];
    try {
      for (const file of fs.readdirSync(dir)) {
        const uri = `file://${path.join(dir, file)}`;
        const since = client.published.length;
        await client.open(uri, languageIdForPath(file), fs.readFileSync(path.join(dir, file), 'utf8'));
        const { diagnostics } = await client.waitForDiagnostics(uri, () => true, since);
        seen.push(JSON.stringify(diagnostics));
        for (const d of diagnostics) {
          seen.push(JSON.stringify(await client.request('textDocument/hover', { textDocument: { uri }, position: d.range.start })));
          seen.push(JSON.stringify(await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })));
        }
      }
      await client.request('workspace/executeCommand', { command: 'vigil.scanWorkspace', arguments: [] }, 60_000).catch(() => undefined);
    } finally {
      await client.shutdown();
    }
    assert.ok(seen.join('').includes('hardcoded-secret'), 'no secret diagnostics reached the client');
    const everything = [...seen, ...client.logs, ...client.shown.map((s) => s.message), Buffer.concat(client.stdout).toString('utf8'), client.stderr].join('\n');
    assert.deepStrictEqual(leaks(everything, secrets), []);
  });
});
