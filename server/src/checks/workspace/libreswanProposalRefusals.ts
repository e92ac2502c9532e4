import type { EffectiveConn } from '../../workspace/model';
import { isAead, parseProposals, readProposalWord } from '../../workspace/proposals';
import { isShunt, word, type Refusal } from './libreswanRefusal';

const PROPOSAL_KEYS = ['ike', 'esp', 'phase2alg'] as const;
const DH_WORD = /^(modp\d+(s\d+)?|ecp\d+(bp)?|dh\d+|curve25519|x25519|curve448|x448)$/;

/**
 * Each proposal of a list as libswan reads its first two places: the cipher, then the integrity
 * (ESP) or PRF (IKE) algorithm. What follows `;` is the DH group, where `none` means no PFS.
 */
function leadingWords(value: string): Array<readonly [cipher: string, second: string | undefined]> {
  return value.split(',').map((text) => {
    const [cipher, second] = text.trim().toLowerCase().replace(/!$/, '').split(';')[0].split('-');
    return [cipher, second] as const;
  });
}

/**
 * libswan's proposal parser, at add time: a cipher that is not AEAD needs an integrity algorithm
 * (`none` and `null` in that place are none), and an ESP AEAD cipher takes none (for IKE the word
 * is its PRF). The first proposal pluto stops at is reported.
 */
export function integrityRefusals(conn: EffectiveConn): Refusal[] {
  return PROPOSAL_KEYS.flatMap((key) => {
    const at = conn.values.get(key);
    if (!at) return [];
    const protocol = key === 'ike' ? 'IKE' : 'ESP';
    for (const [cipherWord, second] of leadingWords(at.value)) {
      const ciphers = second ? [...(parseProposals(cipherWord)?.[0]?.encryption ?? [])] : [];
      if (ciphers.length === 0) continue;
      const none = second === 'none' || second === 'null';
      if (none && ciphers.every((c) => !isAead(c))) {
        return [{ at, why: `${key}=${at.value} gives a non-AEAD ${protocol} cipher no integrity algorithm`, remedy: 'name one, such as sha2_256' }];
      }
      if (!none && key !== 'ike' && ciphers.every(isAead) && (parseProposals(`${cipherWord}-${second}`)?.[0]?.integrity.size ?? 0) > 0) {
        return [{ at, why: `${key}=${at.value} gives an AEAD cipher an integrity algorithm, which ESP refuses`, remedy: 'leave it out (for example aes_gcm256-null)' }];
      }
    }
    return [];
  });
}

/**
 * Before 5.4, a DH group right after the cipher stops the conn ("ESP integrity algorithm
 * 'modp2048' is not recognized", seen with 4.10 and 5.2). strongSwan writes `aes128gcm16-modp2048`;
 * Libreswan wants the group after `;`.
 */
export function dhInIntegrityPlace(conn: EffectiveConn): Refusal[] {
  return PROPOSAL_KEYS.flatMap((key) => {
    const at = conn.values.get(key);
    const misplaced = at ? leadingWords(at.value).find(([, second]) => second !== undefined && DH_WORD.test(second)) : undefined;
    if (!at || !misplaced) return [];
    const [cipher, group] = misplaced;
    return [{ at, why: `${key}=${at.value} puts the DH group ${group} where Libreswan reads the ${key === 'ike' ? 'PRF' : 'integrity'} algorithm`, remedy: `name that algorithm first (${cipher}-sha2-${group}) or write ${cipher};${group}` }];
  });
}

/** Additional key exchanges (RFC 9370) came with 5.4: "IKE proposal contains unexpected 'addke1=...'" before. */
export function additionalKeyExchange(conn: EffectiveConn): Refusal[] {
  return (['ike', 'esp'] as const).flatMap((key) => {
    const at = conn.values.get(key);
    const slot = at && /\b(add)?ke\d*=[^;,+-]+/i.exec(at.value);
    const what = slot?.[1] ? `asks for an additional key exchange (${slot[0]})` : `names its key exchange the 5.4 way (${slot?.[0]})`;
    return at && slot ? [{ at, why: `${key}= ${what}, which Libreswan reads only from 5.4 on`, remedy: 'drop it, or run Libreswan 5.4' }] : [];
  });
}

