import { isEventLine, mergeLogs, parseLog, show, type LogLine } from './logs';
import type { Host } from './pki';

export const DAEMON_REASONS = [
  'up',
  'auth-failed',
  'auth-method',
  'sign-failed',
  'no-psk',
  'peer-id',
  'cert-untrusted',
  'cert-expired',
  'ike-no-proposal',
  'child-no-proposal',
  'rekey-no-proposal',
  'pfs-mismatch',
  'mode-mismatch',
  'ts-unacceptable',
  'no-connection',
  'conn-not-loaded',
  'config-rejected',
  'no-response',
  'daemon-crashed',
  'other',
] as const;
export type DaemonReason = (typeof DAEMON_REASONS)[number];

export const REASON_TEXT: Readonly<Record<DaemonReason, string>> = {
  up: 'IKE SA on both sides and the responder chose the Child SA',
  'auth-failed': 'AUTH payload did not verify (wrong PSK or key)',
  'auth-method': 'the sides authenticate with different methods, or one lacks the credential its method needs',
  'sign-failed': 'a side could not sign with its own key for the configured method (zero-length signature)',
  'no-psk': 'no PSK in ipsec.secrets for the pair of IDs',
  'peer-id': "the peer's ID or certificate does not match what the conn expects",
  'cert-untrusted': "the peer's certificate does not chain to a trusted CA",
  'cert-expired': 'a certificate is expired or not yet valid',
  'ike-no-proposal': 'no common IKE proposal (NO_PROPOSAL_CHOSEN in IKE_SA_INIT / Main Mode)',
  'child-no-proposal': 'no common ESP proposal for the Child SA',
  'rekey-no-proposal': 'the Child SA came up, but the peer refused to rekey it (NO_PROPOSAL_CHOSEN in CREATE_CHILD_SA)',
  'pfs-mismatch': 'the responder requires PFS and the initiator offers none',
  'mode-mismatch': 'tunnel vs transport refused by the responder',
  'ts-unacceptable': 'traffic selectors (subnets) do not match',
  'no-connection': 'the responder has no conn for this peer (address, IKE version or method)',
  'conn-not-loaded': 'pluto refused to load a conn',
  'config-rejected': 'pluto could not read its ipsec.conf and exited at start',
  'no-response': 'nobody answered (timeout)',
  'daemon-crashed': 'a pluto exited during the negotiation',
  other: 'undecided after the timeout',
};

export interface DaemonVerdict {
  readonly verdict: 'up' | 'fails';
  readonly reason: DaemonReason;
  /** `east: "west" #1: …`: the log line the verdict rests on. */
  readonly line?: string;
}

export interface ClassifyInput {
  readonly westLog: string;
  readonly eastLog: string;
  /** `west: addconn …` lines when a conn did not load or the initiate command failed. */
  readonly startErrors: readonly string[];
  readonly crashed: readonly string[];
  /** The negotiation ran out of time: an undecided state is then a failure. */
  readonly final: boolean;
  /** The side that answers (the other one initiates). */
  readonly responder: Host;
}

const IKE_UP = /established IKE SA|IKE SA established|ISAKMP SA established/;
const CHILD_INSTALL = /netlink response for Add SA|setup_half_ipsec_sa\(\) hit fail|IPsec SA established|established Child SA/;

/** Causes, as pluto 4.10 words them; the earliest such line decides. */
const CAUSES: ReadonlyArray<readonly [DaemonReason, RegExp]> = [
  ['cert-expired', /expired or not yet valid|SEC_ERROR_EXPIRED|certificate has expired/i],
  ['conn-not-loaded', /failed to add connection|no connection named/],
  ['cert-untrusted', /no Certificate Authority in NSS|SEC_ERROR_UNKNOWN_ISSUER|SEC_ERROR_UNTRUSTED_(ISSUER|CERT)|SEC_ERROR_CA_CERT_INVALID/],
  ['sign-failed', /sign function failed|zero-length signature/],
  ['auth-method', /peer attempted \w+ authentication but we want|private key not found|peer authentication requires hash algorithm/i],
  ['no-psk', /no preshared key found|unable to locate my pre-?shared key|no PSK/i],
  ['peer-id', /X509: authentication failed|no certificate matched|Peer ID '.*' mismatched|peer ID .* does not match|INVALID_ID_INFORMATION/],
  ['auth-failed', /authentication failed|probable authentication failure|computed hash does not match|signature .* failed to verify|INVALID_HASH_INFORMATION/i],
  ['ike-no-proposal', /no acceptable Oakley Transform|no local proposal matches remote proposals \d+:IKE/],
  ['pfs-mismatch', /require PFS but|PFS .* not (allowed|accepted)/i],
  ['mode-mismatch', /policy dictates Transport Mode, but peer requested Tunnel Mode|policy dictates Tunnel Mode, but peer requested Transport|requires (tunnel|transport) mode/i],
  ['child-no-proposal', /no local proposal matches remote proposals \d+:(ESP|AH)|no acceptable Proposal in IPsec SA/],
  ['ts-unacceptable', /No IKEv2 connection found with compatible Traffic Selectors|cannot respond to IPsec SA request because no connection is known|no acceptable traffic selector/i],
  ['no-connection', /no suitable connection|no connection (found|is known|has been authorized)|no matching connection/i],
];

