// Rule documentation for every client, with nothing written to disk.
//
// `codeDescription.href` and the hover's "Full documentation" link point at the rule file on the web at this
// version's tag (the rule file carries the full markdown docs), or, for a workspace's own rule, at its rule
// file: any client can open either. The VS Code extension rewrites both links to its `vigil.showRuleDocs`
// command, which renders the same markdown read-only in a preview (client/src/ruleDocs.ts).
//
// Older versions wrote each page into a `vigil-docs-*` temporary folder; those folders are removed at start.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Rule } from '../engine';
import { repositoryUrl, vigilVersion } from '../cli/meta';
import { pathToUri } from './uri';

export function ruleMarkdown(rule: Rule): string {
  const facts = [
    `Severity: ${rule.severity}`,
    `Confidence: ${rule.confidence}`,
    ...(rule.cwe.length ? [rule.cwe.map((c) => `CWE-${c}`).join(', ')] : []),
    ...(rule.owasp.length ? [`OWASP ${rule.owasp.join(', ')}`] : []),
  ].join(' · ');
  return `# ${rule.title} (\`${rule.id}\`)\n\n${facts}\n\n${rule.docs.trim()}\n\nSilence one line with \`vigil-ignore-next-line ${rule.id} -- reason\` in a comment above it.\n`;
}

/** The web page of a built-in rule at this version's tag; a custom rule's own file. */
export function ruleDocsUri(rule: Rule): string {
  if (rule.custom) return pathToUri(rule.file);
  return `${repositoryUrl()}/blob/v${vigilVersion()}/rules/${encodeURIComponent(rule.id)}.yaml`;
}

export class RuleDocsLinks {
  private readonly links = new Map<string, string>();

  hrefFor(rule: Rule): string {
    const key = `${rule.id}\u0000${rule.file}`;
    let href = this.links.get(key);
    if (!href) {
      href = ruleDocsUri(rule);
      this.links.set(key, href);
    }
    return href;
  }

  /** Rules reloaded: a custom rule may have moved. */
  reset(): void {
    this.links.clear();
  }

  dispose(): void {
    this.links.clear();
  }
}

/**
 * Removes the `vigil-docs-*` folders older versions left in the temporary folder (they were deleted only on a
 * clean exit). Only this user's folders, and only ones that look like ours: a private folder of markdown files.
 */
export async function removeStaleDocFolders(tmp = os.tmpdir()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fs.promises.readdir(tmp);
  } catch {
    return 0;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  for (const name of names.filter((n) => /^vigil-docs-[A-Za-z0-9]{6}$/.test(n))) {
    const dir = path.join(tmp, name);
    try {
      const st = await fs.promises.lstat(dir);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      const files = await fs.promises.readdir(dir);
      if (!files.every((f) => f.endsWith('.md'))) continue;
      await fs.promises.rm(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // Another server removing the same folder, or no permission: leave it.
    }
  }
  return removed;
}
