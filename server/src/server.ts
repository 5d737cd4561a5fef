// The Vigil language server: LSP wiring only. State lives in lsp/session.ts, one concern per file in lsp/.
// Run it as `node server/out/server.js --stdio` (any LSP editor) or let vscode-languageclient start it
// with --node-ipc; createConnection picks the transport from argv.
import { createConnection, ProposedFeatures, TextDocuments, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { engineLanguageId } from './lsp/analyze';
import { provideCodeActions } from './lsp/codeActions';
import { executeCommand } from './lsp/commands';
import { isSuppressEditParams, readBaselines, suppressEditFor } from './lsp/findingsView';
import { BASELINE_REQUEST, SUPPRESS_EDIT_REQUEST } from './protocol';
import { provideHover } from './lsp/hover';
import { pullDiagnostics } from './lsp/pullDiagnostics';
import { guarded, guardedVoid, installProcessGuards, redirectConsole } from './lsp/safety';
import { Session } from './lsp/session';
import { enginePathFor } from './lsp/uri';

// Started by hand with no transport flag: speak stdio rather than fail with "input stream not set".
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
redirectConsole(connection);
const log = (m: string): void => {
  try {
    connection.console.info(m);
  } catch {
    // Connection closed.
  }
};
installProcessGuards(log);

const documents = new TextDocuments(TextDocument);
let session: Session | undefined;

connection.onInitialize((params): InitializeResult => {
  session = new Session(connection, documents, params);
  return { capabilities: session.capabilities(), serverInfo: { name: 'vigil', version: '0.1.0' } };
});
connection.onInitialized(guardedVoid('initialized', log, () => session?.onInitialized()));
connection.onDidChangeConfiguration(guardedVoid('didChangeConfiguration', log, (p) => session?.onDidChangeConfiguration(p)));
connection.onDidChangeWatchedFiles(guardedVoid('didChangeWatchedFiles', log, (p) => session?.onDidChangeWatchedFiles(p)));

documents.onDidOpen(guardedVoid('didOpen', log, (e) => session?.onDidOpen(e.document)));
documents.onDidChangeContent(guardedVoid('didChange', log, (e) => session?.onDidChangeContent(e.document)));
documents.onDidSave(guardedVoid('didSave', log, (e) => session?.onDidSave(e.document)));
documents.onDidClose(guardedVoid('didClose', log, (e) => session?.onDidClose(e.document)));

connection.onCodeAction(
  guarded('textDocument/codeAction', log, [], async (params) => {
    const s = session;
    if (!s) return [];
    return provideCodeActions(params, {
      document: (uri) => documents.get(uri),
      latest: (uri) => s.scheduler.latest(uri),
      resultFor: (uri) => s.scheduler.resultFor(uri),
      enginePath: (uri) => enginePathFor(uri, s.ctx.workspaceFolders()),
      documentChanges: s.caps.workspace?.workspaceEdit?.documentChanges === true,
      findRule: (id) => s.findRule(id),
      snippetEdits: s.caps.workspace?.workspaceEdit?.snippetEditSupport === true,
      changeAnnotations: s.caps.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined,
      disabledActions: s.caps.textDocument?.codeAction?.disabledSupport === true,
    });
  }),
);

connection.onHover(
  guarded('textDocument/hover', log, null, async (params) => {
    const s = session;
    if (!s) return null;
    return provideHover(params, {
      latest: (uri) => s.scheduler.latest(uri),
      rule: async (uri, id) => (await s.ctx.engineFor(uri)).rule(id) ?? s.findRule(id),
      document: (uri) => documents.get(uri),
      languageOf: (uri) => {
        const path = enginePathFor(uri, s.ctx.workspaceFolders());
        return { languageId: engineLanguageId(documents.get(uri)?.languageId ?? 'plaintext', path), path };
      },
      docsHref: (rule) => s.docs.hrefFor(rule),
    });
  }),
);

connection.languages.diagnostics.on(
  guarded('textDocument/diagnostic', log, { kind: 'full', items: [] }, async (params, token) => {
    const s = session;
    if (!s) return { kind: 'full', items: [] };
    return pullDiagnostics(params, token, { documents, scheduler: s.scheduler, settingsFor: (uri) => s.settings.settingsFor(uri), debounceMs: s.debounceMs });
  }),
);

connection.onExecuteCommand(
  guarded('workspace/executeCommand', log, null, async (params, token, workDone) => {
    const s = session;
    if (!s) return null;
    return executeCommand(params, token, workDone, {
      ctx: s.ctx,
      findRule: (id) => s.findRule(id),
      docsHref: (rule) => s.docs.hrefFor(rule),
      workDoneProgress: s.caps.window?.workDoneProgress === true,
      showDocument: s.caps.window?.showDocument?.support === true,
      clientHandlesScanUi: s.init.clientHandlesScanUi === true,
    });
  }),
);

// The VS Code findings view: baseline fingerprints and the suppression edit with a reason.
connection.onRequest(
  BASELINE_REQUEST,
  guarded(BASELINE_REQUEST, log, { folders: [] }, () => readBaselines(session?.ctx.workspaceFolders() ?? [])),
);
connection.onRequest(
  SUPPRESS_EDIT_REQUEST,
  guarded(SUPPRESS_EDIT_REQUEST, log, null, (params: unknown) =>
    session && isSuppressEditParams(params) ? suppressEditFor(params, (uri) => documents.get(uri), session.ctx.workspaceFolders()) : null,
  ),
);

connection.onShutdown(() => {
  session?.dispose();
});
process.on('exit', () => session?.dispose());

documents.listen(connection);
connection.listen();
