// workspace/executeCommand: the workspace scan (with progress and cancellation) and rule docs.
import {
  CancellationTokenSource,
  ErrorCodes,
  MessageType,
  ResponseError,
  type CancellationToken,
  type ExecuteCommandParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import type { Rule } from '../engine';
import { DOCS_COMMAND, REPORT_COMMAND, SCAN_COMMAND, describeScan, type ScanSummary } from '../protocol';
import type { ServerContext } from './context';
import { ruleMarkdown } from './ruleDocs';
import { scanWorkspace } from './workspaceScan';
import { securityReport } from './securityReport';


export interface CommandDeps {
  ctx: ServerContext;
  findRule(ruleId: string): Rule | undefined;
  docsHref(rule: Rule): string | undefined;
  /** The client supports window/workDoneProgress/create. */
  workDoneProgress: boolean;
  /** The client supports window/showDocument. */
  showDocument: boolean;
  /** The client shows its own progress and summary for the scan (the Vigil VS Code extension). */
  clientHandlesScanUi: boolean;
}

let running: CancellationTokenSource | undefined;

async function runScan(params: ExecuteCommandParams, token: CancellationToken, attached: WorkDoneProgressReporter, deps: CommandDeps): Promise<ScanSummary> {
  // A second scan replaces the first: the user asked again, the older answer is no longer wanted.
  running?.cancel();
  const source = new CancellationTokenSource();
  running = source;
  const subs = [token.onCancellationRequested(() => source.cancel())];
  let reporter: WorkDoneProgressReporter | undefined;
  if (params.workDoneToken !== undefined) {
    reporter = attached;
  } else if (deps.workDoneProgress && !deps.clientHandlesScanUi) {
    const created = await deps.ctx.connection.window.createWorkDoneProgress();
    subs.push(created.token.onCancellationRequested(() => source.cancel()));
    reporter = created;
  }
  reporter?.begin('Vigil: scanning the workspace', 0, undefined, true);
  const progress = reporter ? { report: (message: string, percentage?: number) => reporter.report(percentage ?? 0, message) } : undefined;
  try {
    const summary = await scanWorkspace(progress ? { ...deps.ctx, progress } : deps.ctx, source.token);
    const message = describeScan(summary);
    // The Vigil extension logs and shows the summary itself: logging it here too would print it twice.
    if (!deps.clientHandlesScanUi) {
      deps.ctx.log(message);
      void deps.ctx.connection.sendNotification('window/showMessage', { type: MessageType.Info, message });
    }
    return summary;
  } finally {
    reporter?.done();
    for (const s of subs) s.dispose();
    if (running === source) running = undefined;
    source.dispose();
  }
}

async function showDocs(args: unknown[], deps: CommandDeps): Promise<string> {
  const ruleId = args[0];
  if (typeof ruleId !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${DOCS_COMMAND} takes a rule id`);
  const rule = deps.findRule(ruleId);
  if (!rule) throw new ResponseError(ErrorCodes.InvalidParams, `unknown rule '${ruleId}'`);
  const open = typeof args[1] === 'object' && args[1] !== null && (args[1] as { open?: unknown }).open === true;
  if (open && deps.showDocument) {
    const uri = deps.docsHref(rule);
    // A web page opens in the browser; a custom rule's own file opens in the editor.
    if (uri) void deps.ctx.connection.window.showDocument({ uri, takeFocus: true, ...(/^https?:/.test(uri) ? { external: true } : {}) }).catch(() => undefined);
  }
  return ruleMarkdown(rule);
}

export async function executeCommand(
  params: ExecuteCommandParams,
  token: CancellationToken,
  workDone: WorkDoneProgressReporter,
  deps: CommandDeps,
): Promise<unknown> {
  switch (params.command) {
    case SCAN_COMMAND:
      return runScan(params, token, workDone, deps);
    case DOCS_COMMAND:
      return showDocs(params.arguments ?? [], deps);
    case REPORT_COMMAND:
      return securityReport(deps.ctx, params.arguments ?? [], token);
    default:
      throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command '${params.command}'`);
  }
}
