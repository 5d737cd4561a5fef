// The `threatModel` setting end to end: under `remote` (the default) the path, URL, redirect and code rules
// (`sources: outside`) leave out what the operator sets (environment, system properties, properties files, the
// command line); under `local` those count as input for every rule, in one file and across the files of a scan.
// Also how the setting reaches the engine from .vigil.yaml, the command line and the editor, and that no cache
// hands a result of one model to the other.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentSession, Engine, THREAT_MODELS, pickAnalysisOptions, type AnalysisOptions, type Finding } from '../engine';
import { parseCli, HELP } from '../cli/args';
import { defaultEditorSettings, mergeSettings, normaliseEditorSettings } from '../lsp/settings';
import { analysisOptions } from '../lsp/analyze';
import { analysisOptionsFromConfig, CONFIG_FILE, emptyConfig, loadConfig } from '../project/config';
import { ScanCache, settleCrossFile, type FileResult, type WorkerInit } from '../project';
import { json, ROOT, tmpDir, vigil, writeFiles } from './cliHelpers';

const engine = Engine.create();

async function shown(p: string, languageId: string, text: string, opts: AnalysisOptions = {}): Promise<string[]> {
  const r = await engine.analyze({ path: p, languageId, text }, opts);
  return r.findings.map((f) => `${f.ruleId}:${f.range.start.line + 1}`).sort();
}

const JAVA_ENV = [
  'import java.io.*;',
  'public class Export {',
  '    public void run() throws Exception {',
  '        String dir = System.getenv("EXPORT_DIR");',
  '        new FileOutputStream(new File(dir + "/out.csv"));',
  '    }',
  '    public void fromProperty() throws Exception {',
  '        new FileInputStream(System.getProperty("app.config"));',
  '    }',
  '}',
  '',
].join('\n');

const PYTHON_ENV = [
  'import os',
  'import requests',
  '',
  'def ping():',
  '    url = os.environ.get("HEALTH_URL")',
  '    return requests.get(url)',
  '',
  'def settings():',
  '    return open(os.environ["SETTINGS_FILE"]).read()',
  '',
].join('\n');

// Both spellings: `process.env.NEXT_URL` is written like a constant (`Config.MAX`) but is an environment variable.
const JS_ENV = [
  "const express = require('express');",
  "const fs = require('fs');",
  'const app = express();',
  "app.get('/next', (req, res) => { res.redirect(process.env.NEXT_URL); });",
  "app.get('/conf', (req, res) => { res.send(fs.readFileSync(process.env['CONF_PATH'])); });",
  '',
].join('\n');

describe('threat model: single file', () => {
  it('remote (the default) leaves the operator\'s environment and properties out of path, URL and redirect rules', async () => {
    for (const opts of [{}, { threatModel: 'remote' as const }]) {
      assert.deepStrictEqual(await shown('src/Export.java', 'java', JAVA_ENV, opts), []);
      assert.deepStrictEqual(await shown('app/health.py', 'python', PYTHON_ENV, opts), []);
      assert.deepStrictEqual(await shown('src/app.js', 'javascript', JS_ENV, opts), []);
    }
  });

  it('local reports them: System.getenv, System.getProperty, os.environ and process.env are input', async () => {
    const local = { threatModel: 'local' as const };
    assert.deepStrictEqual(await shown('src/Export.java', 'java', JAVA_ENV, local), ['path-traversal:5', 'path-traversal:8']);
    assert.deepStrictEqual(await shown('app/health.py', 'python', PYTHON_ENV, local), ['path-traversal:9', 'ssrf:6']);
    assert.deepStrictEqual(await shown('src/app.js', 'javascript', JS_ENV, local), ['open-redirect:4', 'path-traversal:5']);
    const r = await engine.analyze({ path: 'src/Export.java', languageId: 'java', text: JAVA_ENV }, local);
    const f = r.findings.find((x) => x.range.start.line === 4)!;
    assert.strictEqual(f.confidence, 'high');
    assert.match(f.message, /System\.getenv\("EXPORT_DIR"\)/);
    assert.match(f.flow?.[0]?.message ?? '', /environment variable/);
  });

  it('a request value is reported under both models, and rules that take every source do not change', async () => {
    const request = ['import javax.servlet.http.*;', 'public class Get {', '    public void get(HttpServletRequest req) throws Exception {', '        new java.io.FileInputStream(req.getParameter("f"));', '    }', '}', ''].join('\n');
    for (const threatModel of THREAT_MODELS) assert.deepStrictEqual(await shown('src/Get.java', 'java', request, { threatModel }), ['path-traversal:4']);
    const shell = ['public class Job {', '    public void run() throws Exception {', '        Runtime.getRuntime().exec("sh -c " + System.getenv("JOB"));', '    }', '}', ''].join('\n');
    for (const threatModel of THREAT_MODELS) assert.deepStrictEqual(await shown('src/Job.java', 'java', shell, { threatModel }), ['command-injection:3']);
    const js = ["const cp = require('child_process');", 'function job() {', '  cp.exec("tar czf out.tgz " + process.env.JOB_DIR);', '}', 'job();', ''].join('\n');
    for (const threatModel of THREAT_MODELS) assert.deepStrictEqual(await shown('src/job.js', 'javascript', js, { threatModel }), ['command-injection:3']);
  });

  it('insecure deserialisation of a file the environment names: the program\'s own file under remote, input under local', async () => {
    const py = ['import os', 'import pickle', '', 'def restore():', "    return pickle.load(open(os.environ['STATE_FILE'], 'rb'))", ''].join('\n');
    const rule = async (threatModel?: 'local'): Promise<string[]> => (await shown('app/state.py', 'python', py, threatModel ? { threatModel } : {})).filter((x) => x.startsWith('insecure-deserialization'));
    assert.deepStrictEqual(await rule(), []);
    assert.deepStrictEqual(await rule('local'), ['insecure-deserialization:5']);
  });

  it('an editor session switching models re-runs instead of carrying the other model\'s findings over', async () => {
    const s = new DocumentSession(engine);
    const doc = { path: 'src/Export.java', languageId: 'java', text: JAVA_ENV };
    const ids = (fs: Finding[]): string[] => fs.map((f) => `${f.ruleId}:${f.range.start.line + 1}`).sort();
    assert.deepStrictEqual(ids((await s.analyze(doc)).findings), []);
    assert.deepStrictEqual(ids((await s.analyze(doc, { threatModel: 'local' })).findings), ['path-traversal:5', 'path-traversal:8']);
    assert.deepStrictEqual(ids((await s.analyze({ ...doc, text: `${JAVA_ENV}// edited\n` }, { threatModel: 'local' })).findings), ['path-traversal:5', 'path-traversal:8']);
    assert.deepStrictEqual(ids((await s.analyze(doc)).findings), []);
  });
});

