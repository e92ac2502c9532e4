import { DIALECT, pair, scenario, withoutSetting, withSetting, type Scenario } from './scenarios';

/**
 * A Libreswan west whose `ike=`/`esp=` leave a part to its defaults (DH group, integrity, key
 * size) against a strongSwan east that insists on one choice (`!`): whether that choice is among
 * Libreswan's defaults decides the tunnel.
 */
export function proposalDefaultScenarios(): Scenario[] {
  const psk = pair('libreswan', 'strongswan', 'psk');
  const west = (key: 'ike' | 'esp', value: string) => (w: typeof psk.west) => withSetting(w, key, value);
  const east = (key: 'ike' | 'esp', value: string) => (e: typeof psk.east) => withSetting(e, key, value);
  return [
    scenario('mixed-ike-default-dh', "west's IKE proposal names no DH group; east insists on MODP-2048", psk, east('ike', 'aes256-sha256-modp2048!'), west('ike', 'aes256-sha2_256')),
    scenario('mixed-ike-default-dh-ecp', "west's IKE proposal names no DH group; east insists on ECP-256", psk, east('ike', 'aes256-sha256-ecp256!'), west('ike', 'aes256-sha2_256')),
    scenario('mixed-ike-default-dh-modp1536', "west's IKE proposal names no DH group; east insists on MODP-1536", psk, east('ike', 'aes256-sha256-modp1536!'), west('ike', 'aes256-sha2_256')),
    scenario('mixed-ike-default-key-size', "west's IKE proposal names AES without a key size; east insists on AES-128", psk, east('ike', 'aes128-sha256-modp2048!'), west('ike', 'aes-sha2_256-modp2048')),
    scenario('mixed-ike-default-prf', "west's IKE proposal names only a cipher; east insists on SHA-384", psk, east('ike', 'aes256-sha384-modp2048!'), west('ike', 'aes256')),
    scenario('mixed-esp-default-integrity', "west's ESP proposal names no integrity; east insists on SHA-256", psk, east('esp', 'aes256-sha256!'), west('esp', 'aes256')),
    scenario('mixed-esp-default-integrity-sha1', "west's ESP proposal names no integrity; east insists on SHA-1", psk, east('esp', 'aes256-sha1!'), west('esp', 'aes256')),
    scenario('mixed-esp-gcm-default-size', "west's ESP proposal names AES-GCM without a key size; east insists on AES-128-GCM", psk, east('esp', 'aes128gcm16!'), west('esp', 'aes_gcm')),
    scenario('mixed-esp-default-key-size', "west's ESP proposal names AES without a key size; east insists on AES-128", psk, east('esp', 'aes128-sha256!'), west('esp', 'aes-sha2_256')),
  ];
}

/** A strongSwan east whose strict `ike=`/`esp=` leave a part out. */
export function strongswanOmissionScenarios(west: 'strongswan' | 'libreswan', tag: string): Scenario[] {
  const psk = pair(west, 'strongswan', 'psk');
  const v1 = (side: typeof psk.west) => withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]);
  const ikev1 = { west: v1(psk.west), east: v1(psk.east) };
  const east = (key: 'ike' | 'esp', value: string) => (e: typeof psk.east) => withSetting(e, key, value);
  return [
    scenario(`${tag}-sw-ike-no-dh`, "east's strict IKE proposal names no DH group", psk, east('ike', 'aes256-sha256!')),
    scenario(`${tag}-sw-esp-no-integrity`, "east's strict ESP proposal names AES-CBC without integrity", psk, east('esp', 'aes256!')),
    scenario(`${tag}-sw-ike-no-size`, "east's strict IKE proposal names AES without a key size", psk, east('ike', 'aes-sha256-modp2048!')),
    scenario(`${tag}-sw-ike-no-dh-open`, "east's only IKE proposal names no DH group, in a list without ! (strongSwan's defaults do not save it)", psk, east('ike', 'aes256-sha256')),
    scenario(`${tag}-sw-ike-one-no-dh`, "east's first IKE proposal names no DH group; the second would serve", psk, east('ike', 'aes256-sha256,aes256-sha256-modp2048!')),
    scenario(`${tag}-sw-ikev1-ike-no-dh`, "IKEv1; east's strict IKE proposal names no DH group", ikev1, east('ike', 'aes256-sha256!')),
  ];
}

/**
 * The same omissions over IKEv1, where Libreswan's defaults differ (SHA-1 among them; MODP-2048
 * and MODP-1536 alone before 4.15, so ECP-256 is refused). East insisting on MODP-1536
 * is among `pfsGroupScenarios` (the IKE SA comes up, then Quick Mode's PFS group differs).
 */
