// Test and fixture code, developer-controlled files, and the `tests` setting end to end: what counts as test code
// (path conventions per ecosystem, framework markers), what demotion does to a finding, and how the setting
// reaches the engine from .vigil.yaml, the editor and the command line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, developerPathOf, isTestCodePath, testCodeOf, TESTS_MODES, type Finding } from '../engine';
import { demotedSeverity } from '../engine/finalise/demote';
import { parseCli } from '../cli/args';
import { findingFails } from '../cli/main';
import { toJson } from '../cli/json';
import { toSarif } from '../cli/sarif';
import { toText } from '../cli/text';
import type { Report } from '../cli/collect';
import { findingToDiagnostic } from '../lsp/diagnostics';
import { defaultEditorSettings, mergeSettings, normaliseEditorSettings } from '../lsp/settings';
import { analysisOptionsFromConfig, CONFIG_FILE, emptyConfig, loadConfig } from '../project/config';
import { fixturePath } from '../project/fixtureCheck';
import { demoRepo, ROOT, SECRET_VALUE, tmpDir, vigil, json } from './cliHelpers';

const engine = Engine.create();

async function findings(p: string, text: string, languageId: string, opts: Parameters<Engine['analyze']>[1] = {}): Promise<Finding[]> {
  return (await engine.analyze({ path: p, languageId, text }, opts)).findings;
}

const SQL_PY = 'def find(cur, name):\n    cur.execute("SELECT * FROM t WHERE n = \'" + name + "\'")\n';
const MD5_PY = 'import hashlib\n\ndef token(password):\n    return hashlib.md5(password.encode()).hexdigest()\n';

describe('test code recognition', () => {
  it('knows the path conventions of every ecosystem', () => {
    for (const p of [
      'tests/test_login.py',
      'pkg/store/store_test.go',
      'src/test/java/com/acme/LoginTest.java',
      'src/main/java/com/acme/LoginTests.java',
      'Acme.Core.Tests/LoginTests.cs',
      'Acme.IntegrationTests/Api.cs',
      'app/test_models.py',
      'app/models_test.py',
      'conftest.py',
      'src/login.spec.ts',
      'src/login.test.jsx',
      'src/__tests__/login.js',
      'spec/models/user_spec.rb',
      'test/models/user_test.rb',
      'tests/Unit/UserTest.php',
      'internal/parser/testdata/input.go',
      'fixtures/keys.json',
      'e2e/checkout.ts',
      'integration/fixtures-expired/server.key.insecure',
      'internal/testutil/server.go',
    ]) {
      assert.ok(isTestCodePath(p), p);
    }
  });

  it('leaves near misses and the repository own fixture folder alone', () => {
    for (const p of ['release/latest.go', 'app/contest.py', 'src/Contest.java', 'src/attestation.ts', 'test-fixtures/weak-hash/python/x.py', 'src/testing_utils.py', 'lib/protest.rb', '/home/me/tests/app/main.py', 'C:\\work\\test\\app.cs', 'src/Attest.cs', 'docs/testimonials.md', 'Test.txt']) {
      assert.ok(!isTestCodePath(p), p);
    }
  });

  it('reads framework markers only in files of their language, and only as imports or declarations', () => {
    assert.strictEqual(testCodeOf('pkg/util.go', 'package util\n\nimport (\n\t"fmt"\n\t"testing"\n)\n')?.reason, 'imports Go testing');
    assert.strictEqual(testCodeOf('app/checks.py', 'import pytest\n')?.reason, 'imports pytest/unittest');
    assert.strictEqual(testCodeOf('src/Api.cs', 'public class Api {\n    [Fact]\n    public void Works() {}\n}\n')?.reason, 'uses NUnit/xUnit/MSTest');
    assert.strictEqual(testCodeOf('src/Api.java', 'import org.junit.jupiter.api.Test;\n')?.reason, 'imports JUnit/TestNG');
    assert.strictEqual(testCodeOf('lib/x.rb', "require 'spec_helper'\n")?.reason, 'uses RSpec/Minitest');
    assert.strictEqual(testCodeOf('src/x.js', "const { expect } = require('chai');\n")?.reason, 'imports a JavaScript test framework');
    assert.strictEqual(testCodeOf('src/Base.php', "<?php\nclass BaseTest extends TestCase {}\n")?.reason, 'uses PHPUnit');
    // An INI section, a string that mentions pytest, a slice of words: no markers.
    assert.strictEqual(testCodeOf('setup.ini', '[Test]\nname = x\n'), undefined);
    assert.strictEqual(testCodeOf('app/run.py', 'CMD = "import pytest"\n'), undefined);
    assert.strictEqual(testCodeOf('pkg/modes.go', 'var modes = []string{\n\t"testing",\n\t"prod",\n}\n'), undefined);
    assert.strictEqual(testCodeOf('src/Api.cs', 'var x = new[] { "[Fact]" };\n'), undefined);
  });

  it('analyses a fixture under its path inside the rule folder', () => {
    assert.strictEqual(fixturePath(path.join('x', 'test-fixtures', 'weak-hash', 'python', 'tests', 'test_a.py'), 'weak-hash'), 'python/tests/test_a.py');
    assert.strictEqual(fixturePath(path.join('x', 'y', 'a.py'), 'weak-hash'), 'a.py');
  });
});