/**
 * DH groups Libreswan 4 and 5 build only when asked to (mk/config.mk: USE_DH2 and USE_DH22 to
 * USE_DH24 follow ALL_ALGS, which is off), and MODP-768, which they do not have at all: pluto says
 * "IKE DH algorithm 'modp1024' is not supported" and does not add the conn (Debian's 4.10, and algparse
 * of 4.10 and 5.2; addconn passes it). A build with them takes the conn, so this is a warning.
 */
const GROUPS_LEFT_OUT: Readonly<Record<string, string>> = {
  '1': 'MODP-768 (DH group 1), which Libreswan 4 and 5 do not have',
  '2': 'MODP-1024 (DH group 2), which Libreswan from 4.0 builds only when asked to (USE_DH2)',
  '22': 'DH group 22, which Libreswan from 4.0 builds only when asked to (USE_DH22)',
  '23': 'DH group 23, which Libreswan from 4.0 builds only when asked to (USE_DH23)',
  '24': 'DH group 24, which Libreswan from 4.0 builds only when asked to (USE_DH24)',
};

/** The DH groups a proposal list names, as IANA numbers (Libreswan also writes `ecp_256`). */
function dhGroupsIn(value: string): string[] {
  return value
    .toLowerCase()
    .replace(/!/g, '')
    .split(/[-;+,\s]/)
    .flatMap((word) => {
      const read = readProposalWord(word.replace(/^ecp_/, 'ecp'));
      return read?.kind === 'dh' ? [read.value] : [];
    });
}

/** The first group of a proposal list that Libreswan builds leave out, as its IANA number. */
export function groupLeftOutOfBuild(value: string): string | undefined {
  return dhGroupsIn(value).find((group) => GROUPS_LEFT_OUT[group] !== undefined);
}

export function groupsLeftOutOfBuild(conn: EffectiveConn): Refusal[] {
  return PROPOSAL_KEYS.flatMap((key) => {
    const at = conn.values.get(key);
    const group = at && groupLeftOutOfBuild(at.value);
    if (!at || !group) return [];
    return [{ at, why: `${key}=${at.value} names ${GROUPS_LEFT_OUT[group]} ("DH algorithm is not supported" from Debian's 4.10)`, remedy: 'use MODP-2048 (modp2048) or an elliptic curve such as ecp256, on both ends', severity: 'warning' }];
  });
}

/**
 * With `phase2=ah` the phase 2 list holds integrity algorithms only, so a cipher in it stops the
 * conn ("AH integrity algorithm 'aes' is not recognized", seen with 4.10 to 5.4). From 5.3 pluto
 * reads no esp= under AH (5.4 refuses it outright: phase2ListConflicts), and from 5.2 a shunt
 * reads no list at all; 4.10 was seen refusing a shunt's, so only a 4.x gateway is told.
 */
function cipherUnderAh(conn: EffectiveConn, keys: readonly string[], majors: readonly number[]): Refusal[] {
  if (word(conn, 'phase2') !== 'ah' || (isShunt(conn) && majors.includes(5))) return [];
  return keys.flatMap((key) => {
    const at = conn.values.get(key);
    const cipher = at ? leadingWords(at.value).find(([first]) => (parseProposals(first)?.[0]?.encryption.size ?? 0) > 0) : undefined;
    return at && cipher ? [{ at, why: `${key}=${at.value} names the cipher ${cipher[0]}, but with phase2=ah the list holds integrity algorithms only (AH encrypts nothing)`, remedy: 'name an integrity algorithm, such as sha2_256, or use phase2=esp' }] : [];
  });
}

export const cipherInAhList = (conn: EffectiveConn, _ike: unknown, majors: readonly number[]): Refusal[] => cipherUnderAh(conn, ['ah', 'phase2alg'], majors);
export const cipherInEspUnderAh = (conn: EffectiveConn, _ike: unknown, majors: readonly number[]): Refusal[] => cipherUnderAh(conn, ['esp'], majors);

/** The first word of an ESP list is the cipher: an integrity algorithm there ("ESP encryption algorithm 'sha1' is not recognized", seen with 4.10 to 5.4). */
function integrityFirst(conn: EffectiveConn, key: 'esp' | 'ah', why: string): Refusal[] {
  const at = conn.values.get(key);
  if (!at || word(conn, 'phase2') === 'ah' || isShunt(conn)) return [];
  const first = leadingWords(at.value).find(([cipher]) => readProposalWord(cipher)?.kind === 'integrity');
  return first ? [{ at, why: `${key}=${at.value} puts the integrity algorithm ${first[0]} where ESP's cipher goes${why}`, remedy: key === 'ah' ? 'add phase2=ah for AH, or name a cipher first' : 'name a cipher first (aes256-sha2_256), or use phase2=ah for integrity alone' }] : [];
}

