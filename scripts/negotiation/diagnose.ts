import type { CaseResult } from './campaign';
import { RULE_REASONS } from './compare';

export interface Diagnosis {
  /**
   * limit: the IKE-level verdict cannot tell; reason: both fail and pluto stops at another
   * symptom of the same change; unknown: a disagreement nobody has explained yet, which is a
   * bug in a rule (or in the harness) until shown otherwise.
   */
  readonly kind: 'limit' | 'reason' | 'unknown';
  readonly rule?: string;
  readonly text: string;
}

/** Both fail, and pluto names another cause than the rule we report: known, harmless differences. */
const OTHER_REASON: ReadonlyArray<(r: CaseResult) => Diagnosis | undefined> = [
  (r) =>
    r.pair.mutation === 'authby-differs' && r.daemon.reason === 'peer-id'
      ? { kind: 'reason', rule: 'peer-authby-mismatch', text: 'the side switched to authby=secret presents its address as ID (the certificate is not used), so the peer stops at the ID check before it sees the method' }
      : undefined,
  (r) =>
    r.pair.mutation === 'duplicate-conn' && r.pair.base.auth !== 'psk' && r.daemon.reason === 'auth-method' && r.prediction.errorCodes.includes('peer-id-mismatch')
      ? { kind: 'reason', rule: 'peer-id-mismatch', text: "pluto keeps the first definition of the conn, the copy with another rightid and no certificate, and stops when it finds no private key to sign with, before the ID check; a key may come from outside ipsec.conf (ipsec whack --keyid), so no rule judges a conn without one" }
      : undefined,
  (r) =>
    r.pair.mutation === 'protoport-any-port' && r.daemon.reason === 'conn-not-loaded' && r.prediction.errorCodes.includes('peer-protoport-mismatch')
      ? { kind: 'reason', rule: 'peer-protoport-mismatch', text: 'a %any port in rightprotoport= makes the conn a template, which pluto 5.2 does not initiate ("routing: unhandled INITIATED, UNROUTED, TEMPLATE"); started from the peer, the Child SA gets TS_UNACCEPTABLE' }
      : undefined,
];

export function diagnose(r: CaseResult): Diagnosis | undefined {
  const outcome = r.comparison.outcome;
  if (outcome === 'undecidable') return { kind: 'limit', text: r.comparison.undecidable ?? 'IKE-level limit' };
  if (outcome === 'agree-up' || outcome === 'agree-fails') return undefined;
  if (outcome === 'agree-fails-other-reason') {
    for (const explain of OTHER_REASON) {
      const known = explain(r);
      if (known) return known;
    }
    const unmapped = r.prediction.errorCodes.filter((code) => !(code in RULE_REASONS));
    if (unmapped.length > 0) return { kind: 'unknown', text: `rule ${unmapped.join(', ')} has no entry in RULE_REASONS (scripts/negotiation/compare.ts); pluto's reason: ${r.daemon.reason}` };
    return { kind: 'unknown', text: `both fail, but pluto's reason ${r.daemon.reason} is not one ${r.prediction.errorCodes.join(', ')} explains` };
  }
  const warned = r.prediction.warningCodes;
  if (outcome === 'missed' && warned.length > 0) return { kind: 'unknown', rule: warned.join(', '), text: `${warned.join(', ')} reports it below error severity, but pluto fails (${r.daemon.reason})` };
  return { kind: 'unknown', text: `${outcome} for mutation ${r.pair.mutation}: not explained; a rule (or the harness) is wrong until shown otherwise` };
}
