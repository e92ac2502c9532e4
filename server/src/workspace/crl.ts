import { createHash, verify, type X509Certificate } from 'node:crypto';
import { publicKeyInfoOfCertificate } from './keyDer';
import { AUTHORITY_KEY_IDENTIFIER, authorityKeyOf, BIT_STRING, bytesOf, certificateExtensions, certificateName, children, CONTEXT_0, extensionsIn, hexOf, INTEGER, OID, readTlv, SEQUENCE, timeOf, type Tlv } from './der';

/** A certificate revocation list, as far as revocation checks need it. */
export interface Crl {
  /** The issuer's Name in DER, compared byte for byte with a CA's subject. */
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  /** The authorityKeyIdentifier's key ID (hex), by which strongSwan finds the CA's list. */
  readonly authorityKeyId?: string;
  /** The authorityKeyIdentifier's issuer serial number (hex), which Openswan compares when it matches by name. */
  readonly authorityKeySerial?: string;
  /** Revoked serial numbers (canonical hex, see `canonicalSerial`) and when each was revoked. */
  readonly revoked: ReadonlyMap<string, Date | undefined>;
  readonly signed: {
    readonly tbs: Uint8Array;
    /** The hash to verify with; null for EdDSA (no separate hash); undefined when the algorithm is not one we verify. */
    readonly hash: string | null | undefined;
    readonly signature: Uint8Array;
  };
}

export type CrlResult = { readonly ok: true; readonly crl: Crl } | { readonly ok: false; readonly reason: string };

/** Signature algorithm OIDs (DER content, hex) and the hash each verifies with. */
const SIGNATURE_HASHES: ReadonlyMap<string, string | null> = new Map([
  ['2a864886f70d010105', 'sha1'],
  ['2a864886f70d01010e', 'sha224'],
  ['2a864886f70d01010b', 'sha256'],
  ['2a864886f70d01010c', 'sha384'],
  ['2a864886f70d01010d', 'sha512'],
  ['2a8648ce3d0401', 'sha1'],
  ['2a8648ce3d040301', 'sha224'],
  ['2a8648ce3d040302', 'sha256'],
  ['2a8648ce3d040303', 'sha384'],
  ['2a8648ce3d040304', 'sha512'],
  ['2b6570', null],
  ['2b6571', null],
]);

const PEM = /-----BEGIN X509 CRL-----([A-Za-z0-9+/=\s]+)-----END X509 CRL-----/g;

const NOT_A_CRL: CrlResult = { ok: false, reason: 'is not a DER or PEM certificate revocation list' };
const SEVERAL: CrlResult = { ok: false, reason: 'holds several PEM certificate revocation lists' };

/**
 * Reads a CRL in DER or PEM form. A PEM file holding several lists is not taken: which of them a
 * daemon loads is not known here, so nothing is concluded from it.
 */
