import type { CaseResult } from './campaign';
import { RULE_REASONS } from './compare';

export interface Diagnosis {
  /**
   * check: our rule is wrong or missing; limit: the IKE-level verdict cannot tell; reason: both
   * fail and pluto stops at another symptom of the same change; unknown: not looked at yet.
   */
  readonly kind: 'check' | 'limit' | 'reason' | 'unknown';
  /** The rule to fix, or the one to add. */
  readonly rule?: string;
  readonly text: string;
}

/** What pluto does (fact) and what our checks lack (gap, used when no rule flagged the case at all). */
interface Known {
  readonly rule: string;
  readonly fact: string;
  readonly gap: string;
}

type Explain = (r: CaseResult) => Known | undefined;

const v1 = (r: CaseResult): boolean => r.pair.west.conn.ikev2 === 'no' || r.pair.east.conn.ikev2 === 'no';
const unsetOnOneSide = (r: CaseResult, key: string): boolean => (r.pair.west.conn[key] === undefined) !== (r.pair.east.conn[key] === undefined);

/** Known reasons for "we said up, pluto failed", by mutation. */
const MISSED: Readonly<Record<string, Explain>> = {
  'psk-differs': () => ({ rule: 'peer-psk-mismatch (new)', fact: 'pluto fails with AUTHENTICATION_FAILED (IKEv2) or a hash/decryption failure in Main Mode (IKEv1)', gap: 'no rule compares the PSKs the two ipsec.secrets select for the pair' }),
  'psk-selector-ips': () => ({ rule: 'secrets-no-psk-for-conn (new)', fact: 'Libreswan looks the PSK up by the conn\'s IDs (@fqdn/e-mail) and an entry keyed by addresses does not match ("no preshared key found" / AUTHENTICATION_FAILED)', gap: 'no rule checks that ipsec.secrets has a PSK for the pair of IDs the conn uses' }),
  'ike-disjoint': () => ({ rule: 'peer-proposal-mismatch', fact: 'pluto answers NO_PROPOSAL_CHOSEN in IKE_SA_INIT / Main Mode', gap: 'no rule intersects the two ike= lists' }),
  'esp-disjoint': () => ({ rule: 'peer-proposal-mismatch', fact: 'the Child SA is refused with NO_PROPOSAL_CHOSEN', gap: 'no rule intersects the two esp= lists' }),
  'ike-version-differs': () => ({ rule: 'peer-ike-version-mismatch', fact: 'the responder has no conn for that IKE version', gap: 'ikev2=yes and ikev2=no are not compared' }),
  'subnet-not-mirrored': () => ({ rule: 'peer-subnet-mismatch', fact: 'TS_UNACCEPTABLE / "No IKEv2 connection found with compatible Traffic Selectors"', gap: "rightsubnet is not compared with the peer's leftsubnet" }),
  'subnet-resized': () => ({ rule: 'peer-subnet-mismatch', fact: 'Libreswan 4 refuses wider and narrower selectors alike (no narrowing without narrowing=yes)', gap: "rightsubnet is not compared with the peer's leftsubnet" }),
  'pfs-differs': (r) =>
    v1(r)
      ? { rule: 'peer-pfs-mismatch', fact: 'with IKEv1 the responder with pfs=yes refuses an initiator with pfs=no ("we require PFS but Quick I1 SA specifies no GROUP_DESCRIPTION"); the other direction works', gap: `${unsetOnOneSide(r, 'pfs') ? 'pfs is unset on one side (Libreswan default: yes) and the rule has no fallback' : 'the rule is only a warning'}; use fallback yes and make it an error for IKEv1 conns` }
      : undefined,
  'cert-expired': () => ({ rule: 'cert-validity', fact: 'Libreswan refuses to load a conn whose own certificate is expired ("failed to add connection: left certificate … is expired or not yet valid")', gap: 'cert-validity should be an error' }),
  'other-ca': (r) =>
    r.pair[r.pair.mutatedSide ?? 'west'].cacerts.includes('other')
      ? { rule: 'ca-missing', fact: 'the peer rejects the certificate: SEC_ERROR_UNKNOWN_ISSUER', gap: "ca-missing checks a node's own certificate against its own cacerts only; this gateway trusts its own (other) CA, the peer does not. Check the peer's leftcert against our cacerts across the pair" }
      : undefined,
  'ec-authby-default': () => ({ rule: 'libreswan4-ecdsa-authby (new)', fact: 'Libreswan 4 signs with RSA unless authby=ecdsa: NSS SEC_ERROR_INVALID_KEY, a zero-length signature, AUTHENTICATION_FAILED', gap: 'no rule knows that an EC certificate needs authby=ecdsa in Libreswan 4' }),
  'rightid-differs': (r) =>
    r.pair.base.idForm === 'none' && r.pair.base.auth !== 'psk'
      ? { rule: 'peer-id-mismatch', fact: 'the peer has leftcert and no leftid, so it presents its certificate subject DN, which rightid does not match', gap: 'effectiveId() returns undefined for a side with a certificate and no leftid; use the certificate subject when the file can be read' }
      : undefined,
  'right-address-differs': () => ({ rule: 'peer-address-mismatch (pairing)', fact: 'the responder finds no conn for the initiator\'s address, or the initiator sends into the void', gap: 'without explicit IDs on both sides only the two addresses count for pairing; one right and one wrong address score 0 < 2, so the conns are never paired and no peer-* rule runs' }),
  'authby-differs': (r) =>
    unsetOnOneSide(r, 'authby') ? { rule: 'peer-authby-mismatch', fact: 'one side offers a PSK, the other (authby unset) certificates', gap: 'authby is unset on one side and the rule has no fallback; Libreswan 4 defaults to authby=rsasig,ecdsa' } : undefined,
};

