// "Vigil: Fix All Safe Problems": the file's safe fixes (the server's `source.fixAll.vigil` action) applied in
// one edit, from the palette for the active file. Unsafe fixes stay on each problem's quick-fix menu, and
// "Apply all fixes in this file…" there previews them before anything changes.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const FIX_ALL_KIND = 'source.fixAll.vigil';

/** The file the command works on: one passed by a caller (a URI), else the active editor's. */
function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

/** Applies the safe fixes; returns how many edits were applied (the tests read it), 0 when there were none. */
export async function fixAllSafe(arg?: unknown): Promise<number> {
  const uri = targetOf(arg);
  if (!uri) {
    void vscode.window.showInformationMessage('Vigil: open a file to fix its safe problems.');
    return 0;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const whole = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(Math.max(0, doc.lineCount - 1)).range.end);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider',
    uri,
    whole,
    FIX_ALL_KIND,
  );
  const action = (actions ?? []).find((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === FIX_ALL_KIND && a.edit !== undefined);
  const name = path.basename(uri.fsPath || uri.path);
  const left = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vigil').length;
  if (!action?.edit) {
    void vscode.window.showInformationMessage(
      left > 0
        ? `Vigil: no safe fixes in ${name}. Its ${left} problem${left === 1 ? '' : 's'} need review: the quick-fix menu (Ctrl+.) has each fix, with why it is unsafe.`
        : `Vigil: no problems to fix in ${name}.`,
    );
    return 0;
  }
  const edits = action.edit.get(uri).length;
  if (!(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(`Vigil: the safe fixes for ${name} could not be applied (the file changed?).`);
    return 0;
  }
  void vscode.window.showInformationMessage(`Vigil: applied ${edits} safe fix${edits === 1 ? '' : 'es'} in ${name}.`);
  return edits;
}
