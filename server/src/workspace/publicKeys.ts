import { createPrivateKey, createPublicKey, type X509Certificate } from 'node:crypto';

/**
 * Public keys in one comparable form (SPKI PEM), derived once per key file content and
 * passphrase, and once per certificate: opening a key costs far more than a keystroke may.
 */
const fromPrivate = new WeakMap<Buffer, Map<string, string | null>>();
const fromCertificate = new WeakMap<X509Certificate, string>();

/** The public half of a private key file, or undefined when it cannot be opened (wrong passphrase, unknown format). */
export function publicKeyOfPrivateKey(bytes: Buffer, passphrase: string | undefined): string | undefined {
  let byPassphrase = fromPrivate.get(bytes);
  if (!byPassphrase) {
    byPassphrase = new Map();
    fromPrivate.set(bytes, byPassphrase);
  }
  const slot = passphrase ?? '';
  let known = byPassphrase.get(slot);
  if (known === undefined) {
    known = derive(bytes, passphrase) ?? null;
    byPassphrase.set(slot, known);
  }
  return known ?? undefined;
}

export function publicKeyOfCertificate(cert: X509Certificate): string {
  let known = fromCertificate.get(cert);
  if (known === undefined) {
    known = cert.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    fromCertificate.set(cert, known);
  }
  return known;
}

function derive(bytes: Buffer, passphrase: string | undefined): string | undefined {
  try {
    const format = /BEGIN/.test(bytes.subarray(0, 64).toString('latin1')) ? 'pem' : 'der';
    const key = createPrivateKey({ key: bytes, format, passphrase, type: 'pkcs8' });
    return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return undefined;
  }
}