/** Known reasons for "we said fails, pluto came up", by mutation. */
const FALSE_ALARM: Readonly<Record<string, Explain>> = {
  'authby-equivalent': () => ({ rule: 'peer-authby-mismatch', fact: 'authby=rsasig,ecdsa and authby=rsasig share rsasig and authenticate fine', gap: 'the rule compares the whole sorted list; report only when the two method sets do not intersect' }),
};

const ikev1Authby = (r: CaseResult): boolean =>
  (['west', 'east'] as const).some((h) => r.pair[h].conn.ikev2 === 'no' && /ecdsa/.test(r.pair[h].conn.authby ?? ''));

/** Known reasons for "both fail, for another reason than our rule names", by mutation. */
const OTHER_REASON: Readonly<Record<string, (r: CaseResult) => Diagnosis | undefined>> = {
  'authby-equivalent': (r) =>
    ikev1Authby(r) ? { kind: 'check', rule: 'ikev1-authby (new, single file)', text: 'with ikev2=no Libreswan 4 refuses the conn at load time ("ikev1 connection must use authby= of rsasig, secret or never"); peer-authby-mismatch fires only by accident' } : undefined,
  'authby-differs': (r) =>
    ikev1Authby(r)
      ? { kind: 'check', rule: 'ikev1-authby (new, single file)', text: 'with ikev2=no Libreswan 4 refuses a conn with authby=ecdsa at load time ("ikev1 connection must use authby= of rsasig, secret or never")' }
      : r.daemon.reason === 'peer-id'
        ? { kind: 'reason', text: 'the side switched to authby=secret presents its address as ID (no leftid; the certificate is not used), so the peer stops at the ID check before it would see the method' }
        : undefined,
};

export function diagnose(r: CaseResult): Diagnosis | undefined {
  const outcome = r.comparison.outcome;
  if (outcome === 'undecidable') return { kind: 'limit', text: r.comparison.undecidable ?? 'IKE-level limit' };
  if (outcome === 'agree-up' || outcome === 'agree-fails') return undefined;
  const table = outcome === 'missed' ? MISSED : outcome === 'false-alarm' ? FALSE_ALARM : {};
  const known = table[r.pair.mutation]?.(r);
  const warned = r.prediction.warningCodes;
  if (outcome === 'missed' && warned.length > 0) {
    return { kind: 'check', rule: warned.join(', '), text: `${warned.join(', ')} reports it only at warning severity, but pluto fails (${r.daemon.reason})${known ? `: ${known.fact}` : ''}. Make it an error` };
  }
  if (known) return { kind: 'check', rule: known.rule, text: `${known.fact}; ${known.gap}` };
  if (outcome === 'agree-fails-other-reason') {
    const other = OTHER_REASON[r.pair.mutation]?.(r);
    if (other) return other;
  }
  const unmapped = r.prediction.errorCodes.filter((code) => !(code in RULE_REASONS));
  if (outcome === 'agree-fails-other-reason' && unmapped.length > 0) return { kind: 'unknown', text: `rule ${unmapped.join(', ')} has no entry in RULE_REASONS (scripts/negotiation/compare.ts); pluto's reason: ${r.daemon.reason}` };
  if (outcome === 'agree-fails-other-reason') return { kind: 'unknown', text: `both fail, but pluto's reason ${r.daemon.reason} is not one ${r.prediction.errorCodes.join(', ')} explains` };
  return { kind: 'unknown', text: `${outcome} for mutation ${r.pair.mutation}: not yet diagnosed` };
}
