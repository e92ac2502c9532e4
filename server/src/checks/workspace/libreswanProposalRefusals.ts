import type { EffectiveConn, EffectiveValue } from '../../workspace/model';
import { isAead, parseProposals } from '../../workspace/proposals';

/** Why pluto refuses to add a conn, at the value that makes it, and what to write instead. */
export interface Refusal {
  readonly at?: EffectiveValue;
  readonly why: string;
  readonly remedy: string;
}

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
    const addke = at && /\baddke\d*=[^;,+-]+/i.exec(at.value);
    return at && addke ? [{ at, why: `${key}= asks for an additional key exchange (${addke[0]}), which Libreswan reads only from 5.4 on`, remedy: 'drop it, or run Libreswan 5.4' }] : [];
  });
}
