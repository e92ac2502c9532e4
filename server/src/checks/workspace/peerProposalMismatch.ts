import { esnChoices } from '../../workspace/esnChoices';
import { knownLibreswan } from '../../workspace/libreswanIkeVersion';
import { describeBuiltIn, onlyItsOwnStartFails } from '../../workspace/libreswanProposalDefaults';
import { offeredList, readAsDaemonReadsThem, widenedByStrongswan, type OfferedList, type ProposalKind } from '../../workspace/offeredProposals';
import type { ConnRef } from '../../workspace/peers';
import { parseProposals, proposalsOverlap } from '../../workspace/proposals';
import { describeStrongswanDefaults } from '../../workspace/strongswanProposalDefaults';
import { knownStrongswanReleases } from '../../workspace/strongswanRelease';
import type { Fix } from '../finding';
import { checkProposals } from '../ipsecConf/values/proposals';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { addConnSetting } from './addConnSetting';
import { groupLeftOutOfBuild } from './libreswanProposalRefusals';
import { describeConn, reportBothSides } from './peerReport';

/** The daemon's defaults in a few words, as they stand for the list of this end. */
function describeDefaults(list: OfferedList, kind: ProposalKind): string {
  if (list.defaults === 'strongswan') return `strongSwan's default proposals: ${describeStrongswanDefaults(kind, knownStrongswanReleases(list.ref) ?? [])}`;
  const libreswan = knownLibreswan(list.ref);
  return `Libreswan's built-in proposals: ${libreswan ? describeBuiltIn(kind, libreswan.version, libreswan.releases) : 'its defaults'}`;
}

/** How the message names one end's list: `ike=…`, the daemon's defaults, or both. */
function describeList(list: OfferedList, keys: readonly string[], kind: ProposalKind): string {
  if (!list.value) return `no ${keys[0]}=, so ${describeDefaults(list, kind)}`;
  const written = `${list.value.setting.key.text}=${list.value.value}`;
  return list.defaults === 'strongswan' ? `${written}, without '!', so also ${describeDefaults(list, kind)}` : written;
}

export const peerProposalMismatch = defineWorkspaceRule({
  code: 'peer-proposal-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends offer no common IKE or ESP proposal',
  description:
    "When the two ends' `ike=` (or `esp=`/`phase2alg=`) lists share no proposal, negotiation ends with NO_PROPOSAL_CHOSEN. Algorithm spellings of the different daemons are compared by meaning (`sha2_256` = `sha256`, `modp2048` = DH group 14, `aes_gcm256` = `aes256gcm16`), several algorithms of one kind in a proposal are alternatives, and the DH group of an ESP proposal, used only for PFS, is left to the pfs rules. What a list leaves to the daemon is judged only where the daemon is known. Libreswan fills in a part a proposal leaves out, and offers built-in proposals for a list it is not given (lib/libswan/ike_info.c, esp_info.c): over IKEv2 AES-GCM and AES-CBC of 256 or 128 bits, SHA2-512 and SHA2-256, DH groups 14 to 16, 18 to 21 and 31 (pluto 4.10's logs; 5.2 offered the same groups and refused SHA-1 where ESP integrity was left out; from 5.0 also ChaCha20-Poly1305); over IKEv1 AES-CBC or 3DES with SHA2-256, SHA2-512 or SHA-1 and MODP-2048 or MODP-1536 (from 4.15 also ECP-256 and Curve25519), and for ESP AES-128-CBC or 3DES with SHA-1 (pluto's fixed Quick Mode list before 4.15; from 4.15 AES-CBC, AES-GCM or 3DES with SHA-1 or SHA-2). Before 4.15 such an IKEv1 conn takes any proposal as the responder, so the tunnel fails when it is the one that starts. With no `esp=`, pluto 4.10 met a strongSwan peer insisting on AES-128 or 3DES with SHA-1 and refused one insisting on AES-256; with no `ike=`, it refused MODP-1024 over either IKE version and ECP-256 over IKEv1. strongSwan's `aes` is AES-128, and its ESP proposal without integrity offers none (charon 5.9.8). strongSwan adds its default proposals to a list that does not end in `!`, and offers them alone for a conn without the list. For a gateway pinned to strongSwan 5.6.1 or later they are judged (proposal.c, all plugins assumed: for IKE every cipher, hash and group of at least 112-bit strength, 3DES and SHA-1 among them, MODP-1024 and MODP-1536 not; for ESP AES-CBC with SHA-2, SHA-1 or AES-XCBC, and from 5.9.0 AES-GCM; charon 5.9.8 refused MODP-1024, MODP-1536 and ESP 3DES this way, and met IKE 3DES), with the fix of setting the peer's list; where the release may be older (whose defaults held MODP-1024, MD5 and ESP 3DES), such a list is not judged for a gateway that runs strongSwan, and only warned about where the daemon is not known (seen with strongSwan 5.9.8: `ike=aes128-sha1-modp1024` met a peer that offered only `aes256-sha256-modp2048`). Extended sequence numbers must meet too: strongSwan offers them only where an `esp=` proposal says `esn` (and then, unless it also says `noesn`, only them), Libreswan as `esn=` says (either, by default); a strongSwan `-esn!` against one without refused the Child SA. Measured against two real Libreswan 4.10 daemons: disjoint lists never came up. Lists this check cannot read with confidence are not compared.",
  checkPair({ a, b }, _model, report) {
    checkEsn(a, b, report);
    for (const keys of [['ike'], ['esp', 'phase2alg']]) {
      const kind = keys[0] === 'ike' ? 'ike' : 'esp';
      const ours = offeredList(a, keys, kind);
      const theirs = offeredList(b, keys, kind);
      if (!ours || !theirs || (!ours.value && !theirs.value) || proposalsOverlap(ours.proposals, theirs.proposals, kind)) continue;
      const perhaps = ours.widened === 'maybe' || theirs.widened === 'maybe' ? " (unless a side runs strongSwan, which adds its default proposals to a list without '!')" : '';
      const say = (here: OfferedList, there: OfferedList): string => mismatchMessage(here, there, keys, kind) + perhaps;
      reportBothSides(
        report,
        { ref: a, value: ours.value, adopt: theirs.value?.value, message: say(ours, theirs), fixes: takePeersList(ours, theirs, keys[0], kind) },
        { ref: b, value: theirs.value, adopt: ours.value?.value, message: say(theirs, ours), fixes: takePeersList(theirs, ours, keys[0], kind) },
        perhaps ? 'warning' : undefined,
      );
    }
  },
});

