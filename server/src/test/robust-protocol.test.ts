// Protocol robustness beyond protocol-robustness.test.ts (issue 8, point 3): broken framing (Content-Length
// headers that lie or are missing) and $/cancelRequest for every request kind the server advertises. After
// each abuse the server must still be running and answer a well-formed request.
import * as assert from 'assert';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

const PY = 'import hashlib\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n';
const HOVER = { textDocument: { uri: 'file:///nowhere.py' }, position: { line: 0, character: 0 } };

describe('protocol robustness: framing and cancellation', function () {
  this.timeout(120_000);

  async function stillServes(client: LspClient, what: string): Promise<void> {
    assert.strictEqual(await client.request('textDocument/hover', HOVER, 15_000), null, `no answer after ${what}`);
    assert.strictEqual(client.exitCode, undefined, `server exited after ${what}: ${client.stderr.slice(-500)}`);
  }

  const body = (b: string): string => `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`;
  // Frames whose header is intact: the server must answer the very next request.
  const recoverable: [string, string][] = [
    ['invalid JSON in a well-framed body', body('{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":')],
    ['a JSON array body', body('[]')],
    ['a request whose params have the wrong shape', body('{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":42}')],
    ['a response to a request the server never sent', body('{"jsonrpc":"2.0","id":12345,"result":null}')],
    ['an unknown charset', `Content-Length: 30\r\nContent-Type: application/vscode-jsonrpc; charset=ebcdic\r\n\r\n{"jsonrpc":"2.0","method":"x"}`],
  ];
  for (const [what, frame] of recoverable) {
    it(`answers the next request after ${what}`, async () => {
      const { client } = await LspClient.start();
      try {
        client.writeRaw(frame);
        await stillServes(client, what);
      } finally {
        await client.shutdown();
      }
    });
  }

  // Frames whose Content-Length lies or is missing leave no way to find the next frame boundary (the
  // transport's reader does not resynchronise), so the bar is: no crash, nothing but LSP on stdout, and a
  // clean exit when the client goes away.
  const desync: [string, string][] = [
    ['a non-numeric Content-Length', 'Content-Length: many\r\n\r\n{}'],
    ['a header line with no colon', 'garbage-without-colon\r\n\r\n'],
    ['a header block with no Content-Length', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
    ['a Content-Length shorter than the body', 'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","method":"x","params":{}}'],
  ];
  for (const [what, frame] of desync) {
    it(`does not crash after ${what}, and exits when its client leaves`, async () => {
      const { client } = await LspClient.start();
      client.writeRaw(frame);
      await client.request('textDocument/hover', HOVER, 1_500).catch(() => undefined);
      assert.strictEqual(client.exitCode, undefined, `server exited: ${client.stderr.slice(-500)}`);
      assert.ok(!/at .*\.js:\d+/.test(client.stderr), `stack trace on stderr: ${client.stderr.slice(-500)}`);
      const exited = new Promise<number | null>((resolve) => client.proc.once('exit', (code) => resolve(code)));
      client.proc.stdin!.end();
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 60_000))]); // generous: a hang detector on a loaded machine
      assert.notStrictEqual(code, 'still running');
      client.conn.dispose();
    });
  }

  it('answers every advertised request kind when it is cancelled at once, then keeps serving', async () => {
    const { client, init } = await LspClient.start();
    try {
      const uri = 'file:///cancel/a.py';
      await client.open(uri, 'python', PY);
      const caps = (init as InitializeResult).capabilities;
      const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 40 } };
      const requests: [string, unknown][] = [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 20 } }],
        ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
        ['textDocument/diagnostic', { textDocument: { uri } }],
        ['workspace/diagnostic', { previousResultIds: [] }],
        ...(caps.executeCommandProvider?.commands ?? []).map((command): [string, unknown] => ['workspace/executeCommand', { command, arguments: [] }]),
        ['vigil/noSuchRequest', {}],
      ];
      const outcomes: string[] = [];
      for (const [method, params] of requests) {
        const cts = new CancellationTokenSource();
        const p = client.conn.sendRequest(method, params, cts.token);
        cts.cancel();
        // Answered with a result or an error (RequestCancelled, MethodNotFound, bad arguments): never left hanging.
        const outcome = await Promise.race([
          p.then(
            () => 'result',
            (e: { code?: number }) => `error ${e.code ?? '?'}`,
          ),
          // Generous: a request left hanging never answers; one that answers does so in milliseconds idle.
          new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), 60_000)),
        ]);
        outcomes.push(`${method}${method === 'workspace/executeCommand' ? ` ${(params as { command: string }).command}` : ''}: ${outcome}`);
      }
      assert.ok(!outcomes.some((o) => o.endsWith('no answer')), outcomes.join('\n'));
      assert.ok(requests.length >= 5, outcomes.join('\n'));
      await stillServes(client, 'cancelling every request kind');
      // And a cancelled storm: 200 hovers, each cancelled, then a normal one.
      const storm = Array.from({ length: 200 }, () => {
        const cts = new CancellationTokenSource();
        const p = client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 20 } }, cts.token).catch(() => undefined);
        cts.cancel();
        return p;
      });
      await Promise.all(storm);
      await stillServes(client, 'a storm of cancelled hovers');
    } finally {
      await client.shutdown();
    }
  });
});
