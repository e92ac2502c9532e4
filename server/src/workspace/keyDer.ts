/**
 * Public keys read from DER structure alone: inside an unencrypted private key file, and in a certificate.
 * Opening a key with OpenSSL costs about half a millisecond; a gateway mesh has one key per
 * gateway and the answer is needed on every full check. RSA (PKCS#1), EC (SEC1) and both
 * wrapped in PKCS#8 are understood; anything else gives undefined and the caller asks OpenSSL.
 */

import { BIT_STRING, children, CONTEXT_0, CONTEXT_1, encode, hexOf, INTEGER, OCTET_STRING, OID, readTlv, SEQUENCE, tbsCertificateFields, type Tlv } from './der';

/** rsaEncryption and id-ecPublicKey, as DER content bytes. */
const RSA_ENCRYPTION = '2a864886f70d010101';
const EC_PUBLIC_KEY = '2a8648ce3d0201';

function spki(algorithm: Buffer, publicKey: Uint8Array): Buffer {
  return encode(SEQUENCE, Buffer.concat([algorithm, encode(BIT_STRING, Buffer.concat([Buffer.from([0]), publicKey]))]));
}

/** RSAPrivateKey: version, modulus, publicExponent, … */
function rsaSpki(der: Uint8Array, key: Tlv): Buffer | undefined {
  const fields = children(der, key);
  if (!fields || fields.length < 3 || fields.slice(0, 3).some((f) => f.tag !== INTEGER)) return undefined;
  const publicKey = encode(SEQUENCE, der.subarray(fields[1].start, fields[2].end));
  const algorithm = encode(SEQUENCE, Buffer.concat([encode(OID, Buffer.from(RSA_ENCRYPTION, 'hex')), Buffer.from([0x05, 0x00])]));
  return spki(algorithm, publicKey);
}

/** ECPrivateKey: version, privateKey, [0] curve, [1] public point; the curve may come from PKCS#8 instead. */
function ecSpki(der: Uint8Array, key: Tlv, curveFromWrapper: Uint8Array | undefined): Buffer | undefined {
  const fields = children(der, key);
  if (!fields || fields[0]?.tag !== INTEGER || fields[1]?.tag !== OCTET_STRING) return undefined;
  let curve = curveFromWrapper;
  let point: Uint8Array | undefined;
  for (const field of fields.slice(2)) {
    const inner = readTlv(der, field.contentStart, field.end);
    if (field.tag === CONTEXT_0 && inner?.tag === OID) curve = der.subarray(inner.start, inner.end);
    // A BIT STRING whose first byte (unused bits) is 0, then the point; only uncompressed points are compared.
    if (field.tag === CONTEXT_1 && inner?.tag === BIT_STRING && der[inner.contentStart] === 0 && der[inner.contentStart + 1] === 0x04) point = der.subarray(inner.contentStart + 1, inner.end);
  }
  if (!curve || !point) return undefined;
  const algorithm = encode(SEQUENCE, Buffer.concat([encode(OID, Buffer.from(EC_PUBLIC_KEY, 'hex')), Buffer.from(curve)]));
  return spki(algorithm, point);
}

/** PrivateKeyInfo: version, AlgorithmIdentifier, OCTET STRING holding the key itself. */
function pkcs8Spki(der: Uint8Array, info: Tlv): Buffer | undefined {
  const fields = children(der, info);
  if (!fields || fields.length < 3 || fields[0].tag !== INTEGER || fields[1].tag !== SEQUENCE || fields[2].tag !== OCTET_STRING) return undefined;
  const algorithm = children(der, fields[1]);
  const inner = readTlv(der, fields[2].contentStart, fields[2].end);
  if (!algorithm || algorithm[0]?.tag !== OID || inner?.tag !== SEQUENCE) return undefined;
  const oid = hexOf(der, algorithm[0]);
  if (oid === RSA_ENCRYPTION) return rsaSpki(der, inner);
  const curve = algorithm[1]?.tag === OID ? der.subarray(algorithm[1].start, algorithm[1].end) : undefined;
  if (oid === EC_PUBLIC_KEY) return ecSpki(der, inner, curve);
  return undefined;
}

const PEM = /^-----BEGIN (RSA |EC |)PRIVATE KEY-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END \1PRIVATE KEY-----/m;

/**
 * The SubjectPublicKeyInfo (DER) of an unencrypted RSA or EC private key in PEM or DER form,
 * or undefined for anything else (encrypted, other algorithms, compressed points).
 */
export function publicKeyInfoOfPlainKey(bytes: Buffer): Buffer | undefined {
  let der: Uint8Array = bytes;
  let label: string | undefined;
  if (bytes[0] !== SEQUENCE) {
    const match = PEM.exec(bytes.toString('latin1'));
    if (!match) return undefined;
    label = match[1];
    der = Buffer.from(match[2], 'base64');
  }
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== SEQUENCE) return undefined;
  try {
    if (label === 'RSA ') return rsaSpki(der, outer);
    if (label === 'EC ') return ecSpki(der, outer, undefined);
    return pkcs8Spki(der, outer);
  } catch {
    return undefined;
  }
}

/** The SubjectPublicKeyInfo (DER) of a DER certificate: the seventh field of tbsCertificate, or the sixth without a version. */
export function publicKeyInfoOfCertificate(raw: Uint8Array): Uint8Array | undefined {
  const fields = tbsCertificateFields(raw);
  if (!fields) return undefined;
  const key = fields[fields[0]?.tag === CONTEXT_0 ? 6 : 5];
  return key?.tag === SEQUENCE ? raw.subarray(key.start, key.end) : undefined;
}
