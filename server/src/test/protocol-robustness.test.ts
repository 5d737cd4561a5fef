// Bad input and hostile protocol use: the server answers, never crashes, never hangs.
import * as assert from 'assert';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { byRule, LspClient, parseFrames, PUSH_CAPABILITIES } from './lspClient';

const PY = 'import hashlib\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n';

describe('language server: bad documents', function () {
  this.timeout(60_000);
  let client: LspClient;

  async function publishFor(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const since = client.published.length;
    await client.open(uri, languageId, text);
    return (await client.waitForDiagnostics(uri, () => true, since)).diagnostics;
  }

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client?.shutdown();
  });

  it('empty, binary, half-typed and unknown-language documents get a publish and no crash', async () => {
    assert.deepStrictEqual(await publishFor('file:///bad/empty.py', 'python', ''), []);
    assert.deepStrictEqual(await publishFor('file:///bad/blob.bin', 'plaintext', 'PNG\u0000\u0001\u0002\uFFFD'.repeat(1000)), []);
    const half = await publishFor('file:///bad/half.py', 'python', 'import hashlib\ndef f(:\n    return hashlib.md5(d\n  x = [1, 2');
    assert.ok(Array.isArray(half));
    assert.deepStrictEqual(byRule(await publishFor('file:///bad/x.cob', 'cobol', 'DISPLAY hashlib.md5(x)'), 'weak-hash'), []);
    const surrogates = await publishFor('file:///bad/surrogates.js', 'javascript', 'const s = "\uD800\uDC00\uD800";\n\u0085\u2028');
    assert.ok(Array.isArray(surrogates));
  });

  it('skips a 5 MB single-line document with exactly one info line, even as it keeps changing', async () => {
    const uri = 'file:///bad/huge.py';
    const line = `x = "${'a'.repeat(5 * 1024 * 1024)}"`;
    assert.deepStrictEqual(await publishFor(uri, 'python', line), []);
    for (let v = 2; v <= 4; v++) {
      const since = client.published.length;
      await client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === v, since);
    }
    const lines = client.logs.filter((l) => l.includes('huge.py'));
    assert.strictEqual(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /vigil\.maxFileSize/);
  });

  it('analyses a 1.5 MB single-line document under the limit and still finds on it', async () => {
    const text = `import hashlib; h = hashlib.md5(b"${'a'.repeat(1_500_000)}")`;
    const diags = await publishFor('file:///bad/long.py', 'python', text);
    assert.strictEqual(byRule(diags, 'weak-hash').length, 1);
  });
});

describe('language server: hostile protocol use', function () {
  this.timeout(60_000);
  let client: LspClient;
  const hover = (uri: string, line: number, character: number): Promise<Hover | null> =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    await client?.shutdown();
  });

  it('survives malformed JSON and non-JSON-RPC frames', async () => {
    const bad = '{"jsonrpc":"2.0","id":99,"method":';
    client.writeRaw(`Content-Length: ${Buffer.byteLength(bad)}\r\n\r\n${bad}`);
    const odd = '{"hello":"world"}';
    client.writeRaw(`Content-Length: ${Buffer.byteLength(odd)}\r\n\r\n${odd}`);
    assert.strictEqual(await hover('file:///nowhere.py', 0, 0), null);
  });

  it('answers unknown methods with MethodNotFound and ignores unknown notifications', async () => {
    await assert.rejects(client.request('vigil/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
    await client.notifyServer('vigil/noSuchNotification', { x: 1 });
    await assert.rejects(client.request('workspace/executeCommand', { command: 'vigil.nope', arguments: [] }));
    assert.strictEqual(await hover('file:///nowhere.py', 0, 0), null);
  });

  it('handles requests for unknown documents and out-of-range positions', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///nowhere.py' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepStrictEqual(actions, []);
    const uri = 'file:///r/range.py';
    const since = client.published.length;
    await client.open(uri, 'python', PY);
    const [d] = byRule((await client.waitForDiagnostics(uri, () => true, since)).diagnostics, 'weak-hash');
    assert.strictEqual(await hover(uri, 1_000_000, 5), null);
    // A diagnostic moved past the end of the document (a confused client): no suppression edit out there.
    const far = { ...d!, range: { start: { line: 5000, character: 0 }, end: { line: 5000, character: 3 } } };
    const titles = (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: far.range, context: { diagnostics: [far] } })).map((a) => a.title);
    assert.ok(!titles.includes('Suppress weak-hash on this line'), titles.join(' | '));
    // Garbage diagnostic data must not throw.
    const junk = { ...d!, data: { version: 'x', fixes: 7 } };
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [junk] } });
  });

  it('survives didChange for unknown documents and versions out of order', async () => {
    await client.change('file:///never-opened.py', 3, [{ text: 'x' }]);
    const uri = 'file:///r/order.py';
    const since = client.published.length;
    await client.open(uri, 'python', PY, 5);
    await client.waitForDiagnostics(uri, () => true, since);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 3, since);
    assert.strictEqual(byRule(p.diagnostics, 'weak-hash')[0]?.range.start.line, 4);
  });

  it('a flood of 1,000 edits ends with diagnostics for the last version, debounced', async () => {
    const uri = 'file:///r/flood.py';
    let since = client.published.length;
    await client.open(uri, 'python', PY);
    await client.waitForDiagnostics(uri, () => true, since);
    since = client.published.length;
    const sends: Promise<void>[] = [];
    for (let v = 2; v <= 1001; v++) {
      sends.push(client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v % 2 ? '#\n' : '\n' }]));
    }
    await Promise.all(sends);
    const last = await client.waitForDiagnostics(uri, (x) => x.version === 1001, since);
    assert.strictEqual(byRule(last.diagnostics, 'weak-hash')[0]?.range.start.line, 1003);
    const count = client.published.slice(since).filter((p) => p.uri === uri).length;
    assert.ok(count < 100, `${count} publishes for 1,000 edits`);
  });

  it('still wrote only LSP frames to stdout', () => {
    parseFrames(client.stdout);
  });
});

