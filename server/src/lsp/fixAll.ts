// Fixes of a whole file. Fix-all (`source.fixAll.vigil`, fix-on-save, "Vigil: Fix All Safe Problems") applies
// only safe fixes. "Apply all fixes in this file…" takes the unsafe ones too, as one workspace edit whose
// edits carry change annotations: an annotation that needs confirmation makes VS Code open its refactor
// preview, where each fix is listed with why it needs review, and nothing changes until the user accepts.
import { CodeActionKind, TextDocumentEdit, type AnnotatedTextEdit, type ChangeAnnotation, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, Rule } from '../engine';
import type { DocResult } from './analyze';
import { fixReason, workspaceEdit } from './fixText';

/** First fix per finding, skipping any whose edits overlap (or insert at the same point as) one taken earlier. */
export function selectFixes(doc: TextDocument, fixes: Fix[]): Fix[] {
  const spans: [number, number][] = [];
  const out: Fix[] = [];
  const ordered = fixes
    .filter((f) => f.edits.length > 0)
    .sort((a, b) => doc.offsetAt(a.edits[0]!.range.start) - doc.offsetAt(b.edits[0]!.range.start));
  for (const fix of ordered) {
    const mine = fix.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as [number, number]);
    const clash = mine.some(([s, e]) => spans.some(([ts, te]) => (s < te && ts < e) || (s === e && s === ts)));
    if (clash) continue;
    spans.push(...mine);
    out.push(fix);
  }
  return out;
}

/** Safe fixes only, first fix per finding, skipping any that overlaps one already taken. */
export function selectSafeEdits(doc: TextDocument, fixes: Fix[]): TextEdit[] {
  return selectFixes(doc, fixes.filter((f) => f.applicability === 'safe')).flatMap((f) => f.edits);
}

/** The safe fixes of the file as one action; `fixes` says how many findings it fixes. */
export function fixAllAction(doc: TextDocument, result: DocResult, documentChanges: boolean): (CodeAction & { fixes: number }) | undefined {
  const firstSafe = result.findings.map((f) => f.fixes.find((x) => x.applicability === 'safe')).filter((f): f is Fix => f !== undefined);
  const chosen = selectFixes(doc, firstSafe);
  if (chosen.length === 0) return undefined;
  const edits = chosen.flatMap((f) => f.edits);
  return { title: 'Vigil: apply all safe fixes', kind: CodeActionKind.SourceFixAll, edit: workspaceEdit(doc, edits, documentChanges), fixes: chosen.length };
}

/**
 * Every finding's first safe or unsafe fix (suggestions are left to the line: they need finishing by hand), as
 * one annotated edit. Offered only when it does more than the line's own fix: two fixes or more, one unsafe.
 */
export function reviewedFixAllAction(doc: TextDocument, result: DocResult, ruleOf: (id: string) => Rule | undefined): CodeAction | undefined {
  const candidates: { fix: Fix; ruleId: string }[] = [];
  for (const f of result.findings) {
    const fix = f.fixes.find((x) => x.applicability !== 'suggestion');
    if (fix) candidates.push({ fix, ruleId: f.ruleId });
  }
  const chosen = selectFixes(doc, candidates.map((c) => c.fix));
  const unsafe = chosen.filter((f) => f.applicability === 'unsafe').length;
  if (chosen.length < 2 || unsafe === 0) return undefined;
  const annotations: Record<string, ChangeAnnotation> = {};
  const edits: AnnotatedTextEdit[] = [];
  chosen.forEach((fix, i) => {
    const ruleId = candidates.find((c) => c.fix === fix)!.ruleId;
    const why = fixReason(fix, ruleOf(ruleId));
    const id = `vigil-fix-${i}`;
    annotations[id] = {
      label: `${fix.title} (${ruleId})`,
      needsConfirmation: fix.applicability !== 'safe',
      ...(why ? { description: `${fix.applicability}: ${why}` } : {}),
    };
    for (const e of fix.edits) edits.push({ ...e, annotationId: id });
  });
  return {
    title: `Apply all ${chosen.length} fixes in this file… (${unsafe} unsafe, review in a preview)`,
    kind: `${CodeActionKind.QuickFix}.vigil.all`,
    edit: { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)], changeAnnotations: annotations },
  };
}
