/**
 * A raw RSA public key as `leftrsasigkey=` holds it (RFC 3110: the exponent's length, the exponent,
 * the modulus), and the bounds pluto puts on it (lib/libswan's RSA pubkey reader, the same in every
 * 4.x and 5.x tag): a modulus of 512 bits at least, and 8192 bits and a byte at most.
 */
const MIN_MODULUS_BYTES = 64;
const MAX_MODULUS_BYTES = 1025;

/** Why pluto makes no key of these bytes, in our words, or undefined when it does. */
export function rawRsaKeyProblem(bytes: Uint8Array): string | undefined {
  let exponentEnd: number;
  if (bytes.length >= 2 && bytes[0] !== 0) exponentEnd = 1 + bytes[0];
  else if (bytes.length >= 3 && bytes[0] === 0) exponentEnd = 3 + ((bytes[1] << 8) | bytes[2]);
  else return `its ${bytes.length} byte${bytes.length === 1 ? '' : 's'} cannot even hold the exponent's length`;
  if (exponentEnd > bytes.length) return `the exponent it announces runs past its end (${bytes.length} bytes), as if cut short`;
  const modulus = bytes.length - exponentEnd;
  if (modulus < MIN_MODULUS_BYTES) return `its modulus is ${modulus} byte${modulus === 1 ? '' : 's'}, below pluto's minimum of ${MIN_MODULUS_BYTES} (512 bits), as if cut short`;
  if (modulus > MAX_MODULUS_BYTES) return `its modulus is ${modulus} bytes, above pluto's maximum of ${MAX_MODULUS_BYTES} (8192 bits)`;
  return undefined;
}
