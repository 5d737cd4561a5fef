// A small LSP client over stdio for the benchmark: Content-Length framing, requests with ids, answers to
// the requests a server sends its client (configuration, registration, progress), and waits on notifications.
// Written for measuring, so it timestamps every message as it arrives.
import { spawn } from 'child_process';

export class LspClient {
  /** @param {{cmd: string, args: string[], nodeArgs?: string[], cwd?: string, configuration?: (item: any) => any}} opts */
  constructor(opts) {
    this.t0 = performance.now();
    this.proc = spawn(opts.cmd, [...(opts.nodeArgs ?? []), ...opts.args], { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.configuration = opts.configuration ?? (() => null);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.buf = Buffer.alloc(0);
    this.stderr = '';
    this.exited = false;
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (c) => (this.stderr = (this.stderr + c).slice(-4000)));
    this.proc.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited: ${this.stderr.slice(-500)}`));
      this.pending.clear();
      for (const w of this.waiters) w.reject(new Error('server exited'));
      this.waiters = [];
    });
    this.proc.stdin.on('error', () => undefined);
  }

  get pid() {
    return this.proc.pid;
  }

  onData(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error('bad LSP header');
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.onMessage(JSON.parse(body), performance.now());
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      this.write({ jsonrpc: '2.0', id: msg.id, result: this.answer(msg) });
      return;
    }
    for (const w of [...this.waiters]) {
      if (w.match(msg)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve({ msg, at });
      }
    }
  }

  answer(msg) {
    if (msg.method === 'workspace/configuration') return msg.params.items.map((item) => this.configuration(item));
    return null;
  }

  write(obj) {
    const body = Buffer.from(JSON.stringify(obj), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /**
   * Resolves with { result, at } where `at` is performance.now() when the response arrived. With
   * `cancelAfterMs`, sends $/cancelRequest then and keeps waiting for the (cancelled) answer.
   */
  request(method, params, timeoutMs = 120_000, cancelAfterMs = undefined) {
    const id = this.nextId++;
    if (cancelAfterMs !== undefined) {
      const t = setTimeout(() => {
        if (this.pending.has(id)) this.notify('$/cancelRequest', { id });
      }, cancelAfterMs);
      t.unref();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Register BEFORE sending what triggers the notification; resolves with { msg, at }. */
  waitFor(match, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const w = { match, resolve, reject };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no matching notification in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  async shutdown() {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // Already gone or hung: killed below.
    }
    await new Promise((resolve) => {
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 3000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      if (this.exited) resolve();
    });
  }
}
