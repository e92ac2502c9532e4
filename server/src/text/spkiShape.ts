interface Element {
  readonly tag: number;
  /** Where the contents start and end. */
  readonly start: number;
  readonly end: number;
}

/** One DER element at `at`, with a definite length that fits within `limit`. */
function elementAt(bytes: Uint8Array, at: number, limit: number): Element | undefined {
  if (at + 2 > limit) return undefined;
  const tag = bytes[at];
  const first = bytes[at + 1];
  let start = at + 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
  }
  return start + length <= limit ? { tag, start, end: start + length } : undefined;
}

/**
 * Whether the bytes have the shape of a SubjectPublicKeyInfo, as `leftpubkey=` holds one: one
 * SEQUENCE spanning them all, of an algorithm SEQUENCE and a BIT STRING. NSS decodes nothing else
 * ("SEC_ERROR_BAD_DER: improperly formatted DER-encoded message", seen with 5.2 and 5.4); the key
 * inside is not judged.
 */
export function isSpkiShaped(bytes: Uint8Array): boolean {
  const outer = elementAt(bytes, 0, bytes.length);
  if (outer?.tag !== 0x30 || outer.end !== bytes.length) return false;
  const algorithm = elementAt(bytes, outer.start, outer.end);
  if (algorithm?.tag !== 0x30) return false;
  const key = elementAt(bytes, algorithm.end, outer.end);
  return key?.tag === 0x03 && key.end === outer.end;
}
