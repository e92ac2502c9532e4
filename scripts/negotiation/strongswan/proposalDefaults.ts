import { DIALECT, pair, scenario, withoutSetting, withSetting, type Change, type Scenario } from './scenarios';

const set = (key: string, value: string): Change => (side) => withSetting(side, key, value);
const unset = (key: string): Change => (side) => withoutSetting(side, key);
const then = (...changes: Change[]): Change => (side) => changes.reduce((changed, change) => change(changed), side);
const asIkev1: Change = (side) => withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]);
/** strongSwan's `esp=` naming a DH group: Libreswan's default `pfs=yes` offers one in Quick Mode, which charon then must accept. */
const withPfsEsp = set('esp', DIALECT.strongswan.pfsEsp);

/** A Libreswan west and a strongSwan east over IKEv1, east's `esp=` naming a DH group. */
function mixedIkev1(): { west: Scenario['west']; east: Scenario['east'] } {
  const base = pair('libreswan', 'strongswan', 'psk');
  return { west: asIkev1(base.west), east: withPfsEsp(asIkev1(base.east)) };
}

/**
 * A Libreswan west whose `ike=`/`esp=` leave a part to its defaults (DH group, integrity, key
 * size) against a strongSwan east that insists on one choice (`!`): whether that choice is among
 * Libreswan's defaults decides the tunnel.
 */
