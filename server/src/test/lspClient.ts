// A minimal LSP client for the protocol tests: spawns the bundled server over stdio, answers the requests
// a server sends to its client, records notifications, and keeps every byte the server wrote to stdout so a
// test can check that stdout carries LSP frames only. Waits are event-driven with timeouts, never sleeps.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export const SERVER_JS = path.resolve(__dirname, '..', '..', 'out', 'server.js');

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  rootDir?: string;
  /** The `vigil` section answered to workspace/configuration (mutable: tests change it and notify). */
  settings?: Record<string, unknown>;
}

type Listener = () => void;

export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { versionSupport: true },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
};

export class LspClient {
  readonly conn: MessageConnection;
  readonly stdout: Buffer[] = [];
  stderr = '';
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shown: { type: number; message: string }[] = [];
  readonly shownDocuments: string[] = [];
  readonly progress: unknown[] = [];
  settings: Record<string, unknown>;
  exitCode: number | null | undefined;
  private readonly listeners = new Set<Listener>();

  private constructor(readonly proc: ChildProcess, opts: ClientOptions) {
    this.settings = opts.settings ?? {};
    const out = new PassThrough();
    proc.stdout!.on('data', (b: Buffer) => {
      this.stdout.push(b);
      out.write(b);
    });
    proc.stdout!.on('end', () => out.end());
    proc.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    proc.on('exit', (code) => {
      this.exitCode = code;
      this.notify();
    });
    this.conn = createMessageConnection(new StreamMessageReader(out), new StreamMessageWriter(proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.shown.push(p);
      this.notify();
    });
    this.conn.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
      this.notify();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.logs.push('<refresh>');
      this.notify();
      return null;
    });
    this.conn.onRequest('window/showDocument', (p: { uri: string }) => {
      this.shownDocuments.push(p.uri);
      this.notify();
      return { success: true };
    });
    this.conn.listen();
  }

  static async start(opts: ClientOptions = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(proc, opts);
    const rootUri = opts.rootDir ? `file://${opts.rootDir}` : null;
    // A server that never answers must not outlive the test run (mocha would wait for it forever).
    const init = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: opts.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: { debounceMs: 20, ...(opts.initializationOptions ?? {}) },
    }).catch((e: unknown) => {
      proc.kill();
      client.conn.dispose();
      throw e;
    });
    await client.conn.sendNotification('initialized', {});
    return { client, init };
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  // The default waits bound a failure, not a speed: an answer that comes at all comes in well under a second
  // idle; they are generous because this machine's 2 shared cores can be 10x slower under load.
  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    return withTimeout(this.conn.sendRequest(method, params) as Promise<T>, timeoutMs, `${method} answered`);
  }

  notifyServer(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Resolves with the first value `probe` returns (checked now and after every message), or fails after `timeoutMs`. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v === undefined) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** The first publish for `uri` (after `since` publishes in total) that satisfies `pred`. */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.published.slice(since).find((p) => p.uri === uri && pred(p)), timeoutMs);
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.notifyServer('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.notifyServer('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.notifyServer('textDocument/didClose', { textDocument: { uri } });
  }

  /** Writes raw bytes to the server's stdin (malformed-input tests). */
  writeRaw(data: string): void {
    this.proc.stdin!.write(data);
  }

  async shutdown(): Promise<number | null> {
    if (this.exitCode === undefined) {
      try {
        await this.request('shutdown', null, 10_000);
        await this.notifyServer('exit', null);
      } catch {
        // Already gone.
      }
      await this.waitFor('server exit', () => (this.exitCode === undefined ? undefined : true), 10_000).catch(() => this.proc.kill());
    }
    this.conn.dispose();
    return this.exitCode ?? null;
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

export function byRule(diags: Diagnostic[], ruleId: string): Diagnostic[] {
  return diags.filter((d) => d.code === ruleId);
}

/**
 * Splits what the server wrote to stdout into LSP frames. Throws on the first byte that is not part of a
 * `Content-Length` header followed by exactly that many bytes of JSON-RPC.
 */
export function parseFrames(chunks: Buffer[]): unknown[] {
  const buf = Buffer.concat(chunks);
  const out: unknown[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new Error(`stray bytes at ${pos}: ${JSON.stringify(buf.subarray(pos, pos + 80).toString())}`);
    const header = buf.subarray(pos, headerEnd).toString('ascii');
    const m = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]+)?$/.exec(header);
    if (!m) throw new Error(`not an LSP header at ${pos}: ${JSON.stringify(header.slice(0, 80))}`);
    const start = headerEnd + 4;
    const end = start + Number(m[1]);
    if (end > buf.length) throw new Error(`truncated frame at ${pos}`);
    const msg = JSON.parse(buf.subarray(start, end).toString('utf8')) as { jsonrpc?: string };
    if (msg.jsonrpc !== '2.0') throw new Error(`frame at ${pos} is not JSON-RPC 2.0`);
    out.push(msg);
    pos = end;
  }
  return out;
}
