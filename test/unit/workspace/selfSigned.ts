import { createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';

/** What to put in a hand-built certificate; the issuer defaults to the subject (self-signed). */
export interface CertificateSpec {
  readonly subjectKey: KeyObject;
  readonly commonName: string;
  readonly issuerKey?: KeyObject;
  readonly issuerCommonName?: string;
  /** UTCTime, e.g. `250101000000Z`. */
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly serial?: number;
  /** IPv4 addresses to carry as subjectAltNames. */
  readonly ipAddresses?: readonly string[];
  /** The first byte of a keyUsage extension's bits (0x80 digitalSignature, 0x20 keyEncipherment); none when absent. */
  readonly keyUsage?: number;
  /** basicConstraints with CA:TRUE, as a CA certificate should carry. */
  readonly markedCa?: boolean;
}

/** A minimal certificate without extensions, built in DER by hand: tests need some without openssl. */
export function issueCertificate(spec: CertificateSpec): X509Certificate {
  const issuerKey = spec.issuerKey ?? spec.subjectKey;
  const spki = createPublicKey(spec.subjectKey).export({ type: 'spki', format: 'der' });
  const ec = issuerKey.asymmetricKeyType === 'ec';
  // sha256WithRSAEncryption (with NULL parameters) or ecdsa-with-SHA256 (none).
  const algorithm = ec ? der(0x30, oid('2a8648ce3d040302')) : der(0x30, oid('2a864886f70d01010b'), Buffer.from([5, 0]));
  const name = (cn: string) => der(0x30, der(0x31, der(0x30, oid('550403'), der(0x0c, Buffer.from(cn)))));
  const time = (t: string) => der(0x17, Buffer.from(t));
  const tbs = der(
    0x30,
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from([spec.serial ?? 1])),
    algorithm,
    name(spec.issuerCommonName ?? spec.commonName),
    der(0x30, time(spec.notBefore ?? '250101000000Z'), time(spec.notAfter ?? '450101000000Z')),
    name(spec.commonName),
    spki,
    ...extensions(spec),
  );
  const signature = sign('sha256', tbs, issuerKey);
  return new X509Certificate(der(0x30, tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature]))));
}

/** A minimal self-signed certificate for a key pair, valid 2025-2045. */
export function selfSignedCertificate(privateKey: KeyObject, commonName: string): X509Certificate {
  return issueCertificate({ subjectKey: privateKey, commonName });
}

/** An extensions block ([3]): subjectAltName with each address as an iPAddress ([7]), and keyUsage. */
function extensions(spec: CertificateSpec): Buffer[] {
  const list: Buffer[] = [];
  const addresses = spec.ipAddresses ?? [];
  if (addresses.length > 0) {
    const names = der(0x30, ...addresses.map((address) => der(0x87, Buffer.from(address.split('.').map(Number)))));
    list.push(der(0x30, oid('551d11'), der(0x04, names)));
  }
  if (spec.markedCa) list.push(der(0x30, oid('551d13'), der(0x01, Buffer.from([0xff])), der(0x04, der(0x30, der(0x01, Buffer.from([0xff]))))));
  if (spec.keyUsage !== undefined) list.push(der(0x30, oid('551d0f'), der(0x04, der(0x03, Buffer.from([0, spec.keyUsage])))));
  return list.length === 0 ? [] : [der(0xa3, der(0x30, ...list))];
}

function oid(hex: string): Buffer {
  return der(0x06, Buffer.from(hex, 'hex'));
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}