describe('demotion of findings in test code', () => {
  it('drops one confidence level, caps severity at warning and says why', async () => {
    const prod = await findings('app/q.py', SQL_PY, 'python');
    const test = await findings('tests/test_q.py', SQL_PY, 'python');
    assert.deepStrictEqual(prod.map((f) => [f.ruleId, f.severity, f.confidence, f.demoted]), [['sql-injection', 'error', 'medium', undefined]]);
    assert.deepStrictEqual(test.map((f) => [f.ruleId, f.severity, f.confidence, f.demoted]), [['sql-injection', 'warning', 'low', { reason: 'test code: in a tests/ folder' }]]);
    assert.strictEqual(test[0]!.message, prod[0]!.message);
  });

  it('caps a rule that no outside input drives at its testSeverity, info for weak-hash', async () => {
    const prod = await findings('app/tokens.py', MD5_PY, 'python', { severityOverrides: { 'weak-hash': 'error' } });
    const test = await findings('tests/test_tokens.py', MD5_PY, 'python', { severityOverrides: { 'weak-hash': 'error' } });
    assert.deepStrictEqual(prod.map((f) => [f.ruleId, f.severity, f.confidence]), [['weak-hash', 'error', 'high']]);
    assert.deepStrictEqual(test.map((f) => [f.ruleId, f.severity, f.confidence, f.demoted]), [['weak-hash', 'info', 'medium', { reason: 'test code: in a tests/ folder' }]]);
    assert.deepStrictEqual([demotedSeverity('error'), demotedSeverity('info'), demotedSeverity('error', 'info'), demotedSeverity('warning', 'info')], ['warning', 'info', 'info', 'info']);
  });

  it('follows the tests setting: report keeps, ignore drops, demote is the default', async () => {
    const report = await findings('tests/test_tokens.py', MD5_PY, 'python', { tests: 'report' });
    const ignore = await findings('tests/test_tokens.py', MD5_PY, 'python', { tests: 'ignore' });
    const dflt = await findings('tests/test_tokens.py', MD5_PY, 'python');
    assert.deepStrictEqual(report.map((f) => [f.confidence, f.demoted]), [['high', undefined]]);
    assert.deepStrictEqual(ignore, []);
    assert.deepStrictEqual(dflt.map((f) => f.confidence), ['medium']);
    assert.deepStrictEqual([...TESTS_MODES], ['report', 'demote', 'ignore']);
  });

  it('applies minimumConfidence to the demoted confidence', async () => {
    assert.strictEqual((await findings('tests/test_tokens.py', MD5_PY, 'python', { minimumConfidence: 'high' })).length, 0);
    assert.strictEqual((await findings('app/tokens.py', MD5_PY, 'python', { minimumConfidence: 'high' })).length, 1);
  });

  it('demotes files that follow no naming convention but import a test framework', async () => {
    const f = await findings('app/checks.py', `import unittest\n${MD5_PY}`, 'python');
    assert.deepStrictEqual(f.map((x) => x.demoted?.reason), ['test code: imports pytest/unittest']);
  });
});

