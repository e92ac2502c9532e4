import type { Finding } from '../checks/finding';
import type { ConnRef } from '../workspace/peers';
import type { CellStatus, MatrixReason } from './peerMatrix';

/** An error (the tunnel fails) or warning (it is at risk) about one tunnel, on one end's files. */
export interface PairFinding {
  readonly uri: string;
  readonly finding: Finding;
}

/** The severity a finding has in the peer matrix: errors and warnings count, hints do not. */
export function matrixSeverity(finding: Finding): 'error' | 'warning' | undefined {
  return finding.severity === 'error' || finding.severity === 'warning' ? finding.severity : undefined;
}

/** A finding that counts for the matrix (see `matrixSeverity`) as a reason, with the gateway or host whose file holds it. */
export function matrixReason(node: string, uri: string, finding: Finding): MatrixReason {
  return { node, code: finding.code, severity: matrixSeverity(finding) ?? 'warning', message: finding.message, uri, range: finding.range };
}

interface IndexedFinding {
  /** Its place in the workspace's order of findings, which the reasons keep. */
  readonly order: number;
  readonly found: PairFinding;
}

const NONE: readonly IndexedFinding[] = [];

/**
 * The error and warning findings of a workspace by file and line, made once per matrix: each
 * conn end then looks up only its own lines instead of going through every finding.
 */
export class FindingsByLine {
  private readonly byFile = new Map<string, Map<number, IndexedFinding[]>>();
  private readonly uriSets = new Map<ConnRef['node'], { readonly own: ReadonlySet<string>; readonly config: ReadonlySet<string> }>();

  constructor(findings: ReadonlyMap<string, readonly Finding[]>) {
    let order = 0;
    for (const [uri, list] of findings) {
      for (const finding of list) {
        if (!matrixSeverity(finding)) continue;
        let lines = this.byFile.get(uri);
        if (!lines) this.byFile.set(uri, (lines = new Map()));
        const line = finding.range.start.line;
        const entries = lines.get(line) ?? [];
        entries.push({ order: order++, found: { uri, finding } });
        lines.set(line, entries);
      }
    }
  }

  /** No error or warning anywhere: every pair agrees (the usual case on a large, healthy mesh). */
  get isEmpty(): boolean {
    return this.byFile.size === 0;
  }

  at(uri: string, line: number): readonly IndexedFinding[] {
    return this.byFile.get(uri)?.get(line) ?? NONE;
  }

  /** A gateway's files: all of them (configuration and secrets), and its configuration alone. */
  urisOf(node: ConnRef['node']): { readonly own: ReadonlySet<string>; readonly config: ReadonlySet<string> } {
    let sets = this.uriSets.get(node);
    if (!sets) {
      sets = { own: new Set([...node.documents, ...node.secrets].map((d) => d.uri)), config: new Set(node.documents.map((d) => d.uri)) };
      this.uriSets.set(node, sets);
    }
    return sets;
  }
}

/**
 * The error and warning findings on `ours`' lines (its header and every value it uses, inherited ones
 * included) that concern its tunnel with `theirs`, in the workspace's order:
 * - a finding pointing at other files (a peer mismatch) counts when it points at the peer's files;
 * - a finding about one gateway alone counts unless it is about another conn of that gateway
 *   (node findings about one conn say which when they sit on a line several conns share).
 */
export function pairFindings(ours: ConnRef, theirs: ConnRef, findings: FindingsByLine): PairFinding[] {
  const concerned = (finding: Finding): boolean => {
    const related = finding.related ?? [];
    if (related.some((r) => findings.urisOf(theirs.node).config.has(r.uri))) return true;
    if (related.some((r) => !findings.urisOf(ours.node).own.has(r.uri))) return false;
    return finding.conn === undefined || finding.conn === ours.conn.name;
  };
  if (findings.isEmpty) return [];
  const seen = new Set<IndexedFinding>();
  const found: IndexedFinding[] = [];
  const visit = (uri: string, line: number): void => {
    for (const entry of findings.at(uri, line)) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      if (concerned(entry.found.finding)) found.push(entry);
    }
  };
  for (const value of ours.conn.values.values()) visit(value.document.uri, value.setting.line);
  visit(ours.conn.definition.document.uri, ours.conn.definition.section.headerLine);
  return found.sort((a, b) => a.order - b.order).map((entry) => entry.found);
}

/** A paired end's state from its reasons: any error breaks the tunnel, warnings alone put it at risk. */
export function pairedStatus(reasons: readonly MatrixReason[]): CellStatus {
  if (reasons.some((r) => r.severity === 'error')) return 'broken';
  return reasons.length > 0 ? 'warning' : 'ok';
}
