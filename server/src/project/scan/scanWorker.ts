// Worker thread entry of the scan pool: builds its own Engine (rules and grammars are per thread), then reads
// and analyses one file per request. File content never crosses back to the main thread, only findings.
import { execFile } from 'child_process';
import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { Engine, languageIdForPath, LineIndex, parseSuppressions, decodeFile } from '../../engine';
import { buildFrame, secretSpans } from './frames';
import type { FileResult, WorkerInit, WorkerReply, WorkerRequest } from './protocol';
import { contentHash } from './cache';

const init = workerData as WorkerInit;
const engine = init.mode === 'analyze' ? Engine.create({ customRuleDirs: init.customRuleDirs }) : undefined;

type Read = { bytes: Uint8Array } | { skipped: string } | { passed: true };

/**
 * Reads a file synchronously: this thread exists only to read and analyse, and the asynchronous calls would queue
 * on the process-wide libuv pool behind the walk's folder listings (in a profile, waiting for fstat, open, read
 * and close took a third of a worker's time).
 */
function readFs(abs: string, passAbove: number | undefined): Read {
  // O_NONBLOCK: a file swapped for a FIFO after the walk would otherwise block open() until a writer appears,
  // hanging the worker; for regular files the flag changes nothing.
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { skipped: 'not a regular file' };
    if (st.size > init.maxFileSize) return { skipped: `larger than the size limit (${st.size} > ${init.maxFileSize} bytes)` };
    if (passAbove !== undefined && st.size > passAbove) return { passed: true };
    return { bytes: fs.readFileSync(fd) };
  } finally {
    fs.closeSync(fd);
  }
}

function readIndex(rel: string): Promise<Read> {
  return new Promise((resolve) => {
    // `:./path` names the staged blob relative to the working folder rather than the repository top.
    execFile('git', ['cat-file', 'blob', `:./${rel}`], { cwd: init.root, encoding: 'buffer', maxBuffer: init.maxFileSize + 1 }, (err, stdout) => {
      if (err) resolve({ skipped: /maxBuffer/i.test(err.message) ? `larger than the size limit (> ${init.maxFileSize} bytes)` : 'not in the git index' });
      else resolve({ bytes: stdout });
    });
  });
}

/** Lines as an editor counts them: a final line without a newline still counts, an empty file has none. */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

async function handle(req: WorkerRequest): Promise<FileResult | 'passed'> {
  const base: FileResult = { rel: req.rel, findings: [], notes: [] };
  let read: Read;
  try {
    read = init.source === 'git-index' ? await readIndex(req.rel) : readFs(req.abs, req.passAbove);
  } catch (e) {
    return { ...base, skipped: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if ('passed' in read) return 'passed';
  if ('skipped' in read) return { ...base, skipped: read.skipped };
  sizes.set(req.id, read.bytes.length);
  if (init.hashContent) {
    base.hash = contentHash(read.bytes);
    if (req.knownHash === base.hash) return { ...base, cached: true };
  }
  // UTF-16 files (with a byte-order mark) are decoded like UTF-8 ones; binary content is skipped with a reason.
  const decoded = decodeFile(read.bytes);
  if ('skipped' in decoded) return { ...base, skipped: decoded.skipped, binary: true };
  const text = decoded.text;
  // Counted on the decoded text: a UTF-16 file's newline bytes are not 0x0A alone.
  base.lines = lineCount(text);

  if (init.mode === 'suppressions') {
    const lines = new LineIndex(text);
    const suppressions = parseSuppressions(text, lines, languageIdForPath(req.rel)).map((s) => ({
      line: s.line,
      ruleIds: s.ruleIds,
      ...(s.until ? { until: s.until } : {}),
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.problem ? { problem: s.problem } : {}),
    }));
    return { ...base, suppressions };
  }

  // Suppressed findings are computed even when not reported: their secret spans must be masked in frames too.
  const r = await engine!.analyze({ path: req.rel, languageId: languageIdForPath(req.rel), text }, { ...init.analysis, includeSuppressed: true });
  if (r.skipped) return { ...base, skipped: r.skipped, binary: r.skipped === 'binary content' };
  const findings = init.analysis.includeSuppressed ? r.findings : r.findings.filter((f) => !f.suppression);
  const result: FileResult = { ...base, findings, notes: r.notes, ...(r.calls ? { calls: r.calls } : {}), ...(r.returns ? { returns: r.returns } : {}) };
  const suppressed = r.findings.filter((f) => f.suppression).length;
  if (suppressed > 0) result.suppressed = suppressed;
  if (init.frames && findings.length > 0) {
    const lines = new LineIndex(text);
    const masks = secretSpans(r.findings.filter((f) => engine!.rule(f.ruleId)?.secret).map((f) => f.range), lines);
    result.frames = findings.map((f) => buildFrame(f, lines, masks));
  }
  return result;
}

/** Bytes read per request in flight, reported with the reply. */
const sizes = new Map<number, number>();

parentPort!.on('message', (req: WorkerRequest) => {
  const done = (): number => {
    const n = sizes.get(req.id) ?? 0;
    sizes.delete(req.id);
    return n;
  };
  handle(req).then(
    (result) => parentPort!.postMessage((result === 'passed' ? { id: req.id, passed: true } : { id: req.id, result, bytes: done() }) satisfies WorkerReply),
    (e: unknown) => parentPort!.postMessage({ id: req.id, result: { rel: req.rel, findings: [], notes: [], skipped: `analysis failed: ${(e as Error).message}` }, bytes: done() } satisfies WorkerReply),
  );
});