describe('the tests setting and --fail-on', () => {
  it('parses --tests and --fail-on-demoted, and refuses other values', () => {
    const a = parseCli(['scan', '--tests', 'ignore', '--fail-on-demoted']);
    assert.strictEqual(a.tests, 'ignore');
    assert.strictEqual(a.failOnDemoted, true);
    assert.strictEqual(parseCli(['scan']).failOnDemoted, false);
    assert.strictEqual(parseCli(['scan']).tests, undefined);
    assert.throws(() => parseCli(['scan', '--tests', 'hide']), /--tests must be one of report, demote, ignore/);
    assert.throws(() => parseCli(['rules', '--tests', 'report']), /does not apply/);
  });

  it('counts demoted findings for --fail-on only when asked', () => {
    const f = { severity: 'warning', demoted: { reason: 'test code: in a tests/ folder' } } as Finding;
    assert.strictEqual(findingFails(f, { failOn: 'warning', failOnDemoted: false }), false);
    assert.strictEqual(findingFails(f, { failOn: 'warning', failOnDemoted: true }), true);
    assert.strictEqual(findingFails({ ...f, demoted: undefined } as Finding, { failOn: 'warning', failOnDemoted: false }), true);
    assert.strictEqual(findingFails({ ...f, suppression: { kind: 'inSource', line: 0 } } as Finding, { failOn: 'warning', failOnDemoted: true }), false);
  });

  it('reads tests from .vigil.yaml and reports a bad value with its line', () => {
    const dir = tmpDir('vigil-tests-config-');
    const file = path.join(dir, CONFIG_FILE);
    fs.writeFileSync(file, 'disable: []\ntests: ignore\n');
    const ok = loadConfig(file);
    assert.strictEqual(ok.config?.tests, 'ignore');
    assert.strictEqual(analysisOptionsFromConfig(ok.config!).tests, 'ignore');
    assert.strictEqual(analysisOptionsFromConfig(emptyConfig()).tests, undefined);
    fs.writeFileSync(file, 'disable: []\ntests: hide\n');
    const bad = loadConfig(file);
    assert.strictEqual(bad.config, undefined);
    assert.deepStrictEqual(bad.errors.map((e) => [e.line, e.message]), [[2, 'tests must be one of: report, demote, ignore']]);
  });

  it('merges the editor setting over the repository file unless left at the default', () => {
    assert.strictEqual(defaultEditorSettings().tests, 'demote');
    assert.strictEqual(normaliseEditorSettings({ tests: 'report' }).tests, 'report');
    assert.strictEqual(normaliseEditorSettings({ tests: 'loud' }).tests, 'demote');
    const config = { ...emptyConfig(), tests: 'ignore' as const };
    assert.strictEqual(mergeSettings(normaliseEditorSettings({}), config).tests, 'ignore');
    assert.strictEqual(mergeSettings(normaliseEditorSettings({ tests: 'report' }), config).tests, 'report');
  });

  it('declares vigil.tests in the extension manifest with the same values', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[]; default?: string }> } } };
    const s = pkg.contributes.configuration.properties['vigil.tests'];
    assert.deepStrictEqual([s?.enum, s?.default], [[...TESTS_MODES], 'demote']);
  });

  it('scans a repository end to end: demoted by default, --fail-on-demoted, --tests and the config', () => {
    const dir = demoRepo({ 'tests/fixture.txt': `key ${SECRET_VALUE}\n`, 'src/ok.txt': 'nothing here\n' });
    const dflt = vigil(['scan', '--format', 'json', '--fail-on', 'warning'], { cwd: dir });
    assert.strictEqual(dflt.status, 0, dflt.stderr);
    const f = json(dflt).findings as (ReturnType<typeof json>['findings'][number] & { demoted?: { reason: string } })[];
    assert.deepStrictEqual(f.map((x) => [x.path, x.ruleId, x.severity, x.demoted?.reason]), [['tests/fixture.txt', 'demo-secret', 'warning', 'test code: in a tests/ folder']]);
    assert.strictEqual((JSON.parse(dflt.stdout) as { summary: { demoted: number } }).summary.demoted, 1);
    assert.strictEqual(vigil(['scan', '--fail-on', 'warning', '--fail-on-demoted'], { cwd: dir }).status, 1);
    const report = vigil(['scan', '--format', 'json', '--tests', 'report'], { cwd: dir });
    assert.strictEqual(report.status, 1);
    assert.deepStrictEqual(json(report).findings.map((x) => x.severity), ['error']);
    fs.appendFileSync(path.join(dir, '.vigil.yaml'), 'tests: ignore\n');
    const ignored = vigil(['scan', '--format', 'json'], { cwd: dir });
    assert.deepStrictEqual(json(ignored).findings, []);
    // The flag wins over the file.
    assert.strictEqual(json(vigil(['scan', '--format', 'json', '--tests', 'demote'], { cwd: dir })).findings.length, 1);
  });
});

