import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEBIAN_LIBRESWAN } from '../libreswanBuild';
import { DEBIAN_STRONGSWAN_DIALECT } from './install';
import { CA_FILES, HOST_ADDRESS, type Pki } from '../pki';
import { must } from '../tools';
import { writeCrl } from './crls';
import { keyAlgOf, type Scenario, type ScenarioSide } from './scenarios';

const CA_FILE = 'ca.pem';
const OTHER_CA_FILE = 'other-ca.pem';
const CRL_FILE = 'ca.crl.pem';

export function nodeEtc(pairDir: string, side: ScenarioSide): string {
  return path.join(pairDir, side.host, 'etc');
}

function peerOf(side: ScenarioSide): 'west' | 'east' {
  return side.host === 'west' ? 'east' : 'west';
}

function certName(side: ScenarioSide): string {
  return `${side.host}.pem`;
}

function keyName(side: ScenarioSide): string {
  return `${side.host}.key`;
}

function renderConf(side: ScenarioSide, connName: string): string {
  const head = side.daemon === 'strongswan' ? [`# ipsec-dialect: ${DEBIAN_STRONGSWAN_DIALECT}`, 'config setup', ...(side.strictCrlPolicy ? ['\tstrictcrlpolicy=yes'] : []), ''] : [`# ipsec-dialect: ${DEBIAN_LIBRESWAN.dialect}`, 'config setup', '\tlogtime=yes', '\tikev1-policy=accept', ''];
  const moved = new Set(side.defaults?.keys ?? []);
  const lines = (settings: ReadonlyArray<readonly [string, string]>) => settings.map(([key, value]) => `\t${key}=${value}`);
  const conn = [`conn ${connName}`, ...lines(side.conn.filter(([key]) => !moved.has(key))), ''];
  const defaults = moved.size > 0 ? ['conn %default', ...lines(side.conn.filter(([key]) => moved.has(key))), ''] : [];
  return [...head, ...(side.defaults?.after ? [...conn, ...defaults] : [...defaults, ...conn])].join('\n');
}

function renderSecrets(side: ScenarioSide): string {
  const peer = side.host === 'west' ? 'east' : 'west';
  const lines: string[] = [];
  const selectors = { ids: `@${side.host}.example @${peer}.example `, addresses: `${HOST_ADDRESS[side.host]} ${HOST_ADDRESS[peer]} `, any: '' }[side.pskSelectors ?? 'ids'];
  if (side.psk !== undefined) lines.push(`${selectors}: PSK "${side.psk}"`);
  // Libreswan finds the key in its NSS database by the certificate.
  const alg = keyAlgOf(side);
  if (alg && side.daemon === 'strongswan' && side.keyInSecrets !== false) lines.push(`: ${alg === 'ec' ? 'ECDSA' : 'RSA'} ${keyName(side)}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** Both node folders as our checker reads them and strongSwan loads them: ipsec.conf, ipsec.secrets, ipsec.d/{certs,private,cacerts,crls}. */
export function writeScenario(pairDir: string, scenario: Scenario, connName: string, pki: Pki): void {
  rmSync(pairDir, { recursive: true, force: true });
  for (const side of [scenario.west, scenario.east]) {
    const etc = nodeEtc(pairDir, side);
    for (const folder of ['certs', 'cacerts', 'private']) mkdirSync(path.join(etc, 'ipsec.d', folder), { recursive: true });
    writeFileSync(path.join(etc, 'ipsec.conf'), renderConf(side, connName));
    writeFileSync(path.join(etc, 'ipsec.secrets'), renderSecrets(side));
    chmodSync(path.join(etc, 'ipsec.secrets'), 0o600);
    const alg = keyAlgOf(side);
    if (alg) {
      const pem = pki.certPem(alg, side.host, side.certVariant);
      copyFileSync(pem, path.join(etc, 'ipsec.d', 'certs', certName(side)));
      if (side.daemon === 'strongswan') {
        copyFileSync(pem.replace(/\.pem$/, '.key'), path.join(etc, 'ipsec.d', 'private', keyName(side)));
        chmodSync(path.join(etc, 'ipsec.d', 'private', keyName(side)), 0o600);
      }
    }
    if (alg && side.peerCertCopy) copyFileSync(pki.certPem(alg, peerOf(side), side.peerCertCopyVariant ?? 'good'), path.join(etc, 'ipsec.d', 'certs', `${peerOf(side)}.pem`));
    if (side.trustsCa) copyFileSync(pki.caPem(alg ?? 'rsa', 'main'), path.join(etc, 'ipsec.d', 'cacerts', CA_FILE));
    if (side.trustsOtherCa) copyFileSync(pki.caPem(alg ?? 'rsa', 'other'), path.join(etc, 'ipsec.d', 'cacerts', OTHER_CA_FILE));
    if (side.extraCa) copyFileSync(pki.caPem(alg ?? 'rsa', side.extraCa), path.join(etc, 'ipsec.d', 'cacerts', `${CA_FILES[side.extraCa]}.pem`));
    if (side.crl) {
      mkdirSync(path.join(etc, 'ipsec.d', 'crls'), { recursive: true });
      writeCrl(pki, alg ?? 'rsa', peerOf(side), side.crl, path.join(etc, 'ipsec.d', 'crls', CRL_FILE));
    }
  }
}

/** A Libreswan side's NSS database with the same material: its certificate and key under the file's name, and the CA when trusted. */
export function prepareScenarioNss(runtime: string, side: ScenarioSide, pki: Pki): string {
  const nss = path.join(runtime, 'nss');
  rmSync(nss, { recursive: true, force: true });
  mkdirSync(nss, { recursive: true });
  must('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
  const alg = keyAlgOf(side);
  if (alg) must('pk12util', ['-i', pki.p12(alg, side.host, side.certVariant, certName(side)), '-d', `sql:${nss}`, '-W', '']);
  if (alg && side.peerCertCopy) must('certutil', ['-A', '-n', `${peerOf(side)}.pem`, '-t', ',,', '-d', `sql:${nss}`, '-a', '-i', pki.certPem(alg, peerOf(side), side.peerCertCopyVariant ?? 'good')]);
  if (side.trustsCa) must('certutil', ['-A', '-n', CA_FILE, '-t', 'CT,,', '-d', `sql:${nss}`, '-a', '-i', pki.caPem(alg ?? 'rsa', 'main')]);
  if (side.trustsOtherCa) must('certutil', ['-A', '-n', OTHER_CA_FILE, '-t', 'CT,,', '-d', `sql:${nss}`, '-a', '-i', pki.caPem(alg ?? 'rsa', 'other')]);
  if (side.extraCa) must('certutil', ['-A', '-n', `${CA_FILES[side.extraCa]}.pem`, '-t', 'CT,,', '-d', `sql:${nss}`, '-a', '-i', pki.caPem(alg ?? 'rsa', side.extraCa)]);
  return nss;
}
