import { startsOnLoad } from '../../workspace/autoStarts';
import type { EffectiveConn } from '../../workspace/model';
import { defineWorkspaceRule } from '../workspaceRule';
import { bothWays, describeConn, locate, reportBothSides } from './peerReport';

/** The IKE versions a conn will speak, from keyexchange= or ikev2=, when it says so explicitly. */
export function ikeVersions(conn: EffectiveConn): { versions: ReadonlySet<1 | 2>; key: string } | undefined {
  const keyexchange = conn.values.get('keyexchange')?.value.toLowerCase();
  if (keyexchange === 'ikev1') return { versions: new Set([1]), key: 'keyexchange' };
  if (keyexchange === 'ikev2') return { versions: new Set([2]), key: 'keyexchange' };
  if (keyexchange === 'ike') return { versions: new Set([1, 2]), key: 'keyexchange' };
  const ikev2 = conn.values.get('ikev2')?.value.toLowerCase();
  if (ikev2 === 'insist' || ikev2 === 'yes') return { versions: new Set([2]), key: 'ikev2' };
  if (ikev2 === 'never' || ikev2 === 'no') return { versions: new Set([1]), key: 'ikev2' };
  if (ikev2 === 'permit' || ikev2 === 'propose') return { versions: new Set([1, 2]), key: 'ikev2' };
  return undefined;
}

/** The conn says it speaks IKEv1 and nothing else. */
export function speaksOnlyIkev1(conn: EffectiveConn): boolean {
  const versions = ikeVersions(conn)?.versions;
  return versions !== undefined && versions.size === 1 && versions.has(1);
}

export const peerIkeVersionMismatch = defineWorkspaceRule({
  code: 'peer-ike-version-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends speak different IKE versions',
  description:
    "One side insists on IKEv2 (`keyexchange=ikev2`, `ikev2=insist`) while the other speaks only IKEv1 (`keyexchange=ikev1`, `ikev2=never`): no IKE SA can be set up. Compared only when both sides say so explicitly, since defaults differ between daemons and versions. strongSwan's `keyexchange=ike` answers both versions but starts IKEv2, so against a peer that speaks only IKEv1 the tunnel comes up only when the peer starts it (seen with strongSwan 5.9.8 against itself and Libreswan 4.10): an error when the strongSwan conn starts the tunnel itself (`auto=start` or `route`), else a warning.",
  checkPair(pair, _model, report) {
    const { a, b } = pair;
    for (const [starter, peer] of bothWays(pair)) {
      const keyexchange = starter.conn.values.get('keyexchange');
      if (starter.node.dialect.choice?.dialect !== 'strongswan' || keyexchange?.value.trim().toLowerCase() !== 'ike') continue;
      const peerVersions = ikeVersions(peer.conn)?.versions;
      if (!peerVersions || peerVersions.has(2)) continue;
      const starts = startsOnLoad(starter.conn);
      report({
        ...locate(starter, keyexchange),
        conn: starter.conn.name,
        severity: starts ? 'error' : 'warning',
        message: `keyexchange=ike answers IKEv1 and IKEv2 but starts IKEv2, which the peer (${describeConn(peer)}) does not speak: the tunnel comes up only when the peer starts it${starts ? ', and this side starts it (auto=' + (starter.conn.values.get('auto')?.value ?? '') + ')' : ''}; use keyexchange=ikev1`,
        related: [{ ...locate(peer, peer.conn.values.get('keyexchange') ?? peer.conn.values.get('ikev2')), message: "the peer's IKE version" }],
      });
    }
    const ours = ikeVersions(a.conn);
    const theirs = ikeVersions(b.conn);
    if (!ours || !theirs || [...ours.versions].some((v) => theirs.versions.has(v))) return;
    const label = (v: ReadonlySet<1 | 2>) => [...v].map((n) => `IKEv${n}`).join('/');
    reportBothSides(
      report,
      { ref: a, value: a.conn.values.get(ours.key), message: `this side speaks only ${label(ours.versions)} but the peer (${describeConn(b)}) only ${label(theirs.versions)}: no IKE SA can be set up` },
      { ref: b, value: b.conn.values.get(theirs.key), message: `this side speaks only ${label(theirs.versions)} but the peer (${describeConn(a)}) only ${label(ours.versions)}: no IKE SA can be set up` },
    );
  },
});
