import { possibleDialects } from '../../workspace/ikeIdentity';
import type { EffectiveValue } from '../../workspace/model';
import type { ConnRef } from '../../workspace/peers';
import { parseProposals, proposalsOverlap } from '../../workspace/proposals';
import { defineWorkspaceRule } from '../workspaceRule';
import { describeConn, reportBothSides } from './peerReport';

/** strongSwan appends its default proposals unless the list ends in `!` (strict): surely, or perhaps when the daemon is not known. */
function widenedByStrongswan(ref: ConnRef, value: EffectiveValue): 'yes' | 'maybe' | 'no' {
  if (value.value.trim().endsWith('!') || !possibleDialects(ref.node.dialect).includes('strongswan')) return 'no';
  return ref.node.dialect.choice?.dialect === 'strongswan' ? 'yes' : 'maybe';
}

export const peerProposalMismatch = defineWorkspaceRule({
  code: 'peer-proposal-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends offer no common IKE or ESP proposal',
  description:
    "When both sides list `ike=` (or `esp=`/`phase2alg=`) and no proposal of one is also a proposal of the other, negotiation ends with NO_PROPOSAL_CHOSEN. Algorithm spellings of the different daemons are compared by meaning (`sha2_256` = `sha256`, `modp2048` = DH group 14, `aes_gcm256` = `aes256gcm16`), several algorithms of one kind in a proposal are alternatives, what a proposal leaves out (a DH group, a PRF, a key length) is the daemon's default and not judged, and the DH group of an ESP proposal, used only for PFS, is left to the pfs rules. strongSwan adds its default proposals to a list that does not end in `!`, so such a list is not judged for a gateway that runs strongSwan, and only warned about where the daemon is not known (seen with strongSwan 5.9.8: `ike=aes128-sha1-modp1024` met a peer that offered only `aes256-sha256-modp2048`). Measured against two real Libreswan 4.10 daemons: disjoint lists never came up. Lists this check cannot read with confidence are not compared.",
  checkPair({ a, b }, _model, report) {
    for (const keys of [['ike'], ['esp', 'phase2alg']]) {
      const ours = keys.map((k) => a.conn.values.get(k)).find((v) => v !== undefined);
      const theirs = keys.map((k) => b.conn.values.get(k)).find((v) => v !== undefined);
      if (!ours || !theirs) continue;
      const widened = [widenedByStrongswan(a, ours), widenedByStrongswan(b, theirs)];
      if (widened.includes('yes')) continue;
      const left = parseProposals(ours.value);
      const right = parseProposals(theirs.value);
      if (!left || !right || proposalsOverlap(left, right, keys[0] === 'ike' ? 'ike' : 'esp')) continue;
      const what = keys[0] === 'ike' ? 'IKE' : 'ESP';
      const perhaps = widened.includes('maybe') ? " (unless a side runs strongSwan, which adds its default proposals to a list without '!')" : '';
      reportBothSides(
        report,
        { ref: a, value: ours, adopt: theirs.value, message: `no ${what} proposal in common with the peer (${describeConn(b)}: ${theirs.setting.key.text}=${theirs.value}): negotiation ends with NO_PROPOSAL_CHOSEN${perhaps}` },
        { ref: b, value: theirs, adopt: ours.value, message: `no ${what} proposal in common with the peer (${describeConn(a)}: ${ours.setting.key.text}=${ours.value}): negotiation ends with NO_PROPOSAL_CHOSEN${perhaps}` },
        perhaps ? 'warning' : undefined,
      );
    }
  },
});
