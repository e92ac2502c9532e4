import type { EffectiveValue } from '../../workspace/model';
import type { ConnRef, PeerPair } from '../../workspace/peers';
import { usesPsk } from '../../workspace/pskLookup';
import { defineWorkspaceRule } from '../workspaceRule';
import { speaksOnlyIkev1 } from './peerIkeVersionMismatch';
import { describeConn, reportBothSides } from './peerReport';

/** The end authenticates with a pre-shared key, as authby= or strongSwan's leftauth= says. */
function authenticatesWithPsk(ref: ConnRef): boolean {
  return usesPsk(ref.conn) || ref.conn.values.get('leftauth')?.value.trim().toLowerCase() === 'psk';
}

function aggressiveOf(ref: ConnRef): { on: boolean; value: EffectiveValue | undefined } | undefined {
  const value = ref.conn.values.get('aggressive') ?? ref.conn.values.get('aggrmode');
  const word = value?.value.trim().toLowerCase() ?? 'no';
  if (word === 'yes') return { on: true, value };
  if (word === 'no') return { on: false, value };
  return undefined;
}

export const peerAggressiveMismatch = defineWorkspaceRule({
  code: 'peer-aggressive-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'One end of an IKEv1 PSK tunnel wants Aggressive Mode and the other Main Mode',
  description:
    "Over IKEv1 with a pre-shared key, a conn with `aggressive=yes` takes only Aggressive Mode and one without takes only Main Mode: strongSwan answers Main Mode for such a conn with AUTHENTICATION_FAILED (\"none allows pre-shared key authentication using Main Mode\", seen with strongSwan 5.9.8 against itself and against Libreswan 4.10). Judged when both conns say they speak IKEv1 only and authenticate with a PSK. Set `aggressive=` the same on both sides (Main Mode, the default, protects the IDs).",
  checkPair(pair: PeerPair, _model, report) {
    const { a, b } = pair;
    if (!speaksOnlyIkev1(a.conn) || !speaksOnlyIkev1(b.conn) || !authenticatesWithPsk(a) || !authenticatesWithPsk(b)) return;
    const ours = aggressiveOf(a);
    const theirs = aggressiveOf(b);
    if (!ours || !theirs || ours.on === theirs.on) return;
    const mode = (on: boolean) => (on ? 'aggressive=yes (Aggressive Mode only)' : 'Main Mode (aggressive=no, the default)');
    const consequence = 'each refuses the phase 1 mode the other starts, so no IKE SA comes up; set aggressive= the same on both sides';
    reportBothSides(
      report,
      { ref: a, value: ours.value, adopt: theirs.value?.value, message: `${mode(ours.on)} here but ${mode(theirs.on)} at the peer (${describeConn(b)}): ${consequence}` },
      { ref: b, value: theirs.value, adopt: ours.value?.value, message: `${mode(theirs.on)} here but ${mode(ours.on)} at the peer (${describeConn(a)}): ${consequence}` },
    );
  },
});
