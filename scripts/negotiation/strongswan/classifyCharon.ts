import { firstMatch, type DaemonReason, type DaemonVerdict } from '../classify';
import { show } from '../logs';
import type { Host } from '../pki';

/** One line of a daemon's log, as seen from the pair: who wrote it, when (ms into the day), what. */
export interface PairLogLine {
  readonly host: Host;
  readonly t: number;
  readonly text: string;
}

/** charon's filelog lines (`12:34:56.789 07[IKE] text`), with continuation lines dropped. */
export function parseCharonLog(host: Host, text: string): PairLogLine[] {
  const lines: PairLogLine[] = [];
  for (const raw of text.split('\n')) {
    const match = /^(\d\d):(\d\d):(\d\d)\.(\d{3}) \d+\[(\w+)\] (.*)$/.exec(raw);
    if (!match) continue;
    const [, h, m, s, ms, , rest] = match;
    lines.push({ host, t: ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms), text: rest });
  }
  return lines;
}

const IKE_UP = /IKE_SA \S+ established between|established IKE SA|IKE SA established|ISAKMP SA established/;
/**
 * A side went on to install the Child SA: every check is behind it. The responder does so first
 * over IKEv2; over IKEv1 the initiator installs on the responder's Quick Mode answer, which
 * carries the responder's choice.
 */
const CHILD_ACCEPTED = /unable to install inbound and outbound IPsec SA \(SAD\) in kernel|CHILD_SA \S+ established|netlink response for Add SA|setup_half_ipsec_sa\(\) hit fail|established Child SA/;

/** Causes as charon 5.9 words them (pluto's for a Libreswan side); the earliest decides. */
const CAUSES: ReadonlyArray<readonly [DaemonReason | 'no-proposal', RegExp]> = [
  ['cert-expired', /certificate .* (has expired|is not valid|not valid (before|after|until))|expired or not yet valid|SEC_ERROR_EXPIRED/i],
  ['cert-untrusted', /no issuer certificate found|no trusted (RSA|ECDSA|\w+) public key found|constraint check failed|SEC_ERROR_UNKNOWN_ISSUER|no Certificate Authority in NSS|end certificate invalid/],
  ['no-psk', /no shared key found for|no preshared key found|unable to locate my pre-?shared key/i],
  ['auth-method', /none allows [\w-]+ ?[\w-]* authentication using (Main|Aggressive) Mode|peer requested \S+ authentication, but|no private key found for|private key not found|peer attempted \w+ authentication but we want/i],
  ['peer-id', /no matching peer config found|X509: authentication failed|Peer ID '.*' mismatched|no certificate matched/],
  ['auth-failed', /MAC mismatched|signature validation failed|verification of .* failed|authentication of .* failed|authentication failed|INVALID_HASH_INFORMATION/],
  ['no-connection', /no IKE config found for|no suitable connection|no connection (found|is known)/],
  ['ts-unacceptable', /no acceptable traffic selectors found|traffic selectors .* unacceptable|No IKEv2 connection found with compatible Traffic Selectors/i],
  ['mode-mismatch', /policy dictates (Transport|Tunnel) Mode, but peer requested/i],
  ['no-proposal', /no acceptable proposal found|no local proposal matches remote proposals/],
];

const CONSEQUENCES: ReadonlyArray<readonly [DaemonReason | 'no-proposal', RegExp]> = [
  ['auth-failed', /AUTHENTICATION_FAILED/],
  ['ts-unacceptable', /TS_UNACCEPTABLE/],
  ['peer-id', /INVALID_ID_INFORMATION/],
  ['no-proposal', /NO_PROPOSAL_CHOSEN/],
  ['no-response', /giving up after \d+ retransmits|peer not responding/],
];

export interface CharonClassifyInput {
  readonly lines: readonly PairLogLine[];
  readonly responder: Host;
  readonly startErrors: readonly string[];
  /** No more lines will come: an undecided state is then a failure. */
  readonly final: boolean;
}

/**
 * The verdict of one negotiation from both logs: up only when both sides hold the IKE SA and a
 * side went on to install the Child SA; undefined while nothing decisive was logged and more may come.
 */
export function classifyPairLogs(input: CharonClassifyInput): DaemonVerdict | undefined {
  if (input.startErrors.length > 0) return { verdict: 'fails', reason: 'conn-not-loaded', line: input.startErrors[0] };
  const events = [...input.lines].sort((a, b) => a.t - b.t);
  const upOn = (host: Host): boolean => events.some((l) => l.host === host && IKE_UP.test(l.text));
  const accepted = events.find((l) => CHILD_ACCEPTED.test(l.text));
  if (upOn('west') && upOn('east') && accepted) return { verdict: 'up', reason: 'up', line: show(accepted) };
  const decided = firstMatch(events, CAUSES, IKE_UP) ?? firstMatch(events, CONSEQUENCES, IKE_UP);
  if (decided || !input.final) return decided;
  return { verdict: 'fails', reason: 'other', line: events.length > 0 ? show(events[events.length - 1]) : undefined };
}
