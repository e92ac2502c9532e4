import { X509Certificate } from 'node:crypto';
import type { FileSource } from './fileSource';

export interface CertificateInfo {
  readonly filePath: string;
  readonly cert: X509Certificate;
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly fingerprint: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly emails: readonly string[];
  /** Every subjectAltName entry as Node spells it (`DNS:…`, `IP Address:…`, `URI:…`). */
  readonly altNames: readonly string[];
}

export type CertificateResult = { readonly ok: true; readonly info: CertificateInfo } | { readonly ok: false; readonly reason: string };

/**
 * Reads DER or PEM certificates with Node's X.509 support, cached by content: a mesh of
 * gateways holds the same certificate in many folders, and it is parsed once.
 */
export class CertificateStore {
  private readonly byContent = new Map<string, X509Certificate | string>();
  private readonly byPath = new Map<string, CertificateResult>();

  constructor(private readonly files: FileSource) {}

  /** Forgets what was read from a path (it changed on disk). */
  invalidate(filePath: string): void {
    this.byPath.delete(filePath);
  }

  load(filePath: string): CertificateResult {
    let result = this.byPath.get(filePath);
    if (!result) {
      result = this.read(filePath);
      this.byPath.set(filePath, result);
    }
    return result;
  }

  private read(filePath: string): CertificateResult {
    const bytes = this.files.readBytesUncached ? this.files.readBytesUncached(filePath) : this.files.readBytes?.(filePath);
    if (!bytes) return { ok: false, reason: 'cannot be read' };
    // The bytes themselves are the key: certificates are small, and hashing each copy costs more.
    const key = bytes.toString('latin1');
    let parsed = this.byContent.get(key);
    if (parsed === undefined) {
      try {
        parsed = new X509Certificate(bytes);
      } catch {
        parsed = 'is not a DER or PEM X.509 certificate';
      }
      this.byContent.set(key, parsed);
    }
    if (typeof parsed === 'string') return { ok: false, reason: parsed };
    return { ok: true, info: describe(filePath, parsed) };
  }
}

const described = new WeakMap<X509Certificate, Omit<CertificateInfo, 'filePath'>>();

/**
 * The facts of a certificate, read once per certificate content; the file path is per copy.
 * A copy inherits the facts instead of copying them: a mesh holds each certificate thirty times.
 */
function describe(filePath: string, cert: X509Certificate): CertificateInfo {
  let facts = described.get(cert);
  if (!facts) {
    facts = readFacts(cert);
    described.set(cert, facts);
  }
  const copy: { filePath: string } = Object.create(facts);
  copy.filePath = filePath;
  return copy as CertificateInfo;
}

function readFacts(cert: X509Certificate): Omit<CertificateInfo, 'filePath'> {
  const san = cert.subjectAltName ?? '';
  const entries = san.split(/,\s*/).filter((e) => e.length > 0);
  const values = (prefix: string): string[] => entries.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
  return {
    cert,
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    fingerprint: cert.fingerprint256,
    dnsNames: values('DNS:'),
    ipAddresses: values('IP Address:'),
    emails: values('email:'),
    altNames: entries,
  };
}

const issuedCache = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

/** Whether `ca` signed `cert`: names chain and the signature verifies. Verified once per pair of certificates. */
export function isIssuedBy(cert: CertificateInfo, ca: CertificateInfo): boolean {
  let known = issuedCache.get(cert.cert);
  if (!known) {
    known = new WeakMap();
    issuedCache.set(cert.cert, known);
  }
  let issued = known.get(ca.cert);
  if (issued === undefined) {
    try {
      issued = cert.cert.checkIssued(ca.cert) && cert.cert.verify(ca.cert.publicKey);
    } catch {
      issued = false;
    }
    known.set(ca.cert, issued);
  }
  return issued;
}

export function isSelfSigned(cert: CertificateInfo): boolean {
  return isIssuedBy(cert, cert);
}

/** A distinguished name in one comparable form: no spaces around separators, one per line. */
export function normalizeDn(dn: string): string {
  const parts = dn.includes('\n') ? dn.split('\n') : dn.split(/\s*[,/]\s*(?=[A-Za-z.0-9]+\s*=)/);
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(/\s*=\s*/, '=').replace(/^([A-Za-z.0-9]+)=/, (_, attr: string) => `${attr.toUpperCase()}=`))
    .join('\n');
}

/** One ID a certificate carries, written as ipsec.conf takes it. */
export interface CarriedId {
  readonly id: string;
  readonly kind: 'DNS name' | 'IP address' | 'e-mail address' | 'subject';
}

/**
 * The IDs a certificate carries: its subjectAltNames (`@host`, addresses, e-mail), then its
 * subject DN in double quotes, left out when a value holds a comma (the daemons escape those differently).
 */
export function carriedIds(cert: Pick<CertificateInfo, 'dnsNames' | 'ipAddresses' | 'emails' | 'subject'>): CarriedId[] {
  const parts = cert.subject.split('\n');
  const dn: CarriedId[] = parts.every((part) => part.includes('=') && !part.includes(',')) ? [{ id: `"${parts.join(', ')}"`, kind: 'subject' }] : [];
  return [
    ...cert.dnsNames.map((name): CarriedId => ({ id: `@${name}`, kind: 'DNS name' })),
    ...cert.ipAddresses.map((address): CarriedId => ({ id: address, kind: 'IP address' })),
    ...cert.emails.map((email): CarriedId => ({ id: email, kind: 'e-mail address' })),
    ...dn,
  ];
}

/** Short, readable form of a certificate's subject or issuer for messages. */
export function shortDn(dn: string): string {
  return dn.split('\n').join(', ');
}