describe('demoted findings in every output', () => {
  const demoted: Finding = {
    ruleId: 'weak-hash',
    severity: 'warning',
    confidence: 'medium',
    message: 'MD5 is broken.',
    range: { start: { line: 3, character: 11 }, end: { line: 3, character: 22 } },
    fingerprint: 'fp1',
    fixes: [],
    demoted: { reason: 'test code: in a tests/ folder' },
  };
  const report: Report = { root: '/r', files: [{ path: 'tests/test_a.py', findings: [demoted], notes: [] }], skipped: [], filesScanned: 1, sizes: [{ path: 'tests/test_a.py', lines: 4 }], baselined: 0, suppressed: 0, elapsedMs: 1 };

  it('text, JSON and SARIF say the finding was demoted and why', () => {
    const text = toText(report, false);
    assert.match(text, /MD5 is broken\. {2}weak-hash \(demoted: test code: in a tests\/ folder\)/);
    assert.match(text, /1 finding \(0 error, 1 warning, 0 info; 1 demoted in test code\)/);
    const j = JSON.parse(toJson(report)) as { findings: { demoted?: { reason: string } }[] };
    assert.deepStrictEqual(j.findings[0]!.demoted, { reason: 'test code: in a tests/ folder' });
    const sarif = toSarif(report, engine.rules);
    assert.strictEqual(sarif.runs[0]!.results[0]!.properties?.['demoted'], 'test code: in a tests/ folder');
  });

  it('the editor diagnostic carries it in its message and data', () => {
    const d = findingToDiagnostic(demoted, 3, undefined);
    assert.strictEqual(d.message, 'MD5 is broken. (demoted: test code: in a tests/ folder)');
    assert.deepStrictEqual((d.data as { demoted?: unknown }).demoted, { reason: 'test code: in a tests/ folder' });
    const plain = findingToDiagnostic({ ...demoted, demoted: undefined }, 3, undefined);
    assert.strictEqual(plain.message, 'MD5 is broken.');
    assert.strictEqual('demoted' in (plain.data as object), false);
  });
});

describe('developer-controlled files', () => {
  it('knows migrations, task files and repository scripts', () => {
    for (const p of ['db/migrate/20240101_add.rb', 'alembic/versions/3f2a.py', 'shop/migrations/0003_auto.py', 'database/migrations/2024_create.php', 'Rakefile', 'lib/tasks/db.rake', 'gulpfile.js', 'Gruntfile.coffee', 'setup.py', 'noxfile.py', 'scripts/release.sh', 'tools/gen.go', 'magefile.go', 'webpack.config.js']) {
      assert.ok(developerPathOf(p), p);
    }
    for (const p of ['app/models/user.rb', 'src/scripts.ts', 'app/setup_views.py', 'web/tools/page.tsx', 'lib/migrate.js']) {
      assert.strictEqual(developerPathOf(p), undefined, p);
    }
  });

  it('keeps an injection finding there only with evidence of outside input', async () => {
    const built = 'import os\n\ndef build(target):\n    os.system("make -C native " + target)\n';
    const asked = 'import os\n\ndef build():\n    target = input("target: ")\n    os.system("make -C native " + target)\n';
    assert.deepStrictEqual((await findings('setup.py', built, 'python')).map((f) => f.ruleId), []);
    assert.deepStrictEqual((await findings('app/build.py', built, 'python')).map((f) => f.ruleId), ['command-injection']);
    assert.deepStrictEqual((await findings('setup.py', asked, 'python')).map((f) => f.ruleId), ['command-injection']);
  });

  it('holds the taint rules there to the same evidence: a file the build reads is its own, a request is not', async () => {
    // The build script reads its own manifest and writes a file named after the version in it.
    const own = "const fs = require('fs');\nconst m = JSON.parse(fs.readFileSync('package.json', 'utf8'));\nfs.writeFileSync(m.version + '.txt', 'x');\n";
    const served = "const fs = require('fs');\nfunction h(req, res) { res.send(fs.readFileSync('/srv/' + req.query.name)); }\napp.get('/f', h);\n";
    assert.deepStrictEqual((await findings('scripts/release.js', own, 'javascript')).map((f) => f.ruleId), []);
    // Anywhere else the same: a file the program opens itself is the operator's, no outside input (sources.yaml).
    assert.deepStrictEqual((await findings('src/release.js', own, 'javascript')).map((f) => f.ruleId), []);
    assert.deepStrictEqual((await findings('scripts/serve.js', served, 'javascript')).map((f) => f.ruleId), ['path-traversal']);
  });
});

