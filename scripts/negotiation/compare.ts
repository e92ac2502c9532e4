import type { DaemonReason } from './classify';
import { contains } from './net4';
import type { Prediction } from './predict';
import type { Host } from './pki';
import type { PairCase } from './spec';
import { peerOf, sideOf } from './spec';

/** Which daemon reasons each of our rules explains: a failure "matches" when one predicted rule maps to the daemon's reason. */
export const RULE_REASONS: Readonly<Record<string, readonly DaemonReason[]>> = {
  'peer-id-mismatch': ['peer-id', 'auth-failed', 'no-psk', 'no-connection'],
  'peer-address-mismatch': ['no-response', 'no-connection'],
  'peer-missing-conn': ['no-response', 'no-connection'],
  'peer-type-mismatch': ['mode-mismatch', 'child-no-proposal', 'ts-unacceptable'],
  'peer-authby-mismatch': ['auth-method', 'auth-failed', 'sign-failed', 'no-connection'],
  'peer-pfs-mismatch': ['pfs-mismatch', 'child-no-proposal', 'rekey-no-proposal'],
  'peer-cert-mismatch': ['auth-failed', 'peer-id'],
  'peer-cert-not-sent': ['peer-id', 'auth-failed', 'cert-untrusted'],
  'ca-missing': ['cert-untrusted'],
  'ca-basic-constraint': ['cert-untrusted'],
  'cert-revoked': ['cert-untrusted'],
  'strict-crl-missing': ['cert-untrusted'],
  'cert-validity': ['cert-expired', 'cert-untrusted', 'conn-not-loaded'],
  'cert-id-mismatch': ['peer-id', 'auth-failed', 'cert-untrusted'],
  'cert-file-missing': ['conn-not-loaded', 'auth-method'],
  'cert-key-type-authby': ['sign-failed', 'auth-method', 'auth-failed'],
  'cert-key-usage': ['cert-untrusted', 'peer-id', 'auth-failed'],
  'ikev1-authby': ['conn-not-loaded'],
  'peer-proposal-mismatch': ['ike-no-proposal', 'child-no-proposal'],
  'peer-ike-version-mismatch': ['no-connection'],
  'peer-aggressive-mismatch': ['auth-method', 'auth-failed', 'no-connection', 'no-response'],
  'peer-subnet-mismatch': ['ts-unacceptable'],
  'peer-protoport-mismatch': ['ts-unacceptable', 'no-connection', 'peer-id'],
  'peer-psk-mismatch': ['auth-failed', 'no-psk'],
  'conn-psk-missing': ['no-psk', 'auth-failed'],
  'private-key-missing': ['auth-method', 'sign-failed', 'conn-not-loaded'],
  'private-key-entry-missing': ['auth-method', 'sign-failed', 'conn-not-loaded'],
  'also-conflict': ['conn-not-loaded'],
  'also-undefined': ['conn-not-loaded'],
  'also-cycle': ['conn-not-loaded'],
  'include-cycle': ['config-rejected', 'conn-not-loaded'],
  'include-missing': ['conn-not-loaded'],
  'duplicate-conn-in-node': ['conn-not-loaded'],
  'libreswan-conn-refused': ['conn-not-loaded'],
  'strongswan-ike-no-dh': ['conn-not-loaded'],
  'conn-family-mismatch': ['conn-not-loaded'],
};

export const OUTCOMES = ['agree-up', 'agree-fails', 'agree-fails-other-reason', 'missed', 'false-alarm', 'undecidable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Comparison {
  readonly outcome: Outcome;
  /** Why the IKE-level verdict cannot tell, for the undecidable bucket. */
  readonly undecidable?: string;
  readonly matchedRules: readonly string[];
}

/**
 * Cases where the responder accepted (the verdict at IKE level) but the initiator would still
 * check the response, which this kernel never lets it see: those are not counted either way.
 */
export function pendingInitiatorCheck(pair: PairCase, initiator: Host = 'west'): string | undefined {
  const i = sideOf(pair, initiator).conn;
  const r = sideOf(pair, peerOf(initiator)).conn;
  if ((i.type ?? 'tunnel') !== (r.type ?? 'tunnel')) {
    if (i.ikev2 === 'no' || r.ikev2 === 'no') return `IKEv1: the responder (type=${r.type}) takes the initiator's ${i.type} mode without comparing it with its own, both ways; whether SAs in one mode carry traffic for the other side's ${r.type} policy is decided by the kernel, beyond the IKE level`;
    return `the initiator (type=${i.type}) never sees the responder's ${r.type} reply: the kernel refused the SA first`;
  }
  const covers = (outer: string | undefined, inner: string | undefined): boolean => outer === inner || (outer !== undefined && inner !== undefined && contains(outer, inner));
  if (!covers(r.rightsubnet, i.leftsubnet) || !covers(r.leftsubnet, i.rightsubnet)) return 'the responder had to narrow the traffic selectors; whether the initiator accepts the narrowed ones is not observable here';
  return undefined;
}

/** What the daemons said: the verdict, its reason, and which sides initiated on the way. */
export interface DaemonSummary {
  readonly verdict: 'up' | 'fails';
  readonly reason: DaemonReason;
  readonly directions?: readonly { readonly initiator: Host }[];
}

export function compare(pair: PairCase, prediction: Prediction, daemon: DaemonSummary): Comparison {
  const matchedRules = prediction.errorCodes.filter((code) => RULE_REASONS[code]?.includes(daemon.reason));
  if (daemon.verdict === 'up') {
    const initiators = daemon.directions?.map((d) => d.initiator) ?? ['west' as const];
    const pending = initiators.map((initiator) => pendingInitiatorCheck(pair, initiator)).find((p) => p !== undefined);
    if (pending) return { outcome: 'undecidable', undecidable: pending, matchedRules };
    return { outcome: prediction.verdict === 'up' ? 'agree-up' : 'false-alarm', matchedRules };
  }
  if (prediction.verdict === 'up') return { outcome: 'missed', matchedRules };
  return { outcome: matchedRules.length > 0 ? 'agree-fails' : 'agree-fails-other-reason', matchedRules };
}
