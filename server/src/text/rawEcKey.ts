/**
 * A raw ECDSA public key as `leftecdsakey=` holds it: the curve point alone, P-256, P-384 or P-521,
 * optionally after the uncompressed-point byte 0x04. pluto knows the curve only by the length
 * (lib/libswan's ECDSA pubkey reader, every 4.x and 5.x tag: "unrecognized EC Public Key with length").
 */
const POINT_BYTES: ReadonlyMap<number, string> = new Map([
  [64, 'P-256'],
  [96, 'P-384'],
  [132, 'P-521'],
]);

/** Why pluto finds no curve for these bytes, or undefined when it does. */
export function rawEcKeyProblem(bytes: Uint8Array): string | undefined {
  if (POINT_BYTES.has(bytes.length)) return undefined;
  if (bytes[0] === 0x04 && POINT_BYTES.has(bytes.length - 1)) return undefined;
  return `its ${bytes.length} bytes are the point of no curve pluto knows (64, 96 or 132 bytes for P-256, P-384 and P-521, each optionally after 0x04)`;
}
