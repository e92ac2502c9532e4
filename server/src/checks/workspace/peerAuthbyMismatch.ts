import { pinnedBeforeModelledLibreswan } from '../../model/dialect';
import { describeMethods, genericEndAuth, libreswanEndAuth, meets, nodeRunsLibreswan, type EndAuth } from '../../workspace/authMethods';
import type { ConnRef, PeerPair } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { describeConn, reportBothSides } from './peerReport';

type Reading = (ref: ConnRef, side: 'left' | 'right') => EndAuth | undefined;

/** One end's proof against the other's acceptance, both ways; undefined when either cannot be read. */
interface Judgement {
  readonly ours: EndAuth;
  readonly theirs: EndAuth;
  /** Our proof is not accepted by the peer / the peer's is not accepted by us. */
  readonly oursRefused: boolean;
  readonly theirsRefused: boolean;
}

function judge({ a, b }: PeerPair, read: Reading): Judgement | undefined {
  const ours = read(a, 'left');
  const theirs = read(b, 'left');
  const oursJudge = read(b, 'right');
  const theirsJudge = read(a, 'right');
  if (!ours || !theirs || !oursJudge || !theirsJudge) return undefined;
  if (ours.proves.has('never') || theirs.proves.has('never')) return undefined;
  const oursRefused = !meets(ours, oursJudge);
  const theirsRefused = !meets(theirs, theirsJudge);
  if (!oursRefused && !theirsRefused) return undefined;
  return { ours: { ...ours, accepts: theirsJudge.accepts }, theirs: { ...theirs, accepts: oursJudge.accepts }, oursRefused, theirsRefused };
}

function said(end: EndAuth): string {
  return end.setting ? `${end.setting.setting.key.text}=${end.setting.value}` : 'authby unset';
}

/** The message for one side: what it proves itself with, and who refuses whom. */
function message(here: EndAuth, there: EndAuth, hereRefused: boolean, thereRefused: boolean, peer: ConnRef, prefix: string): string {
  const peerText = `the peer (${describeConn(peer)})`;
  const fix = 'use the same method on both sides';
  if (hereRefused && thereRefused) return `${prefix}this side proves itself with ${describeMethods(here.proves)} (${said(here)}) and ${peerText} with ${describeMethods(there.proves)}: neither accepts the other's; ${fix}`;
  if (hereRefused) return `${prefix}this side proves itself with ${describeMethods(here.proves)} (${said(here)}), which ${peerText} does not accept (it takes ${describeMethods(there.accepts)}); ${fix}`;
  return `${prefix}${peerText} proves itself with ${describeMethods(there.proves)}, which this side does not accept (${said(here)} takes ${describeMethods(here.accepts)}); ${fix}`;
}

function reportJudgement({ a, b }: PeerPair, found: Judgement, report: WorkspaceReporter, libreswanOnly: boolean): void {
  const prefix = libreswanOnly ? 'if this pair runs Libreswan, which picks one method per end: ' : '';
  reportBothSides(
    report,
    { ref: a, value: found.ours.setting, adopt: found.theirs.setting?.value, message: message(found.ours, found.theirs, found.oursRefused, found.theirsRefused, b, prefix) },
    { ref: b, value: found.theirs.setting, adopt: found.ours.setting?.value, message: message(found.theirs, found.ours, found.theirsRefused, found.oursRefused, a, prefix) },
    libreswanOnly ? 'warning' : undefined,
  );
}

/** A 3.x release's defaults and method choice are not modelled: its end is read as any daemon's. */
const olderLibreswan = (ref: ConnRef): boolean => pinnedBeforeModelledLibreswan(ref.node.dialect);

export const peerAuthbyMismatch = defineWorkspaceRule({
  code: 'peer-authby-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends authenticate differently',
  description:
    "Each end must prove itself with a method the other end accepts: a pre-shared key on one side and certificates on the other never authenticate. Compared after `%default` and `also=`, with each daemon's default when `authby=` is unset. For Libreswan the method an end signs with is the first of RSA, ECDSA, PSK that `authby=` (or `leftauth=`) allows, so `authby=rsasig,ecdsa` against `authby=ecdsa` fails; other daemons treat RSA and ECDSA alike. When it is not known that both gateways run Libreswan, what only Libreswan refuses is a warning.",
  checkPair(pair, _model, report) {
    const certainly = (ref: ConnRef, side: 'left' | 'right') => (nodeRunsLibreswan(ref.node) === 'yes' && !olderLibreswan(ref) ? libreswanEndAuth(ref.conn, side) : genericEndAuth(ref.conn, side));
    const certain = judge(pair, certainly);
    if (certain) {
      reportJudgement(pair, certain, report, false);
      return;
    }
    if (nodeRunsLibreswan(pair.a.node) !== 'maybe' && nodeRunsLibreswan(pair.b.node) !== 'maybe') return;
    const asLibreswan = (ref: ConnRef, side: 'left' | 'right') => (nodeRunsLibreswan(ref.node) === 'no' || olderLibreswan(ref) ? genericEndAuth(ref.conn, side) : libreswanEndAuth(ref.conn, side));
    const possible = judge(pair, asLibreswan);
    if (possible) reportJudgement(pair, possible, report, true);
  },
});
