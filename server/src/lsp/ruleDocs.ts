// Rule documentation for every client. `codeDescription.href` must be a URI the client can open without
// network access and without Vigil-specific support, so each rule's docs are written once as a markdown
// file into a private temporary folder (mkdtemp, owner-only) and linked with a `file:` URI: VS Code opens
// it in an editor tab, Neovim and Helix open it as a buffer. A custom `vigil-docs:` scheme would need a
// content provider in every client; an https link would need the network and could drift from the
// shipped rules. The folder is removed when the server exits.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Rule } from '../engine';
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

export class RuleDocsFiles {
  private dir: string | undefined;
  private readonly written = new Map<string, string>();

  /** `file:` URI of the rule's markdown, written on first use; undefined if the file cannot be written. */
  hrefFor(rule: Rule): string | undefined {
    const name = rule.custom ? `${rule.id}-${createHash('sha256').update(rule.file).digest('hex').slice(0, 8)}.md` : `${rule.id}.md`;
    const known = this.written.get(name);
    if (known) return known;
    try {
      this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-docs-'));
      const file = path.join(this.dir, name);
      fs.writeFileSync(file, ruleMarkdown(rule), { mode: 0o600 });
      const uri = pathToUri(file);
      this.written.set(name, uri);
      return uri;
    } catch {
      return undefined;
    }
  }

  /** Forget written files (rules reloaded); they are rewritten on next use. */
  reset(): void {
    this.written.clear();
  }

  dispose(): void {
    if (!this.dir) return;
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Best effort: the OS cleans its temporary folder eventually.
    }
    this.dir = undefined;
    this.written.clear();
  }
}
