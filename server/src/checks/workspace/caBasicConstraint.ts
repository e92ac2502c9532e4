import path from 'node:path';
import { isIssuedBy, shortDn } from '../../workspace/certificates';
import { provesWithSignature } from '../../workspace/authMethods';
import { possibleDialects } from '../../workspace/ikeIdentity';
import { isPaired, peersOf } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { certificateSite, presentedCertificate } from './certificateRefs';
import { keepsCertificatesInNss, loadCas, readsEveryCaFile, unmarkedCas } from './nodeCas';
import { bothWays, describeConn, peerSite } from './peerReport';

/** A peer certificate or raw key the conn holds itself, which strongSwan takes without a CA. */
const PINNED_PEER_KEYS = ['rightcert', 'rightsigkey', 'rightrsasigkey', 'rightecdsakey', 'rightpubkey'];

/**
 * Gateways whose peer is not in the workspace: when every CA certificate a strongSwan gateway
 * keeps lacks the mark, it trusts no CA at all, and each conn that checks the peer's certificate
 * against its CAs (no `rightcert=`) fails.
 */
function checkUnmarkedOnly(model: WorkspaceModel, report: WorkspaceReporter): void {
  for (const node of model.nodes) {
    const daemons = possibleDialects(node.dialect);
    if (!daemons.includes('strongswan') || keepsCertificatesInNss(model, node)) continue;
    const unmarked = unmarkedCas(model, node);
    if (unmarked.length === 0 || unmarked.length < loadCas(model, node).length || !readsEveryCaFile(model, node)) continue;
    const pairs = peersOf(model.nodes);
    const certain = daemons.length === 1;
    const files = unmarked.map((ca) => path.basename(ca.filePath)).join(', ');
    for (const conn of node.effective.values()) {
      if (PINNED_PEER_KEYS.some((key) => conn.values.get(key)) || isPaired(pairs, conn) || !provesWithSignature(conn, 'right')) continue;
      report({
        ...peerSite({ node, conn }),
        conn: conn.name,
        message: `no CA certificate in cacerts (${files}) has basicConstraints CA:TRUE: ${certain ? 'strongSwan' : 'strongSwan, which this gateway may run,'} discards them all at start and refuses the peer's certificate; reissue the CA certificate with basicConstraints=critical,CA:TRUE`,
        severity: certain ? undefined : 'warning',
      });
    }
  }
}

export const caBasicConstraint = defineWorkspaceRule({
  code: 'ca-basic-constraint',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The only CA that issued a peer\'s certificate is not marked as a CA, which strongSwan discards',
  description:
    "strongSwan loads a certificate of `ipsec.d/cacerts` as a CA only when it says so: basicConstraints with CA:TRUE. A CA certificate made without it (a version 1 certificate, or one self-signed from a request without extensions) is dropped at start (\"lacks ca basic constraint, discarded\"), and the peer certificates it issued are refused (\"no issuer certificate found\"). Libreswan took both kinds, trusted in NSS. Seen with strongSwan 5.9.8 and Libreswan 4.10. Reported for two peers in the workspace when no CA certificate of the strongSwan gateway that issued the other's certificate has the mark, and for a gateway whose peer is not in the workspace when none of its CA certificates has it; a warning where the gateway may run another daemon. Reissue the CA certificate with `basicConstraints=critical,CA:TRUE` (the certificates it issued stay valid when its key and name are kept).",
  check: (model, report) => checkUnmarkedOnly(model, report),
  checkPair(pair, model, report) {
    for (const [verifier, presenter] of bothWays(pair)) {
      const daemons = possibleDialects(verifier.node.dialect);
      if (!daemons.includes('strongswan') || verifier.conn.values.get('rightcert') || keepsCertificatesInNss(model, verifier.node)) continue;
      // Nearly every gateway marks all its CAs: then there is nothing to look up.
      const unmarked = unmarkedCas(model, verifier.node);
      if (unmarked.length === 0) continue;
      const ref = presentedCertificate(model, presenter);
      const info = ref?.info;
      const issuer = info && unmarked.find((ca) => isIssuedBy(info, ca));
      if (!ref || !info || !issuer || loadCas(model, verifier.node).some((ca) => !unmarked.includes(ca) && isIssuedBy(info, ca)) || !readsEveryCaFile(model, verifier.node)) continue;
      const caFile = path.basename(issuer.filePath);
      const certain = daemons.length === 1;
      const who = certain ? 'strongSwan' : 'strongSwan, which this gateway may run,';
      const here = peerSite(verifier);
      report({
        ...here,
        message: `${caFile} in cacerts issued the certificate the peer (${describeConn(presenter)}) presents, ${path.basename(ref.filePath)}, but has no basicConstraints CA:TRUE: ${who} discards it at start and refuses the certificate; reissue the CA certificate with basicConstraints=critical,CA:TRUE`,
        related: [{ ...certificateSite(ref), message: `the peer's certificate (issuer: ${shortDn(info.issuer)})` }],
        severity: certain ? undefined : 'warning',
      });
    }
  },
});
