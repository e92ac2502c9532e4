import { libreswanDataBytes, libreswanDataProblem } from '../../text/libreswanData';
import { rawEcKeyProblem } from '../../text/rawEcKey';
import { rawRsaKeyProblem } from '../../text/rawRsaKey';
import { isSpkiShaped } from '../../workspace/spkiShape';
import type { EffectiveConn } from '../../workspace/model';
import { SIDES, type Refusal } from './libreswanRefusal';

// Keys and CKAIDs written inline that pluto cannot read as text (libreswan-conn-refused): each seen
// refused by 4.10, 5.0, 5.2 and 5.4 ("leftrsasigkey invalid: unknown character in input"), and RSA
// keys whose bytes make no key ("modulus is shorter than minimum 64").

const KEY_FORMS = [
  ['rsasigkey', 'prefixed'],
  ['ecdsakey', 'prefixed'],
  ['pubkey', 'base64'],
] as const;

/**
 * What the bytes of a readable text make no key of: an RSA key's parts (seen refused by 4.10, 5.0,
 * 5.2 and 5.4), an ECDSA point of no known curve, or no SubjectPublicKeyInfo (seen with 5.2 and 5.4).
 */
function keyProblem(kind: (typeof KEY_FORMS)[number][0], text: string): string | undefined {
  if (kind === 'pubkey') return isSpkiShaped(Uint8Array.from(Buffer.from(text, 'base64'))) ? undefined : 'its bytes are no SubjectPublicKeyInfo (DER), as if cut short or copied from something else';
  const bytes = libreswanDataBytes(text);
  if (bytes === undefined) return undefined;
  return kind === 'rsasigkey' ? rawRsaKeyProblem(bytes) : rawEcKeyProblem(bytes);
}

/** A key pasted in part, with blanks or with a placeholder's dots; pluto ignores the key of an end that names its certificate. */
export function unreadableKeys(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    if (conn.values.has(`${side}cert`)) return [];
    return KEY_FORMS.flatMap(([kind, form]) => {
      const at = conn.values.get(`${side}${kind}`);
      const text = at?.value.trim() ?? '';
      const problem = at && text !== '' && !text.startsWith('%') ? (libreswanDataProblem(text, form) ?? keyProblem(kind, text)) : undefined;
      return problem ? [{ at, why: `${side}${kind}= is no key pluto can read: ${problem}`, remedy: 'paste the whole key again as `ipsec showhostkey` prints it, or use %cert' }] : [];
    });
  });
}

/** 5.x reads `leftckaid=` only for an end without a certificate or key: hex digits (4.x's addconn refuses the rest itself, a `bad-value`). */
export function unreadableCkaid(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    const at = conn.values.get(`${side}ckaid`);
    if (!at || conn.values.has(`${side}cert`) || KEY_FORMS.some(([kind]) => conn.values.has(`${side}${kind}`))) return [];
    const problem = libreswanDataProblem(at.value.trim(), 'hex');
    return problem ? [{ at, why: `${side}ckaid=${at.value.trim()} is no CKAID pluto can read: ${problem}`, remedy: 'write the key\'s CKAID in hex, as `ipsec showhostkey --list` prints it' }] : [];
  });
}
