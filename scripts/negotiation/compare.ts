import type { DaemonReason } from './classify';
import { contains } from './net4';
import type { Prediction } from './predict';
import type { PairCase } from './spec';

/** Which daemon reasons each of our rules explains: a failure "matches" when one predicted rule maps to the daemon's reason. */
export const RULE_REASONS: Readonly<Record<string, readonly DaemonReason[]>> = {
  'peer-id-mismatch': ['peer-id', 'auth-failed', 'no-psk', 'no-connection'],
  'peer-address-mismatch': ['no-response', 'no-connection'],
  'peer-type-mismatch': ['mode-mismatch', 'child-no-proposal', 'ts-unacceptable'],
  'peer-authby-mismatch': ['auth-method', 'auth-failed', 'sign-failed', 'no-connection'],
  'peer-pfs-mismatch': ['pfs-mismatch', 'child-no-proposal'],
  'peer-cert-mismatch': ['auth-failed', 'peer-id'],
  'ca-missing': ['cert-untrusted'],
  'cert-validity': ['cert-expired', 'cert-untrusted'],
  'cert-id-mismatch': ['peer-id', 'auth-failed'],
  'cert-file-missing': ['conn-not-loaded'],
  'peer-proposal-mismatch': ['ike-no-proposal', 'child-no-proposal'],
  'peer-ike-version-mismatch': ['no-connection'],
  'peer-subnet-mismatch': ['ts-unacceptable'],
  'peer-psk-mismatch': ['auth-failed', 'no-psk'],
  'private-key-missing': ['auth-method', 'sign-failed', 'conn-not-loaded'],
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
export function pendingInitiatorCheck(pair: PairCase): string | undefined {
  const w = pair.west.conn;
  const e = pair.east.conn;
  if ((w.type ?? 'tunnel') !== (e.type ?? 'tunnel')) return `the initiator (type=${w.type}) never sees the responder's ${e.type} reply: the kernel refused the SA first`;
  const covers = (outer: string | undefined, inner: string | undefined): boolean => outer === inner || (outer !== undefined && inner !== undefined && contains(outer, inner));
  if (!covers(e.rightsubnet, w.leftsubnet) || !covers(e.leftsubnet, w.rightsubnet)) return 'the responder had to narrow the traffic selectors; whether the initiator accepts the narrowed ones is not observable here';
  return undefined;
}

export function compare(pair: PairCase, prediction: Prediction, daemon: { verdict: 'up' | 'fails'; reason: DaemonReason }): Comparison {
  const matchedRules = prediction.errorCodes.filter((code) => RULE_REASONS[code]?.includes(daemon.reason));
  if (daemon.verdict === 'up') {
    const pending = pendingInitiatorCheck(pair);
    if (pending) return { outcome: 'undecidable', undecidable: pending, matchedRules };
    return { outcome: prediction.verdict === 'up' ? 'agree-up' : 'false-alarm', matchedRules };
  }
  if (prediction.verdict === 'up') return { outcome: 'missed', matchedRules };
  return { outcome: matchedRules.length > 0 ? 'agree-fails' : 'agree-fails-other-reason', matchedRules };
}
