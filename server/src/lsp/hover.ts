// Hover over a finding: the rule's title, why it matters, the file's own language's bad and good example and
// a link to the full docs (hoverDocs.ts). The finding's message is not repeated: the editor shows it already.
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { MarkupKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, Rule } from '../engine';
import type { DocResult } from './analyze';
import { ruleHover } from './hoverDocs';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function covers(r: Range, p: Position): boolean {
  return before(r.start, p) && before(p, r.end);
}

export interface HoverDeps {
  latest(uri: string): DocResult | undefined;
  rule(uri: string, ruleId: string): Promise<Rule | undefined>;
  document(uri: string): TextDocument | undefined;
  /** The language id the engine analysed the document as, and the path its file kind is read from. */
  languageOf(uri: string): { languageId: string; path: string };
  docsHref(rule: Rule): string | undefined;
}

export async function provideHover(params: HoverParams, deps: HoverDeps): Promise<Hover | null> {
  const result = deps.latest(params.textDocument.uri);
  if (!result) return null;
  const hits = result.findings.filter((f) => covers(f.range, params.position));
  if (hits.length === 0) return null;
  const doc = deps.document(params.textDocument.uri);
  const { languageId, path } = deps.languageOf(params.textDocument.uri);
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const f of hits) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = await deps.rule(params.textDocument.uri, f.ruleId);
    if (!rule) continue;
    const line = f.range.start.line;
    const lineText = doc ? doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }) : '';
    sections.push(ruleHover({ rule, languageId, filePath: path, lineText, docsHref: deps.docsHref(rule) }));
  }
  if (sections.length === 0) return null;
  const range = hits.length === 1 ? hits[0]!.range : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
