import type { CaName, CertVariant, Host, KeyAlg } from './pki';

export type AuthFamily = 'psk' | 'rsa' | 'ec';
export type IdForm = 'fqdn' | 'ip' | 'email' | 'dn' | 'none';
export type PskSelector = 'ids' | 'ips' | 'any';
export type CertFormat = 'pem' | 'der';
/** Where the conn's settings are written: all in the conn, shared ones in `%default` or in an `also=` conn, or the conn in an included file. */
export type ConfLayout = 'flat' | 'default' | 'also' | 'include';

/** What both gateways share before a mutation makes them disagree. */
export interface BaseParams {
  readonly auth: AuthFamily;
  readonly ikev2: boolean;
  readonly type: 'tunnel' | 'transport';
  readonly subnets: boolean;
  readonly idForm: IdForm;
  readonly pskSelector: PskSelector;
  readonly certFormat: CertFormat;
  readonly authbyExplicit: boolean;
  readonly ike?: readonly string[];
  readonly esp?: readonly string[];
  readonly pfs?: 'yes' | 'no';
  readonly layout: ConfLayout;
}

export interface OwnCert {
  alg: KeyAlg;
  variant: CertVariant;
  format: CertFormat;
}

/** One gateway: its conn toward the peer, its secrets and its certificate material. */
export interface SideConfig {
  readonly host: Host;
  readonly connName: string;
  /** The conn's effective settings, in the order they are written. */
  conn: Record<string, string>;
  layout: ConfLayout;
  /** Lines written in the conn's own section besides `conn` (also=, or a key its also= conn sets too). */
  ownOverrides?: Record<string, string>;
  /** An also= line in the shared conn of the `also` layout. */
  sharedAlso?: string;
  /** Lines written in ipsec.conf after config setup, before the conns. */
  preamble?: string[];
  /** Lines added to ipsec.conf after everything else (extra sections, includes). */
  extraConf: string[];
  /** Files written next to ipsec.conf, by path relative to etc/ (e.g. an included file). */
  extraFiles: Record<string, string>;
  secrets: string[];
  secretsMode: number;
  cert?: OwnCert;
  /** The own certificate is neither in ipsec.d/certs nor in the NSS database. */
  certAbsent?: boolean;
  /** With rightcert=: which of the peer's certificates this side holds a copy of. */
  peerCertCopy?: CertVariant;
  cacerts: CaName[];
  /** config setup's ikev1-policy: `accept` unless a mutation drops it or leaves the line out. */
  ikev1Policy?: 'drop' | 'unset';
}

export interface PairCase {
  readonly index: number;
  readonly seed: number;
  readonly id: string;
  readonly base: BaseParams;
  mutation: string;
  mutatedSide?: Host;
  detail: string;
  readonly west: SideConfig;
  readonly east: SideConfig;
}

export function sideOf(pair: PairCase, host: Host): SideConfig {
  return host === 'west' ? pair.west : pair.east;
}

export function peerOf(host: Host): Host {
  return host === 'west' ? 'east' : 'west';
}

/** The initiator is always west; the responder decides the verdict at IKE level. */
export const INITIATOR: Host = 'west';
