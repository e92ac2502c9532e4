import { DIALECT_TRAITS, expandVersion } from '../../knowledge/ipsecConf';
import { traitValues } from '../../knowledge/ipsecConf/versions';
import { startsOnLoad } from '../../workspace/autoStarts';
import type { EffectiveValue } from '../../workspace/model';
import type { ConnRef, PeerPair } from '../../workspace/peers';
import { possibleDialects } from '../../workspace/ikeIdentity';
import { describeGroups, quickModeGroups, type QuickModeGroups } from '../../workspace/pfsGroups';
import { parseProposals } from '../../workspace/proposals';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { speaksOnlyIkev1 } from './peerIkeVersionMismatch';
import { describeConn, reportBothSides } from './peerReport';

/** Both ends say they speak IKEv1 only: Quick Mode is where a missing PFS group is refused. */
function ikev1Only({ a, b }: PeerPair): boolean {
  return speaksOnlyIkev1(a.conn) && speaksOnlyIkev1(b.conn);
}

/** Whether an end asks for PFS, the setting that says so, and how to name it in a message. */
interface PfsView {
  readonly pfs: 'yes' | 'no';
  readonly value: EffectiveValue | undefined;
  readonly words: string;
  /** pfs= words can be copied from one side to the other; esp= DH groups cannot. */
  readonly adoptable: boolean;
  /** Only some releases the gateway may run read it so: a difference is then never more than a warning. */
  readonly someReleases?: boolean;
}

function pfsWord(raw: string): string {
  const v = raw.trim();
  return /^(y|yes|true|on|1)$/i.test(v) ? 'yes' : /^(n|no|false|off|0)$/i.test(v) ? 'no' : v.toLowerCase();
}

/**
 * strongSwan has no pfs=: a Child SA uses PFS when its esp= proposals name a DH group. Its default
 * proposals name none before 6.0.2, and leave PFS to the peer from then on, which is not judged.
 */
function strongswanPfs(ref: ConnRef): PfsView | undefined {
  const esp = ref.conn.values.get('esp');
  if (!esp || esp.value.trim() === '') {
    const choice = ref.node.dialect.choice;
    const toPeer = traitValues(DIALECT_TRAITS.strongswan.defaultEspLeavesPfsToPeer, expandVersion('strongswan', choice?.dialect === 'strongswan' ? choice.version : undefined));
    if (!toPeer.includes(false)) return undefined;
    if (!toPeer.includes(true)) return { pfs: 'no', value: undefined, words: 'the default esp= (no DH group, so no PFS)', adoptable: false };
    return { pfs: 'no', value: undefined, words: 'the default esp= (no DH group before strongSwan 6.0.2, so no PFS)', adoptable: false, someReleases: true };
  }
  const proposals = parseProposals(esp.value);
  if (!proposals) return undefined;
  const withDh = proposals.filter((p) => p.dh.size > 0).length;
  if (withDh !== 0 && withDh !== proposals.length) return undefined;
  return { pfs: withDh > 0 ? 'yes' : 'no', value: esp, words: `esp=${esp.value} (${withDh > 0 ? 'a DH group, so PFS' : 'no DH group, so no PFS'})`, adoptable: false };
}

/** Libreswan and Openswan read pfs=, which defaults to yes. */
function pfsSetting(ref: ConnRef): PfsView | undefined {
  const value = ref.conn.values.get('pfs');
  const raw = value?.value;
  const pfs = raw !== undefined && raw.length > 0 ? pfsWord(raw) : 'yes';
  if (pfs !== 'yes' && pfs !== 'no') return undefined;
  return { pfs, value, words: `pfs=${pfs}`, adoptable: true };
}

/**
 * As the gateway's daemon reads it. A pfs= written out is read as written unless the gateway
 * surely runs strongSwan, which would ignore it; without one, every daemon the gateway may run
 * must read the same, else nothing is judged (strongSwan's default esp= has no DH group, the
 * others default to pfs=yes). Undefined too when it cannot be told (esp= proposals that disagree
 * or cannot be read, an unknown pfs= word).
 */
function pfsOf(ref: ConnRef): PfsView | undefined {
  if (ref.node.dialect.choice?.dialect === 'strongswan') return strongswanPfs(ref);
  if ((ref.conn.values.get('pfs')?.value.trim() ?? '') !== '') return pfsSetting(ref);
  const readings = possibleDialects(ref.node.dialect).map((dialect) => (dialect === 'strongswan' ? strongswanPfs(ref) : pfsSetting(ref)));
  const first = readings[0];
  if (!first || readings.some((r) => r?.pfs !== first.pfs)) return undefined;
  return readings.find((r) => r?.value !== undefined) ?? first;
}

