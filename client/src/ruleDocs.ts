// "Vigil: Show Rule Documentation": asks the server for a rule's markdown and shows it in a preview.
// Falls back to the rule file shipped with the extension, so the docs open even if the server is down.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { DOCS_COMMAND } from '../../server/src/protocol';

export const DOCS_SCHEME = 'vigil-docs';

/**
 * The server links docs to the rule's web page (any LSP client can open that); in VS Code the Problems code
 * link and the hover's "Full documentation" run this command instead, which renders the shipped docs read-only.
 */
export function docsCommandLink(ruleId: string): string {
  return `command:vigil.showRuleDocs?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

export function docsCommandUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(docsCommandLink(ruleId));
}

/** A docs link the server wrote: a rule file (`.../rules/<id>.yaml` on the web, or a custom rule's own file). */
const DOCS_LINK = /\[Full documentation\]\(<?([^)\s>]*\/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.ya?ml)>?\)/g;

/** Rewrites the hover's docs links to the command; returns undefined when there is none. */
export function rewriteDocsLinks(markdown: string): string | undefined {
  let found = false;
  const out = markdown.replace(DOCS_LINK, (_m, _url: string, ruleId: string) => {
    found = true;
    return `[Full documentation](${docsCommandLink(ruleId)})`;
  });
  return found ? out : undefined;
}

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.pages.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? '';
  }
}

/** The server may answer with plain markdown or an object carrying it. */
function markdownOf(answer: unknown): string | undefined {
  if (typeof answer === 'string') return answer;
  if (answer && typeof answer === 'object') {
    for (const key of ['markdown', 'contents', 'value', 'docs']) {
      const v = (answer as Record<string, unknown>)[key];
      if (typeof v === 'string') return v;
    }
  }
  return undefined;
}

async function docsFromRuleFile(rulesDir: string, ruleId: string): Promise<string | undefined> {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  try {
    const rule = parseYaml(await fs.readFile(path.join(rulesDir, `${ruleId}.yaml`), 'utf8')) as { title?: string; docs?: string };
    if (typeof rule.docs !== 'string') return undefined;
    return `# ${rule.title ?? ruleId} (\`${ruleId}\`)\n\n${rule.docs}`;
  } catch {
    return undefined;
  }
}

async function pickRule(rulesDir: string): Promise<string | undefined> {
  const files = await fs.readdir(rulesDir).catch(() => [] as string[]);
  const ids = files.filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
  return vscode.window.showQuickPick(ids, { placeHolder: 'Rule to show the documentation of' });
}

/**
 * The part of the language client the docs command uses. Named here rather than importing ClientManager, whose
 * middleware imports this file: the two would import each other.
 */
export interface DocsServer {
  executeServerCommand<T>(command: string, args: unknown[]): Promise<T>;
  readonly output: vscode.LogOutputChannel;
}

/** Returns the virtual document's URI (the tests read it back), or undefined when nothing was shown. */
export async function showRuleDocs(
  manager: DocsServer,
  provider: RuleDocsProvider,
  rulesDir: string,
  ruleArg: unknown,
): Promise<vscode.Uri | undefined> {
  const ruleId = typeof ruleArg === 'string' ? ruleArg : await pickRule(rulesDir);
  if (!ruleId) return undefined;
  let markdown: string | undefined;
  try {
    markdown = markdownOf(await manager.executeServerCommand<unknown>(DOCS_COMMAND, [ruleId]));
  } catch (e) {
    manager.output.info(`the server did not return docs for ${ruleId}: ${String(e)}`);
  }
  markdown ??= await docsFromRuleFile(rulesDir, ruleId);
  if (!markdown) {
    void vscode.window.showWarningMessage(`Vigil: no documentation found for rule "${ruleId}".`);
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` });
  provider.set(uri, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // Without the built-in markdown extension the source still reads well.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri;
}
