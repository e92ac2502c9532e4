import { mayBeLoaded } from '../../workspace/autoStarts';
import { parseProposals } from '../../workspace/proposals';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

export const strongswanIkeNoDh = defineWorkspaceRule({
  code: 'strongswan-ike-no-dh',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'strongSwan skips an IKE proposal that names no DH group',
  description:
    "charon takes an `ike=` proposal only with a key exchange method (\"a DH group is mandatory in IKE proposals\") and skips one without, such as `aes256-sha256`, though starter passes the file. When every proposal of a strict list (ending in `!`) is skipped, the conn is not loaded at all: an error. When other proposals remain, or strongSwan adds its defaults to a list without `!`, the skipped proposal is only a warning. Seen with strongSwan 5.9.8. Judged on the conn after `%default` and `also=`, for gateways known to run strongSwan (Libreswan fills in its own DH groups).",
  checkNode(node, _model, report) {
    if (node.dialect.choice?.dialect !== 'strongswan') return;
    for (const conn of node.effective.values()) {
      const ike = conn.values.get('ike');
      if (!ike || !mayBeLoaded(node, conn)) continue;
      const texts = ike.value.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
      const proposals = parseProposals(ike.value);
      if (!proposals || proposals.length !== texts.length) continue;
      const skipped = texts.filter((_text, i) => proposals[i].dh.size === 0);
      if (skipped.length === 0) continue;
      const strict = ike.value.trim().endsWith('!');
      const noneLeft = strict && skipped.length === texts.length;
      const consequence = noneLeft
        ? `no proposal is left, so charon does not load conn ${conn.name}`
        : strict
          ? 'the conn goes on with the other proposals'
          : "the conn goes on with the other proposals and strongSwan's defaults";
      report({
        ...locate({ node, conn }, ike),
        conn: conn.name,
        message: `strongSwan skips the IKE proposal${skipped.length > 1 ? 's' : ''} ${skipped.map((t) => `"${t.replace(/!$/, '')}"`).join(', ')}: an IKE proposal must name a DH group (such as modp2048 or ecp256); ${consequence}`,
        severity: noneLeft ? undefined : 'warning',
      });
    }
  },
});
