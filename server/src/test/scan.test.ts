import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { Engine, type Finding, type Note } from '../engine';
import { runScan, type FileResult } from '../project/scan/pool';
import { walk } from '../project/walk';
import { FINGERPRINT_KEY, type SarifLog } from '../cli/sarif';
import type { ResolvedSettings, ScanProgress, ServerContext } from '../lsp/context';
import { scanWorkspace } from '../lsp/workspaceScan';
import { ROOT, demoRepo, tmpDir, vigil } from './cliHelpers';

interface Published {
  uri: string;
  version: number | undefined;
  findings: Finding[];
  notes: Note[];
}

function fakeContext(folder: string, open: string[] = [], engine = Engine.create()): { ctx: ServerContext; published: Published[]; progress: string[] } {
  const published: Published[] = [];
  const progress: string[] = [];
  const settings: ResolvedSettings = { enable: true, run: 'onType', trace: 'off', customRuleDirs: [] };
  const ctx = {
    connection: {},
    documents: { all: () => open.map((p) => ({ uri: pathToFileURL(p).href })) },
    engineFor: async () => engine,
    settingsFor: async () => settings,
    workspaceFolders: () => [folder],
    publish: (uri: string, version: number | undefined, findings: Finding[], notes: Note[]) => void published.push({ uri, version, findings, notes }),
    log: () => undefined,
    progress: { report: (m: string, p?: number) => void progress.push(`${p}:${m}`) } satisfies ScanProgress,
  } as unknown as ServerContext;
  return { ctx, published, progress };
}

function key(file: string, ruleId: string, r: { startLine: number; startColumn: number; endLine: number; endColumn: number }, message: string): string {
  return `${file}|${ruleId}|${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}|${message}`;
}

function sarifKeys(log: SarifLog, base: string): string[] {
  return log.runs[0]!.results
    .map((r) => key(path.join(base, decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri)), r.ruleId, r.locations[0].physicalLocation.region, r.message.text))
    .sort();
}

function publishedKeys(published: Published[]): string[] {
  return published
    .flatMap((p) =>
      p.findings.map((f) =>
        key(fileURLToPath(p.uri), f.ruleId, { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 }, f.message),
      ),
    )
    .sort();
}

