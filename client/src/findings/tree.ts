// The findings tree: groups (file, rule or severity) with counts, findings under them. It listens to the
// diagnostics, keeps the store of live and scanned findings, and re-reads the baseline when its file changes.
import * as vscode from 'vscode';
import type { ClientManager } from '../languageClient';
import {
  describeCount,
  describeFilter,
  FindingStore,
  groupFindings,
  isFilterActive,
  markNew,
  matchesFilter,
  normaliseFilter,
  normaliseGroupBy,
  shortMessage,
  type Filter,
  type FolderBaseline,
  type Group,
  type GroupBy,
  type ViewFinding,
} from './model';
import { locationOf } from './markdown';
import { fetchBaselines, recordsOf } from './source';

export const VIEW_ID = 'vigil.findings';
export const REVEAL_COMMAND = 'vigil.findings.reveal';
const GROUP_KEY = 'vigil.findings.groupBy';
const FILTER_KEY = 'vigil.findings.filter';

export type Node = { kind: 'group'; group: Group } | { kind: 'finding'; finding: ViewFinding; group: Group };

const SEVERITY_ICON: Record<string, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

export class FindingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly store = new FindingStore();
  private baselines: FolderBaseline[] = [];
  private groups: Group[] = [];
  private total = 0;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<Node> | undefined;
  /** Settles after the next refresh, for the tests and the commands that wait for one. */
  private waiters: (() => void)[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly manager: ClientManager,
  ) {
    for (const [uri, diags] of vscode.languages.getDiagnostics()) this.store.update(uri.toString(), recordsOf(uri, diags), this.isOpen(uri.toString()));
    const baselineWatcher = vscode.workspace.createFileSystemWatcher('**/.vigil-baseline.json');
    this.subscriptions.push(
      this.changed,
      baselineWatcher,
      baselineWatcher.onDidCreate(() => void this.reloadBaselines()),
      baselineWatcher.onDidChange(() => void this.reloadBaselines()),
      baselineWatcher.onDidDelete(() => void this.reloadBaselines()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reloadBaselines()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.store.update(uri.toString(), recordsOf(uri, vscode.languages.getDiagnostics(uri)), this.isOpen(uri.toString()));
        this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.store.closed(doc.uri.toString(), doc.isDirty)),
    );
    this.rebuild();
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.rebuild();
  }

  get groupBy(): GroupBy {
    return normaliseGroupBy(this.context.workspaceState.get(GROUP_KEY));
  }

  get filter(): Filter {
    return normaliseFilter(this.context.workspaceState.get(FILTER_KEY));
  }

  async setGroupBy(by: GroupBy): Promise<void> {
    await this.context.workspaceState.update(GROUP_KEY, by);
    await this.refreshNow();
  }

  async setFilter(filter: Filter): Promise<void> {
    await this.context.workspaceState.update(FILTER_KEY, filter);
    await this.refreshNow();
  }

  /** The groups shown now (after filtering), for the tests. */
  shownGroups(): readonly Group[] {
    return this.groups;
  }

  async reloadBaselines(): Promise<void> {
    this.baselines = await fetchBaselines(this.manager);
    await this.refreshNow();
  }

  /** Rebuilds at once; the diagnostics path batches through schedule(). */
  refreshNow(): Promise<void> {
    const done = this.nextRefresh();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.rebuild();
    return done;
  }

  /** Resolves after the next rebuild (a test waits for the tree to catch up with the diagnostics). */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(): void {
    // A scan publishes thousands of files one by one: rebuild at most every 150 ms.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.rebuild();
    }, 150);
  }

  private isOpen(uri: string): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
  }

  private rebuild(): void {
    const all = markNew(this.store.all((u) => this.isOpen(u)), this.baselines);
    const filter = this.filter;
    const shown = all.filter((f) => matchesFilter(f, filter));
    this.total = all.length;
    this.groups = groupFindings(shown, this.groupBy);
    const filtered = isFilterActive(filter);
    void vscode.commands.executeCommand('setContext', 'vigil.findings.filtered', filtered);
    void vscode.commands.executeCommand('setContext', 'vigil.findings.groupBy', this.groupBy);
    if (this.view) {
      this.view.message = filtered ? `${describeFilter(filter)} (${shown.length} of ${all.length})` : undefined;
      const newCount = shown.filter((f) => f.isNew).length;
      this.view.badge = newCount > 0 ? { value: newCount, tooltip: `${newCount} new since the baseline` } : undefined;
      this.view.description = this.total > 0 ? `${shown.length}` : undefined;
    }
    this.changed.fire(undefined);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.findings.map((finding) => ({ kind: 'finding', finding, group: node.group }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'finding' ? { kind: 'group', group: node.group } : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') return this.groupItem(node.group);
    return this.findingItem(node.finding, node.group.by);
  }

  private groupItem(g: Group): vscode.TreeItem {
    const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = g.id;
    item.description = describeCount(g);
    item.contextValue = 'vigil.group';
    if (g.by === 'file') {
      // No resourceUri: its file decoration would add VS Code's own problem count beside the view's.
      item.iconPath = vscode.ThemeIcon.File;
      item.label = g.label.split('/').pop() ?? g.label;
      const dir = g.label.includes('/') ? g.label.slice(0, g.label.lastIndexOf('/')) : '';
      item.description = dir ? `${dir} · ${describeCount(g)}` : describeCount(g);
    } else if (g.by === 'severity') {
      item.iconPath = SEVERITY_ICON[g.label];
    } else {
      item.iconPath = new vscode.ThemeIcon('shield');
    }
    item.tooltip = `${g.findings.length} finding${g.findings.length === 1 ? '' : 's'}${g.newCount ? `, ${g.newCount} new since the baseline` : ''}`;
    return item;
  }

  private findingItem(f: ViewFinding, by: GroupBy): vscode.TreeItem {
    const short = shortMessage(f.message);
    // A new finding's label starts with a highlighted "new": the description that also says so is the first to be cut.
    const label: vscode.TreeItemLabel = f.isNew ? { label: `new ${short}`, highlights: [[0, 3]] } : { label: short };
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `${f.uri}#${f.ruleId}#${f.range.start.line}:${f.range.start.character}#${f.fingerprint ?? ''}`;
    const where = by === 'file' ? `${f.ruleId} · Ln ${f.range.start.line + 1}` : `${locationOf(f)}${by === 'severity' ? ` · ${f.ruleId}` : ''}`;
    item.description = f.isNew ? `new · ${where}` : where;
    item.iconPath = SEVERITY_ICON[f.severity];
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${f.ruleId}** · ${f.severity}${f.confidence ? ` · ${f.confidence} confidence` : ''}\n\n`);
    tip.appendText(f.message);
    tip.appendMarkdown(`\n\n${locationOf(f)}`);
    if (f.isNew) tip.appendMarkdown('\n\n$(diff-added) New since the baseline');
    tip.supportThemeIcons = true;
    item.tooltip = tip;
    // Context keys for the item's menu: the fix action shows only where a fix exists.
    item.contextValue = f.fixes.length > 0 ? 'vigil.finding.fixable' : 'vigil.finding';
    item.command = { title: 'Reveal', command: REVEAL_COMMAND, arguments: [f] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