const CROSS: Record<string, string> = {
  'web/Backup.java': [
    'package web;',
    'import javax.servlet.http.HttpServletRequest;',
    'public class Backup {',
    '    public void nightly() throws Exception {',
    '        new Store().put(System.getenv("BACKUP_DIR"));',
    '    }',
    '    public void upload(HttpServletRequest request) throws Exception {',
    '        new Store().take(request.getParameter("dir"));',
    '    }',
    '    public void home() throws Exception {',
    '        new java.io.FileOutputStream(new java.io.File(new Paths().home()));',
    '    }',
    '}',
    '',
  ].join('\n'),
  'web/Paths.java': ['package web;', 'public class Paths {', '    public String home() {', '        return System.getProperty("user.home");', '    }', '}', ''].join('\n'),
  'web/Store.java': [
    'package web;',
    'public class Store {',
    '    public void put(String dir) throws Exception {',
    '        new java.io.FileOutputStream(new java.io.File(dir));',
    '    }',
    '    public void take(String dir) throws Exception {',
    '        new java.io.FileOutputStream(new java.io.File(dir));',
    '    }',
    '}',
    '',
  ].join('\n'),
};

async function scanned(files: Record<string, string>, opts: AnalysisOptions): Promise<string[]> {
  const results: FileResult[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const r = await engine.analyze({ path: rel, languageId: 'java', text }, { ...opts, crossFile: true });
    results.push({ rel, findings: r.findings, notes: r.notes, ...(r.calls ? { calls: r.calls } : {}), ...(r.returns ? { returns: r.returns } : {}) });
  }
  settleCrossFile(results);
  return results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'path-traversal').map((f) => `${r.rel}:${f.range.start.line + 1}`)).sort();
}

describe('threat model: across the files of a scan', () => {
  it('remote: a caller passing the environment, or a function returning a property, raises nothing; a request does', async () => {
    assert.deepStrictEqual(await scanned(CROSS, {}), ['web/Store.java:7']);
  });

  it('local: the settle counts the operator\'s sources too, through arguments and returns', async () => {
    assert.deepStrictEqual(await scanned(CROSS, { threatModel: 'local' }), ['web/Backup.java:11', 'web/Store.java:4', 'web/Store.java:7']);
  });

  it('the CLI scan takes --threat-model and the config key, the flag winning', () => {
    const dir = tmpDir('vigil-threat-');
    writeFiles(dir, CROSS);
    const paths = (r: ReturnType<typeof vigil>): string[] => json(r).findings.filter((f) => f.ruleId === 'path-traversal').map((f) => `${f.path}:${f.line}`).sort();
    const run = (...extra: string[]): ReturnType<typeof vigil> => {
      const r = vigil(['scan', '.', '--format', 'json', '--fail-on', 'none', '--jobs', '1', ...extra], { cwd: dir });
      assert.strictEqual(r.status, 0, r.stderr);
      return r;
    };
    assert.deepStrictEqual(paths(run()), ['web/Store.java:7']);
    assert.deepStrictEqual(paths(run('--threat-model', 'local')), ['web/Backup.java:11', 'web/Store.java:4', 'web/Store.java:7']);
    fs.writeFileSync(path.join(dir, CONFIG_FILE), 'threatModel: local\n');
    assert.deepStrictEqual(paths(run()), ['web/Backup.java:11', 'web/Store.java:4', 'web/Store.java:7']);
    assert.deepStrictEqual(paths(run('--threat-model', 'remote')), ['web/Store.java:7']);
    // One cache file, both models: a result of the other model is never reused.
    fs.rmSync(path.join(dir, CONFIG_FILE));
    const cache = path.join(dir, 'cache.json');
    assert.deepStrictEqual(paths(run('--cache', cache)), ['web/Store.java:7']);
    assert.deepStrictEqual(paths(run('--cache', cache, '--threat-model', 'local')), ['web/Backup.java:11', 'web/Store.java:4', 'web/Store.java:7']);
    assert.deepStrictEqual(paths(run('--cache', cache)), ['web/Store.java:7']);
  });
});