describe('language server: pull diagnostics', function () {
  this.timeout(60_000);
  let client: LspClient;
  let init: InitializeResult;
  const uri = 'file:///pull/a.py';
  const pull = (previousResultId?: string, token?: CancellationTokenSource): Promise<DocumentDiagnosticReport> => {
    const params = { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) };
    return (token ? client.conn.sendRequest('textDocument/diagnostic', params, token.token) : client.request('textDocument/diagnostic', params)) as Promise<DocumentDiagnosticReport>;
  };

  before(async () => {
    const capabilities = {
      ...PUSH_CAPABILITIES,
      workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
      textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
    };
    ({ client, init } = await LspClient.start({ capabilities }));
  });
  after(async () => {
    await client?.shutdown();
  });

  it('advertises a diagnostic provider to a client that pulls', () => {
    assert.strictEqual(init.capabilities.diagnosticProvider?.interFileDependencies, false);
  });

  it('serves pulls, answers unchanged for the same result, and never pushes for open documents', async () => {
    await client.open(uri, 'python', PY);
    const first = await pull();
    assert.strictEqual(first.kind, 'full');
    assert.strictEqual(byRule(first.kind === 'full' ? first.items : [], 'weak-hash').length, 1);
    const again = await pull(first.resultId);
    assert.deepStrictEqual(again, { kind: 'unchanged', resultId: first.resultId });
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === uri && p.diagnostics.length > 0), []);
  });

  it('asks the client to refresh after a settings change, and the next pull reflects it', async () => {
    const refreshes = client.logs.filter((l) => l === '<refresh>').length;
    client.settings = { rules: { disabled: ['weak-hash'] } };
    await client.notifyServer('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('diagnostic refresh', () => (client.logs.filter((l) => l === '<refresh>').length > refreshes ? true : undefined));
    const report = await pull();
    assert.deepStrictEqual(report.kind === 'full' ? byRule(report.items, 'weak-hash') : ['not full'], []);
    client.settings = {};
  });

  it('answers a cancelled pull and keeps serving', async () => {
    const source = new CancellationTokenSource();
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const pending = pull(undefined, source);
    source.cancel();
    await pending.then(
      () => undefined,
      (e: { code?: number }) => assert.strictEqual(e.code, -32800),
    );
    const report = await pull();
    assert.strictEqual(report.kind, 'full');
  });

  it('answers an empty report for a document that is not open', async () => {
    const r = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: 'file:///pull/closed.py' } });
    assert.deepStrictEqual(r, { kind: 'full', items: [] });
  });
});