export const peerPfsMismatch = defineWorkspaceRule({
  code: 'peer-pfs-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'One end asks for perfect forward secrecy and the other does not',
  description:
    "`pfs=` defaults to yes in Libreswan and Openswan; strongSwan has no `pfs=` and uses PFS when its `esp=` proposals name a DH group (`esp=aes256-sha256-modp2048`), which its default proposals do not before 6.0.2; from 6.0.2 they offer every key exchange and none, so PFS is whatever the peer asks for, and such a side is not judged (a gateway that may run either gets at most a warning). For a gateway whose daemon is not known, a `pfs=` written out is taken as written, and without one nothing is judged unless every daemon it may run would read the same. With IKEv1 a responder that wants PFS refuses an initiator that offers none, and strongSwan answering refuses a PFS group it was not given: a Libreswan gateway with the default `pfs=yes` and a strongSwan one with the default `esp=` do not come up over IKEv1 (seen with Libreswan 4.10 and strongSwan 5.9.8). That is an error. With IKEv2 the first Child SA needs no key exchange and comes up either way; the difference shows at rekeying, so it is a warning (between two strongSwan 5.9.8 gateways the first rekey of the Child SA was refused with NO_PROPOSAL_CHOSEN whichever side asked for PFS, and charon kept trying again). Ask for PFS on both sides or on neither. Over IKEv1 with PFS on both ends, Quick Mode also needs a DH group both accept: the groups a strict strongSwan `esp=` names, and for Libreswan those its `esp=` names or, where it names none, the IKE SA's group (one both `ike=` lists hold, Libreswan's defaults filled in). Groups that cannot meet are judged where one end runs strongSwan (seen with pluto 4.10 and charon 5.9.8: the IKE SA came up, then Quick Mode was refused with NO_PROPOSAL_CHOSEN): an error between two strongSwan ends, which refuse the group either way; against Libreswan, whose pluto as the responder takes the initiator's group, only its own start (or rekey) fails, so an error where the Libreswan conn starts the tunnel itself (`auto=start`, `route`), else a warning. Two Libreswan ends with different groups came up (4.10), and are not judged.",
  checkPair(pair, _model, report) {
    const ours = pfsOf(pair.a);
    const theirs = pfsOf(pair.b);
    const v1 = ikev1Only(pair);
    if (v1 && ours?.pfs === 'yes' && theirs?.pfs === 'yes') checkQuickModeGroups(pair, report);
    if (!ours || !theirs || ours.pfs === theirs.pfs) return;
    const everyRelease = !ours.someReleases && !theirs.someReleases;
    const consequence = v1
      ? 'with IKEv1 the side that wants PFS refuses Quick Mode from the side that offers none, and strongSwan refuses a group it was not given; ask for PFS on both sides or on neither'
      : 'the first Child SA comes up, but rekeying may fail depending on which side starts it; ask for PFS on both sides or on neither';
    const adopt = (from: PfsView, to: PfsView) => (from.adoptable && to.adoptable ? to.value?.value : undefined);
    reportBothSides(
      report,
      { ref: pair.a, value: ours.value, adopt: adopt(ours, theirs), message: `${ours.words} here but ${theirs.words} at the peer (${describeConn(pair.b)}): ${consequence}` },
      { ref: pair.b, value: theirs.value, adopt: adopt(theirs, ours), message: `${theirs.words} here but ${ours.words} at the peer (${describeConn(pair.a)}): ${consequence}` },
      v1 && everyRelease ? undefined : 'warning',
    );
  },
});

/** How a message names the Quick Mode groups of one end. */
function describeQuickMode(end: QuickModeGroups): string {
  const key = end.value?.setting.key.text ?? 'esp';
  if (end.fromIkeSa) return `no DH group in ${key}=, so PFS takes the IKE SA's group (${describeGroups(end.groups)}, as both ike= lists allow)`;
  return `${key}=${end.value?.value ?? ''} (PFS with ${describeGroups(end.groups)})`;
}

/**
 * IKEv1 with PFS on both ends: Quick Mode needs one group both accept. Judged where one end runs
 * strongSwan: charon refuses a group its strict `esp=` does not name, whichever side starts, but
 * pluto as the responder takes the initiator's group (seen with pluto 4.10 and charon 5.9.8), so
 * against Libreswan only Libreswan's own start fails: an error where its conn starts the tunnel
 * itself, else a warning.
 */
function checkQuickModeGroups({ a, b }: PeerPair, report: WorkspaceReporter): void {
  const ours = quickModeGroups(a, b);
  const theirs = quickModeGroups(b, a);
  if (!ours || !theirs || (ours.daemon !== 'strongswan' && theirs.daemon !== 'strongswan')) return;
  if ([...ours.groups].some((group) => theirs.groups.has(group))) return;
  const libreswanEnd = ours.daemon === 'libreswan' ? a : theirs.daemon === 'libreswan' ? b : undefined;
  const when = (here: ConnRef) => (libreswanEnd === undefined ? '' : ` when ${libreswanEnd === here ? 'this end' : describeConn(libreswanEnd)} starts it or rekeys (as the responder Libreswan takes the initiator's group)`);
  const say = (here: QuickModeGroups, there: QuickModeGroups, self: ConnRef, peer: ConnRef) =>
    `in Quick Mode this end uses ${describeQuickMode(here)} and the peer (${describeConn(peer)}) ${describeQuickMode(there)}: no group in common, so Quick Mode fails with NO_PROPOSAL_CHOSEN once the IKE SA is up${when(self)}; name the same DH group in esp= on both ends`;
  const severity = libreswanEnd && !startsOnLoad(libreswanEnd.conn) ? 'warning' : undefined;
  reportBothSides(report, { ref: a, value: ours.value, message: say(ours, theirs, a, b) }, { ref: b, value: theirs.value, message: say(theirs, ours, b, a) }, severity);
}
