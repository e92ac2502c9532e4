import { esnChoices } from '../../workspace/esnChoices';
import { possibleDialects } from '../../workspace/ikeIdentity';
import type { ConnRef } from '../../workspace/peers';
import { withLibreswanDefaults } from '../../workspace/libreswanProposalDefaults';
import { parseProposals, proposalsOverlap, type Proposal } from '../../workspace/proposals';
import { asStrongswanReadsThem } from '../../workspace/strongswanProposalDefaults';
import { defineWorkspaceRule } from '../workspaceRule';
import type { WorkspaceReporter } from '../workspaceRule';
import { describeConn, reportBothSides } from './peerReport';
import { knownLibreswanIkev2 } from './strongswanIkev2';

/** strongSwan appends its default proposals unless the list ends in `!` (strict): surely, or perhaps when the daemon is not known. */
function widenedByStrongswan(ref: ConnRef, value: string): 'yes' | 'maybe' | 'no' {
  if (value.trim().endsWith('!') || !possibleDialects(ref.node.dialect).includes('strongswan')) return 'no';
  return ref.node.dialect.choice?.dialect === 'strongswan' ? 'yes' : 'maybe';
}

function readProposals(ref: ConnRef, value: string, kind: 'ike' | 'esp'): Proposal[] | undefined {
  const proposals = parseProposals(value);
  if (!proposals) return undefined;
  if (knownLibreswanIkev2(ref)) return withLibreswanDefaults(proposals, kind);
  return ref.node.dialect.choice?.dialect === 'strongswan' ? asStrongswanReadsThem(proposals, kind) : proposals;
}

export const peerProposalMismatch = defineWorkspaceRule({
  code: 'peer-proposal-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends offer no common IKE or ESP proposal',
  description:
    "When both sides list `ike=` (or `esp=`/`phase2alg=`) and no proposal of one is also a proposal of the other, negotiation ends with NO_PROPOSAL_CHOSEN. Algorithm spellings of the different daemons are compared by meaning (`sha2_256` = `sha256`, `modp2048` = DH group 14, `aes_gcm256` = `aes256gcm16`), several algorithms of one kind in a proposal are alternatives, what a proposal leaves out (a DH group, a PRF, a key length) is the daemon's default, judged only for a gateway known to run Libreswan over IKEv2 (whose defaults pluto 4.10 logs: DH groups 14 to 18 but 17, 19 to 21 and 31, SHA2-512 and SHA2-256, AES-256 and AES-128; 5.2 offered the same groups and refused SHA-1 where ESP integrity was left out) or strongSwan (whose `aes` is AES-128, and whose ESP proposal without integrity offers none, as charon 5.9.8 showed) and otherwise not, and the DH group of an ESP proposal, used only for PFS, is left to the pfs rules. strongSwan adds its default proposals to a list that does not end in `!`, so such a list is not judged for a gateway that runs strongSwan, and only warned about where the daemon is not known (seen with strongSwan 5.9.8: `ike=aes128-sha1-modp1024` met a peer that offered only `aes256-sha256-modp2048`). Extended sequence numbers must meet too: strongSwan offers them only where an `esp=` proposal says `esn` (and then, unless it also says `noesn`, only them), Libreswan as `esn=` says (either, by default); a strongSwan `-esn!` against one without refused the Child SA. Measured against two real Libreswan 4.10 daemons: disjoint lists never came up. Lists this check cannot read with confidence are not compared.",
  checkPair({ a, b }, _model, report) {
    checkEsn(a, b, report);
    for (const keys of [['ike'], ['esp', 'phase2alg']]) {
      const ours = keys.map((k) => a.conn.values.get(k)).find((v) => v !== undefined);
      const theirs = keys.map((k) => b.conn.values.get(k)).find((v) => v !== undefined);
      if (!ours || !theirs) continue;
      const widened = [widenedByStrongswan(a, ours.value), widenedByStrongswan(b, theirs.value)];
      if (widened.includes('yes')) continue;
      const kind = keys[0] === 'ike' ? 'ike' : 'esp';
      const left = readProposals(a, ours.value, kind);
      const right = readProposals(b, theirs.value, kind);
      if (!left || !right || proposalsOverlap(left, right, kind)) continue;
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

/** Both ends' ESN choices share none: the Child SA is refused whatever the algorithms. */
function checkEsn(a: ConnRef, b: ConnRef, report: WorkspaceReporter): void {
  const ours = esnChoices(a.conn, a.node.dialect);
  const theirs = esnChoices(b.conn, b.node.dialect);
  if (!ours || !theirs || [...ours].some((choice) => theirs.has(choice))) return;
  const espOf = (ref: ConnRef) => ref.conn.values.get('esp') ?? ref.conn.values.get('esn');
  // A strongSwan list without `!` gets the default proposals too, which take no ESN.
  if ([a, b].some((ref) => widenedByStrongswan(ref, espOf(ref)?.value ?? '!') !== 'no')) return;
  const words = (choices: ReadonlySet<string>) => (choices.has('esn') ? 'only extended sequence numbers' : 'no extended sequence numbers');
  reportBothSides(
    report,
    { ref: a, value: espOf(a), message: `this side offers ${words(ours)} and the peer (${describeConn(b)}) ${words(theirs)}: the Child SA is refused (NO_PROPOSAL_CHOSEN); offer the same on both sides (esn in esp= or esn=yes on both, or on neither)` },
    { ref: b, value: espOf(b), message: `this side offers ${words(theirs)} and the peer (${describeConn(a)}) ${words(ours)}: the Child SA is refused (NO_PROPOSAL_CHOSEN); offer the same on both sides (esn in esp= or esn=yes on both, or on neither)` },
  );
}
