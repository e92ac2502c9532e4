import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { certBytes, type Pki } from './pki';
import type { PairCase, SideConfig } from './spec';
import { must } from './tools';

export interface SidePaths {
  /** The node folder our checker reads: `<pair>/<host>`, with etc/ below it. */
  readonly node: string;
  readonly conf: string;
  readonly secrets: string;
  readonly ipsecD: string;
  /** pluto's own files: rundir, NSS db and log, kept out of etc/. */
  readonly runtime: string;
}

export function sidePaths(pairDir: string, side: SideConfig): SidePaths {
  const node = path.join(pairDir, side.host);
  const etc = path.join(node, 'etc');
  return { node, conf: path.join(etc, 'ipsec.conf'), secrets: path.join(etc, 'ipsec.secrets'), ipsecD: path.join(etc, 'ipsec.d'), runtime: path.join(pairDir, 'runtime', side.host) };
}

function quoteValue(value: string): string {
  return /[\s#"]/.test(value) ? `"${value}"` : value;
}

export function renderConf(pair: PairCase, side: SideConfig): string {
  const lines = [
    '# ipsec-dialect: libreswan-4',
    `# negotiation case ${pair.id} (${side.host})`,
    'config setup',
    '\tlogtime=yes',
    '\tikev1-policy=accept',
    '',
    `conn ${side.connName}`,
    ...Object.entries(side.conn).map(([key, value]) => `\t${key}=${quoteValue(value)}`),
    '',
  ];
  return lines.join('\n');
}

export function renderSecrets(side: SideConfig): string {
  return `${side.secrets.join('\n')}\n`;
}

function caFileName(ca: 'main' | 'other', format: 'pem' | 'der'): string {
  return `${ca === 'main' ? 'ca' : 'other-ca'}.${format}`;
}

/** Writes both node folders as our checker sees them (ipsec.conf, ipsec.secrets, ipsec.d/certs and cacerts). */
export function writePair(pairDir: string, pair: PairCase, pki: Pki): void {
  rmSync(pairDir, { recursive: true, force: true });
  for (const side of [pair.west, pair.east]) {
    const p = sidePaths(pairDir, side);
    mkdirSync(path.join(p.ipsecD, 'certs'), { recursive: true });
    mkdirSync(path.join(p.ipsecD, 'cacerts'), { recursive: true });
    writeFileSync(p.conf, renderConf(pair, side));
    writeFileSync(p.secrets, renderSecrets(side), { mode: 0o600 });
    chmodSync(p.secrets, 0o600);
    const format = pair.base.certFormat;
    if (side.cert) writeFileSync(path.join(p.ipsecD, 'certs', side.conn.leftcert), certBytes(pki.certPem(side.cert.alg, side.host, side.cert.variant), format));
    for (const ca of side.cacerts) writeFileSync(path.join(p.ipsecD, 'cacerts', caFileName(ca, format)), certBytes(pki.caPem(side.cert?.alg ?? 'rsa', ca), format));
  }
}

/** The same material in pluto's NSS database: the own certificate with its key, and the trusted CAs. */
export function prepareNss(pairDir: string, side: SideConfig, pki: Pki): string {
  const nss = path.join(sidePaths(pairDir, side).runtime, 'nss');
  mkdirSync(nss, { recursive: true });
  must('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
  if (side.cert) {
    const nickname = side.conn.leftcert;
    must('pk12util', ['-i', pki.p12(side.cert.alg, side.host, side.cert.variant, nickname), '-d', `sql:${nss}`, '-W', '']);
  }
  for (const ca of side.cacerts) {
    must('certutil', ['-A', '-n', caFileName(ca, 'pem'), '-t', 'CT,,', '-d', `sql:${nss}`, '-a', '-i', pki.caPem(side.cert?.alg ?? 'rsa', ca)]);
  }
  return nss;
}
