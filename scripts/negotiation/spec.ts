import type { CaName, CertVariant, Host, KeyAlg } from './pki';

export type AuthFamily = 'psk' | 'rsa' | 'ec';
export type IdForm = 'fqdn' | 'ip' | 'email' | 'dn' | 'none';
export type PskSelector = 'ids' | 'ips' | 'any';
export type CertFormat = 'pem' | 'der';

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
  /** conn settings in the order they are written. */
  conn: Record<string, string>;
  secrets: string[];
  cert?: OwnCert;
  cacerts: CaName[];
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