describe('threat model: settings', () => {
  it('is an analysis option every front end copies, and part of the scan cache key', () => {
    assert.deepStrictEqual(pickAnalysisOptions({ threatModel: 'local' }), { threatModel: 'local' });
    const init: WorkerInit = { root: '/r', customRuleDirs: [], analysis: {}, source: 'fs', mode: 'analyze', frames: false, maxFileSize: 1 };
    const key = (analysis: AnalysisOptions): string => ScanCache.keyFor({ ...init, analysis }, [], 'v');
    assert.notStrictEqual(key({ threatModel: 'local' }), key({}));
    assert.notStrictEqual(key({ threatModel: 'local' }), key({ threatModel: 'remote' }));
  });

  it('parses --threat-model for scan, report and baseline, and refuses other values and commands with a usage error', () => {
    assert.strictEqual(parseCli(['scan']).threatModel, undefined);
    for (const cmd of ['scan', 'report', 'baseline']) assert.strictEqual(parseCli([cmd, '--threat-model', 'local']).threatModel, 'local');
    assert.strictEqual(parseCli(['scan', '--threat-model=remote']).threatModel, 'remote');
    assert.throws(() => parseCli(['scan', '--threat-model', 'internal']), /--threat-model must be one of remote, local \(got 'internal'\)/);
    assert.throws(() => parseCli(['rules', '--threat-model', 'local']), /does not apply/);
    assert.match(HELP, /--threat-model remote\|local/);
    const bad = vigil(['scan', '--threat-model', 'everything'], { cwd: tmpDir() });
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--threat-model must be one of remote, local/);
  });

  it('reads threatModel from .vigil.yaml and reports a bad value with its line', () => {
    const dir = tmpDir('vigil-threat-config-');
    const file = path.join(dir, CONFIG_FILE);
    fs.writeFileSync(file, 'disable: []\nthreatModel: local\n');
    const ok = loadConfig(file);
    assert.strictEqual(ok.config?.threatModel, 'local');
    assert.strictEqual(analysisOptionsFromConfig(ok.config!).threatModel, 'local');
    assert.strictEqual(analysisOptionsFromConfig(emptyConfig()).threatModel, undefined);
    fs.writeFileSync(file, 'disable: []\nthreatModel: remote\n');
    assert.strictEqual(loadConfig(file).config?.threatModel, 'remote');
    fs.writeFileSync(file, 'disable: []\nthreatModel: insider\n');
    const bad = loadConfig(file);
    assert.strictEqual(bad.config, undefined);
    assert.deepStrictEqual(bad.errors.map((e) => [e.line, e.message]), [[2, 'threatModel must be one of: remote, local']]);
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'config-schema.json'), 'utf8')) as { properties: Record<string, { enum?: string[]; description?: string }> };
    assert.deepStrictEqual(schema.properties['threatModel']?.enum, [...THREAT_MODELS]);
    assert.ok((schema.properties['threatModel']?.description ?? '').length > 40);
  });

  it('reads vigil.threatModel from the editor, merged over the repository file unless left at the default', () => {
    assert.strictEqual(defaultEditorSettings().threatModel, 'remote');
    assert.strictEqual(normaliseEditorSettings({ threatModel: 'local' }).threatModel, 'local');
    assert.strictEqual(normaliseEditorSettings({ threatModel: 'anyone' }).threatModel, 'remote');
    assert.strictEqual(normaliseEditorSettings({ threatModel: 3 }).threatModel, 'remote');
    const config = { ...emptyConfig(), threatModel: 'local' as const };
    assert.strictEqual(mergeSettings(normaliseEditorSettings({}), config).threatModel, 'local');
    assert.strictEqual(mergeSettings(normaliseEditorSettings({ threatModel: 'local' }), emptyConfig()).threatModel, 'local');
    assert.strictEqual(mergeSettings(normaliseEditorSettings({}), emptyConfig()).threatModel, 'remote');
    assert.strictEqual(analysisOptions(mergeSettings(normaliseEditorSettings({}), config)).threatModel, 'local');
  });

  it('declares vigil.threatModel in the extension manifest with the same values', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[]; default?: string }> } } };
    const s = pkg.contributes.configuration.properties['vigil.threatModel'];
    assert.deepStrictEqual([s?.enum, s?.default, s?.enumDescriptions?.length], [[...THREAT_MODELS], 'remote', 2]);
  });
});
