import { HOST_FQDN } from '../pki';
import { absentListScenarios, ikev1DefaultScenarios, pfsGroupScenarios, proposalDefaultScenarios, strongswanDefaultScenarios, strongswanOmissionScenarios } from './proposalDefaults';
import { narrowingScenarios, oneSidedNarrowingScenarios, protoportScenarios } from './protoports';
import { rekeyScenarios } from './rekey';
import { DIALECT, hostToHost, pair, PSK, scenario, withoutSetting, withSetting, type Change, type Daemon, type Scenario, type ScenarioSide } from './scenarios';

/** The scenarios for one pairing of daemons: each one change from a consistent pair. */
function scenariosFor(west: Daemon, east: Daemon, tag: string): Scenario[] {
  const psk = pair(west, east, 'psk');
  const rsa = pair(west, east, 'rsa');
  // With certificates a Libreswan west names the CA (rightca=%same), or strongSwan never sends its certificate: see `cert`.
  const rsaAsked = west === 'libreswan' ? { ...rsa, west: withSetting(rsa.west, 'rightca', '%same') } : rsa;
  const ec = pair(west, east, 'ec');
  const ecAsked = west === 'libreswan' ? { ...ec, west: withSetting(ec.west, 'rightca', '%same') } : ec;
  const westDialect = DIALECT[west];
  const bothSides = (change: Change) => (base: { west: ScenarioSide; east: ScenarioSide }) => ({ west: change(base.west), east: change(base.east) });
  const noProposals = bothSides((side) => withoutSetting(withoutSetting(side, 'ike'), 'esp'));
  const gwId = (side: ScenarioSide) => withSetting(side, side.host === 'west' ? 'leftid' : 'rightid', '@gw.west.example');
  const eastDialect = DIALECT[east];
  const disjointIke = east === 'strongswan' ? 'aes128-sha1-modp1024!' : 'aes128-sha1-modp1536';
  const disjointEsp = east === 'strongswan' ? 'aes128-sha1!' : 'aes128-sha1';
  const aead = (side: ScenarioSide) => withSetting(withSetting(side, 'ike', DIALECT[side.daemon].aeadIke), 'esp', DIALECT[side.daemon].aeadEsp);
  // Over IKEv1 PFS is negotiated in Quick Mode: strongSwan's esp= gets the DH group Libreswan's default pfs=yes offers.
  const ikev1 = (side: ScenarioSide) => withSetting(withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]), 'esp', west === 'libreswan' ? DIALECT[side.daemon].pfsEsp : DIALECT[side.daemon].esp);
  const westDn = '"CN=west.example, O=ngt lab"';
  const keyexchangeIke = (auto: string) => (e: ScenarioSide) => withSetting(withSetting(withSetting(e, 'keyexchange', 'ike'), 'esp', DIALECT.strongswan[west === 'libreswan' ? 'pfsEsp' : 'esp']), 'auto', auto);
  const v1Only = (w: ScenarioSide) => withSetting(w, westDialect.v1[0], westDialect.v1[1]);
  // strongSwan's starter keeps the later of two lines that set one key.
  const westId = `@${HOST_FQDN.west}`;
  const rightidTwice = (first: string, last: string) => (e: ScenarioSide): ScenarioSide => {
    const rest = withoutSetting(e, 'rightid');
    return { ...rest, conn: [...rest.conn, ['rightid', first], ['rightid', last]] };
  };
  return [
    scenario(`${tag}-psk`, 'none (PSK)', psk),
    scenario(`${tag}-aead`, 'none (AES-GCM proposals, in each daemon\'s spelling)', bothSides(aead)(psk)),
    scenario(`${tag}-any-id`, 'none (east takes any ID from west: rightid=%any)', psk, (e) => withSetting(e, 'rightid', '%any')),
    scenario(`${tag}-subnet-wider`, "east expects twice west's subnet", psk, (e) => withSetting(e, 'rightsubnet', '198.51.100.0/23')),
    scenario(`${tag}-ikev1-pfs-agreed`, 'none (IKEv1, PFS on both sides or on neither)', bothSides(ikev1)(psk)),
    scenario(`${tag}-aggressive`, 'IKEv1; east asks for aggressive mode', bothSides(ikev1)(psk), (e) => withSetting(e, 'aggressive', 'yes')),
    scenario(`${tag}-keyexchange-ike`, 'west speaks IKEv1 only and starts the tunnel; east (keyexchange=ike, auto=add) answers both versions', psk, keyexchangeIke('add'), v1Only, ['west']),
    scenario(`${tag}-keyexchange-ike-starts`, 'west speaks IKEv1 only; east (keyexchange=ike) starts the tunnel, in IKEv2', psk, keyexchangeIke('start'), v1Only, ['east']),
    scenario(`${tag}-cert-dn-id`, "none (west's ID is its certificate's subject, on both sides)", rsaAsked, (e) => withSetting(e, 'rightid', westDn), (w) => withSetting(w, 'leftid', westDn)),
    scenario(`${tag}-authby-rsasig`, "none (east writes authby=rsasig, strongSwan's other spelling)", rsaAsked, (e) => withSetting(e, 'authby', 'rsasig')),
    scenario(`${tag}-psk-by-address`, 'both ipsec.secrets select the PSK by the two addresses, while the conns use names as IDs', bothSides((side) => ({ ...side, pskSelectors: 'addresses' }))(psk)),
    scenario(`${tag}-psk-by-address-no-ids`, 'none (no IDs, so each side is known by its address, and the PSK selected by the addresses)', bothSides((side) => ({ ...withoutSetting(withoutSetting(side, 'leftid'), 'rightid'), pskSelectors: 'addresses' }))(psk)),
    scenario(`${tag}-psk-any`, 'none (ipsec.secrets holds one PSK for any pair)', bothSides((side) => ({ ...side, pskSelectors: 'any' }))(psk)),
    scenario(`${tag}-defaults-before`, "none (east keeps its IDs and proposals in conn %default, before the conn)", psk, (e) => ({ ...e, defaults: { keys: ['leftid', 'rightid', 'ike', 'esp'], after: false } })),
    scenario(`${tag}-defaults-after`, "east keeps its IDs and proposals in a conn %default written after the conn", psk, (e) => ({ ...e, defaults: { keys: ['leftid', 'rightid', 'ike', 'esp'], after: true } })),
    scenario(`${tag}-esn-only`, "east's ESP proposal insists on extended sequence numbers, west's has none", psk, (e) => withSetting(e, 'esp', 'aes256-sha256-esn!')),
    scenario(`${tag}-psk-differs`, "east's PSK differs", psk, (e) => ({ ...e, psk: `${PSK}-x` })),
    scenario(`${tag}-id-mismatch`, 'east expects another ID of west', psk, (e) => withSetting(e, 'rightid', '@gw.west.example')),
    scenario(`${tag}-id-twice`, "none (east writes rightid= twice, another ID first and west's last)", psk, rightidTwice('@gw.west.example', westId)),
    scenario(`${tag}-id-twice-wrong-last`, "east writes rightid= twice, west's ID first and another last", psk, rightidTwice(westId, '@gw.west.example')),
    scenario(`${tag}-ike-disjoint`, "east's IKE proposal shares nothing", psk, (e) => withSetting(e, 'ike', disjointIke)),
    scenario(`${tag}-esp-disjoint`, "east's ESP proposal shares nothing", psk, (e) => withSetting(e, 'esp', disjointEsp)),
    scenario(`${tag}-ikev1`, 'east speaks IKEv1 only', psk, (e) => withSetting(e, eastDialect.v1[0], eastDialect.v1[1])),
    scenario(`${tag}-ikev1-both`, west === 'libreswan' ? "IKEv1 on both sides, with Libreswan's pfs=yes and strongSwan's esp= without a DH group" : 'none (PSK over IKEv1 on both sides)', psk, (e) => withSetting(e, eastDialect.v1[0], eastDialect.v1[1]), (w) => withSetting(w, westDialect.v1[0], westDialect.v1[1])),
    scenario(`${tag}-default-proposals`, "none (each daemon's default proposals)", noProposals(psk)),
    scenario(`${tag}-ike-superset`, "east's IKE proposals include west's", psk, (e) => withSetting(e, 'ike', `aes128-sha1-modp1024,${DIALECT.strongswan.ike}`)),
    scenario(`${tag}-esp-pfs`, "east's ESP proposal adds a DH group (PFS), west's has none", psk, (e) => withSetting(e, 'esp', 'aes256-sha256-modp2048!')),
    scenario(`${tag}-id-without-at`, "east writes west's ID without @", psk, (e) => withSetting(e, 'rightid', HOST_FQDN.west)),
    scenario(`${tag}-subnet-split`, "east lists west's subnet as its two halves", psk, (e) => withSetting(e, 'rightsubnet', '198.51.100.0/25,198.51.100.128/25')),
    scenario(`${tag}-host-to-subnet`, "east expects west's host only, not its subnet", psk, (e) => withoutSetting(e, 'rightsubnet')),
    scenario(`${tag}-ike-not-strict`, "east's IKE proposal shares nothing with west's but has no ! (strongSwan adds its defaults)", psk, (e) => withSetting(e, 'ike', 'aes128-sha1-modp1024')),
    scenario(`${tag}-subnet-disjoint`, "east expects west's subnet elsewhere", psk, (e) => withSetting(e, 'rightsubnet', '10.9.0.0/24')),
    scenario(`${tag}-subnet-narrower`, "east expects half of west's subnet", psk, (e) => withSetting(e, 'rightsubnet', '198.51.100.0/25')),
    scenario(`${tag}-transport`, 'east wants transport mode', psk, (e) => withSetting(e, 'type', 'transport')),
    scenario(`${tag}-transport-hosts`, 'east wants transport mode; no subnets', hostToHost(psk), (e) => withSetting(e, 'type', 'transport')),
    // Libreswan asks for the peer's certificate only when it names the peer's CA, and strongSwan sends it only when asked.
    scenario(`${tag}-cert`, west === 'libreswan' ? 'west (Libreswan) names no CA with rightca=' : 'none (RSA certificates)', rsa),
    scenario(`${tag}-cert-rightca`, "none (RSA certificates; west names east's CA with rightca=%same)", rsa, undefined, (w) => withSetting(w, 'rightca', '%same')),
    scenario(`${tag}-ec-cert`, west === 'libreswan' ? 'ECDSA certificates; west (Libreswan) names no CA with rightca=' : 'none (ECDSA certificates)', ec),
    scenario(`${tag}-cert-id-not-in-cert`, "both sides use an ID for west that west's certificate does not carry", bothSides(gwId)(rsaAsked)),
    scenario(`${tag}-cert-expired`, "west's certificate has expired", rsaAsked, undefined, (w) => ({ ...w, certVariant: 'expired' })),
    scenario(`${tag}-ec-cert-usage-encipher`, "west's EC certificate allows key encipherment only (keyUsage), which east checks", ecAsked, undefined, (w) => ({ ...w, certVariant: 'ku-encipher' })),
    scenario(`${tag}-ec-cert-usage-encipher-east`, "east's EC certificate allows key encipherment only (keyUsage), which west checks", ecAsked, (e) => ({ ...e, certVariant: 'ku-encipher' })),
    scenario(`${tag}-rsa-cert-usage-encipher`, "west's RSA certificate allows key encipherment only (keyUsage), which east checks", rsaAsked, undefined, (w) => ({ ...w, certVariant: 'ku-encipher' })),
    scenario(`${tag}-rsa-cert-usage-encipher-pinned`, "west's RSA certificate allows key encipherment only (keyUsage); east holds that certificate (rightcert=west.pem)", rsaAsked, (e) => ({ ...withSetting(e, 'rightcert', 'west.pem'), peerCertCopy: true, peerCertCopyVariant: 'ku-encipher' }), (w) => ({ ...w, certVariant: 'ku-encipher' })),
    scenario(`${tag}-ca-flagless`, "west's certificate comes from a CA without basicConstraints CA:TRUE, which both sides keep in cacerts", rsaAsked, (e) => ({ ...e, extraCa: 'flagless' }), (w) => ({ ...w, certVariant: 'flagless-ca', extraCa: 'flagless' })),
    scenario(`${tag}-ca-flagless-only`, "west's certificate comes from a CA without basicConstraints CA:TRUE, the only CA east keeps", rsaAsked, (e) => ({ ...e, trustsCa: false, extraCa: 'flagless' }), (w) => ({ ...w, certVariant: 'flagless-ca', extraCa: 'flagless' })),
    scenario(`${tag}-ca-v1`, "west's certificate comes from a version 1 CA, which both sides keep in cacerts", rsaAsked, (e) => ({ ...e, extraCa: 'v1' }), (w) => ({ ...w, certVariant: 'v1-ca', extraCa: 'v1' })),
    scenario(`${tag}-ec-cert-email-only`, "none (west's EC certificate is for e-mail protection only: extendedKeyUsage)", ecAsked, undefined, (w) => ({ ...w, certVariant: 'eku-email' })),
    scenario(`${tag}-psk-against-cert`, 'east authenticates with a PSK, west with its certificate', rsaAsked, (e) => ({ ...withSetting(e, 'authby', 'secret'), psk: PSK })),
    scenario(`${tag}-sendcert-never`, 'east never sends its certificate (leftsendcert=never), and west holds no copy', rsaAsked, (e) => withSetting(e, 'leftsendcert', 'never')),
    scenario(`${tag}-sendcert-never-pinned`, "none (east never sends its certificate; west holds a copy: rightcert=east.pem)", rsaAsked, (e) => withSetting(e, 'leftsendcert', 'never'), (w) => ({ ...withSetting(w, 'rightcert', 'east.pem'), peerCertCopy: true })),
    scenario(`${tag}-sendcert-never-copy-only`, "east never sends its certificate; west keeps a copy in ipsec.d/certs (and NSS) but names none with rightcert=", rsaAsked, (e) => withSetting(e, 'leftsendcert', 'never'), (w) => ({ ...w, peerCertCopy: true })),
    scenario(`${tag}-key-not-in-secrets`, "east's ipsec.secrets does not name its private key", rsaAsked, (e) => ({ ...e, keyInSecrets: false })),
    scenario(`${tag}-rightca-other`, "east requires west's certificate to come from another CA (rightca=)", rsaAsked, (e) => withSetting(e, 'rightca', '"CN=ngt lab other CA, O=ngt lab"')),
    scenario(`${tag}-leftcert-missing`, "east's leftcert= names a file ipsec.d/certs does not hold", rsaAsked, (e) => withSetting(e, 'leftcert', 'missing.pem')),
    scenario(`${tag}-subnet-family`, "east expects west's subnet as IPv6", psk, (e) => withSetting(e, 'rightsubnet', '2001:db8:1::/64')),
    scenario(`${tag}-ca-missing`, "east does not trust west's CA", rsaAsked, (e) => ({ ...e, trustsCa: false })),
    scenario(`${tag}-ca-missing-pinned`, "east does not trust west's CA but holds west's certificate (rightcert=west.pem)", rsaAsked, (e) => ({ ...withSetting(e, 'rightcert', 'west.pem'), peerCertCopy: true, trustsCa: false })),
    scenario(`${tag}-ca-missing-by-west`, "west does not trust east's CA", rsaAsked, undefined, (w) => ({ ...w, trustsCa: false })),
    scenario(`${tag}-ca-missing-pinned-by-west`, "west does not trust east's CA but holds east's certificate (rightcert=east.pem)", rsaAsked, undefined, (w) => ({ ...withSetting(w, 'rightcert', 'east.pem'), peerCertCopy: true, trustsCa: false })),
    scenario(`${tag}-ca-missing-pinned-other-ca`, "east trusts only another CA, not west's, but holds west's certificate (rightcert=west.pem)", rsaAsked, (e) => ({ ...withSetting(e, 'rightcert', 'west.pem'), peerCertCopy: true, trustsCa: false, trustsOtherCa: true })),
    scenario(`${tag}-ca-missing-pinned-by-west-other-ca`, "west trusts only another CA, not east's, but holds east's certificate (rightcert=east.pem)", rsaAsked, undefined, (w) => ({ ...withSetting(w, 'rightcert', 'east.pem'), peerCertCopy: true, trustsCa: false, trustsOtherCa: true })),
    scenario(`${tag}-ikev1-psk-by-address`, 'IKEv1 on both sides; both ipsec.secrets select the PSK by the two addresses, while the conns use names as IDs', bothSides((side) => ({ ...ikev1(side), pskSelectors: 'addresses' }))(psk)),
    scenario(`${tag}-cert-id-mismatch`, 'east expects another ID of west', rsaAsked, (e) => withSetting(e, 'rightid', '@gw.west.example')),
    scenario(`${tag}-crl-revokes-west`, "east holds its CA's CRL (ipsec.d/crls), which revokes west's certificate", rsaAsked, (e) => ({ ...e, crl: 'revokes-peer' })),
    scenario(`${tag}-crl-no-aki`, "none (east holds a CRL revoking west's certificate, but without the authority key identifier strongSwan finds a CA's lists by)", rsaAsked, (e) => ({ ...e, crl: 'revokes-peer-no-aki' })),
    scenario(`${tag}-crl-empty`, "none (east holds a current CRL of the CA that revokes nothing)", rsaAsked, (e) => ({ ...e, crl: 'empty' })),
    scenario(`${tag}-crl-expired`, "none (east holds only an expired CRL of the CA, and no strict CRL policy)", rsaAsked, (e) => ({ ...e, crl: 'expired' })),
    scenario(`${tag}-strict-crl-missing`, 'east has strictcrlpolicy=yes and no CRL of the CA', rsaAsked, (e) => ({ ...e, strictCrlPolicy: true })),
    scenario(`${tag}-strict-crl-current`, "none (east has strictcrlpolicy=yes and a current CRL of the CA)", rsaAsked, (e) => ({ ...e, strictCrlPolicy: true, crl: 'empty' })),
    scenario(`${tag}-strict-crl-no-aki`, 'east has strictcrlpolicy=yes and only a CRL of the CA without an authority key identifier', rsaAsked, (e) => ({ ...e, strictCrlPolicy: true, crl: 'empty-no-aki' })),
    scenario(`${tag}-strict-crl-expired`, 'east has strictcrlpolicy=yes and only an expired CRL of the CA', rsaAsked, (e) => ({ ...e, strictCrlPolicy: true, crl: 'expired' })),
    ...protoportScenarios(west, east, tag),
  ];
}