export function proposalDefaultScenarios(): Scenario[] {
  const psk = pair('libreswan', 'strongswan', 'psk');
  return [
    scenario('mixed-ike-default-dh', "west's IKE proposal names no DH group; east insists on MODP-2048", psk, set('ike', 'aes256-sha256-modp2048!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ike-default-dh-ecp', "west's IKE proposal names no DH group; east insists on ECP-256", psk, set('ike', 'aes256-sha256-ecp256!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ike-default-dh-modp1536', "west's IKE proposal names no DH group; east insists on MODP-1536", psk, set('ike', 'aes256-sha256-modp1536!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ike-default-key-size', "west's IKE proposal names AES without a key size; east insists on AES-128", psk, set('ike', 'aes128-sha256-modp2048!'), set('ike', 'aes-sha2_256-modp2048')),
    scenario('mixed-ike-default-prf', "west's IKE proposal names only a cipher; east insists on SHA-384", psk, set('ike', 'aes256-sha384-modp2048!'), set('ike', 'aes256')),
    scenario('mixed-esp-default-integrity', "west's ESP proposal names no integrity; east insists on SHA-256", psk, set('esp', 'aes256-sha256!'), set('esp', 'aes256')),
    scenario('mixed-esp-default-integrity-sha1', "west's ESP proposal names no integrity; east insists on SHA-1", psk, set('esp', 'aes256-sha1!'), set('esp', 'aes256')),
    scenario('mixed-esp-gcm-default-size', "west's ESP proposal names AES-GCM without a key size; east insists on AES-128-GCM", psk, set('esp', 'aes128gcm16!'), set('esp', 'aes_gcm')),
    scenario('mixed-esp-default-key-size', "west's ESP proposal names AES without a key size; east insists on AES-128", psk, set('esp', 'aes128-sha256!'), set('esp', 'aes-sha2_256')),
  ];
}

/** A strongSwan east whose strict `ike=`/`esp=` leave a part out. */
export function strongswanOmissionScenarios(west: 'strongswan' | 'libreswan', tag: string): Scenario[] {
  const psk = pair(west, 'strongswan', 'psk');
  const ikev1 = { west: asIkev1(psk.west), east: asIkev1(psk.east) };
  return [
    scenario(`${tag}-sw-ike-no-dh`, "east's strict IKE proposal names no DH group", psk, set('ike', 'aes256-sha256!')),
    scenario(`${tag}-sw-esp-no-integrity`, "east's strict ESP proposal names AES-CBC without integrity", psk, set('esp', 'aes256!')),
    scenario(`${tag}-sw-ike-no-size`, "east's strict IKE proposal names AES without a key size", psk, set('ike', 'aes-sha256-modp2048!')),
    scenario(`${tag}-sw-ike-no-dh-open`, "east's only IKE proposal names no DH group, in a list without ! (strongSwan's defaults do not save it)", psk, set('ike', 'aes256-sha256')),
    scenario(`${tag}-sw-ike-one-no-dh`, "east's first IKE proposal names no DH group; the second would serve", psk, set('ike', 'aes256-sha256,aes256-sha256-modp2048!')),
    scenario(`${tag}-sw-ikev1-ike-no-dh`, "IKEv1; east's strict IKE proposal names no DH group", ikev1, set('ike', 'aes256-sha256!')),
  ];
}

/**
 * The same omissions over IKEv1, where Libreswan's defaults differ (SHA-1 among them; MODP-2048
 * and MODP-1536 alone before 4.15, so ECP-256 is refused). East insisting on MODP-1536
 * is among `pfsGroupScenarios` (the IKE SA comes up, then Quick Mode's PFS group differs).
 */
export function ikev1DefaultScenarios(): Scenario[] {
  const psk = mixedIkev1();
  return [
    scenario('mixed-ikev1-ike-default-dh', "IKEv1; west's IKE proposal names no DH group; east insists on MODP-2048", psk, set('ike', 'aes256-sha256-modp2048!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ikev1-ike-default-dh-ecp', "IKEv1; west's IKE proposal names no DH group; east insists on ECP-256", psk, set('ike', 'aes256-sha256-ecp256!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ikev1-ike-default-hash', "IKEv1; west's IKE proposal names only a cipher; east insists on SHA-1", psk, set('ike', 'aes256-sha1-modp2048!'), set('ike', 'aes256')),
    scenario('mixed-ikev1-esp-default-integrity-sha1', "IKEv1; west's ESP proposal names no integrity; east insists on SHA-1", psk, set('esp', 'aes256-sha1-modp2048!'), set('esp', 'aes256')),
  ];
}

/**
 * A Libreswan west that sets no `ike=` or no `esp=` at all, against a strongSwan east that
 * insists on one proposal: Libreswan then offers only its built-in list (over IKEv2 AES-GCM and
 * AES-CBC with SHA-2 and DH groups from MODP-2048 up; over IKEv1 AES-CBC or 3DES with SHA-2 or
 * SHA-1, MODP-2048 or MODP-1536, and for ESP AES-128-CBC or 3DES with SHA-1 before 4.15).
 */
export function absentListScenarios(): Scenario[] {
  const base = pair('libreswan', 'strongswan', 'psk');
  const ikev1 = mixedIkev1();
  return [
    scenario('mixed-ike-absent-modp1024', 'west sets no ike=; east insists on AES-256, SHA-1 and MODP-1024', base, set('ike', 'aes256-sha1-modp1024!'), unset('ike')),
    scenario('mixed-ike-absent-agreed', 'west sets no ike=; east insists on AES-128, SHA-256 and ECP-256', base, set('ike', 'aes128-sha256-ecp256!'), unset('ike')),
    scenario('mixed-esp-absent-3des', 'west sets no esp=; east insists on 3DES with SHA-1', base, set('esp', '3des-sha1!'), unset('esp')),
    scenario('mixed-esp-absent-agreed', 'west sets no esp=; east insists on AES-128-GCM', base, set('esp', 'aes128gcm16!'), unset('esp')),
    scenario('mixed-ikev1-ike-absent-modp1024', 'IKEv1; west sets no ike=; east insists on AES-128, SHA-1 and MODP-1024', ikev1, set('ike', 'aes128-sha1-modp1024!'), unset('ike')),
    scenario('mixed-ikev1-ike-absent-aes128', 'IKEv1; west sets no ike=; east insists on AES-128, SHA-1 and MODP-2048', ikev1, set('ike', 'aes128-sha1-modp2048!'), unset('ike')),
    scenario('mixed-ikev1-ike-absent-aes256', 'IKEv1; west sets no ike=; east insists on AES-256, SHA-256 and MODP-2048', ikev1, set('ike', 'aes256-sha256-modp2048!'), unset('ike')),
    scenario('mixed-ikev1-ike-absent-ecp256', 'IKEv1; west sets no ike=; east insists on AES-256, SHA-256 and ECP-256', ikev1, set('ike', 'aes256-sha256-ecp256!'), unset('ike')),
    scenario('mixed-ikev1-esp-absent-sha256', 'IKEv1; west sets no esp=; east insists on AES-128 with SHA-256', ikev1, set('esp', 'aes128-sha256-modp2048!'), unset('esp')),
    scenario('mixed-ikev1-esp-absent-sha1', 'IKEv1; west sets no esp=; east insists on AES-128 with SHA-1', ikev1, set('esp', 'aes128-sha1-modp2048!'), unset('esp')),
    scenario('mixed-ikev1-esp-absent-3des', 'IKEv1; west sets no esp=; east insists on 3DES with SHA-1', ikev1, set('esp', '3des-sha1-modp2048!'), unset('esp')),
    scenario('mixed-ikev1-esp-absent-aes256', 'IKEv1; west sets no esp=; east insists on AES-256 with SHA-1', ikev1, set('esp', 'aes256-sha1-modp2048!'), unset('esp')),
  ];
}

/**
 * A strongSwan east that sets no `ike=`/`esp=`, or one without `!`, so that charon offers its
 * default proposals (5.9.8: no MODP-1024 or MODP-1536 for IKE, no 3DES for ESP, AES-GCM from
 * 5.9.0), against a west that insists on one proposal.
 */
export function strongswanDefaultScenarios(): Scenario[] {
  const mixed = pair('libreswan', 'strongswan', 'psk');
  const both = pair('strongswan', 'strongswan', 'psk');
  const ikev1 = mixedIkev1();
  const open = set('ike', 'aes128-sha256-ecp256');
  return [
    scenario('mixed-sw-ike-absent-modp1024', 'east sets no ike=; west insists on AES-256, SHA-1 and MODP-1024', mixed, unset('ike'), set('ike', 'aes256-sha1-modp1024')),
    scenario('mixed-sw-ike-absent-agreed', "east sets no ike=; west's AES-256, SHA-256 and MODP-2048 are among its defaults", mixed, unset('ike')),
    scenario('mixed-sw-ike-open-modp1536', "east's ike= has no '!'; west insists on AES-128, SHA-1 and MODP-1536", mixed, open, set('ike', 'aes128-sha1-modp1536')),
    scenario('mixed-sw-ike-open-3des', "east's ike= has no '!'; west's 3DES, SHA-1 and MODP-2048 are among its defaults", mixed, open, set('ike', '3des-sha1-modp2048')),
    scenario('mixed-sw-esp-absent-3des', 'east sets no esp=; west insists on 3DES with SHA-1', mixed, unset('esp'), set('esp', '3des-sha1')),
    scenario('mixed-sw-esp-absent-gcm', "east sets no esp=; west's AES-256-GCM is among its defaults", mixed, unset('esp'), set('esp', DIALECT.libreswan.aeadEsp)),
    scenario('mixed-sw-esp-absent-sha1', "east sets no esp=; west's AES-128 with SHA-1 is among its defaults", mixed, unset('esp'), set('esp', 'aes128-sha1')),
    scenario('mixed-ikev1-sw-ike-absent-modp1024', 'IKEv1; east sets no ike=; west insists on AES-128, SHA-1 and MODP-1024', ikev1, unset('ike'), set('ike', 'aes128-sha1-modp1024')),
    scenario('sw-ike-absent-modp1024', 'east sets no ike=; west insists on AES-128, SHA-1 and MODP-1024', both, unset('ike'), set('ike', 'aes128-sha1-modp1024!')),
    scenario('sw-esp-absent-3des', 'east sets no esp=; west insists on 3DES with SHA-1', both, unset('esp'), set('esp', '3des-sha1!')),
  ];
}

/**
 * IKEv1 with PFS on both ends, whose Quick Mode groups differ: a group named in `esp=` on each
 * side, or on the Libreswan side none, so that it takes the IKE SA's group.
 */
export function pfsGroupScenarios(): Scenario[] {
  const mixed = mixedIkev1();
  const both = pair('strongswan', 'strongswan', 'psk');
  const strongswanV1 = { west: withPfsEsp(asIkev1(both.west)), east: withPfsEsp(asIkev1(both.east)) };
  const waits = set('auto', 'add');
  return [
    scenario('mixed-ikev1-pfs-group-from-ike-sa', "IKEv1; west's esp= names no group, so Quick Mode takes the IKE SA's MODP-1536; east's esp= insists on MODP-2048", mixed, set('ike', 'aes256-sha256-modp1536!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ikev1-pfs-group-from-ike-sa-3072', "IKEv1; west's esp= names no group and the IKE SA's is MODP-3072; east's esp= insists on MODP-2048", mixed, set('ike', 'aes256-sha256-modp3072!'), set('ike', 'aes256-sha2_256-modp3072')),
    scenario('mixed-ikev1-pfs-group-from-ike-sa-agreed', "IKEv1; west's esp= names no group and the IKE SA's is MODP-2048, as east's esp= insists", mixed, set('ike', 'aes256-sha256-modp2048!'), set('ike', 'aes256-sha2_256')),
    scenario('mixed-ikev1-pfs-group-explicit', "IKEv1; west's esp= names MODP-3072, east's MODP-2048", mixed, (e) => e, set('esp', 'aes256-sha2_256;modp3072')),
    scenario('mixed-ikev1-pfs-group-explicit-agreed', "IKEv1; west's esp= names MODP-2048, as east's does, with an IKE SA on MODP-3072", mixed, set('ike', 'aes256-sha256-modp3072!'), then(set('ike', 'aes256-sha2_256-modp3072'), set('esp', 'aes256-sha2_256;modp2048'))),
    // pluto as the responder takes the initiator's group: with west only waiting (auto=add), east's start brings it up.
    scenario('mixed-ikev1-pfs-group-from-ike-sa-east-starts', "IKEv1; as mixed-ikev1-pfs-group-from-ike-sa, but west only waits (auto=add) and east starts it", mixed, set('ike', 'aes256-sha256-modp1536!'), then(set('ike', 'aes256-sha2_256'), waits), ['east']),
    scenario('mixed-ikev1-pfs-group-explicit-east-starts', "IKEv1; as mixed-ikev1-pfs-group-explicit, but west only waits (auto=add) and east starts it", mixed, (e) => e, then(set('esp', 'aes256-sha2_256;modp3072'), waits), ['east']),
    scenario('sw-ikev1-pfs-group-explicit', "IKEv1; west's esp= names MODP-3072, east's MODP-2048", strongswanV1, (e) => e, set('esp', 'aes256-sha256-modp3072!')),
    scenario('sw-ikev1-pfs-group-explicit-east-starts', "IKEv1; as sw-ikev1-pfs-group-explicit, started by east: charon refuses the group as the responder too", strongswanV1, (e) => e, set('esp', 'aes256-sha256-modp3072!'), ['east']),
  ];
}
