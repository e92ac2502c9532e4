import { commands, Disposable, EventEmitter, Position, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window } from 'vscode';
import type { TreeDataProvider, TreeView } from 'vscode';
import { connRows, GATEWAYS_VIEW, gatewayRows, HAS_GATEWAYS, type MatrixSummaryData, type RowStatus, type TreeRow } from './gatewayTree';
import type { MatrixCellData } from './matrixHtml';

/** What the view asks the server: every node's summary, and one node's ends when its row is opened. */
export interface GatewaysSource {
  readonly summary: () => Promise<MatrixSummaryData>;
  readonly ends: (node: string) => Promise<readonly MatrixCellData[]>;
}

const ICONS: Record<RowStatus, ThemeIcon> = {
  ok: new ThemeIcon('pass', new ThemeColor('testing.iconPassed')),
  warning: new ThemeIcon('warning', new ThemeColor('problemsWarningIcon.foreground')),
  broken: new ThemeIcon('error', new ThemeColor('problemsErrorIcon.foreground')),
  error: new ThemeIcon('error', new ThemeColor('problemsErrorIcon.foreground')),
  unpaired: new ThemeIcon('circle-outline'),
};

/**
 * The Explorer's "IPsec Gateways" view: every gateway and racoon host, each tunnel with its peer
 * and state, and why a tunnel fails. The rows come from the same matrix as the peer matrix panel,
 * a summary per node first and a node's ends when its row is opened; a hidden view fetches
 * nothing until it is shown again.
 */
export class GatewaysView implements TreeDataProvider<TreeRow> {
  private rows: readonly TreeRow[] = [];
  private readonly changed = new EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private shownRevision: number | undefined;
  private view: TreeView<TreeRow> | undefined;
  private hasGateways: boolean | undefined;

  constructor(private readonly source: GatewaysSource) {}

  register(): Disposable {
    this.view = window.createTreeView(GATEWAYS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    const shown = this.view.onDidChangeVisibility((event) => {
      if (event.visible) void this.refresh();
    });
    return Disposable.from(this.view, shown, this.changed);
  }

  getTreeItem(row: TreeRow): TreeItem {
    const state = row.children.length === 0 && !row.expandable ? TreeItemCollapsibleState.None : TreeItemCollapsibleState.Collapsed;
    const item = new TreeItem(row.label, state);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = ICONS[row.status];
    item.contextValue = row.kind;
    if (row.target) {
      const at = new Position(row.target.line, row.target.character);
      item.command = { command: 'vscode.open', title: 'Open', arguments: [Uri.parse(row.target.uri), { selection: new Range(at, at) }] };
    }
    return item;
  }

  async getChildren(row?: TreeRow): Promise<TreeRow[]> {
    if (!row) return [...this.rows];
    if (!row.expandable) return [...row.children];
    const cells = await this.source.ends(row.label).catch(() => []);
    return connRows(row.label, Array.isArray(cells) ? cells : []);
  }

  async refresh(): Promise<void> {
    // Once the view is known to have rows, a hidden view waits until it is shown.
    if (this.view && !this.view.visible && this.hasGateways) return;
    const summary = await this.source.summary();
    const nodes = Array.isArray(summary.nodes) ? summary.nodes : [];
    const hasGateways = nodes.length > 0;
    if (hasGateways !== this.hasGateways) {
      this.hasGateways = hasGateways;
      await commands.executeCommand('setContext', HAS_GATEWAYS, hasGateways);
    }
    // A new revision is a new matrix: the rows of opened gateways are asked for again.
    if (summary.revision === this.shownRevision) return;
    this.shownRevision = summary.revision;
    this.rows = gatewayRows({ revision: summary.revision, nodes });
    this.changed.fire(undefined);
  }

  /** Refreshes a moment after the last of a burst of changes (diagnostics settle in waves). */
  listenTo(onChange: (listener: () => void) => Disposable): Disposable {
    let timer: NodeJS.Timeout | undefined;
    const listening = onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.refresh().catch(() => undefined), 300);
    });
    return new Disposable(() => {
      clearTimeout(timer);
      listening.dispose();
    });
  }
}
