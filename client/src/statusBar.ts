// Status bar item: the number of Vigil findings in the active editor's file.
import * as vscode from 'vscode';

export const DIAGNOSTIC_SOURCE = 'vigil';

export function vigilDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vigil.findings', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Vigil findings';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** The text shown, exposed for the in-editor tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      this.item.hide();
      return;
    }
    const count = vigilDiagnostics(editor.document.uri).length;
    this.item.text = count === 0 ? '$(shield) Vigil' : `$(shield) Vigil: ${count}`;
    this.item.tooltip =
      count === 0 ? 'Vigil: no security findings in this file' : `Vigil: ${count} security finding${count === 1 ? '' : 's'} in this file (click for Problems)`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
