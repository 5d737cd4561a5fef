// Code actions answer from what the diagnostics carry (fixes + document version in `data`) and never
// re-run rules. A fix computed for another version of the text is not offered: its ranges would land in
// the wrong place. Fix-all takes the safe fixes of the current version's result; "Apply all fixes in this
// file…" takes the unsafe ones too, as one edit the client shows in a preview before applying (fixAll.ts).
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commentSyntaxFor, todayIso, messageFor, type Rule } from '../engine';
import type { DocResult } from './analyze';
import { engineLanguageId } from './analyze';
import { DOCS_COMMAND, type DiagnosticData } from '../protocol';
import { isDiagnosticData, SOURCE } from './diagnostics';
import { fixAllAction, reviewedFixAllAction } from './fixAll';
import { fixTitle, workspaceEdit } from './fixText';
import { addDays, SUPPRESSION_DAYS, suppressionEdit, type SuppressionEdit } from './suppression';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.vigil`;

export interface CodeActionDeps {
  document(uri: string): TextDocument | undefined;
  latest(uri: string): DocResult | undefined;
  /** The result for the current version; may finish a run that was waiting for its debounce. */
  resultFor(uri: string): Promise<DocResult | undefined>;
  enginePath(uri: string): string;
  documentChanges: boolean;
  /** The rule of a finding, for its fix reasons and no-fix reason; absent in clients of older wiring. */
  findRule?(ruleId: string): Rule | undefined;
  /** Client capabilities beyond the LSP 3.15 baseline; each falls back to something every client takes. */
  snippetEdits?: boolean;
  changeAnnotations?: boolean;
  disabledActions?: boolean;
  /** Today's date (YYYY-MM-DD), injectable for tests. */
  today?: () => string;
}

/** LSP kinds are hierarchical: `source` asks for `source.fixAll.vigil` too. */
function kindWanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((f) => kind === f || kind.startsWith(`${f}.`));
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
    const version = doc.version;
    const result = only !== undefined ? await deps.resultFor(doc.uri) : deps.latest(doc.uri);
    if (result && result.version === version && doc.version === version) {
      const all = fixAllAction(doc, result, deps.documentChanges);
      if (all) actions.push({ title: all.title, kind: FIX_ALL_KIND, ...(all.edit ? { edit: all.edit } : {}) });
    }
  }
  return actions;
}

function suppressAction(doc: TextDocument, d: Diagnostic, title: string, s: SuppressionEdit, deps: CodeActionDeps): CodeAction {
  // A snippet edit puts the cursor on the reason; clients without snippet edits get `-- reason` to type over.
  const edit: WorkspaceEdit =
    s.snippet !== undefined && deps.snippetEdits && deps.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [{ range: s.edit.range, snippet: { kind: 'snippet', value: s.snippet } }])] }
      : workspaceEdit(doc, [s.edit], deps.documentChanges);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
}

function quickFixes(doc: TextDocument, diagnostics: Diagnostic[], deps: CodeActionDeps): CodeAction[] {
  const result = deps.latest(doc.uri);
  const fixes: CodeAction[] = [];
  const others: CodeAction[] = [];
  const seen = new Set<string>();
  const path = deps.enginePath(doc.uri);
  const syntax = commentSyntaxFor(doc.languageId, path);
  const languageId = engineLanguageId(doc.languageId, path);
  let current = false;
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = dataOf(d, result);
    if (!data) continue;
    const ruleId = data.ruleId;
    const rule = deps.findRule?.(ruleId);
    if (data.version === doc.version) {
      current = true;
      for (const fix of data.fixes) {
        fixes.push({
          title: fixTitle(fix, rule),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.applicability === 'safe',
          edit: workspaceEdit(doc, fix.edits, deps.documentChanges),
        });
      }
      if (data.fixes.length === 0 && rule?.noFixReason && deps.disabledActions && !seen.has(`n:${ruleId}`)) {
        // Says in the menu why there is nothing to apply, instead of leaving the user to look for it.
        seen.add(`n:${ruleId}`);
        const reason = messageFor(rule.noFixReason, languageId);
        others.push({ title: `No automatic fix for ${ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [d], disabled: { reason } });
      }
      const line = d.range.start.line;
      const key = `s:${line}:${ruleId}`;
      const plain = syntax && !seen.has(key) ? suppressionEdit(doc, line, ruleId, syntax) : undefined;
      if (syntax && plain) {
        seen.add(key);
        others.push(suppressAction(doc, d, `Suppress ${ruleId} on this line`, plain, deps));
        const until = addDays((deps.today ?? todayIso)(), SUPPRESSION_DAYS);
        const expiring = suppressionEdit(doc, line, ruleId, syntax, until);
        if (expiring) others.push(suppressAction(doc, d, `Suppress ${ruleId} on this line until ${until} (${SUPPRESSION_DAYS} days)`, expiring, deps));
      }
    }
    if (!seen.has(`d:${ruleId}`)) {
      seen.add(`d:${ruleId}`);
      others.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        // `{ open: true }`: a client without its own handler sends this to the server, which then opens the docs.
        command: { title: `Show documentation for ${ruleId}`, command: DOCS_COMMAND, arguments: [ruleId, { open: true }] },
      });
    }
  }
  // The whole file's fixes, unsafe ones included, as one edit the client previews: offered with the fixes of
  // the current version only, and only where the client can show the preview (change annotations).
  if (current && result && result.version === doc.version && deps.changeAnnotations && deps.documentChanges) {
    const reviewed = reviewedFixAllAction(doc, result, (id) => deps.findRule?.(id));
    if (reviewed) others.unshift(reviewed);
  }
  // Fix-all as a quick fix too: it then shows in the Problems view's context menu (which lists a problem's quick
  // fixes; extensions cannot add to that menu otherwise) and in the Ctrl+. menu of every client.
  const safe = current && result && result.version === doc.version ? fixAllAction(doc, result, deps.documentChanges) : undefined;
  if (safe && safe.fixes >= 2 && safe.edit) others.unshift({ title: `Fix all ${safe.fixes} safe problems in this file`, kind: `${CodeActionKind.QuickFix}.vigil.fixAll`, edit: safe.edit });
  return [...fixes, ...others];
}

export { selectSafeEdits } from './fixAll';