/** What one end is told: its list and the peer's share nothing, or its daemon's defaults meet none of the peer's. */
function mismatchMessage(here: OfferedList, there: OfferedList, keys: readonly string[], kind: ProposalKind): string {
  const what = kind === 'ike' ? 'IKE' : 'ESP';
  const peer = `${describeConn(there.ref)}: ${describeList(there, keys, kind)}`;
  const builtIn = [here, there].find((list) => !list.value && list.defaults === 'libreswan');
  const libreswan = builtIn && knownLibreswan(builtIn.ref);
  const starter = builtIn === here ? 'this end' : builtIn && describeConn(builtIn.ref);
  const when = libreswan && onlyItsOwnStartFails(libreswan.version, libreswan.releases) ? ` when ${starter} starts it (as the responder it takes any proposal)` : '';
  if (here.value) {
    const added = here.defaults === 'strongswan' ? `, not even among the default proposals strongSwan adds to a list without '!' (${describeStrongswanDefaults(kind, knownStrongswanReleases(here.ref) ?? [])})` : '';
    return `no ${what} proposal in common with the peer (${peer})${added}: negotiation ends with NO_PROPOSAL_CHOSEN${when}; put a proposal the peer accepts in ${keys[0]}=`;
  }
  const whose = here.defaults === 'strongswan' ? "strongSwan's default" : "Libreswan's built-in";
  return `this conn sets no ${keys[0]}=, and none of ${whose} ${what} proposals is one the peer accepts (${peer}): negotiation ends with NO_PROPOSAL_CHOSEN${when}; set ${keys[0]}= to a proposal both ends accept`;
}

/**
 * For a conn that sets no list: set the peer's, when the daemon reads every word of it (a
 * strongSwan `!` dropped), Libreswan's builds hold its groups, and it then meets the peer's proposals.
 */
function takePeersList(here: OfferedList, there: OfferedList, key: string, kind: ProposalKind): Fix[] | undefined {
  if (here.value || !there.value || !here.defaults) return undefined;
  const list = there.value.value.trim().replace(/!$/, '');
  const choice = here.ref.node.dialect.choice;
  if (checkProposals(list, { dialect: here.defaults, version: choice?.dialect === here.defaults ? choice.version : undefined })) return undefined;
  // A group pluto's usual builds lack would only trade this finding for a conn pluto does not add.
  if (here.defaults === 'libreswan' && groupLeftOutOfBuild(list)) return undefined;
  const parsed = parseProposals(list);
  const proposals = parsed && readAsDaemonReadsThem(here.ref, parsed, kind);
  if (!proposals || !proposalsOverlap(proposals, there.proposals, kind)) return undefined;
  return [{ title: `Set ${key}=${list}, the peer's proposals`, edits: [addConnSetting(here.ref.conn.definition, key, list)] }];
}

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