/** Consequences (notifications, generic errors): used only when no cause line is found. */
const CONSEQUENCES: ReadonlyArray<readonly [DaemonReason | 'no-proposal', RegExp]> = [
  ['auth-failed', /AUTHENTICATION_FAILED|malformed payload/],
  ['ts-unacceptable', /TS_UNACCEPTABLE/],
  ['no-proposal', /NO_PROPOSAL_CHOSEN/],
  ['cert-untrusted', /end certificate invalid|certificate payload rejected/],
  ['no-response', /No route to host|Host is unreachable/],
];

export function classify(input: ClassifyInput): DaemonVerdict | undefined {
  const west = parseLog('west', input.westLog);
  const east = parseLog('east', input.eastLog);
  const events = mergeLogs(west, east).filter(isEventLine);
  const loadFailure = events.find((l) => /failed to add connection/.test(l.text));
  if (input.startErrors.length > 0) {
    if (loadFailure) return { verdict: 'fails', reason: /expired or not yet valid/.test(loadFailure.text) ? 'cert-expired' : 'conn-not-loaded', line: show(loadFailure) };
    return { verdict: 'fails', reason: 'conn-not-loaded', line: input.startErrors[0] };
  }
  const westUp = west.some((l) => IKE_UP.test(l.text));
  const eastUp = east.some((l) => IKE_UP.test(l.text));
  const responder = input.responder === 'west' ? west : east;
  // Not IKEv2's `proposal … chosen`: the mode is checked after it. The SA install comes after every check.
  const childChosen = responder.find((l) => CHILD_INSTALL.test(l.text));
  if (westUp && eastUp && childChosen) return { verdict: 'up', reason: 'up', line: show(childChosen) };
  const cause = firstMatch(events, CAUSES);
  if (cause) return cause;
  if (input.crashed.length > 0) return { verdict: 'fails', reason: 'daemon-crashed', line: input.crashed[0] };
  const consequence = firstMatch(events, CONSEQUENCES);
  if (consequence && (input.final || consequence.reason !== 'no-response')) return consequence;
  if (!input.final) return undefined;
  const last = events[events.length - 1];
  const responderSawNothing = !responder.some((l) => isEventLine(l) && /#\d+: |^packet from/.test(l.text));
  if (responderSawNothing) {
    const retransmit = events.find((l) => /retransmission/.test(l.text));
    return { verdict: 'fails', reason: 'no-response', line: retransmit ? show(retransmit) : last ? show(last) : undefined };
  }
  return { verdict: 'fails', reason: 'other', line: last ? show(last) : undefined };
}

/**
 * The first line of `events` that a pattern of `table` names, as a failure; a proposal failure
 * counts for the Child SA once a line matching `ikeUp` showed the IKE SA up.
 */
export function firstMatch(events: readonly Pick<LogLine, 'host' | 'text'>[], table: ReadonlyArray<readonly [DaemonReason | 'no-proposal', RegExp]>, ikeUp: RegExp = IKE_UP): DaemonVerdict | undefined {
  let ikeSeen = false;
  for (const line of events) {
    if (ikeUp.test(line.text)) ikeSeen = true;
    for (const [reason, pattern] of table) {
      if (!pattern.test(line.text)) continue;
      const resolved: DaemonReason = reason === 'no-proposal' ? (ikeSeen ? 'child-no-proposal' : 'ike-no-proposal') : reason;
      return { verdict: 'fails', reason: resolved, line: show(line) };
    }
  }
  return undefined;
}
