// Rewrites the server's docs links (a rule's web page at the version tag, which any LSP client can open) to
// the `vigil.showRuleDocs` command, so the Problems code link and the hover's "Full documentation" open the
// same rendered, read-only docs view as the command palette, from the docs shipped with the extension.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { docsCommandUri, rewriteDocsLinks } from './ruleDocs';

const SOURCE = 'vigil';

export function linkDocs(diagnostics: readonly vscode.Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'object' || d.code === null) continue;
    const ruleId = String(d.code.value);
    if (/^[a-z][a-z0-9-]*$/.test(ruleId)) d.code = { value: d.code.value, target: docsCommandUri(ruleId) };
  }
}

function trustedHover(hover: vscode.Hover): vscode.Hover {
  const contents = hover.contents.map((c) => {
    const value = typeof c === 'string' ? c : 'value' in c && typeof c.value === 'string' && !('language' in c) ? c.value : undefined;
    const rewritten = value === undefined ? undefined : rewriteDocsLinks(value);
    if (rewritten === undefined) return c;
    const md = new vscode.MarkdownString(rewritten);
    // Only the docs command may run from this hover's links.
    md.isTrusted = { enabledCommands: ['vigil.showRuleDocs'] };
    return md;
  });
  return new vscode.Hover(contents, hover.range);
}

export const docsMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    linkDocs(diagnostics);
    next(uri, diagnostics);
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (report && 'items' in report) linkDocs(report.items);
    return report;
  },
  async provideHover(document, position, token, next) {
    const hover = await next(document, position, token);
    return hover ? trustedHover(hover) : hover;
  },
};