/**
 * strongSwan on both sides, then a Libreswan gateway (west) with a strongSwan one (east); for the
 * selectors, whose outcome depends on which daemon narrows, Libreswan with itself and strongSwan
 * (west) with Libreswan (east) as well.
 */
export const SCENARIOS: readonly Scenario[] = [
  ...scenariosFor('strongswan', 'strongswan', 'sw'),
  ...scenariosFor('libreswan', 'strongswan', 'mixed'),
  ...protoportScenarios('libreswan', 'libreswan', 'lsw'),
  ...protoportScenarios('strongswan', 'libreswan', 'swl'),
  ...narrowingScenarios('libreswan', 'strongswan', 'mixed'),
  ...narrowingScenarios('libreswan', 'libreswan', 'lsw'),
  ...narrowingScenarios('strongswan', 'libreswan', 'swl'),
  ...oneSidedNarrowingScenarios(),
  ...proposalDefaultScenarios(),
  ...strongswanOmissionScenarios('strongswan', 'sw'),
  ...strongswanOmissionScenarios('libreswan', 'mixed'),
  ...ikev1DefaultScenarios(),
  ...absentListScenarios(),
  ...strongswanDefaultScenarios(),
  ...pfsGroupScenarios(),
  ...rekeyScenarios(),
];
