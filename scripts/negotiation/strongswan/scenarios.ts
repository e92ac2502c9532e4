import { HOST_ADDRESS, HOST_FQDN, type CertVariant, type Host, type KeyAlg } from '../pki';

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
}

export const CONN_NAME = 'tunnel';
export const SUBNET: Record<Host, string> = { west: '198.51.100.0/24', east: '203.0.113.0/24' };
const PSK = 'Vq7lzM3xY0sJd9Rk2WbPfT8c';

const other = (host: Host): Host => (host === 'west' ? 'east' : 'west');

/** Each daemon's spelling of the same proposals and IKE version. */
const DIALECT: Record<Daemon, { ike: string; esp: string; v2: readonly [string, string]; v1: readonly [string, string]; authby: Record<Auth, string> }> = {
  strongswan: { ike: 'aes256-sha256-modp2048!', esp: 'aes256-sha256!', v2: ['keyexchange', 'ikev2'], v1: ['keyexchange', 'ikev1'], authby: { psk: 'secret', rsa: 'pubkey', ec: 'pubkey' } },
  libreswan: { ike: 'aes256-sha2_256-modp2048', esp: 'aes256-sha2_256', v2: ['ikev2', 'insist'], v1: ['ikev2', 'no'], authby: { psk: 'secret', rsa: 'rsasig', ec: 'ecdsa' } },
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

function pair(west: Daemon, east: Daemon, auth: Auth): { west: ScenarioSide; east: ScenarioSide } {
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
function hostToHost(base: { west: ScenarioSide; east: ScenarioSide }): { west: ScenarioSide; east: ScenarioSide } {
  const strip = (side: ScenarioSide): ScenarioSide => withoutSetting(withoutSetting(side, 'leftsubnet'), 'rightsubnet');
  return { west: strip(base.west), east: strip(base.east) };
}

type Change = (side: ScenarioSide) => ScenarioSide;

function scenario(name: string, change: string, base: { west: ScenarioSide; east: ScenarioSide }, changeEast: Change = (e) => e, changeWest: Change = (w) => w): Scenario {
  return { name, change, west: changeWest(base.west), east: changeEast(base.east) };
}

function scenariosFor(west: Daemon, east: Daemon, tag: string): Scenario[] {
  const psk = pair(west, east, 'psk');
  const rsa = pair(west, east, 'rsa');
  const ec = pair(west, east, 'ec');
  const westDialect = DIALECT[west];
  const bothSides = (change: Change) => (base: { west: ScenarioSide; east: ScenarioSide }) => ({ west: change(base.west), east: change(base.east) });
  const noProposals = bothSides((side) => withoutSetting(withoutSetting(side, 'ike'), 'esp'));
  const gwId = (side: ScenarioSide) => withSetting(side, side.host === 'west' ? 'leftid' : 'rightid', '@gw.west.example');
  const eastDialect = DIALECT[east];
  const disjointIke = east === 'strongswan' ? 'aes128-sha1-modp1024!' : 'aes128-sha1-modp1536';
  const disjointEsp = east === 'strongswan' ? 'aes128-sha1!' : 'aes128-sha1';
  return [
    scenario(`${tag}-psk`, 'none (PSK)', psk),
    scenario(`${tag}-psk-differs`, "east's PSK differs", psk, (e) => ({ ...e, psk: `${PSK}-x` })),
    scenario(`${tag}-id-mismatch`, 'east expects another ID of west', psk, (e) => withSetting(e, 'rightid', '@gw.west.example')),
    scenario(`${tag}-ike-disjoint`, "east's IKE proposal shares nothing", psk, (e) => withSetting(e, 'ike', disjointIke)),
    scenario(`${tag}-esp-disjoint`, "east's ESP proposal shares nothing", psk, (e) => withSetting(e, 'esp', disjointEsp)),
    scenario(`${tag}-ikev1`, 'east speaks IKEv1 only', psk, (e) => withSetting(e, eastDialect.v1[0], eastDialect.v1[1])),
    scenario(`${tag}-ikev1-both`, west === 'libreswan' ? "IKEv1 on both sides, with Libreswan's pfs=yes and strongSwan's esp= without a DH group" : 'none (PSK over IKEv1 on both sides)', psk, (e) => withSetting(e, eastDialect.v1[0], eastDialect.v1[1]), (w) => withSetting(w, westDialect.v1[0], westDialect.v1[1])),
    scenario(`${tag}-default-proposals`, "none (each daemon's default proposals)", noProposals(psk)),
    scenario(`${tag}-ike-superset`, "east's IKE proposals include west's", psk, (e) => withSetting(e, 'ike', `aes128-sha1-modp1024,${DIALECT.strongswan.ike}`)),
    scenario(`${tag}-esp-pfs`, "east's ESP proposal adds a DH group (PFS), west's has none", psk, (e) => withSetting(e, 'esp', 'aes256-sha256-modp2048!')),
    scenario(`${tag}-id-without-at`, "east writes west's ID without @", psk, (e) => withSetting(e, 'rightid', HOST_FQDN.west)),
    scenario(`${tag}-subnet-disjoint`, "east expects west's subnet elsewhere", psk, (e) => withSetting(e, 'rightsubnet', '10.9.0.0/24')),
    scenario(`${tag}-subnet-narrower`, "east expects half of west's subnet", psk, (e) => withSetting(e, 'rightsubnet', '198.51.100.0/25')),
    scenario(`${tag}-transport`, 'east wants transport mode', psk, (e) => withSetting(e, 'type', 'transport')),
    scenario(`${tag}-transport-hosts`, 'east wants transport mode; no subnets', hostToHost(psk), (e) => withSetting(e, 'type', 'transport')),
    // Libreswan asks for the peer's certificate only when it names the peer's CA, and strongSwan sends it only when asked.
    scenario(`${tag}-cert`, west === 'libreswan' ? 'west (Libreswan) names no CA with rightca=' : 'none (RSA certificates)', rsa),
    scenario(`${tag}-cert-rightca`, "none (RSA certificates; west names east's CA with rightca=%same)", rsa, undefined, (w) => withSetting(w, 'rightca', '%same')),
    scenario(`${tag}-ec-cert`, west === 'libreswan' ? 'ECDSA certificates; west (Libreswan) names no CA with rightca=' : 'none (ECDSA certificates)', ec),
    scenario(`${tag}-cert-id-not-in-cert`, "both sides use an ID for west that west's certificate does not carry", bothSides(gwId)(rsa)),
    scenario(`${tag}-cert-expired`, "west's certificate has expired", rsa, undefined, (w) => ({ ...w, certVariant: 'expired' })),
    scenario(`${tag}-psk-against-cert`, 'east authenticates with a PSK, west with its certificate', rsa, (e) => ({ ...withSetting(e, 'authby', 'secret'), psk: PSK })),
    scenario(`${tag}-ca-missing`, "east does not trust west's CA", rsa, (e) => ({ ...e, trustsCa: false })),
    scenario(`${tag}-cert-id-mismatch`, 'east expects another ID of west', rsa, (e) => withSetting(e, 'rightid', '@gw.west.example')),
  ];
}

/** strongSwan on both sides, then a Libreswan gateway (west) with a strongSwan one (east). */
export const SCENARIOS: readonly Scenario[] = [...scenariosFor('strongswan', 'strongswan', 'sw'), ...scenariosFor('libreswan', 'strongswan', 'mixed')];