describe('taint rules whose sinks take parameters by design', () => {
  it('report a path, URL or redirect target only from a traced source, not from an uncalled helper\'s parameter', async () => {
    const helper = 'import os\nimport requests\n\ndef remove(folder):\n    os.remove(folder + "/cache.db")\n\ndef fetch(url):\n    return requests.get(url)\n';
    assert.deepStrictEqual((await findings('app/files.py', helper, 'python')).map((f) => f.ruleId), []);
    const served = 'import os\nimport requests\nfrom flask import request\n\ndef remove():\n    os.remove(request.args["folder"] + "/cache.db")\n\ndef fetch():\n    return requests.get(request.args["url"])\n';
    assert.deepStrictEqual((await findings('app/files.py', served, 'python')).map((f) => f.ruleId).sort(), ['path-traversal', 'ssrf']);
  });
});

describe('secrets without noise', () => {
  const secret = (fs2: Finding[]): [string, string][] => fs2.filter((f) => f.ruleId === 'hardcoded-secret').map((f) => [f.severity, f.confidence]);

  it('makes a key in test code info, a made-up one as much as another, and leaves them at error elsewhere', async () => {
    const text = 'DUMMY_API_TOKEN = "q9Xv2Lk8RtZp4WmHs7Nb"\nservice_token = "q9Xv2Lk8RtZp4WmHs7Nb"\n';
    assert.deepStrictEqual(secret(await findings('tests/fixtures/clients.py', text, 'python')), [['info', 'low'], ['info', 'low']]);
    // Reported as they are, only the name that says it is made up stays a note.
    assert.deepStrictEqual(secret(await findings('tests/fixtures/clients.py', text, 'python', { tests: 'report' })), [['info', 'medium'], ['error', 'medium']]);
    assert.deepStrictEqual(secret(await findings('app/clients.py', text, 'python')), [['error', 'medium'], ['error', 'medium']]);
  });

  it('is quiet on locale files but still finds provider tokens there', async () => {
    const text = 'de:\n  api_key: "API-Schlüssel2"\n  deploy: "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"\n';
    const locale = await findings('config/locales/de.yml', text, 'yaml');
    const other = await findings('config/settings.yml', text, 'yaml');
    assert.deepStrictEqual(locale.filter((f) => f.ruleId === 'hardcoded-secret').map((f) => f.range.start.line), [2]);
    assert.deepStrictEqual(other.filter((f) => f.ruleId === 'hardcoded-secret').map((f) => f.range.start.line), [1, 2]);
  });

  it('does not take slugs or feature-flag values for secrets', async () => {
    const text = 'auth_token: "new-login-flow-2fa"\napi_secret: "spring-sale-2024-landing"\nauth_token_value: "q9Xv2-Lk8Rt-Zp4Wm-Hs7Nb"\n';
    assert.deepStrictEqual((await findings('config/flags.yml', text, 'yaml')).map((f) => f.range.start.line), [2]);
  });
});

describe('Dockerfile root user reads intent', () => {
  const sev = async (text: string): Promise<string[]> => (await findings('Dockerfile', text, 'dockerfile')).filter((f) => f.ruleId === 'container-runs-as-root').map((f) => f.severity);

  it('is info when the entrypoint drops privileges or the base image runs non-root', async () => {
    assert.deepStrictEqual(await sev('FROM debian:12.6-slim\nRUN apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n'), ['info']);
    assert.deepStrictEqual(await sev('FROM alpine:3.20.3\nENTRYPOINT ["su-exec", "app", "/app"]\n'), ['info']);
    assert.deepStrictEqual(await sev('FROM debian:12.6-slim\nCMD ["setpriv", "--reuid=10001", "--regid=10001", "--init-groups", "/app"]\n'), ['info']);
    assert.deepStrictEqual(await sev('FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n'), ['info']);
  });

  it('inherits USER from the stage it is built on, and still warns without any of that', async () => {
    assert.deepStrictEqual(await sev('FROM node:20.11-slim AS base\nUSER node\nFROM base\nCMD ["node", "s.js"]\n'), []);
    assert.deepStrictEqual(await sev('FROM node:20.11-slim AS base\nUSER root\nFROM base\nCMD ["node", "s.js"]\n'), ['warning']);
    assert.deepStrictEqual(await sev('FROM debian:12.6-slim\nRUN apt-get install -y gosu\nCMD ["app"]\n'), ['warning']);
  });
});
