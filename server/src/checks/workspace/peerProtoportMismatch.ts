import { possibleDialects } from '../../workspace/ikeIdentity';
import type { EffectiveValue } from '../../workspace/model';
import type { ConnRef, PeerPair } from '../../workspace/peers';
import { ANY_PROTOPORT, parseProtoport, relateProtoports, type ProtoPort, type ProtoportRelation } from '../../workspace/protoport';
import type { Severity } from '../finding';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { bothWays, describeConn, reportBothSides } from './peerReport';
import { knownLibreswanIkev2, libreswanNarrows, mayUseIkev1 } from './strongswanIkev2';

const KEYS = ['leftprotoport', 'rightprotoport'] as const;

export const peerProtoportMismatch = defineWorkspaceRule({
  code: 'peer-protoport-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends restrict the tunnel to different protocols or ports',
  description:
    "Our `rightprotoport=` must describe the same traffic as the peer's own `leftprotoport=`, and the other way round (a conn that sets neither carries every protocol and port). Selectors that share no traffic, such as `17/1701` against `6/1701` or `17/1702`, are refused by every daemon: an error. Selectors that overlap but differ (`17/%any` against `17/1701`, or one side restricted and the other not) come up between strongSwan gateways, which narrow them, but Libreswan without `narrowing=yes` neither narrows a proposal wider than its own nor takes a reply wider than it asked for: over IKEv1 it refuses a narrower proposal and a narrowed reply as well (only a specific port against its own `%any` passes). So when the narrower side may run Libreswan or Openswan, or over IKEv1 either side, this is a warning, since the tunnel then fails at least when one of the two sides starts it, and an error between two Libreswan gateways over IKEv2 where neither says `narrowing=yes`, since it then fails whichever side starts it. A Libreswan end with `narrowing=yes` over IKEv2 counts as narrowing, as strongSwan does. Seen with strongSwan 5.9.8 and Libreswan 4.10 over IKEv1 and IKEv2, and Libreswan 5.2 over IKEv2. Selectors that name a port or protocol by a name other than tcp, udp and the like, or an ICMP type, are not compared: the daemon's host resolves them. Reported on both files.",
  checkPair(pair, _model, report) {
    if (!KEYS.some((key) => pair.a.conn.values.has(key) || pair.b.conn.values.has(key))) return;
    for (const [ours, theirs] of bothWays(pair)) checkEnd(pair, ours, theirs, report);
  },
});

interface EndSelector {
  readonly value: EffectiveValue | undefined;
  readonly selector: ProtoPort;
}

function selectorOf(ref: ConnRef, key: (typeof KEYS)[number]): EndSelector | undefined {
  const value = ref.conn.values.get(key);
  if (!value || value.value.trim().length === 0) return { value: undefined, selector: ANY_PROTOPORT };
  const selector = parseProtoport(value.value);
  return selector && { value, selector };
}

/** Our view of the peer's end (`rightprotoport`) against the peer's own (`leftprotoport`). */
function checkEnd(pair: PeerPair, ours: ConnRef, theirs: ConnRef, report: WorkspaceReporter): void {
  const expected = selectorOf(ours, 'rightprotoport');
  const actual = selectorOf(theirs, 'leftprotoport');
  if (!expected || !actual) return;
  const relation = relateProtoports(expected.selector, actual.selector);
  if (relation === 'equal') return;
  const severity = severityOf(pair, relation, narrowerSides(relation, ours, theirs));
  if (severity === 'none') return;
  const consequence = consequenceOf(relation, severity);
  const shown = (end: EndSelector, key: string) => (end.value ? `${key}=${end.value.value.trim()}` : `no ${key}= (any protocol and port)`);
  reportBothSides(
    report,
    { ref: ours, value: expected.value, adopt: actual.value?.value.trim(), message: `${shown(expected, 'rightprotoport')} here, but the peer (${describeConn(theirs)}) has ${shown(actual, 'leftprotoport')}: ${consequence}` },
    { ref: theirs, value: actual.value, adopt: expected.value?.value.trim(), message: `${shown(actual, 'leftprotoport')} here, but the peer (${describeConn(ours)}) expects ${shown(expected, 'rightprotoport')}: ${consequence}` },
    severity,
  );
}

/** The conns whose selector for this end is the narrower one (both where each holds traffic the other does not). */
function narrowerSides(relation: ProtoportRelation, ours: ConnRef, theirs: ConnRef): readonly ConnRef[] {
  if (relation === 'wider') return [theirs];
  if (relation === 'narrower') return [ours];
  return [ours, theirs];
}

const mayRunPluto = (ref: ConnRef) => possibleDialects(ref.node.dialect).some((d) => d === 'libreswan' || d === 'openswan');

/** May run Libreswan or Openswan without narrowing=yes: takes no selectors but its own. */
const mayRefuseOther = (ref: ConnRef) => mayRunPluto(ref) && !libreswanNarrows(ref);

/**
 * Over IKEv2 Libreswan refuses a proposal wider than its own selectors, and a reply wider than it
 * asked for; over IKEv1 it also refuses a narrower proposal or a narrowed reply (only a specific
 * port against its `%any` passes). strongSwan narrows either way.
 */
function severityOf(pair: PeerPair, relation: ProtoportRelation, narrower: readonly ConnRef[]): Severity | undefined | 'none' {
  if (relation === 'disjoint') return undefined;
  const refusedOverIkev2 = narrower.some(mayRefuseOther);
  const refusedOverIkev1 = (mayRunPluto(pair.a) || mayRunPluto(pair.b)) && mayUseIkev1(pair.a) && mayUseIkev1(pair.b);
  if (!refusedOverIkev2 && !refusedOverIkev1) return 'none';
  const neitherNarrows = !libreswanNarrows(pair.a) && !libreswanNarrows(pair.b);
  return neitherNarrows && knownLibreswanIkev2(pair.a) && knownLibreswanIkev2(pair.b) ? undefined : 'warning';
}

function consequenceOf(relation: ProtoportRelation, severity: Severity | undefined): string {
  if (relation === 'disjoint') return 'the traffic selectors share no traffic, so the Child SA is refused; write the same protocol and port on both sides';
  if (severity === undefined) return 'Libreswan takes only its own traffic selectors unless a conn says narrowing=yes, so the Child SA is refused whichever side starts the tunnel; write the same selector on both sides';
  return 'Libreswan and Openswan do not narrow traffic selectors (strongSwan does), so the Child SA is refused at least when one of the two sides starts the tunnel; write the same selector on both sides';
}
