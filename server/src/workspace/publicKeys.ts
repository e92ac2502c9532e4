import { createPrivateKey, createPublicKey, type X509Certificate } from 'node:crypto';
import { publicKeyInfoOfCertificate, publicKeyInfoOfPlainKey } from './keyDer';

/**
 * Public keys in one comparable form (SPKI), derived once per key file content and passphrase,
 * and once per certificate: opening a key costs far more than a keystroke may.
 */
const fromPrivate = new WeakMap<Buffer, Map<string, Opened>>();

/** What opening a private key file gave: its public half, or why not. */
type Opened = { readonly publicPem: string } | { readonly failure: 'wrong-passphrase' | 'unreadable' };
const fromPlainKey = new WeakMap<Buffer, Buffer | null>();
const fromCertificate = new WeakMap<X509Certificate, string>();
const fromCertificateDer = new WeakMap<X509Certificate, Uint8Array | null>();

/**
 * Whether a private key file is the key of one of the certificates; `wrong-passphrase` when the
 * key is encrypted and the passphrase does not decrypt it, undefined when it cannot be opened for
 * another reason (no passphrase, unknown format). A plain key is compared by its DER structure
 * first; OpenSSL has the last word whenever that finds no match.
 */
export function privateKeyMatchesAny(bytes: Buffer, passphrase: string | undefined, certificates: readonly X509Certificate[]): boolean | 'wrong-passphrase' | undefined {
  const plain = plainKeyInfo(bytes);
  if (plain && certificates.some((cert) => sameBytes(plain, certificateKeyInfo(cert)))) return true;
  const opened = openPrivateKey(bytes, passphrase);
  if ('failure' in opened) return opened.failure === 'wrong-passphrase' ? opened.failure : undefined;
  return certificates.some((cert) => publicKeyOfCertificate(cert) === opened.publicPem);
}

function sameBytes(a: Buffer, b: Uint8Array | undefined): boolean {
  return b !== undefined && a.equals(b);
}

function plainKeyInfo(bytes: Buffer): Buffer | undefined {
  let known = fromPlainKey.get(bytes);
  if (known === undefined) {
    known = publicKeyInfoOfPlainKey(bytes) ?? null;
    fromPlainKey.set(bytes, known);
  }
  return known ?? undefined;
}

function certificateKeyInfo(cert: X509Certificate): Uint8Array | undefined {
  let known = fromCertificateDer.get(cert);
  if (known === undefined) {
    known = publicKeyInfoOfCertificate(cert.raw) ?? null;
    fromCertificateDer.set(cert, known);
  }
  return known ?? undefined;
}

function openPrivateKey(bytes: Buffer, passphrase: string | undefined): Opened {
  let byPassphrase = fromPrivate.get(bytes);
  if (!byPassphrase) {
    byPassphrase = new Map();
    fromPrivate.set(bytes, byPassphrase);
  }
  const slot = passphrase ?? '';
  let known = byPassphrase.get(slot);
  if (known === undefined) {
    known = derive(bytes, passphrase);
    byPassphrase.set(slot, known);
  }
  return known;
}

function publicKeyOfCertificate(cert: X509Certificate): string {
  let known = fromCertificate.get(cert);
  if (known === undefined) {
    known = cert.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    fromCertificate.set(cert, known);
  }
  return known;
}

function derive(bytes: Buffer, passphrase: string | undefined): Opened {
  try {
    const format = /BEGIN/.test(bytes.subarray(0, 64).toString('latin1')) ? 'pem' : 'der';
    const key = createPrivateKey({ key: bytes, format, passphrase, type: 'pkcs8' });
    return { publicPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString() };
  } catch (error) {
    // OpenSSL says "bad decrypt" only when a cipher it supports decrypted to garbage: the passphrase is not the key's.
    const wrong = passphrase !== undefined && passphrase.length > 0 && (error as { code?: unknown }).code === 'ERR_OSSL_BAD_DECRYPT';
    return { failure: wrong ? 'wrong-passphrase' : 'unreadable' };
  }
}
