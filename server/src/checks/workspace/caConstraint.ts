import path from 'node:path';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { normalizeDn, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { folderOf, namesCertificateFile, resolveInNode } from '../../workspace/certPaths';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule, type WorkspaceModel } from '../workspaceRule';
import { loadCas } from './nodeCas';

/** Attributes every daemon and Node write the same way; others have aliases (E=, Email=, emailAddress=). */
const PLAIN_ATTRIBUTES = new Set(['C', 'O', 'OU', 'CN', 'L', 'ST', 'DC']);

function plainDn(dn: string): boolean {
  return dn.split('\n').every((part) => PLAIN_ATTRIBUTES.has(part.slice(0, part.indexOf('='))));
}

/** How many CAs up from a certificate its chain is followed through cacerts. */
const MAX_CHAIN = 8;

/** The CAs the daemon holds: ipsec.d/cacerts, and for strongSwan the files its `ca` sections name. */
function heldCas(model: WorkspaceModel, node: IpsecNode): CertificateInfo[] {
  const cas = [...loadCas(model, node)];
  for (const document of node.documents) {
    for (const section of document.ast.sections) {
      if (section.kind !== 'ca') continue;
      const cacert = section.settings.find((setting) => setting.key.text === 'cacert')?.value?.text;
      if (!cacert || !namesCertificateFile(cacert)) continue;
      const loaded = model.certificates.load(resolveInNode(node, cacert, 'cacerts'));
      if (loaded.ok) cas.push(loaded.info);
    }
  }
  return cas;
}

/** Whether `dn` is the issuer of the certificate or of a CA above it, by names through the held CAs. */
function chainReaches(cert: CertificateInfo, dn: string, cas: readonly CertificateInfo[]): boolean {
  let issuer = normalizeDn(cert.issuer);
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (issuer === dn) return true;
    const ca = cas.find((candidate) => normalizeDn(candidate.subject) === issuer);
    if (!ca || normalizeDn(ca.issuer) === issuer) return false;
    issuer = normalizeDn(ca.issuer);
  }
  return false;
}

function certificateOf(model: WorkspaceModel, node: IpsecNode, written: string | undefined): CertificateInfo | undefined {
  if (!written || !namesCertificateFile(written)) return undefined;
  const loaded = model.certificates.load(resolveInNode(node, written, 'certs'));
  return loaded.ok ? loaded.info : undefined;
}

export const caConstraint = defineWorkspaceRule({
  code: 'ca-constraint',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: '`leftca=`/`rightca=` names a CA the gateway does not hold, or not the one of the certificate',
  description:
    "`rightca=` (or `leftca=`) given as a distinguished name makes the daemon accept only certificates issued under that CA. Openswan and strongSwan look for it among the CAs they loaded (`ipsec.d/cacerts`, and for strongSwan the `cacert=` of `ca` sections); a certificate of that end (`rightcert=`/`leftcert=`) whose chain does not lead to it makes authentication fail, and so, for Openswan, does a name that matches none of them. strongSwan drops a constraint whose CA it does not hold and accepts any CA it trusts (seen with 5.9.8: the tunnel came up), so that is a warning for strongSwan. Names are compared as distinguished names (case of attribute names and blanks around separators do not matter); values with a `*`, `%same`/`%any` and attributes other than C, O, OU, CN, L, ST and DC (which the daemons spell in several ways) are not judged. Libreswan keeps its CAs in NSS, and a gateway whose daemon is not known, or whose folder holds no CA at all, is not judged either.",
  checkNode(node, model, report) {
    const dialect = node.dialect.choice?.dialect;
    if (dialect !== 'openswan' && dialect !== 'strongswan') return;
    let cas: CertificateInfo[] | undefined;
    for (const conn of node.effective.values()) {
      if (!mayBeLoaded(node, conn)) continue;
      for (const side of ['left', 'right'] as const) {
        const constraint = conn.values.get(`${side}ca`);
        const written = constraint?.value.trim();
        if (!constraint || !written || !written.includes('=') || written.includes('*') || written.startsWith('%')) continue;
        cas ??= heldCas(model, node);
        // A repository that keeps no CA of the gateway says nothing about the ones it will have.
        if (cas.length === 0) return;
        const dn = normalizeDn(written);
        if (!plainDn(dn)) continue;
        const span = constraint.setting.value?.span ?? constraint.setting.span;
        if (!cas.some((ca) => normalizeDn(ca.subject) === dn)) {
          const folder = displayPath(folderOf(node, 'cacerts'), node.layout);
          report(
            dialect === 'strongswan'
              ? { document: constraint.document, span, conn: conn.name, severity: 'warning', message: `${side}ca names a CA that is not in ${folder}: strongSwan drops the constraint ("CA certificate … not found, discarding CA constraint") and accepts a certificate from any CA it trusts; add that CA's certificate or fix the name` }
              : { document: constraint.document, span, conn: conn.name, message: `${side}ca names a CA that is not in ${folder}: the daemon cannot check any certificate against it and authentication fails; add that CA's certificate or fix the name` },
          );
          continue;
        }
        const certificate = certificateOf(model, node, conn.values.get(`${side}cert`)?.value);
        if (certificate && !chainReaches(certificate, dn, cas)) {
          report({ document: constraint.document, span, conn: conn.name, message: `${side}cert ${path.basename(certificate.filePath)} was issued by ${shortDn(certificate.issuer)}, not under ${side}ca: the daemon will refuse it; fix ${side}ca= or the certificate` });
        }
      }
    }
  },
});
