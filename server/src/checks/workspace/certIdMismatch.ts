import path from 'node:path';
import { carriedIds, normalizeDn, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { defineWorkspaceRule } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

export const certIdMismatch = defineWorkspaceRule({
  code: 'cert-id-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A conn's ID is not in its certificate",
  description:
    "With certificates, `leftid`/`rightid` must be one of the certificate's subjectAltNames (`@host` as DNS, an address as IP, `user@host` as e-mail) or its subject DN; otherwise the daemon refuses the certificate for that ID. Set the ID to one the certificate carries, or `%fromcert`; the quick fixes offer each of them.",
  checkNode(node, model, report) {
    for (const ref of nodeCertificateRefs(model, node)) {
      if (!ref.info) continue;
      const conn = ref.node.effective.get(ref.connName);
      const idValue = conn?.values.get(`${ref.side}id`);
      const id = idValue?.value;
      if (!idValue || !id || id.startsWith('%')) continue;
      if (certificateCarries(ref.info, id)) continue;
      const valueSpan = idValue.setting.value?.span;
      const fileName = path.basename(ref.filePath);
      report({
        document: idValue.document,
        span: valueSpan ?? idValue.setting.span,
        message: `${ref.side}id=${id} is not in certificate ${fileName} (it carries ${describeNames(ref.info)}): use one of those IDs`,
        fixes: valueSpan ? carriedIds(ref.info).map(({ id: carried }) => ({ title: `Use ${ref.side}id=${carried} (in ${fileName})`, edits: [{ uri: idValue.document.uri, range: idValue.document.source.rangeOf(valueSpan), newText: carried }] })) : [],
      });
    }
  },
});

export function certificateCarries(cert: CertificateInfo, id: string): boolean {
  if (id.includes('=')) return normalizeDn(id) === normalizeDn(cert.subject);
  const bare = id.replace(/^@+/, '').toLowerCase();
  if (id.startsWith('@') && !bare.includes('@')) return cert.dnsNames.some((n) => n.toLowerCase() === bare);
  if (bare.includes('@')) return cert.emails.some((e) => e.toLowerCase() === bare);
  if (/^[0-9.]+$|:/.test(bare)) return cert.ipAddresses.some((ip) => ip.toLowerCase() === bare);
  return cert.dnsNames.some((n) => n.toLowerCase() === bare);
}

function describeNames(cert: CertificateInfo): string {
  const names = carriedIds(cert).filter((carried) => carried.kind !== 'subject').map((carried) => carried.id);
  return names.length > 0 ? names.join(', ') : `only its subject ${shortDn(cert.subject)}`;
}
