import path from 'node:path';
import { isIssuedBy, isSelfSigned, shortDn, type CertificateInfo } from '../../workspace/certificates';
import { folderOf } from '../../workspace/certPaths';
import { configSetupSetting, type SetupSetting } from '../../workspace/configSetup';
import { certificateExtensions } from '../../workspace/der';
import { MemoSlot } from '../../workspace/memo';
import type { IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import type { ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel, type WorkspaceReporter } from '../workspaceRule';
import { certificateSite, presentedCertificate } from './certificateRefs';
import { keepsCertificatesInNss, loadCas } from './nodeCas';
import { crlReaders, crlsOfCa, daemonNames, type LoadedCrl } from './nodeCrls';
import { bothWays, describeConn, peerSite } from './peerReport';

/** crlDistributionPoints: a certificate that names one sends the daemon to fetch the list. */
const CRL_DISTRIBUTION_POINTS = '551d1f';

export const strictCrlMissing = defineWorkspaceRule({
  code: 'strict-crl-missing',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'strictcrlpolicy=yes, and no current CRL for the peer\'s certificate',
  description:
    "With `strictcrlpolicy=yes` in `config setup`, Openswan and strongSwan accept a peer's certificate only when they know it is not revoked: from a current CRL of its CA (in `ipsec.d/crls`, or fetched) or from OCSP. When the gateway holds no CRL signed by the CA that issued the peer's `leftcert`, only one past its next update, or only one the daemon does not find (strongSwan 5 looks a CA's list up by its key ID, so a list without an authority key identifier is never used; seen with strongSwan 5.9.8), and nothing tells it where to fetch one (the certificate names no CRL distribution point or OCSP responder, and no `ca` section of either gateway gives a `crluri` or `ocspuri`), the tunnel will not come up. A file of the `crls` folder that cannot be read as one list (larger than 1 MB, several lists in one PEM file, or not understood) may be that list, so then nothing is said. Judged for two peers in the workspace; a gateway that pins the peer's certificate with `rightcert=`, or that runs Libreswan (which spells the setting `crl-strict` and keeps CRLs in NSS), is left alone, and where only some of the daemons the gateway may run would refuse, it is a warning.",
  checkPair(pair, model, report) {
    for (const [ours, theirs] of bothWays(pair)) checkStrictPolicy(model, ours, theirs, report);
  },
});

function checkStrictPolicy(model: WorkspaceModel, ours: ConnRef, theirs: ConnRef, report: WorkspaceReporter): void {
  const strict = strictPolicyOf(ours.node);
  if (!strict) return;
  if (ours.conn.values.get('rightcert') || keepsCertificatesInNss(model, ours.node)) return;
  const { daemons, readers } = crlReaders(ours.node);
  const ref = presentedCertificate(model, theirs);
  const cert = ref?.info;
  if (readers.length === 0 || !ref || !cert || isSelfSigned(cert) || namesRevocationSource(cert) || hasCaUris(ours.node) || hasCaUris(theirs.node)) return;
  const ca = loadCas(model, ours.node).find((candidate) => isIssuedBy(cert, candidate));
  if (!ca) return;
  const failing = readers.flatMap((daemon) => {
    const crls = crlsOfCa(model, ours.node, ca, cert, model.now, daemon);
    return crls.current || crls.unread > 0 ? [] : [{ daemon, crls }];
  });
  if (failing.length === 0) return;
  const { daemon, crls } = failing[0];
  const caName = shortDn(ca.subject);
  const shown = (loaded: LoadedCrl) => displayPath(loaded.filePath, ours.node.layout);
  const what = crls.unfound
    ? `its CRL from ${caName}, ${shown(crls.unfound)}, has no authority key identifier, by which ${daemonNames([daemon])} finds a CA's list`
    : crls.stale
      ? `its only CRL from ${caName}, ${shown(crls.stale)}, expired on ${crls.stale.crl.nextUpdate?.toISOString().slice(0, 10)}`
      : `${displayPath(folderOf(ours.node, 'crls'), ours.node.layout)} holds no CRL from ${caName}`;
  const partial = failing.length < daemons.length;
  const severity = partial ? 'warning' : undefined;
  const aside = partial ? ` (so says ${daemonNames(failing.map((f) => f.daemon))}; not every daemon this gateway may run)` : '';
  const here = peerSite(ours);
  const there = certificateSite(ref);
  const setting = { document: strict.document, span: strict.setting.span };
  report({
    ...here,
    message: `strictcrlpolicy=yes: this gateway will refuse the certificate the peer (${describeConn(theirs)}) presents, ${path.basename(ref.filePath)}, since ${what} and the certificate names no CRL or OCSP URI; put a current CRL of that CA there${aside}`,
    severity,
    related: [{ ...setting, message: 'strictcrlpolicy=yes' }, { ...there, message: "the peer's certificate" }],
  });
  report({
    ...there,
    message: `the peer (${describeConn(ours)}) has strictcrlpolicy=yes and no current CRL from ${caName}, the CA of this certificate, which names no CRL or OCSP URI: it will refuse it${aside}`,
    severity,
    related: [{ ...here, message: "the peer's conn" }],
  });
}

const STRICT_POLICY = new MemoSlot<SetupSetting | undefined>('strictcrlpolicy=yes');

/** The gateway's `strictcrlpolicy=yes`, if it has one; looked up once per node object. */
function strictPolicyOf(node: IpsecNode): SetupSetting | undefined {
  return node.memo.get(STRICT_POLICY, node, (n) => {
    const setting = configSetupSetting(n, 'strictcrlpolicy');
    return setting?.setting.value?.text.toLowerCase() === 'yes' ? setting : undefined;
  });
}

/** Whether the certificate tells the daemon where to check it: a CRL distribution point or an OCSP responder. */
function namesRevocationSource(cert: CertificateInfo): boolean {
  return certificateExtensions(cert.cert.raw).has(CRL_DISTRIBUTION_POINTS) || /\bOCSP\b/.test(cert.cert.infoAccess ?? '');
}

/** Whether a `ca` section of the gateway names a CRL or OCSP URI. */
function hasCaUris(node: IpsecNode): boolean {
  return node.documents.some((document) =>
    document.ast.sections.some((section) => section.kind === 'ca' && section.settings.some((setting) => /^(crluri|ocspuri)\d?$/i.test(setting.key.text))),
  );
}
