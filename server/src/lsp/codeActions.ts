// Code actions answer from what the diagnostics carry (fixes + document version in `data`) and never
// re-run rules. A fix computed for another version of the text is not offered: its ranges would land in
// the wrong place. Fix-all takes the safe fixes of the current version's result.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commentSyntaxFor, type Fix } from '../engine';
import type { DocResult } from './analyze';
import { isDiagnosticData, SOURCE, type DiagnosticData } from './diagnostics';
import { suppressionEdit } from './suppression';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.vigil`;
export const SHOW_DOCS_COMMAND = 'vigil.showRuleDocs';

export interface CodeActionDeps {
  document(uri: string): TextDocument | undefined;
  latest(uri: string): DocResult | undefined;
  /** The result for the current version; may finish a run that was waiting for its debounce. */
  resultFor(uri: string): Promise<DocResult | undefined>;
  enginePath(uri: string): string;
  documentChanges: boolean;
}

/** LSP kinds are hierarchical: `source` asks for `source.fixAll.vigil` too. */
function kindWanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((f) => kind === f || kind.startsWith(`${f}.`));
}

function workspaceEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
    : { changes: { [doc.uri]: edits } };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Clients that drop `data` (older ones) still get fixes: look the diagnostic up in the latest result. */
function dataOf(d: Diagnostic, result: DocResult | undefined): DiagnosticData | undefined {
  if (isDiagnosticData(d.data)) return d.data;
  const match = result?.diagnostics.find((x) => x.code === d.code && sameRange(x.range, d.range));
  return match && isDiagnosticData(match.data) ? match.data : undefined;
}

export async function provideCodeActions(params: CodeActionParams, deps: CodeActionDeps): Promise<CodeAction[]> {
  const doc = deps.document(params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (kindWanted(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(doc, params.context.diagnostics, deps));
  if (kindWanted(only, FIX_ALL_KIND)) {
    // Asked for explicitly (Source Action menu, fix-all on save): finish the pending run for this version.
    // Offered alongside quick fixes: only from a result already computed, so a lightbulb never runs rules.
    const all = await fixAll(doc, deps, only !== undefined);
    if (all) actions.push(all);
  }
  return actions;
}

function quickFixes(doc: TextDocument, diagnostics: Diagnostic[], deps: CodeActionDeps): CodeAction[] {
  const result = deps.latest(doc.uri);
  const fixes: CodeAction[] = [];
  const others: CodeAction[] = [];
  const seen = new Set<string>();
  const syntax = commentSyntaxFor(doc.languageId, deps.enginePath(doc.uri));
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = dataOf(d, result);
    if (!data) continue;
    const ruleId = data.ruleId;
    if (data.version === doc.version) {
      for (const fix of data.fixes) {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.applicability === 'safe',
          edit: workspaceEdit(doc, fix.edits, deps.documentChanges),
        });
      }
      const line = d.range.start.line;
      const edit = syntax && !seen.has(`s:${line}:${ruleId}`) ? suppressionEdit(doc, line, ruleId, syntax) : undefined;
      if (edit) {
        seen.add(`s:${line}:${ruleId}`);
        others.push({
          title: `Suppress ${ruleId} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(doc, [edit], deps.documentChanges),
        });
      }
    }
    if (!seen.has(`d:${ruleId}`)) {
      seen.add(`d:${ruleId}`);
      others.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        // `{ open: true }`: a client without its own handler sends this to the server, which then opens the docs.
        command: { title: `Show documentation for ${ruleId}`, command: SHOW_DOCS_COMMAND, arguments: [ruleId, { open: true }] },
      });
    }
  }
  return [...fixes, ...others];
}

/** Safe fixes only, first fix per finding, skipping any that overlaps one already taken. */
export function selectSafeEdits(doc: TextDocument, fixes: Fix[]): TextEdit[] {
  const spans: [number, number][] = [];
  const out: TextEdit[] = [];
  const ordered = fixes
    .filter((f) => f.applicability === 'safe' && f.edits.length > 0)
    .sort((a, b) => doc.offsetAt(a.edits[0]!.range.start) - doc.offsetAt(b.edits[0]!.range.start));
  for (const fix of ordered) {
    const mine = fix.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as [number, number]);
    const clash = mine.some(([s, e]) => spans.some(([ts, te]) => (s < te && ts < e) || (s === e && s === ts)));
    if (clash) continue;
    spans.push(...mine);
    out.push(...fix.edits);
  }
  return out;
}

async function fixAll(doc: TextDocument, deps: CodeActionDeps, explicit: boolean): Promise<CodeAction | undefined> {
  const version = doc.version;
  const result = explicit ? await deps.resultFor(doc.uri) : deps.latest(doc.uri);
  if (!result || result.version !== version || doc.version !== version) return undefined;
  const firstSafe = result.findings
    .map((f) => f.fixes.find((x) => x.applicability === 'safe'))
    .filter((f): f is Fix => f !== undefined);
  const edits = selectSafeEdits(doc, firstSafe);
  if (edits.length === 0) return undefined;
  return { title: 'Vigil: apply all safe fixes', kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits, deps.documentChanges) };
}
