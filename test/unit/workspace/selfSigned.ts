import { createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';

/** A minimal self-signed certificate for a key pair, built in DER by hand: tests need one without openssl. */
export function selfSignedCertificate(privateKey: KeyObject, commonName: string): X509Certificate {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const ec = privateKey.asymmetricKeyType === 'ec';
  // sha256WithRSAEncryption (with NULL parameters) or ecdsa-with-SHA256 (none).
  const algorithm = ec ? der(0x30, oid('2a8648ce3d040302')) : der(0x30, oid('2a864886f70d01010b'), Buffer.from([5, 0]));
  const name = der(0x30, der(0x31, der(0x30, oid('550403'), der(0x0c, Buffer.from(commonName)))));
  const time = (t: string) => der(0x17, Buffer.from(t));
  const tbs = der(
    0x30,
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from([1])),
    algorithm,
    name,
    der(0x30, time('250101000000Z'), time('450101000000Z')),
    name,
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  return new X509Certificate(der(0x30, tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature]))));
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