describe('workspace scan', () => {
  // A snapshot of the fixtures, so rule authors editing them while the tests run cannot make the two scans differ.
  const base = tmpDir('vigil-ws-');
  const fixtures = path.join(base, 'test-fixtures');
  before(() => fs.cpSync(path.join(ROOT, 'test-fixtures'), fixtures, { recursive: true }));

  it('`vigil scan test-fixtures --format sarif` and the workspace scan of that folder give the same findings', async () => {
    // --root .: outside git, the root would be test-fixtures itself; the workspace is the folder holding it.
    const cli = vigil(['scan', 'test-fixtures', '--root', '.', '--format', 'sarif'], { cwd: base });
    const log = JSON.parse(cli.stdout) as SarifLog;
    const expected = sarifKeys(log, base);
    assert.ok(expected.length > 0, 'the fixtures have findings');
    // The workspace is the folder holding test-fixtures, so both see the same workspace-relative paths
    // (rules may look at the path, e.g. to treat test code differently).
    const { ctx, published, progress } = fakeContext(base);
    const summary = await scanWorkspace(ctx, new CancellationTokenSource().token);
    assert.deepStrictEqual(publishedKeys(published), expected);
    assert.ok(published.every((p) => p.version === undefined));
    assert.strictEqual(summary.cancelled, false);
    assert.strictEqual(summary.findings.error + summary.findings.warning + summary.findings.info, expected.length);
    assert.strictEqual(summary.files, fs.readdirSync(fixtures, { recursive: true }).filter((f) => fs.statSync(path.join(fixtures, String(f))).isFile()).length);
    assert.match(progress[progress.length - 1]!, /^100:\d+ of \d+ files$/);
  });

  it('uses the same fingerprints as the CLI run from the folder', async () => {
    const log = JSON.parse(vigil(['scan', '.', '--format', 'sarif'], { cwd: fixtures }).stdout) as SarifLog;
    const cliPrints = log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY] as string).sort();
    const { ctx, published } = fakeContext(fixtures);
    await scanWorkspace(ctx, new CancellationTokenSource().token);
    assert.deepStrictEqual(published.flatMap((p) => p.findings.map((f) => f.fingerprint)).sort(), cliPrints);
  });

  it('skips open documents, honours .vigil.yaml ignores and clears files that became clean on rescan', async () => {
    const dir = demoRepo({ 'a.txt': 'DEMO_TOKEN_1\n', 'b.txt': 'DEMO_TOKEN_2\n', 'legacy/c.txt': 'DEMO_TOKEN_3\n' }, 'ignore: ["legacy/"]\n');
    const engine = Engine.create({ customRuleDirs: [path.join(dir, 'vigil-rules')] });
    const first = fakeContext(dir, [path.join(dir, 'b.txt')], engine);
    await scanWorkspace(first.ctx, new CancellationTokenSource().token);
    const withFindings = (p: Published[]): string[] => p.filter((x) => x.findings.some((f) => f.ruleId === 'demo-token')).map((x) => path.relative(dir, fileURLToPath(x.uri)));
    assert.deepStrictEqual(withFindings(first.published), ['a.txt'], 'b.txt is open, legacy/ is ignored');

    fs.writeFileSync(path.join(dir, 'a.txt'), 'clean now\n');
    const second = fakeContext(dir, [path.join(dir, 'b.txt')], engine);
    (second.ctx as { connection: unknown }).connection = first.ctx.connection;
    await scanWorkspace(second.ctx, new CancellationTokenSource().token);
    const cleared = second.published.find((p) => fileURLToPath(p.uri) === path.join(dir, 'a.txt'));
    assert.deepStrictEqual(cleared && [cleared.findings, cleared.notes], [[], []], 'a.txt is republished empty');
  });

  it('counts an open document from its buffer, as the Problems view shows it, not from the file on disk', async () => {
    const dir = demoRepo({ 'a.txt': 'DEMO_TOKEN_1\n', 'b.txt': 'DEMO_TOKEN_2\n' });
    const engine = Engine.create({ customRuleDirs: [path.join(dir, 'vigil-rules')] });
    const b = path.join(dir, 'b.txt');
    const { ctx } = fakeContext(dir, [b], engine);
    // The unsaved buffer of b.txt has three tokens where the file on disk has one.
    const buffer = 'DEMO_TOKEN_2\nDEMO_TOKEN_3\nDEMO_TOKEN_4\n';
    ctx.liveFindings = async (uri) => {
      assert.strictEqual(uri, pathToFileURL(b).href);
      return (await engine.analyze({ path: 'b.txt', languageId: 'plaintext', text: buffer })).findings;
    };
    const summary = await scanWorkspace(ctx, new CancellationTokenSource().token);
    const total = summary.findings.error + summary.findings.warning + summary.findings.info;
    assert.strictEqual(total, 4, 'one in a.txt on disk, three in the b.txt buffer');
  });

  it('loads custom rules only as the context engine did (workspace trust lives there)', async () => {
    const dir = demoRepo({ 'a.txt': 'DEMO_TOKEN_1\n' });
    const untrusted = fakeContext(dir, [], Engine.create());
    await scanWorkspace(untrusted.ctx, new CancellationTokenSource().token);
    assert.ok(!untrusted.published.some((p) => p.findings.some((f) => f.ruleId === 'demo-token')));
  });

  it('stops when cancelled and says so', async () => {
    const src = new CancellationTokenSource();
    const { ctx, published } = fakeContext(fixtures);
    const orig = ctx.publish;
    ctx.publish = (...a) => {
      orig(...a);
      src.cancel();
    };
    const summary = await scanWorkspace(ctx, src.token);
    assert.strictEqual(summary.cancelled, true);
    assert.ok(published.length < 5, `stopped early (${published.length} publishes)`);
  });
});

