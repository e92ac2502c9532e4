import path from 'node:path';
import type { DialectName } from '../../model/dialect';
import { carriedIds, normalizeDn, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { canonicalAddress } from '../../text/ipLiteral';
import { possibleDialects, readId, type IdReading } from '../../workspace/ikeIdentity';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

export const certIdMismatch = defineWorkspaceRule({
  code: 'cert-id-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A conn's ID is not in its certificate",
  description:
    "With certificates, `leftid`/`rightid` must be one of the certificate's subjectAltNames (`@host` as DNS, an address as IP, `user@host` as e-mail) or its subject DN; otherwise the daemon refuses the certificate for that ID. Names and e-mail addresses are compared without regard to case, addresses in any spelling (`2001:db8::1` is the certificate's `2001:DB8:0:0:0:0:0:1`), strongSwan's typed IDs (`fqdn:…`) as the type they name; a name without `@` that Libreswan or Openswan would look up in DNS is not judged. An address written after `@` (`@192.0.2.1`) is a name to every daemon, which a certificate carrying the address as an IP subjectAltName does not match: the message says to drop the `@`. Set the ID to one the certificate carries, or `%fromcert`; the quick fixes offer each of them.",
  checkNode(node, model, report) {
    for (const ref of nodeCertificateRefs(model, node)) {
      if (!ref.info) continue;
      const conn = ref.node.effective.get(ref.connName);
      const idValue = conn?.values.get(`${ref.side}id`);
      const id = idValue?.value;
      if (!idValue || !id || id.startsWith('%')) continue;
      if (certificateCarries(ref.info, id, possibleDialects(node.dialect))) continue;
      const valueSpan = idValue.setting.value?.span;
      const fileName = path.basename(ref.filePath);
      const address = addressWrittenAsName(ref.info, id);
      report({
        document: idValue.document,
        span: valueSpan ?? idValue.setting.span,
        message:
          address !== undefined
            ? `${ref.side}id=${id} is a name, not an address (the @ makes it one), and certificate ${fileName} carries ${address} as an IP address: write ${ref.side}id=${address}`
            : `${ref.side}id=${id} is not in certificate ${fileName} (it carries ${describeNames(ref.info)}): use one of those IDs`,
        fixes: valueSpan ? carriedIds(ref.info).map(({ id: carried }) => ({ title: `Use ${ref.side}id=${carried} (in ${fileName})`, edits: [{ uri: idValue.document.uri, range: idValue.document.source.rangeOf(valueSpan), newText: carried }] })) : [],
      });
    }
  },
});

/** `@192.0.2.1`: an address behind `@`, which every daemon reads as a name, carried by the certificate as an IP address. */
function addressWrittenAsName(cert: CertificateInfo, id: string): string | undefined {
  const address = id.startsWith('@') ? canonicalAddress(id.slice(1)) : undefined;
  return address !== undefined && cert.ipAddresses.some((ip) => canonicalAddress(ip) === address) ? id.slice(1) : undefined;
}

type CarriedNames = Pick<CertificateInfo, 'subject' | 'dnsNames' | 'emails' | 'ipAddresses'>;

/**
 * Whether the certificate carries the ID as some daemon the gateway may run reads it: names and
 * e-mail addresses without regard to case, addresses in any spelling (Node writes IPv6 SANs in
 * full), DNs in any spacing. A name to look up in DNS, a key ID or a pattern is not judged.
 */
export function certificateCarries(cert: CarriedNames, id: string, dialects: readonly DialectName[] = ['strongswan']): boolean {
  return dialects.some((dialect) => carriesAs(cert, readId(id, dialect)));
}

function carriesAs(cert: CarriedNames, reading: IdReading): boolean {
  const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase().replace(/\.+$/, ''));
  switch (reading.kind) {
    case 'dn':
      return reading.value === normalizeDn(cert.subject);
    case 'fqdn':
      return lower(cert.dnsNames).includes(reading.value);
    case 'email':
      return lower(cert.emails).includes(reading.value);
    case 'address':
      return cert.ipAddresses.some((ip) => canonicalAddress(ip) === reading.value);
    default:
      return true;
  }
}

function describeNames(cert: CertificateInfo): string {
  const names = carriedIds(cert).filter((carried) => carried.kind !== 'subject').map((carried) => carried.id);
  return names.length > 0 ? names.join(', ') : `only its subject ${shortDn(cert.subject)}`;
}
