// Editor latency through real language servers over stdio: Vigil (push and pull diagnostics) and the ESLint
// language server with eslint-plugin-security (pull, the only mode it serves). Debounce is excluded by
// starting Vigil with initializationOptions.debounceMs = 0; ESLint's server has no debounce of its own.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { generate } from './generate.mjs';
import { LspClient } from './lsp.mjs';
import { REPO, WORK, log, summarize, vmHwmMb, vmRssMb } from './lib.mjs';
import { peerPaths } from './peers.mjs';

const VIGIL_SERVER = path.join(REPO, 'server', 'out', 'server.js');
/** Large generated files must not hit vigil.maxFileSize (2 MB by default): the point is to time them. */
const VIGIL_SETTINGS = { maxFileSize: 64 * 1024 * 1024 };

const CODE_ACTION_CAPS = { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } };

function capabilities(pull) {
  return {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      codeAction: CODE_ACTION_CAPS,
      publishDiagnostics: { versionSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: false },
  };
}

async function initialize(client, root, pull, initializationOptions) {
  const uri = pathToFileURL(root).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: path.basename(root) }],
    capabilities: capabilities(pull),
    initializationOptions,
  });
  client.notify('initialized', {});
}

/** `server`: another build's server.js (the release comparison starts the previous release next to this build). */
export async function startVigil(root, { pull = false, nodeArgs = [], server = VIGIL_SERVER } = {}) {
  const client = new LspClient({
    cmd: process.execPath,
    nodeArgs,
    args: [server, '--stdio'],
    cwd: root,
    configuration: (item) => (item.section === 'vigil' ? VIGIL_SETTINGS : null),
  });
  client.label = pull ? 'vigil (pull)' : 'vigil (push)';
  client.pull = pull;
  await initialize(client, root, pull, { debounceMs: 0, isTrusted: true, clientHandlesScanUi: true });
  return client;
}

export async function startEslint(root) {
  const p = peerPaths();
  const folderUri = pathToFileURL(root).href;
  // What VS Code's ESLint extension would answer for section '' (its settings object, resolved per file).
  const settings = {
    validate: 'on', packageManager: 'npm', useESLintClass: false, useFlatConfig: true, experimental: {},
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    codeActionOnSave: { enable: false, mode: 'all' }, format: false, quiet: false, onIgnoredFiles: 'off', options: {},
    rulesCustomizations: [], run: 'onType', problems: { shortenToSingleLine: false }, nodePath: null,
    workspaceFolder: { name: path.basename(root), uri: folderUri }, workingDirectory: { mode: 'location' },
  };
  const client = new LspClient({ cmd: process.execPath, args: [p.eslintServer, '--stdio'], cwd: root, configuration: () => settings });
  client.label = 'eslint-ls + security';
  client.pull = true;
  await initialize(client, root, true, {});
  return client;
}

/** Sends a change and resolves with the ms until the diagnostics for that version arrived. */
async function changeAndWait(client, uri, version, contentChanges) {
  const t = performance.now();
  if (client.pull) {
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    const { result, at } = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    return { ms: at - t, diagnostics: result.items ?? [] };
  }
  const wait = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version);
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  const { msg, at } = await wait;
  return { ms: at - t, diagnostics: msg.params.diagnostics };
}

async function openAndWait(client, uri, languageId, text) {
  const t = performance.now();
  if (client.pull) {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const { result, at } = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    return { ms: at - t, diagnostics: result.items ?? [] };
  }
  const wait = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const { msg, at } = await wait;
  return { ms: at - t, diagnostics: msg.params.diagnostics };
}

/**
 * Opens a generated file, types `keystrokes` single characters in its middle (a new line of code, char by
 * char, each line opened with its own Enter), waiting for the diagnostics of each version; then times code
 * actions on a diagnostic. Stops early when `budgetMs` is spent, and says how many keystrokes were timed.
 * `where`: 'module' types at module level (or among a class's members), 'function' inside a function body.
 */
export async function typingRun(client, root, language, lines, { keystrokes, budgetMs, codeActions, where = 'module', keepSamples = false }) {
  const g = generate(language, lines);
  const typed = where === 'function' ? g.fnTyped : g.typed;
  const uri = pathToFileURL(path.join(root, 'editor', `bench_${lines}_${where}.${g.ext}`)).href;
  const open = await openAndWait(client, uri, g.languageId, g.text);
  let version = 1;
  let line = where === 'function' ? g.fnTypeLine : g.typeLine;
  let col = 0;
  let typedIndex = -1;
  const samples = [];
  const started = performance.now();
  while (samples.length < keystrokes && performance.now() - started < budgetMs) {
    let change;
    if (typedIndex < 0) {
      // Enter, then back up: an empty line to type into, so the rest of the file keeps its syntax.
      change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' };
      typedIndex = 0;
      col = 0;
    } else {
      const ch = typed[typedIndex];
      if (ch === '\n') {
        line += 1;
        typedIndex = -1;
        continue;
      }
      change = { range: { start: { line, character: col }, end: { line, character: col } }, text: ch };
      col += 1;
      typedIndex += 1;
    }
    version += 1;
    const r = await changeAndWait(client, uri, version, [change]);
    samples.push(r.ms);
  }
  // Findings as opened (mid-line states may not parse: ESLint then reports only the parse error).
  const result = { tool: client.label, where, language, lines: g.lines, bytes: Buffer.byteLength(g.text), openMs: open.ms, findings: open.diagnostics.length, ...summarize(samples) };
  // The release comparison pools the samples of several interleaved runs before taking the p95.
  if (keepSamples) result.samples = samples;
  // A diagnostic above the typing point still has its opening range, whatever the last text parsed to.
  const above = open.diagnostics.filter((d) => d.range.end.line < g.typeLine);
  if (codeActions > 0 && above.length > 0) {
    const diag = above[Math.floor(above.length / 2)];
    const ca = [];
    let actions = 0;
    for (let i = 0; i < codeActions; i++) {
      const t = performance.now();
      const { result: acts, at } = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], triggerKind: 1 } });
      ca.push(at - t);
      actions = acts?.length ?? 0;
    }
    result.codeAction = { ...summarize(ca), actions };
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return result;
}

/** Spawn to first diagnostics of a 1,000-line file, in a fresh process each time. */
export async function coldStart(start, root, language, repeats) {
  const g = generate(language, 1000);
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const client = await start(root);
    const uri = pathToFileURL(path.join(root, 'editor', `cold_${i}.${g.ext}`)).href;
    try {
      const open = await openAndWait(client, uri, g.languageId, g.text);
      runs.push({ ms: open.ms + (performance.now() - t0 - open.ms), findings: open.diagnostics.length });
    } finally {
      await client.shutdown();
    }
  }
  const s = summarize(runs.map((r) => r.ms));
  return { language, repeats, p50: s.p50, max: s.max, min: Math.min(...runs.map((r) => r.ms)), findings: runs[0]?.findings };
}

export function editorRoot() {
  const root = path.join(WORK, 'editor-ws');
  fs.mkdirSync(path.join(root, 'editor'), { recursive: true });
  return root;
}

/** The ESLint server resolves eslint and the plugin from the file's folder upwards: so its workspace lives inside .bench/peers. */
export function eslintRoot() {
  const root = path.join(WORK, 'peers', 'ws');
  fs.mkdirSync(path.join(root, 'editor'), { recursive: true });
  fs.copyFileSync(peerPaths().eslintConfig, path.join(root, 'eslint.config.cjs'));
  return root;
}

export { vmHwmMb, vmRssMb, log };
