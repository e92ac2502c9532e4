import type {
  CancellationToken,
  Diagnostic,
  PreviousResultId,
  WorkspaceDiagnosticReport,
  WorkspaceDiagnosticReportPartialResult,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver/node';

/** What a file shows, as JSON: most files stay as they were, and a string compares at once. */
interface Shown {
  readonly resultId: string;
  readonly json: string;
  /** An open document's version; null for a file on disk. */
  readonly version: number | null;
}

/** Where partial results of a held workspace pull go (absent when the client gave no token). */
export interface PartialResults {
  report(data: WorkspaceDiagnosticReportPartialResult): void;
}

/**
 * The diagnostics of files that are not open: their own findings and what their peers' files
 * say about them. They are pushed until the client asks for them with `workspace/diagnostic`;
 * from then on they are served there only, since an editor keeps pushed and pulled diagnostics
 * apart and would list each finding twice. A pull is held open until something changed, and
 * with a partial-result token it stays open and is fed every change as it happens.
 *
 * A client that pulls may also be given open documents, with their version: it prefers its own
 * pull of a document it shows, but a document it holds without showing it (a file a fix in
 * another file edited) is pulled by no one else. Those are never pushed.
 */
export class ClosedFileDiagnostics {
  private readonly latest = new Map<string, Shown>();
  /** The result id each file's pushed diagnostics had. */
  private readonly pushed = new Map<string, string>();
  private readonly onChange = new Set<() => void>();
  private pulling = false;
  private lastId = 0;

  constructor(private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /** The files' diagnostics now, with the versions of those that are open documents; a file left out has none. */
  update(current: ReadonlyMap<string, Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map()): void {
    let changed = false;
    for (const [uri, diagnostics] of current) changed = this.record(uri, diagnostics, versions.get(uri) ?? null) || changed;
    for (const uri of this.latest.keys()) if (!current.has(uri)) changed = this.record(uri, [], null) || changed;
    if (!this.pulling) this.pushChanges(current);
    if (changed) for (const listener of [...this.onChange]) listener();
  }

  /** A file opened: the editor's own diagnostics for it take over from what was pushed. */
  opened(uri: string): void {
    if (this.pushed.delete(uri)) this.publish(uri, []);
  }

  /**
   * A file closed: whatever the editor showed for it while open is gone, so the next update
   * sends its closed-file diagnostics again, even when they are what they were before it opened.
   */
  closed(uri: string): void {
    this.latest.delete(uri);
  }

  /**
   * Answers `workspace/diagnostic`: every closed file whose diagnostics differ from the result
   * the client holds. With nothing to say, the answer waits for the next change; with
   * `partial`, each change is sent as it comes until the client cancels.
   */
  async pull(previous: readonly PreviousResultId[], token: CancellationToken, partial?: PartialResults): Promise<WorkspaceDiagnosticReport> {
    this.stopPushing();
    const held = new Map(previous.map((entry) => [entry.uri, entry.value]));
    const news = (): WorkspaceDocumentDiagnosticReport[] => {
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const [uri, shown] of this.latest) {
        if (held.get(uri) === shown.resultId) continue;
        held.set(uri, shown.resultId);
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: shown.version, resultId: shown.resultId, items: JSON.parse(shown.json) as Diagnostic[] });
      }
      return items;
    };
    const first = news();
    if (!partial && first.length > 0) return { items: first };
    if (partial) partial.report({ items: first });
    let answer: WorkspaceDocumentDiagnosticReport[] = [];
    await new Promise<void>((resolve) => {
      const listener = (): void => {
        const items = news();
        if (items.length === 0) return;
        if (partial) return partial.report({ items });
        answer = items;
        done();
      };
      const cancelled = token.onCancellationRequested(() => done());
      const done = (): void => {
        this.onChange.delete(listener);
        cancelled.dispose();
        resolve();
      };
      if (token.isCancellationRequested) return done();
      this.onChange.add(listener);
    });
    return { items: answer };
  }

  private record(uri: string, diagnostics: Diagnostic[], version: number | null): boolean {
    const json = JSON.stringify(diagnostics);
    const before = this.latest.get(uri);
    if (before?.json === json && (before.version === null) === (version === null)) return false;
    // A file with nothing to show that no client was told about needs no entry.
    if (!before && diagnostics.length === 0) return false;
    this.latest.set(uri, { resultId: String(++this.lastId), json, version });
    return true;
  }

  private pushChanges(current: ReadonlyMap<string, Diagnostic[]>): void {
    for (const [uri, shown] of this.latest) {
      if (this.pushed.get(uri) === shown.resultId || shown.version !== null) continue;
      const diagnostics = current.get(uri) ?? [];
      if (diagnostics.length === 0 && !this.pushed.has(uri)) continue;
      this.publish(uri, diagnostics);
      if (diagnostics.length > 0) this.pushed.set(uri, shown.resultId);
      else this.pushed.delete(uri);
    }
  }

  private stopPushing(): void {
    if (this.pulling) return;
    this.pulling = true;
    for (const uri of this.pushed.keys()) this.publish(uri, []);
    this.pushed.clear();
  }
}
