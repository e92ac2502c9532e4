import { BIT_STRING, children, readTlv, SEQUENCE } from './der';

/**
 * Whether the bytes have the shape of a SubjectPublicKeyInfo, as `leftpubkey=` holds one: one
 * SEQUENCE spanning them all, of an algorithm SEQUENCE and a BIT STRING. NSS decodes nothing else
 * ("SEC_ERROR_BAD_DER: improperly formatted DER-encoded message", seen with 5.2 and 5.4); the key
 * inside is not judged.
 */
export function isSpkiShaped(bytes: Uint8Array): boolean {
  const outer = readTlv(bytes, 0, bytes.length);
  if (outer?.tag !== SEQUENCE || outer.end !== bytes.length) return false;
  const parts = children(bytes, outer);
  return parts?.length === 2 && parts[0].tag === SEQUENCE && parts[1].tag === BIT_STRING;
}
