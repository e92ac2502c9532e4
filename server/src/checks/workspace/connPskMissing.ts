import { nodeRunsLibreswan } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import type { EffectiveConn, IpsecNode } from '../../workspace/model';
import { lookupPsk, pskAddresses, pskIds, strongswanFindsPsk, usesPsk, type PskIds } from '../../workspace/pskLookup';
import { speaksOnlyIkev1 } from './peerIkeVersionMismatch';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

/** Whether strongSwan may find a key for the conn: by its IDs, or over IKEv1 by the two addresses when the IDs find none. */
function strongswanFinds(node: IpsecNode, conn: EffectiveConn, ids: PskIds): boolean {
  if (strongswanFindsPsk(node, ids) !== false) return true;
  const addresses = speaksOnlyIkev1(conn) ? pskAddresses(conn) : undefined;
  return addresses !== undefined && strongswanFindsPsk(node, addresses) !== false;
}

export const connPskMissing = defineWorkspaceRule({
  code: 'conn-psk-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'No `: PSK` entry in ipsec.secrets fits a conn that uses a pre-shared key',
  description:
    "With `authby=secret` the daemon looks the key up by the conn's own ID and the peer's (`leftid`/`rightid`, else the addresses). An entry for other IDs does not count: `192.0.2.1 192.0.2.2 : PSK` is not used by a conn with `leftid=@west.example`. Add an entry naming the two IDs (or `%any`). Checked only when the gateway's ipsec.secrets is in the workspace and names no host to resolve through DNS. The lookup is Libreswan's (and Openswan's) for those and for gateways whose daemon is not known (then a warning). strongSwan takes an entry that names either ID, `%any`, or no ID at all, and skips entries that name only others: over IKEv2, `192.0.2.1 192.0.2.2 : PSK` does not serve a strongSwan conn with `leftid=@west.example` either (seen with strongSwan 5.9.8: \"no shared key found\"); over IKEv1 strongSwan then tries the two addresses, and such an entry serves.",
  checkNode(node, _model, report) {
    const libreswan = nodeRunsLibreswan(node);
    const strongswan = node.dialect.choice?.dialect === 'strongswan';
    if (libreswan === 'no' && node.dialect.choice?.dialect !== 'openswan' && !strongswan) return;
    if (node.secrets.length === 0 || node.problems.some((p) => p.code === 'include-missing' && node.secrets.some((d) => d.uri === p.document.uri))) return;
    for (const conn of node.effective.values()) {
      if (!usesPsk(conn) || !mayBeLoaded(node, conn)) continue;
      const ids = pskIds(conn);
      if (!ids || (strongswan ? strongswanFinds(node, conn, ids) : lookupPsk(node, ids) !== 'none')) continue;
      const at = locate({ node, conn }, conn.values.get('authby'));
      const names = strongswan ? `either of this pair of IDs (${ids.local}, ${ids.remote})` : `this pair of IDs (${ids.local} and ${ids.remote})`;
      report({
        ...at,
        conn: conn.name,
        message: `conn ${conn.name}: no PSK entry in ipsec.secrets names ${names} or a wildcard: authentication will fail; add "${ids.local} ${ids.remote} : PSK …"`,
        severity: libreswan === 'maybe' ? 'warning' : undefined,
      });
    }
  },
});
