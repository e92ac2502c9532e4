/**
 * Public keys read from DER structure alone: inside an unencrypted private key file, and in a certificate.
 * Opening a key with OpenSSL costs about half a millisecond; a gateway mesh has one key per
 * gateway and the answer is needed on every full check. RSA (PKCS#1), EC (SEC1) and both
 * wrapped in PKCS#8 are understood; anything else gives undefined and the caller asks OpenSSL.
 */

interface Tlv {
  readonly tag: number;
  /** The whole element, header included. */
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
const OID = 0x06;
const CONTEXT_0 = 0xa0;
const CONTEXT_1 = 0xa1;

/** rsaEncryption and id-ecPublicKey, as DER content bytes. */
const RSA_ENCRYPTION = '2a864886f70d010101';
const EC_PUBLIC_KEY = '2a8648ce3d0201';

function readTlv(der: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at];
  let length = der[at + 1];
  let contentStart = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || contentStart + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i];
    contentStart += count;
  }
  const end = contentStart + length;
  return end <= limit ? { tag, start: at, contentStart, end } : undefined;
}

/** The elements directly inside a constructed element. */
function children(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readTlv(der, at, parent.end);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

function hexOf(der: Uint8Array, tlv: Tlv): string {
  return Buffer.from(der.subarray(tlv.contentStart, tlv.end)).toString('hex');
}

function encode(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const header = n < 0x80 ? [tag, n] : n < 0x100 ? [tag, 0x81, n] : n < 0x10000 ? [tag, 0x82, n >> 8, n & 0xff] : [tag, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

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
  const certificate = readTlv(raw, 0, raw.length);
  const tbs = certificate && certificate.tag === SEQUENCE ? children(raw, certificate)?.[0] : undefined;
  const fields = tbs && tbs.tag === SEQUENCE ? children(raw, tbs) : undefined;
  if (!fields) return undefined;
  const key = fields[fields[0]?.tag === CONTEXT_0 ? 6 : 5];
  return key?.tag === SEQUENCE ? raw.subarray(key.start, key.end) : undefined;
}
