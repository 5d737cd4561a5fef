// Registers the findings view (the tree in the Vigil view container) and its commands.
import * as vscode from 'vscode';
import type { ClientManager } from '../languageClient';
import { registerFindingsCommands } from './commands';
import { FindingsTree, VIEW_ID } from './tree';

export function registerFindingsView(context: vscode.ExtensionContext, manager: ClientManager): FindingsTree {
  const tree = new FindingsTree(context, manager);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  context.subscriptions.push(tree, view);
  registerFindingsCommands(context, manager, tree, view);
  // The baselines come from the server, so the first read waits for it; the refresh action reads them again.
  void manager.ready().then(() => tree.reloadBaselines(), () => undefined);
  return tree;
}