export function parseCrl(bytes: Uint8Array): CrlResult {
  let der = bytes;
  if (bytes[0] !== SEQUENCE) {
    const blocks = [...Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').matchAll(PEM)];
    if (blocks.length === 0) return NOT_A_CRL;
    if (blocks.length > 1) return SEVERAL;
    der = Buffer.from(blocks[0][1].replace(/\s+/g, ''), 'base64');
  }
  try {
    const crl = readCertificateList(der);
    return crl ? { ok: true, crl } : NOT_A_CRL;
  } catch {
    return NOT_A_CRL;
  }
}

/** CertificateList: tbsCertList, signatureAlgorithm, signatureValue. */
function readCertificateList(der: Uint8Array): Crl | undefined {
  const outer = readTlv(der, 0, der.length);
  const parts = outer?.tag === SEQUENCE ? children(der, outer) : undefined;
  if (!parts || parts.length !== 3 || parts[0].tag !== SEQUENCE || parts[1].tag !== SEQUENCE || parts[2].tag !== BIT_STRING) return undefined;
  const algorithm = children(der, parts[1])?.[0];
  if (algorithm?.tag !== OID || der[parts[2].contentStart] !== 0) return undefined;
  const fields = children(der, parts[0]);
  if (!fields) return undefined;
  // tbsCertList: version (v2 only), signature, issuer, thisUpdate, nextUpdate?, revokedCertificates?, [0] extensions?
  let at = fields[0]?.tag === INTEGER ? 1 : 0;
  const issuer = fields[at + 1];
  const thisUpdate = fields[at + 2] && timeOf(der, fields[at + 2]);
  if (issuer?.tag !== SEQUENCE || !thisUpdate) return undefined;
  at += 3;
  const nextUpdate = fields[at] ? timeOf(der, fields[at]) : undefined;
  if (nextUpdate) at++;
  const revoked = fields[at]?.tag === SEQUENCE ? revokedSerials(der, fields[at]) : new Map<string, Date | undefined>();
  if (!revoked) return undefined;
  const wrapper = fields.find((field) => field.tag === CONTEXT_0);
  const extensions = extensionsIn(der, wrapper && readTlv(der, wrapper.contentStart, wrapper.end));
  const authorityKey = authorityKeyOf(der, extensions.get(AUTHORITY_KEY_IDENTIFIER));
  const hash = SIGNATURE_HASHES.get(hexOf(der, algorithm));
  return {
    issuer: bytesOf(der, issuer),
    thisUpdate,
    nextUpdate,
    authorityKeyId: authorityKey?.keyId,
    authorityKeySerial: authorityKey?.serial,
    revoked,
    signed: { tbs: bytesOf(der, parts[0]), hash, signature: der.subarray(parts[2].contentStart + 1, parts[2].end) },
  };
}

/** revokedCertificates: SEQUENCE OF { userCertificate, revocationDate, crlEntryExtensions? }. */
function revokedSerials(der: Uint8Array, list: Tlv): Map<string, Date | undefined> | undefined {
  const revoked = new Map<string, Date | undefined>();
  for (const entry of children(der, list) ?? []) {
    const [serial, date] = entry.tag === SEQUENCE ? (children(der, entry) ?? []) : [];
    if (serial?.tag !== INTEGER) return undefined;
    revoked.set(canonicalSerial(hexOf(der, serial)), date && timeOf(der, date));
  }
  return revoked;
}

/** A serial number in one form: upper-case hex without leading zeros (Node writes `0B`, a CRL holds `0b`). */
export function canonicalSerial(hex: string): string {
  return hex.replace(/^0+(?=.)/, '').toUpperCase();
}

const signatureChecks = new WeakMap<Crl, WeakMap<X509Certificate, boolean>>();

/** Whether `ca` issued this CRL: its subject is the CRL's issuer and its key verifies the signature. */
export function crlSignedBy(crl: Crl, ca: X509Certificate): boolean {
  let known = signatureChecks.get(crl);
  if (!known) {
    known = new WeakMap();
    signatureChecks.set(crl, known);
  }
  let signed = known.get(ca);
  if (signed === undefined) {
    const subject = certificateName(ca.raw, 'subject');
    const { tbs, hash, signature } = crl.signed;
    try {
      signed = subject !== undefined && hash !== undefined && Buffer.compare(subject, crl.issuer) === 0 && verify(hash, tbs, ca.publicKey, signature);
    } catch {
      signed = false;
    }
    known.set(ca, signed);
  }
  return signed;
}

/** Whether the CRL lists this certificate: same issuer Name and serial number. */
export function crlRevokes(crl: Crl, cert: X509Certificate): boolean {
  if (!crl.revoked.has(canonicalSerial(cert.serialNumber))) return false;
  const issuer = certificateName(cert.raw, 'issuer');
  return issuer !== undefined && Buffer.compare(issuer, crl.issuer) === 0;
}

/** The daemons that read CRLs from ipsec.d/crls. */
export type CrlReader = 'openswan' | 'strongswan';

/**
 * Whether the daemon finds this list when it checks a certificate `ca` issued. strongSwan 5 looks
 * lists up by the CA's key ID (SHA-1 of its public key), so a list without an authorityKeyIdentifier
 * is never used (seen with 5.9.8). Openswan's pluto compares the certificate's authority key ID
 * with the list's when both have one, and otherwise the issuer's name and the authority key's
 * serial number (usually absent from both).
 */
export function crlFoundFor(crl: Crl, cert: X509Certificate, ca: X509Certificate, daemon: CrlReader): boolean {
  if (daemon === 'strongswan') return crl.authorityKeyId !== undefined && crl.authorityKeyId === publicKeyId(ca);
  const certKey = authorityKeyOf(cert.raw, certificateExtensions(cert.raw).get(AUTHORITY_KEY_IDENTIFIER));
  if (certKey?.keyId !== undefined && crl.authorityKeyId !== undefined) return crl.authorityKeyId === certKey.keyId;
  const issuer = certificateName(cert.raw, 'issuer');
  return issuer !== undefined && Buffer.compare(issuer, crl.issuer) === 0 && certKey?.serial === crl.authorityKeySerial;
}

const publicKeyIds = new WeakMap<X509Certificate, string | undefined>();

/** SHA-1 of a certificate's public key bits (the usual subject key identifier). */
function publicKeyId(cert: X509Certificate): string | undefined {
  if (publicKeyIds.has(cert)) return publicKeyIds.get(cert);
  const spki = publicKeyInfoOfCertificate(cert.raw);
  const outer = spki && readTlv(spki, 0, spki.length);
  const bits = spki && outer && children(spki, outer)?.[1];
  const id = spki && bits?.tag === BIT_STRING ? createHash('sha1').update(spki.subarray(bits.contentStart + 1, bits.end)).digest('hex') : undefined;
  publicKeyIds.set(cert, id);
  return id;
}
