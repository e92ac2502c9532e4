import path from 'node:path';
import { isIssuedBy, isSelfSigned, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { configSetupSetting } from '../../workspace/configSetup';
import { certificateExtensionOids } from '../../workspace/der';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import type { ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { presentedCertificate } from './certificateRefs';
import { keepsCertificatesInNss, loadCas } from './nodeCas';
import { crlFolderReaders, crlFrom } from './nodeCrls';
import { describeConn, locate } from './peerReport';

/** crlDistributionPoints: a certificate that names one sends the daemon to fetch the list. */
const CRL_DISTRIBUTION_POINTS = '551d1f';

export const strictCrlMissing = defineWorkspaceRule({
  code: 'strict-crl-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'strictcrlpolicy=yes, and no current CRL for the peer\'s certificate',
  description:
    "With `strictcrlpolicy=yes` in `config setup`, Openswan and strongSwan accept a peer's certificate only when they know it is not revoked: from a current CRL of its CA (in `ipsec.d/crls`, or fetched) or from OCSP. When the gateway holds no CRL signed by the CA that issued the peer's `leftcert`, or only one past its next update, and nothing tells it where to fetch one (the certificate names no CRL distribution point or OCSP responder, and no `ca` section of either gateway gives a `crluri` or `ocspuri`), the tunnel will not come up. Judged for two peers in the workspace; a gateway that pins the peer's certificate with `rightcert=`, or that may run Libreswan with its certificates in NSS, is left alone, and where the gateway may also run Libreswan (which spells the setting `crl-strict`) it is a warning.",
  checkPair({ a, b }, model, report) {
    checkStrictPolicy(model, a, b, report);
    checkStrictPolicy(model, b, a, report);
  },
});

function checkStrictPolicy(model: WorkspaceModel, ours: ConnRef, theirs: ConnRef, report: WorkspaceReporter): void {
  const strict = configSetupSetting(ours.node, 'strictcrlpolicy');
  if (strict?.setting.value?.text.toLowerCase() !== 'yes') return;
  if (ours.conn.values.get('rightcert') || keepsCertificatesInNss(model, ours.node)) return;
  const readers = crlFolderReaders(ours.node);
  if (readers === 'none') return;
  const ref = presentedCertificate(model, theirs);
  const cert = ref?.info;
  if (!ref || !cert || isSelfSigned(cert) || namesRevocationSource(cert) || hasCaUris(ours.node) || hasCaUris(theirs.node)) return;
  const ca = loadCas(model, ours.node).find((candidate) => isIssuedBy(cert, candidate));
  if (!ca) return;
  const { current, stale } = crlFrom(model, ours.node, ca, model.now);
  if (current) return;
  const crls = displayPath(folderOf(ours.node, 'crls'), ours.node.layout);
  const what = stale
    ? `its only CRL from ${shortDn(ca.subject)}, ${displayPath(stale.filePath, ours.node.layout)}, expired on ${stale.crl.nextUpdate?.toISOString().slice(0, 10)}`
    : `${crls} holds no CRL from ${shortDn(ca.subject)}`;
  const severity = readers === 'some' ? 'warning' : undefined;
  const aside = readers === 'some' ? ' (Openswan and strongSwan; Libreswan reads CRLs from its NSS database)' : '';
  const here = locate(ours, ours.conn.values.get('rightid') ?? ours.conn.values.get('right'));
  const there = { document: ref.value.document, span: ref.value.setting.value?.span ?? ref.value.setting.span };
  const setting = { document: strict.document, span: strict.setting.span };
  report({
    ...here,
    message: `strictcrlpolicy=yes: this gateway will refuse the certificate the peer (${describeConn(theirs)}) presents, ${path.basename(ref.filePath)}, since ${what} and the certificate names no CRL or OCSP URI; put a current CRL of that CA there${aside}`,
    severity,
    related: [{ ...setting, message: 'strictcrlpolicy=yes' }, { ...there, message: "the peer's certificate" }],
  });
  report({
    ...there,
    message: `the peer (${describeConn(ours)}) has strictcrlpolicy=yes and ${stale ? 'only an expired CRL' : 'no CRL'} from ${shortDn(ca.subject)}, the CA of this certificate, which names no CRL or OCSP URI: it will refuse it${aside}`,
    severity,
    related: [{ ...here, message: "the peer's conn" }],
  });
}

/** Whether the certificate tells the daemon where to check it: a CRL distribution point or an OCSP responder. */
function namesRevocationSource(cert: CertificateInfo): boolean {
  return certificateExtensionOids(cert.cert.raw).has(CRL_DISTRIBUTION_POINTS) || /\bOCSP\b/.test(cert.cert.infoAccess ?? '');
}

/** Whether a `ca` section of the gateway names a CRL or OCSP URI. */
function hasCaUris(node: IpsecNode): boolean {
  return node.documents.some((document) =>
    document.ast.sections.some((section) => section.kind === 'ca' && section.settings.some((setting) => /^(crluri|ocspuri)\d?$/i.test(setting.key.text))),
  );
}