describe('scan pool', () => {
  it('reports every file once, whatever the number of workers', async () => {
    const dir = demoRepo(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}.txt`, i % 2 ? 'DEMO_TOKEN_1\n' : 'x\n'])));
    const run = async (jobs: number): Promise<string[]> => {
      const got: string[] = [];
      const opts = { root: dir, customRuleDirs: [path.join(dir, 'vigil-rules')], analysis: {}, source: 'fs' as const, mode: 'analyze' as const, frames: false, maxFileSize: 1 << 20, jobs };
      await runScan(walk([], { root: dir }), opts, (r: FileResult) => void got.push(`${r.rel}:${r.findings.map((f) => f.fingerprint).join(',')}`));
      return got.sort();
    };
    const one = await run(1);
    assert.strictEqual(one.length, 28);
    assert.deepStrictEqual(await run(3), one);
  });

  it('replaces workers that grew on large files when over the memory budget, and loses no file', async function () {
    this.timeout(60000);
    // Large JavaScript files (over the 128 KB a worker must have read to be worth replacing), one finding each.
    const big = (i: number): string => `const crypto = require('crypto');\nconst d${i} = crypto.createHash('md5');\n` + 'const table = { id: 1, name: "row", size: 42 };\n'.repeat(3000);
    const dir = demoRepo(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`big${i}.js`, big(i)])));
    const run = async (memoryBudgetMb: number, rss?: () => number): Promise<{ got: string[]; recycled: number }> => {
      const got: string[] = [];
      const opts = { root: dir, customRuleDirs: [], analysis: {}, source: 'fs' as const, mode: 'analyze' as const, frames: false, maxFileSize: 1 << 22, jobs: 2, memoryBudgetMb, ...(rss ? { rss } : {}) };
      const r = await runScan(walk([], { root: dir }), opts, (res: FileResult) => void got.push(`${res.rel}:${res.skipped ?? ''}:${res.findings.map((f) => f.ruleId).join(',')}`));
      return { got: got.sort(), recycled: r.recycled };
    };
    const plain = await run(0);
    assert.strictEqual(plain.recycled, 0);
    assert.ok(plain.got.filter((g) => g.endsWith(':weak-hash')).length === 6, plain.got.join('\n'));
    // Always "over budget": workers are replaced between files, and the results are the same.
    const tight = await run(1, () => Number.MAX_SAFE_INTEGER);
    assert.ok(tight.recycled >= 2, `recycled ${tight.recycled}`);
    assert.deepStrictEqual(tight.got, plain.got);
  });

  it('sends every large file to the first worker, so only one worker grows, and loses no file', async function () {
    this.timeout(60000);
    const file = (i: number, rows: number): string => `const crypto = require('crypto');\nconst d${i} = crypto.createHash('md5');\n` + 'const row = { id: 1 };\n'.repeat(rows);
    // Large files and small ones: the dispatcher hands every other file to the second worker at first.
    const dir = demoRepo(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}.js`, file(i, i < 6 ? 400 : 10)])));
    const run = async (jobs: number): Promise<{ got: string[]; passed: number }> => {
      const got: string[] = [];
      const opts = { root: dir, customRuleDirs: [], analysis: {}, source: 'fs' as const, mode: 'analyze' as const, frames: false, maxFileSize: 1 << 22, jobs, largeFileBytes: 4096 };
      const r = await runScan(walk([], { root: dir }), opts, (res: FileResult) => void got.push(`${res.rel}:${res.skipped ?? ''}:${res.findings.map((f) => f.ruleId).join(',')}`));
      return { got: got.sort(), passed: r.passed };
    };
    const one = await run(1);
    assert.strictEqual(one.passed, 0, 'a single worker keeps every file');
    assert.strictEqual(one.got.filter((g) => g.endsWith(':weak-hash')).length, 8, one.got.join('\n'));
    const two = await run(2);
    assert.ok(two.passed >= 1 && two.passed <= 6, `passed ${two.passed}`);
    assert.deepStrictEqual(two.got, one.got);
  });

  it('an aborted scan resolves with cancelled = true', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await runScan(walk([], { root: ROOT }), { root: ROOT, customRuleDirs: [], analysis: {}, source: 'fs', mode: 'analyze', frames: false, maxFileSize: 1 << 20, jobs: 1, signal: ac.signal }, () => undefined);
    assert.strictEqual(r.cancelled, true);
  });
});
