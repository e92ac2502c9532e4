import { HOST_ADDRESS, HOST_FQDN, type CaName, type CertVariant, type Host, type KeyAlg } from '../pki';
import type { CrlKind } from './crls';

export type Daemon = 'strongswan' | 'libreswan';
export type Auth = 'psk' | 'rsa' | 'ec';

/** One gateway of a scenario: its daemon, its conn (in order), and what its node folder holds besides. */
export interface ScenarioSide {
  readonly host: Host;
  readonly daemon: Daemon;
  readonly auth: Auth;
  readonly conn: ReadonlyArray<readonly [string, string]>;
  readonly psk?: string;
  /** CAs in ipsec.d/cacerts (for Libreswan, in its NSS database too). */
  readonly trustsCa: boolean;
  /** Which of the cached PKI's certificates this side presents (with certificates). */
  readonly certVariant: CertVariant;
  /** How ipsec.secrets selects the PSK: by the two IDs (the default), by the two addresses, or for any pair. */
  readonly pskSelectors?: 'ids' | 'addresses' | 'any';
  /** strongSwan's private key: named in ipsec.secrets (the default) or left out. */
  readonly keyInSecrets?: boolean;
  /** A copy of the peer's certificate in ipsec.d/certs (and NSS), as `<peer>.pem`, for rightcert=. */
  readonly peerCertCopy?: boolean;
  /** Which of the peer's certificates that copy is (the good one unless said). */
  readonly peerCertCopyVariant?: CertVariant;
  /** Another CA, which issued neither side's certificate, in ipsec.d/cacerts (and NSS, trusted). */
  readonly trustsOtherCa?: boolean;
  /** One more CA in ipsec.d/cacerts (and NSS, trusted), as `<name>.pem`: a CA that issued a certificate variant. */
  readonly extraCa?: CaName;
  /** A CRL of the main CA in ipsec.d/crls (strongSwan sides). */
  readonly crl?: CrlKind;
  /** `strictcrlpolicy=yes` in config setup (strongSwan sides). */
  readonly strictCrlPolicy?: boolean;
  /** Settings moved from the conn into `conn %default`, written before the conn (the usual place) or after it. */
  readonly defaults?: { readonly keys: readonly string[]; readonly after: boolean };
}

export function keyAlgOf(side: ScenarioSide): KeyAlg | undefined {
  return side.auth === 'psk' ? undefined : side.auth;
}

export interface Scenario {
  readonly name: string;
  /** What differs from a consistent pair, in a few words. */
  readonly change: string;
  readonly west: ScenarioSide;
  readonly east: ScenarioSide;
  /** Who starts the tunnel in production, so whose start counts; both unless one side's conn only waits (auto=add). */
  readonly startedBy?: readonly Host[];
  /** A rule whose warning is the right prediction when the daemons fail: the failure depends on which side starts the tunnel, or shows only at rekeying. */
  readonly atRiskRule?: string;
  /** The tunnel must also survive the first rekey of its Child SA (strongSwan on both ends, with SAs kept in charon). */
  readonly rekey?: boolean;
}

export const CONN_NAME = 'tunnel';
export const SUBNET: Record<Host, string> = { west: '198.51.100.0/24', east: '203.0.113.0/24' };
export const PSK = 'Vq7lzM3xY0sJd9Rk2WbPfT8c';

const other = (host: Host): Host => (host === 'west' ? 'east' : 'west');

/** Each daemon's spelling of the same proposals and IKE version. */
export const DIALECT: Record<Daemon, { ike: string; esp: string; aeadIke: string; aeadEsp: string; pfsEsp: string; v2: readonly [string, string]; v1: readonly [string, string]; authby: Record<Auth, string> }> = {
  strongswan: {
    ike: 'aes256-sha256-modp2048!',
    esp: 'aes256-sha256!',
    aeadIke: 'aes256gcm16-prfsha256-modp2048!',
    aeadEsp: 'aes256gcm16!',
    pfsEsp: 'aes256-sha256-modp2048!',
    v2: ['keyexchange', 'ikev2'],
    v1: ['keyexchange', 'ikev1'],
    authby: { psk: 'secret', rsa: 'pubkey', ec: 'pubkey' },
  },
  libreswan: {
    ike: 'aes256-sha2_256-modp2048',
    esp: 'aes256-sha2_256',
    aeadIke: 'aes_gcm256-sha2_256-modp2048',
    aeadEsp: 'aes_gcm256-null',
    pfsEsp: 'aes256-sha2_256',
    v2: ['ikev2', 'insist'],
    v1: ['ikev2', 'no'],
    authby: { psk: 'secret', rsa: 'rsasig', ec: 'ecdsa' },
  },
};

function baseSide(host: Host, daemon: Daemon, auth: Auth): ScenarioSide {
  const d = DIALECT[daemon];
  const peer = other(host);
  const conn: Array<readonly [string, string]> = [
    d.v2,
    ['authby', d.authby[auth]],
    ['left', HOST_ADDRESS[host]],
    ['leftid', `@${HOST_FQDN[host]}`],
    ['leftsubnet', SUBNET[host]],
    ...(auth === 'psk' ? [] : [['leftcert', `${host}.pem`] as const]),
    ['right', HOST_ADDRESS[peer]],
    ['rightid', `@${HOST_FQDN[peer]}`],
    ['rightsubnet', SUBNET[peer]],
    ['ike', d.ike],
    ['esp', d.esp],
    // A Libreswan gateway that starts its tunnels, as production ones do; the harness adds the conn by name, which starts nothing.
    ['auto', daemon === 'libreswan' ? 'start' : 'add'],
  ];
  return { host, daemon, auth, conn, psk: auth === 'psk' ? PSK : undefined, trustsCa: auth !== 'psk', certVariant: 'good' };
}

export function pair(west: Daemon, east: Daemon, auth: Auth): { west: ScenarioSide; east: ScenarioSide } {
  return { west: baseSide('west', west, auth), east: baseSide('east', east, auth) };
}

/** The side with `key` set to `value` (added at the end when the conn lacks it). */
export function withSetting(side: ScenarioSide, key: string, value: string): ScenarioSide {
  const has = side.conn.some(([k]) => k === key);
  const conn = has ? side.conn.map(([k, v]) => (k === key ? ([k, value] as const) : ([k, v] as const))) : [...side.conn, [key, value] as const];
  return { ...side, conn };
}

/** The side without `key`. */
export function withoutSetting(side: ScenarioSide, key: string): ScenarioSide {
  return { ...side, conn: side.conn.filter(([k]) => k !== key) };
}

/** Both sides carrying traffic between their own addresses only. */
export function hostToHost(base: { west: ScenarioSide; east: ScenarioSide }): { west: ScenarioSide; east: ScenarioSide } {
  const strip = (side: ScenarioSide): ScenarioSide => withoutSetting(withoutSetting(side, 'leftsubnet'), 'rightsubnet');
  return { west: strip(base.west), east: strip(base.east) };
}

export type Change = (side: ScenarioSide) => ScenarioSide;

export function scenario(name: string, change: string, base: { west: ScenarioSide; east: ScenarioSide }, changeEast: Change = (e) => e, changeWest: Change = (w) => w, startedBy?: readonly Host[]): Scenario {
  return { name, change, west: changeWest(base.west), east: changeEast(base.east), startedBy };
}
