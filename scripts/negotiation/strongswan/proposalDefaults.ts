import { pair, scenario, withSetting, type Scenario } from './scenarios';

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
  const east = (key: 'ike' | 'esp', value: string) => (e: typeof psk.east) => withSetting(e, key, value);
  return [
    scenario(`${tag}-sw-ike-no-dh`, "east's strict IKE proposal names no DH group", psk, east('ike', 'aes256-sha256!')),
    scenario(`${tag}-sw-esp-no-integrity`, "east's strict ESP proposal names AES-CBC without integrity", psk, east('esp', 'aes256!')),
    scenario(`${tag}-sw-ike-no-size`, "east's strict IKE proposal names AES without a key size", psk, east('ike', 'aes-sha256-modp2048!')),
  ];
}
