// Placeholder until the workspace-scan work lands: scans nothing.
import type { CancellationToken } from 'vscode-languageserver/node';
import type { ScanSummary, ServerContext } from './context';

export async function scanWorkspace(_ctx: ServerContext, _token: CancellationToken): Promise<ScanSummary> {
  return { files: 0, skipped: 0, findings: { error: 0, warning: 0, info: 0 }, elapsedMs: 0, cancelled: false };
}
