import { mayBeLoaded } from '../../workspace/autoStarts';
import { PROPOSALS_CHECKED_FROM, refusalSeverity, strongswanProposalFaults } from '../../workspace/strongswanProposalFaults';
import { strongswanReleasesOf } from '../../workspace/strongswanRelease';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

export const strongswanIkeNoDh = defineWorkspaceRule({
  code: 'strongswan-ike-no-dh',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'strongSwan refuses a conn whose IKE proposal names no DH group',
  description:
    "From 5.5.1 charon takes an `ike=` proposal only with a key exchange method (\"a DH group is mandatory in IKE proposals\"; `modpnone` does not count); one without, such as `aes256-sha256`, is an invalid proposal string, and charon then does not load the conn at all, whatever else the list holds and with or without a closing `!`, though starter passes the file. Seen with strongSwan 5.9.8, over IKEv1 and IKEv2. An error where every release the gateway may run refuses it, a warning where only some do (a gateway not pinned to a release: releases before 5.5.1 load it); judged on the conn after `%default` and `also=`, for gateways known to run strongSwan (Libreswan fills in its own DH groups). `strongswan-proposal-refused` reports the other proposals charon refuses.",
  checkNode(node, _model, report) {
    const releases = strongswanReleasesOf(node);
    const severity = releases && refusalSeverity(releases, PROPOSALS_CHECKED_FROM);
    if (!severity) return;
    for (const conn of node.effective.values()) {
      const ike = conn.values.get('ike');
      if (!ike || !mayBeLoaded(node, conn)) continue;
      const withoutDh = strongswanProposalFaults(ike.value, 'ike').filter((p) => p.faults.some((f) => f.kind === 'no-dh'));
      if (withoutDh.length === 0) continue;
      const several = withoutDh.length > 1;
      const refuses = severity === 'error' ? 'charon refuses' : `charon from ${PROPOSALS_CHECKED_FROM} on refuses`;
      report({
        ...locate({ node, conn }, ike),
        conn: conn.name,
        severity,
        message: `the IKE proposal${several ? 's' : ''} ${withoutDh.map((p) => `"${p.text}"`).join(', ')} name${several ? '' : 's'} no DH group, which strongSwan requires (such as modp2048 or ecp256): ${refuses} ${several ? 'them' : 'it'}, and with ${several ? 'them' : 'it'} conn ${conn.name}, whatever other proposals the list holds; add to each proposal a DH group the peer offers too`,
      });
    }
  },
});