export function ikev1DefaultScenarios(): Scenario[] {
  const base = pair('libreswan', 'strongswan', 'psk');
  const v1 = (side: typeof base.west) => withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]);
  // Libreswan's default pfs=yes offers a DH group in Quick Mode; strongSwan's esp= must then name one.
  const psk = { west: v1(base.west), east: withSetting(v1(base.east), 'esp', DIALECT.strongswan.pfsEsp) };
  const west = (key: 'ike' | 'esp', value: string) => (w: typeof psk.west) => withSetting(w, key, value);
  const east = (key: 'ike' | 'esp', value: string) => (e: typeof psk.east) => withSetting(e, key, value);
  return [
    scenario('mixed-ikev1-ike-default-dh', "IKEv1; west's IKE proposal names no DH group; east insists on MODP-2048", psk, east('ike', 'aes256-sha256-modp2048!'), west('ike', 'aes256-sha2_256')),
    scenario('mixed-ikev1-ike-default-dh-ecp', "IKEv1; west's IKE proposal names no DH group; east insists on ECP-256", psk, east('ike', 'aes256-sha256-ecp256!'), west('ike', 'aes256-sha2_256')),
    scenario('mixed-ikev1-ike-default-hash', "IKEv1; west's IKE proposal names only a cipher; east insists on SHA-1", psk, east('ike', 'aes256-sha1-modp2048!'), west('ike', 'aes256')),
    scenario('mixed-ikev1-esp-default-integrity-sha1', "IKEv1; west's ESP proposal names no integrity; east insists on SHA-1", psk, east('esp', 'aes256-sha1-modp2048!'), west('esp', 'aes256')),
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
  const v1 = (side: typeof base.west) => withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]);
  const ikev1 = { west: v1(base.west), east: withSetting(v1(base.east), 'esp', DIALECT.strongswan.pfsEsp) };
  const unset = (key: 'ike' | 'esp') => (w: typeof base.west) => withoutSetting(w, key);
  const east = (key: 'ike' | 'esp', value: string) => (e: typeof base.east) => withSetting(e, key, value);
  return [
    scenario('mixed-ike-absent-modp1024', 'west sets no ike=; east insists on AES-256, SHA-1 and MODP-1024', base, east('ike', 'aes256-sha1-modp1024!'), unset('ike')),
    scenario('mixed-ike-absent-agreed', 'west sets no ike=; east insists on AES-128, SHA-256 and ECP-256', base, east('ike', 'aes128-sha256-ecp256!'), unset('ike')),
    scenario('mixed-esp-absent-3des', 'west sets no esp=; east insists on 3DES with SHA-1', base, east('esp', '3des-sha1!'), unset('esp')),
    scenario('mixed-esp-absent-agreed', 'west sets no esp=; east insists on AES-128-GCM', base, east('esp', 'aes128gcm16!'), unset('esp')),
    scenario('mixed-ikev1-ike-absent-modp1024', 'IKEv1; west sets no ike=; east insists on AES-128, SHA-1 and MODP-1024', ikev1, east('ike', 'aes128-sha1-modp1024!'), unset('ike')),
    scenario('mixed-ikev1-ike-absent-aes128', 'IKEv1; west sets no ike=; east insists on AES-128, SHA-1 and MODP-2048', ikev1, east('ike', 'aes128-sha1-modp2048!'), unset('ike')),
    scenario('mixed-ikev1-ike-absent-aes256', 'IKEv1; west sets no ike=; east insists on AES-256, SHA-256 and MODP-2048', ikev1, east('ike', 'aes256-sha256-modp2048!'), unset('ike')),
    scenario('mixed-ikev1-ike-absent-ecp256', 'IKEv1; west sets no ike=; east insists on AES-256, SHA-256 and ECP-256', ikev1, east('ike', 'aes256-sha256-ecp256!'), unset('ike')),
    scenario('mixed-ikev1-esp-absent-sha256', 'IKEv1; west sets no esp=; east insists on AES-128 with SHA-256', ikev1, east('esp', 'aes128-sha256-modp2048!'), unset('esp')),
    scenario('mixed-ikev1-esp-absent-sha1', 'IKEv1; west sets no esp=; east insists on AES-128 with SHA-1', ikev1, east('esp', 'aes128-sha1-modp2048!'), unset('esp')),
    scenario('mixed-ikev1-esp-absent-3des', 'IKEv1; west sets no esp=; east insists on 3DES with SHA-1', ikev1, east('esp', '3des-sha1-modp2048!'), unset('esp')),
    scenario('mixed-ikev1-esp-absent-aes256', 'IKEv1; west sets no esp=; east insists on AES-256 with SHA-1', ikev1, east('esp', 'aes256-sha1-modp2048!'), unset('esp')),
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
  const v1 = (side: typeof mixed.west) => withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]);
  const ikev1 = { west: v1(mixed.west), east: withSetting(v1(mixed.east), 'esp', DIALECT.strongswan.pfsEsp) };
  const unset = (key: 'ike' | 'esp') => (e: typeof mixed.east) => withoutSetting(e, key);
  const set = (key: 'ike' | 'esp', value: string) => (side: typeof mixed.west) => withSetting(side, key, value);
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
  const base = pair('libreswan', 'strongswan', 'psk');
  const v1 = (side: typeof base.west) => withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]);
  const mixed = { west: v1(base.west), east: withSetting(v1(base.east), 'esp', DIALECT.strongswan.pfsEsp) };
  const both = pair('strongswan', 'strongswan', 'psk');
  const strongswanV1 = { west: withSetting(v1(both.west), 'esp', DIALECT.strongswan.pfsEsp), east: withSetting(v1(both.east), 'esp', DIALECT.strongswan.pfsEsp) };
  const set = (key: 'ike' | 'esp', value: string) => (side: typeof base.west) => withSetting(side, key, value);
  const then = (...changes: Array<(side: typeof base.west) => typeof base.west>) => (side: typeof base.west) => changes.reduce((s, change) => change(s), side);
  const waits = (side: typeof base.west) => withSetting(side, 'auto', 'add');
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
