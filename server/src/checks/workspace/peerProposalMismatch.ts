import { parseProposals, proposalsOverlap } from '../../workspace/proposals';
import { defineWorkspaceRule } from '../workspaceRule';
import { describeConn, reportBothSides } from './peerReport';

export const peerProposalMismatch = defineWorkspaceRule({
  code: 'peer-proposal-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends offer no common IKE or ESP proposal',
  description:
    "When both sides list `ike=` (or `esp=`/`phase2alg=`) and no proposal of one is also a proposal of the other, negotiation ends with NO_PROPOSAL_CHOSEN. Algorithm spellings of the different daemons are compared by meaning (`sha2_256` = `sha256`, `modp2048` = DH group 14, `aes_gcm256` = `aes256gcm16`), several algorithms of one kind in a proposal are alternatives, what a proposal leaves out (a DH group, a PRF, a key length) is the daemon's default and not judged, and the DH group of an ESP proposal, used only for PFS, is left to the pfs rules. Measured against two real Libreswan 4.10 daemons: disjoint lists never came up. Lists this check cannot read with confidence are not compared.",
  checkPair({ a, b }, _model, report) {
    for (const keys of [['ike'], ['esp', 'phase2alg']]) {
      const ours = keys.map((k) => a.conn.values.get(k)).find((v) => v !== undefined);
      const theirs = keys.map((k) => b.conn.values.get(k)).find((v) => v !== undefined);
      if (!ours || !theirs) continue;
      const left = parseProposals(ours.value);
      const right = parseProposals(theirs.value);
      if (!left || !right || proposalsOverlap(left, right, keys[0] === 'ike' ? 'ike' : 'esp')) continue;
      const what = keys[0] === 'ike' ? 'IKE' : 'ESP';
      reportBothSides(
        report,
        { ref: a, value: ours, adopt: theirs.value, message: `no ${what} proposal in common with the peer (${describeConn(b)}: ${theirs.setting.key.text}=${theirs.value}): negotiation ends with NO_PROPOSAL_CHOSEN` },
        { ref: b, value: theirs, adopt: ours.value, message: `no ${what} proposal in common with the peer (${describeConn(a)}: ${ours.setting.key.text}=${ours.value}): negotiation ends with NO_PROPOSAL_CHOSEN` },
      );
    }
  },
});
