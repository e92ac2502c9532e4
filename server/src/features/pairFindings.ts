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

/**
 * The error and warning findings on `ours`' lines (its header and every value it uses, inherited ones
 * included) that concern its tunnel with `theirs`:
 * - a finding pointing at other files (a peer mismatch) counts when it points at the peer's files;
 * - a finding about one gateway alone counts unless it is about another conn of that gateway
 *   (node findings about one conn say which when they sit on a line several conns share).
 */
export function pairFindings(ours: ConnRef, theirs: ConnRef, findings: ReadonlyMap<string, readonly Finding[]>): PairFinding[] {
  const places = new Set<string>();
  for (const value of ours.conn.values.values()) places.add(`${value.document.uri}#${value.setting.line}`);
  const { definition } = ours.conn;
  places.add(`${definition.document.uri}#${definition.section.headerLine}`);
  const ownUris = new Set([...ours.node.documents, ...ours.node.secrets].map((d) => d.uri));
  const peerUris = new Set(theirs.node.documents.map((d) => d.uri));
  const concerned = (finding: Finding): boolean => {
    const related = finding.related ?? [];
    if (related.some((r) => peerUris.has(r.uri))) return true;
    if (related.some((r) => !ownUris.has(r.uri))) return false;
    return finding.conn === undefined || finding.conn === ours.conn.name;
  };
  const found: PairFinding[] = [];
  for (const [uri, list] of findings) {
    for (const finding of list) {
      if (matrixSeverity(finding) && places.has(`${uri}#${finding.range.start.line}`) && concerned(finding)) found.push({ uri, finding });
    }
  }
  return found;
}

/** A paired end's state from its reasons: any error breaks the tunnel, warnings alone put it at risk. */
export function pairedStatus(reasons: readonly MatrixReason[]): CellStatus {
  if (reasons.some((r) => r.severity === 'error')) return 'broken';
  return reasons.length > 0 ? 'warning' : 'ok';
}
