// textDocument/diagnostic (pull). The client asks after each change; waiting out the debounce first means a
// burst of keystrokes costs one run (the client cancels the older requests). `resultId` is the result key,
// so an unchanged document and unchanged settings answer `unchanged`.
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocResult } from './analyze';
import type { ResolvedSettings } from './context';
import type { Scheduler } from './scheduler';

export interface PullDeps {
  documents: TextDocuments<TextDocument>;
  scheduler: Scheduler;
  settingsFor(uri: string): Promise<ResolvedSettings>;
  debounceMs: number;
}

function wait(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const sub = token.onCancellationRequested(() => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      resolve();
    }, ms);
  });
}

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

export async function pullDiagnostics(params: DocumentDiagnosticParams, token: CancellationToken, deps: PullDeps): Promise<DocumentDiagnosticReport> {
  const uri = params.textDocument.uri;
  const doc = deps.documents.get(uri);
  // Closed or unknown documents: nothing to say (workspace-scan results arrive by push).
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const settings = await deps.settingsFor(uri);
  let result: DocResult | undefined;
  const latest = deps.scheduler.latest(uri);
  if (settings.run === 'onSave' && latest) {
    // Results change on save only; the last saved version's findings stand until then.
    result = latest;
  } else {
    const version = doc.version;
    if (latest?.version !== version) await wait(deps.debounceMs, token);
    if (token.isCancellationRequested) throw cancelled();
    result = await deps.scheduler.resultFor(uri);
  }
  if (!result) {
    // The text changed while we ran: ask the client to ask again for the new version.
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed during analysis', { retriggerRequest: true });
  }
  if (params.previousResultId === result.key) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.key };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: result.key, items: result.diagnostics };
}