export const integrityAsEspCipher = (conn: EffectiveConn): Refusal[] => integrityFirst(conn, 'esp', '');
/** Before 5.3, ah= is another name for esp=, read as ESP unless phase2=ah (seen with 4.10 and 5.2). */
export const ahReadAsEsp = (conn: EffectiveConn): Refusal[] => (conn.values.has('esp') ? [] : integrityFirst(conn, 'ah', ' (before 5.3 ah= is another name for esp=, and ESP is the default)'));

type Phase2 = 'esp' | 'ah';
const OTHER: Readonly<Record<Phase2, Phase2>> = { esp: 'ah', ah: 'esp' };

/** `phase2alg=` beside the list of the protocol phase2= names, which 5.3 and on keep apart from it. */
function besidePhase2alg(conn: EffectiveConn, phase2: Phase2): Refusal[] {
  const alg = conn.values.get('phase2alg');
  return alg && conn.values.has(phase2) ? [{ at: alg, why: `phase2alg= beside ${phase2}= (both give the ${phase2.toUpperCase()} list)`, remedy: `keep only ${phase2}=` }] : [];
}

/** 5.3: with phase2= written out, its list and phase2alg= may not both be set (seen with 5.3.2). */
export function listBesidePhase2alg(conn: EffectiveConn): Refusal[] {
  const phase2 = word(conn, 'phase2');
  return !isShunt(conn) && (phase2 === 'esp' || phase2 === 'ah') ? besidePhase2alg(conn, phase2) : [];
}

/**
 * 5.4: the protocol is phase2= or, without it, ESP unless only ah= is set; the other protocol's
 * list is refused, and so is phase2alg= beside the protocol's own (seen with 5.4).
 */
export function phase2ListConflicts(conn: EffectiveConn): Refusal[] {
  if (isShunt(conn)) return [];
  const written = word(conn, 'phase2');
  const phase2 = written ?? (!conn.values.has('esp') && conn.values.has('ah') ? 'ah' : 'esp');
  if (phase2 !== 'esp' && phase2 !== 'ah') return [];
  const other = conn.values.get(OTHER[phase2]);
  const chosen = written !== undefined ? `phase2=${phase2}` : `${phase2.toUpperCase()}, taken without phase2=`;
  if (other) return [{ at: other, why: `${OTHER[phase2]}= with ${chosen} (Libreswan 5.4 refuses the other protocol's list)`, remedy: `drop ${OTHER[phase2]}= or set phase2=${OTHER[phase2]}` }];
  return besidePhase2alg(conn, phase2);
}

/** The elliptic groups Libreswan has (ECP-256, -384, -521, Curve25519), by IANA number. */
const ELLIPTIC_GROUPS: Readonly<Record<string, string>> = { '19': 'ECP-256', '20': 'ECP-384', '21': 'ECP-521', '31': 'Curve25519' };

/**
 * Before 5.4 an IKEv1 Quick Mode PFS group has to be one of the MODP groups: pluto refuses an
 * elliptic one in the phase 2 list ("ESP DH algorithm 'dh19' is not supported by IKEv1", seen with
 * 4.10, 5.0, 5.2 and 5.3.2; 5.4 adds the conn). The IKE SA itself may use them.
 */
export function ellipticPfsOnIkev1(conn: EffectiveConn, ike: 1 | 2 | undefined): Refusal[] {
  if (ike !== 1) return [];
  return (['esp', 'phase2alg'] as const).flatMap((key) => {
    const at = conn.values.get(key);
    if (!at) return [];
    // In a phase 2 list every DH group is the PFS group.
    const group = dhGroupsIn(at.value).find((g) => ELLIPTIC_GROUPS[g] !== undefined);
    if (group === undefined) return [];
    return [{ at, why: `${key}=${at.value} asks for ${ELLIPTIC_GROUPS[group]} (DH group ${group}) for PFS on an IKEv1 conn, and before 5.4 Quick Mode takes only MODP groups`, remedy: 'use a MODP group such as modp2048 after the ";", or IKEv2' }];
  });
}
