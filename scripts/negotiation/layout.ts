import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEBIAN_LIBRESWAN } from './libreswanBuild';
import { CA_FILES, certBytes, type CaName, type Host, type Pki } from './pki';
import type { PairCase, SideConfig } from './spec';
import { must } from './tools';

export interface SidePaths {
  /** The node folder our checker reads: `<pair>/<host>`, with etc/ below it. */
  readonly node: string;
  readonly etc: string;
  readonly conf: string;
  readonly secrets: string;
  readonly ipsecD: string;
}

export function sidePaths(pairDir: string, side: SideConfig): SidePaths {
  const node = path.join(pairDir, side.host);
  const etc = path.join(node, 'etc');
  return { node, etc, conf: path.join(etc, 'ipsec.conf'), secrets: path.join(etc, 'ipsec.secrets'), ipsecD: path.join(etc, 'ipsec.d') };
}

/** pluto's own files for one negotiation (rundir, NSS db, log), kept out of etc/. */
export function runtimeDir(pairDir: string, run: string, side: SideConfig): string {
  return path.join(pairDir, 'runtime', run, side.host);
}

function quoteValue(value: string): string {
  return /[\s#"]/.test(value) ? `"${value}"` : value;
}

/** Settings both ends normally share: what `%default` or an `also=` conn carries in those layouts. */
const SHARED_KEYS = new Set(['authby', 'ikev2', 'type', 'ike', 'esp', 'pfs', 'keyingtries']);
export const ALSO_CONN = 'shared';

function section(header: string, settings: readonly (readonly [string, string])[]): string[] {
  return [header, ...settings.map(([key, value]) => `\t${key}=${quoteValue(value)}`), ''];
}

/** ipsec.conf and the files it includes, as the layout of the side asks. */
export function renderConfFiles(pair: PairCase, side: SideConfig, dialect = DEBIAN_LIBRESWAN.dialect): Record<string, string> {
  const overrides = Object.entries(side.ownOverrides ?? {});
  const entries = [...Object.entries(side.conn), ...overrides];
  const shared = Object.entries(side.conn).filter(([key]) => SHARED_KEYS.has(key));
  const own = [...Object.entries(side.conn).filter(([key]) => !SHARED_KEYS.has(key)), ...overrides];
  const head = [`# ipsec-dialect: ${dialect}`, `# negotiation case ${pair.id} (${side.host})`, 'config setup', '\tlogtime=yes', ...(side.ikev1Policy === 'unset' ? [] : [`\tikev1-policy=${side.ikev1Policy ?? 'accept'}`]), ''];
  const files: Record<string, string> = {};
  let body: string[];
  switch (side.layout) {
    case 'flat':
      body = section(`conn ${side.connName}`, entries);
      break;
    case 'default':
      body = [...section('conn %default', shared), ...section(`conn ${side.connName}`, own)];
      break;
    case 'also':
      body = [...section(`conn ${ALSO_CONN}`, [...shared, ...(side.sharedAlso ? [['also', side.sharedAlso] as const] : [])]), ...section(`conn ${side.connName}`, [['also', ALSO_CONN], ...own])];
      break;
    case 'include':
      // Relative: pluto and addconn run with etc/ as their working directory, where our checker resolves it too.
      body = ['include ipsec.d/*.conf', ''];
      files[`ipsec.d/${side.connName}.conf`] = section(`conn ${side.connName}`, entries).join('\n');
      break;
  }
  files['ipsec.conf'] = [...head, ...(side.preamble ?? []), ...body, ...side.extraConf, ''].join('\n');
  return { ...files, ...side.extraFiles };
}

export function renderSecrets(side: SideConfig): string {
  return `${side.secrets.join('\n')}\n`;
}

function caFileName(ca: CaName, format: 'pem' | 'der'): string {
  return `${CA_FILES[ca]}.${format}`;
}

/** The file (and NSS nickname) under which a side keeps its copy of the peer's certificate. */
function peerCertName(side: SideConfig): string | undefined {
  return side.peerCertCopy ? side.conn.rightcert : undefined;
}

/** Writes both node folders as our checker sees them (ipsec.conf, ipsec.secrets, ipsec.d/certs and cacerts). */
export function writePair(pairDir: string, pair: PairCase, pki: Pki, dialects: Partial<Record<Host, string>> = {}): void {
  rmSync(pairDir, { recursive: true, force: true });
  for (const side of [pair.west, pair.east]) {
    const p = sidePaths(pairDir, side);
    mkdirSync(path.join(p.ipsecD, 'certs'), { recursive: true });
    mkdirSync(path.join(p.ipsecD, 'cacerts'), { recursive: true });
    for (const [name, text] of Object.entries(renderConfFiles(pair, side, dialects[side.host]))) {
      mkdirSync(path.dirname(path.join(p.etc, name)), { recursive: true });
      writeFileSync(path.join(p.etc, name), text);
    }
    writeFileSync(p.secrets, renderSecrets(side));
    chmodSync(p.secrets, side.secretsMode);
    const format = pair.base.certFormat;
    if (side.cert && !side.certAbsent) writeFileSync(path.join(p.ipsecD, 'certs', side.conn.leftcert), certBytes(pki.certPem(side.cert.alg, side.host, side.cert.variant), format));
    const peerCopy = peerCertName(side);
    if (peerCopy && side.cert && side.peerCertCopy) writeFileSync(path.join(p.ipsecD, 'certs', peerCopy), certBytes(pki.certPem(side.cert.alg, peerHost(side), side.peerCertCopy), format));
    for (const ca of side.cacerts) writeFileSync(path.join(p.ipsecD, 'cacerts', caFileName(ca, format)), certBytes(pki.caPem(side.cert?.alg ?? 'rsa', ca), format));
  }
}

function peerHost(side: SideConfig): 'west' | 'east' {
  return side.host === 'west' ? 'east' : 'west';
}

/** The same material in pluto's NSS database: the own certificate with its key, a copy of the peer's, and the trusted CAs. */
export function prepareNss(runtime: string, side: SideConfig, pki: Pki): string {
  const nss = path.join(runtime, 'nss');
  mkdirSync(nss, { recursive: true });
  must('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
  if (side.cert && !side.certAbsent) {
    const nickname = side.conn.leftcert;
    must('pk12util', ['-i', pki.p12(side.cert.alg, side.host, side.cert.variant, nickname), '-d', `sql:${nss}`, '-W', '']);
  }
  const peerCopy = peerCertName(side);
  if (peerCopy && side.cert && side.peerCertCopy) {
    must('certutil', ['-A', '-n', peerCopy, '-t', ',,', '-d', `sql:${nss}`, '-a', '-i', pki.certPem(side.cert.alg, peerHost(side), side.peerCertCopy)]);
  }
  for (const ca of side.cacerts) {
    must('certutil', ['-A', '-n', caFileName(ca, 'pem'), '-t', 'CT,,', '-d', `sql:${nss}`, '-a', '-i', pki.caPem(side.cert?.alg ?? 'rsa', ca)]);
  }
  return nss;
}
