import { mayBeLoaded } from '../../workspace/autoStarts';
import { parseProposals } from '../../workspace/proposals';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

export const strongswanIkeNoDh = defineWorkspaceRule({
  code: 'strongswan-ike-no-dh',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'strongSwan refuses a conn whose IKE proposal names no DH group',
  description:
    "charon takes an `ike=` proposal only with a key exchange method (\"a DH group is mandatory in IKE proposals\"); one without, such as `aes256-sha256`, is an invalid proposal string, and charon then does not load the conn at all, whatever else the list holds and with or without a closing `!`, though starter passes the file. Seen with strongSwan 5.9.8, over IKEv1 and IKEv2. Judged on the conn after `%default` and `also=`, for gateways known to run strongSwan (Libreswan fills in its own DH groups).",
  checkNode(node, _model, report) {
    if (node.dialect.choice?.dialect !== 'strongswan') return;
    for (const conn of node.effective.values()) {
      const ike = conn.values.get('ike');
      if (!ike || !mayBeLoaded(node, conn)) continue;
      const texts = ike.value.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
      const proposals = parseProposals(ike.value);
      if (!proposals || proposals.length !== texts.length) continue;
      const withoutDh = texts.filter((_text, i) => proposals[i].dh.size === 0);
      if (withoutDh.length === 0) continue;
      const several = withoutDh.length > 1;
      report({
        ...locate({ node, conn }, ike),
        conn: conn.name,
        message: `the IKE proposal${several ? 's' : ''} ${withoutDh.map((t) => `"${t.replace(/!$/, '')}"`).join(', ')} name${several ? '' : 's'} no DH group, which strongSwan requires (such as modp2048 or ecp256): charon refuses ${several ? 'them' : 'it'}, and with ${several ? 'them' : 'it'} conn ${conn.name}, whatever other proposals the list holds; add to each proposal a DH group the peer offers too`,
      });
    }
  },
});
