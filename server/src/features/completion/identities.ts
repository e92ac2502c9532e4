import path from 'node:path';
import type { WorkspaceModel } from '../../checks/workspaceRule';
import { describeConn } from '../../checks/workspace/peerReport';
import { carriedIds } from '../../workspace/certificates';
import { namesCertificateFile, resolveInNode } from '../../workspace/certPaths';
import type { IpsecNode } from '../../workspace/model';
import { other, partnerOf, peersOf, sideValue, type Side } from '../../workspace/peers';

/** An ID a conn end could use, and why it is offered. */
export interface IdentityCandidate {
  readonly id: string;
  readonly detail: string;
}

/**
 * The IDs that fit `leftid`/`rightid` of a conn: those its certificate for that end carries
 * (subjectAltNames, then the subject DN), and what the peer's conn, when the workspace holds it,
 * presents (its leftid, for our rightid) or expects (its rightid, for our leftid).
 */
export function identityCandidates(model: WorkspaceModel, node: IpsecNode, connName: string, side: Side): IdentityCandidate[] {
  const conn = node.effective.get(connName);
  if (!conn) return [];
  const found: IdentityCandidate[] = [];
  const cert = sideValue(conn, side, 'cert')?.value;
  if (cert && namesCertificateFile(cert)) {
    const filePath = resolveInNode(node, cert, 'certs');
    const loaded = model.files.isFile(filePath) ? model.certificates.load(filePath) : undefined;
    if (loaded?.ok) found.push(...carriedIds(loaded.info).map(({ id, kind }) => ({ id, detail: `${kind === 'subject' ? 'subject of' : `${kind} in`} ${path.basename(filePath)}` })));
  }
  const partner = partnerOf(peersOf(model.nodes), conn);
  const peerSide = other(side);
  const theirs = partner && sideValue(partner.conn, peerSide, 'id')?.value;
  if (partner && theirs && !theirs.startsWith('%')) {
    const role = side === 'right' ? 'presents' : 'expects';
    found.unshift({ id: quoteIfNeeded(theirs), detail: `what the peer ${role}: ${peerSide}id of ${describeConn(partner)}` });
  }
  const seen = new Set<string>();
  return found.filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
}

/** A DN (it has blanks and commas) goes in double quotes. */
function quoteIfNeeded(id: string): string {
  return /[\s,]/.test(id) && !id.startsWith('"') ? `"${id}"` : id;
}
