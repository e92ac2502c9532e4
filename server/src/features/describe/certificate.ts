import type { CertificateInfo } from '../../workspace/certificates';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who issued a certificate, as far as the gateway's CA folder tells. */
export type IssuerStatus =
  | { readonly kind: 'found'; readonly caPath: string; readonly folder: string }
  | { readonly kind: 'self-signed' }
  | { readonly kind: 'missing'; readonly folder: string };

/**
 * The public facts of a certificate in Markdown: subject, issuer, validity against `now`,
 * SHA-256 fingerprint, subjectAltNames, key type, whether a CA the gateway holds issued it, and
 * what the gateway's CRLs say of it. Only public parts of the certificate are read; no key is ever shown.
 */
export function describeCertificate(displayPath: string, info: CertificateInfo, now: Date, issuer: IssuerStatus, revocation?: string): string {
  const lines = [
    `**Certificate** \`${code(displayPath)}\``,
    '',
    `- Subject: \`${code(oneLine(info.subject))}\``,
    `- Issuer: \`${code(oneLine(info.issuer))}\``,
    `- Valid from ${formatDate(info.notBefore)} until ${formatDate(info.notAfter)}: ${validityNote(info, now)}`,
    `- SHA-256 fingerprint: \`${info.fingerprint}\``,
    `- Subject alternative names: ${subjectAltNames(info)}`,
  ];
  const key = keyDescription(info);
  if (key) lines.push(`- Public key: ${key}`);
  lines.push('', issuerNote(issuer));
  if (revocation) lines.push('', revocation);
  return lines.join('\n');
}

/** Why a named certificate cannot be shown: missing, unreadable, or not a certificate. */
export function describeUnreadableCertificate(displayPath: string, reason: string): string {
  return `**Certificate** \`${code(displayPath)}\`\n\nThis file ${reason}, so the daemon cannot load it.`;
}

/** "expired 3 days ago", "not valid before …", "expires in 120 days". */
export function validityNote(info: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, now: Date): string {
  const untilStart = info.notBefore.getTime() - now.getTime();
  if (untilStart > 0) return `**not yet valid** (starts ${inDays(untilStart)})`;
  const left = info.notAfter.getTime() - now.getTime();
  if (left < 0) return `**expired** ${daysAgo(-left)}`;
  return `expires ${inDays(left)}`;
}

function inDays(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days === 0) return 'within a day';
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

function daysAgo(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days === 0) return 'less than a day ago';
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

function formatDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'an unreadable date' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function subjectAltNames(info: CertificateInfo): string {
  const entries = info.altNames;
  return entries.length > 0 ? entries.map((entry) => `\`${code(entry)}\``).join(', ') : 'none (IDs can only match the subject)';
}

function keyDescription(info: CertificateInfo): string | undefined {
  const key = info.cert.publicKey;
  const type = key.asymmetricKeyType;
  if (!type) return undefined;
  const details = key.asymmetricKeyDetails;
  if (details?.modulusLength) return `${type.toUpperCase()} ${details.modulusLength} bits`;
  if (details?.namedCurve) return `${type.toUpperCase()} on ${details.namedCurve}`;
  return type.toUpperCase();
}

function issuerNote(issuer: IssuerStatus): string {
  switch (issuer.kind) {
    case 'found':
      return `Issued by \`${code(issuer.caPath)}\`, a CA in ${issuer.folder}.`;
    case 'self-signed':
      return 'Self-signed: it is its own CA.';
    case 'missing':
      return `No CA in ${issuer.folder} issued it: a gateway that has only these CAs refuses it.`;
  }
}

/** A distinguished name on one line, as `openssl x509 -subject` shows it. */
function oneLine(dn: string): string {
  return dn.split('\n').join(', ');
}

/** Text safe inside a Markdown code span. */
function code(text: string): string {
  return text.replace(/`/g, "'");
}
