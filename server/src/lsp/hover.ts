// Hover over a finding shows its message and its rule's documentation, so clients without a code-link UI
// (or without the VS Code docs command) still reach the docs. Messages are already masked by the engine.
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import type { Position, Range, Rule } from '../engine';
import type { DocResult } from './analyze';
import { ruleMarkdown } from './ruleDocs';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function covers(r: Range, p: Position): boolean {
  return before(r.start, p) && before(p, r.end);
}

export interface HoverDeps {
  latest(uri: string): DocResult | undefined;
  rule(uri: string, ruleId: string): Promise<Rule | undefined>;
}

export async function provideHover(params: HoverParams, deps: HoverDeps): Promise<Hover | null> {
  const result = deps.latest(params.textDocument.uri);
  if (!result) return null;
  const hits = result.findings.filter((f) => covers(f.range, params.position));
  if (hits.length === 0) return null;
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const f of hits) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = await deps.rule(params.textDocument.uri, f.ruleId);
    // The finding's own message first: it names what was found here; the docs say why and what to do.
    sections.push(`**Vigil** \`${f.ruleId}\`: ${f.message}\n\n${rule ? ruleMarkdown(rule).replace(/^# /, '### ') : ''}`.trim());
  }
  const range = hits.length === 1 ? hits[0]!.range : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
