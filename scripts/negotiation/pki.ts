import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { must } from './tools';

export type KeyAlg = 'rsa' | 'ec';
export type Host = 'west' | 'east';
/**
 * good: issued by the main CA with every ID in its SANs; renewed: the same names with another
 * key (a stale copy of one is the other); expiring: valid for a few more days; the others are
 * one defect each (eku-email: extended key usage e-mail protection only; ku-encipher: key usage
 * without digitalSignature; flagless-ca and v1-ca: issued by a CA whose certificate has no
 * basicConstraints CA:TRUE, a version 3 one with only a key usage and a version 1 one).
 */
export type CertVariant = 'good' | 'renewed' | 'other-ca' | 'nosan' | 'expired' | 'future' | 'expiring' | 'eku-email' | 'ku-encipher' | 'flagless-ca' | 'v1-ca';
export type CaName = 'main' | 'other' | 'flagless' | 'v1';

/** Built once and cached; `expiring` is rebuilt whenever it gets too close to its end. */
const CACHED_VARIANTS: readonly CertVariant[] = ['good', 'renewed', 'other-ca', 'nosan', 'expired', 'future', 'eku-email', 'ku-encipher', 'flagless-ca', 'v1-ca'];
const PKI_VERSION = 'v4';
const EXPIRING_DAYS = 20;
/** The expiring certificate must still be valid, and inside the 30-day notice window, during a run. */
const EXPIRING_MIN_LEFT_MS = 7 * 86_400_000;

export const HOST_FQDN: Record<Host, string> = { west: 'west.example', east: 'east.example' };
export const HOST_EMAIL: Record<Host, string> = { west: 'admin@west.example', east: 'admin@east.example' };
export const HOST_ADDRESS: Record<Host, string> = { west: '192.0.2.1', east: '192.0.2.2' };
export const HOST_DN: Record<Host, string> = { west: 'CN=west.example, O=ngt lab', east: 'CN=east.example, O=ngt lab' };

/** Each CA's files under the PKI folder, without extension. */
export const CA_FILES: Readonly<Record<CaName, string>> = { main: 'ca', other: 'other-ca', flagless: 'flagless-ca', v1: 'v1-ca' };

/** A cached PKI per key algorithm: two CAs and, per host, one certificate per variant. */
export class Pki {
  constructor(readonly root: string) {}

  caPem(alg: KeyAlg, ca: CaName): string {
    return path.join(this.root, alg, `${CA_FILES[ca]}.pem`);
  }

  certPem(alg: KeyAlg, host: Host, variant: CertVariant): string {
    return `${this.base(alg, host, variant)}.pem`;
  }

  private base(alg: KeyAlg, host: Host, variant: CertVariant): string {
    return variant === 'expiring' ? path.join(this.root, alg, 'expiring', `${host}-expiring`) : path.join(this.root, alg, `${host}-${variant}`);
  }

  /** PKCS#12 of a host certificate with its key, whose NSS nickname is `nickname`. */
  p12(alg: KeyAlg, host: Host, variant: CertVariant, nickname: string): string {
    const folder = variant === 'expiring' ? path.join(this.root, alg, 'expiring') : path.join(this.root, alg, 'p12');
    const file = path.join(folder, `${host}-${variant}--${nickname}.p12`);
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const base = this.base(alg, host, variant);
      must('openssl', ['pkcs12', '-export', '-inkey', `${base}.key`, '-in', `${base}.pem`, '-name', nickname, '-passout', 'pass:', '-out', tmp]);
      renameSync(tmp, file);
    }
    return file;
  }
}

/** The certificate in DER or PEM form, as written into a node's ipsec.d folder. */
export function certBytes(pemFile: string, format: 'pem' | 'der'): Buffer {
  const pem = readFileSync(pemFile);
  return format === 'pem' ? pem : new X509Certificate(pem).raw;
}

/** Builds the PKI once under `cacheDir` (atomically, so concurrent runs share it). */
export function ensurePki(cacheDir: string): Pki {
  const root = path.join(cacheDir, 'pki', PKI_VERSION);
  if (existsSync(path.join(root, 'complete'))) return withFreshExpiring(new Pki(root));
  const tmp = `${root}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const alg of ['rsa', 'ec'] as const) buildAlg(path.join(tmp, alg), alg);
  writeFileSync(path.join(tmp, 'complete'), new Date().toISOString());
  try {
    renameSync(tmp, root);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!existsSync(path.join(root, 'complete'))) throw new Error(`PKI under ${root} is incomplete`);
  return withFreshExpiring(new Pki(root));
}

/** (Re)builds the `expiring` certificates (and their PKCS#12 files) when they are missing or about to end. */
function withFreshExpiring(pki: Pki): Pki {
  for (const alg of ['rsa', 'ec'] as const) {
    const probe = pki.certPem(alg, 'east', 'expiring');
    if (existsSync(probe) && new Date(new X509Certificate(readFileSync(probe)).validTo).getTime() - Date.now() > EXPIRING_MIN_LEFT_MS) continue;
    const dir = path.join(pki.root, alg);
    const tmp = path.join(dir, `expiring.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const host of ['west', 'east'] as const) issueHostCert(dir, tmp, alg, host, 'expiring');
    rmSync(path.join(dir, 'expiring'), { recursive: true, force: true });
    renameSync(tmp, path.join(dir, 'expiring'));
  }
  return pki;
}

function keyArgs(alg: KeyAlg): string[] {
  return alg === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
}

function buildAlg(dir: string, alg: KeyAlg): void {
  mkdirSync(dir, { recursive: true });
  const at = (name: string): string => path.join(dir, name);
  for (const [name, cn] of [
    ['ca', 'ngt lab CA'],
    ['other-ca', 'ngt unrelated CA'],
  ] as const) {
    must('openssl', ['req', '-x509', ...keyArgs(alg), '-nodes', '-days', '3650', '-subj', `/CN=${cn}/O=ngt lab`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', at(`${name}.key`), '-out', at(`${name}.pem`)]);
  }
  // CAs made as a hand-rolled openssl recipe makes them: self-signed from a request, without basicConstraints.
  for (const [name, cn, ext] of [
    ['flagless-ca', 'ngt flagless CA', 'keyUsage=critical,keyCertSign,cRLSign\n'],
    ['v1-ca', 'ngt v1 CA', undefined],
  ] as const) {
    must('openssl', ['req', '-new', ...keyArgs(alg), '-nodes', '-subj', `/CN=${cn}/O=ngt lab`, '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`)]);
    if (ext) writeFileSync(at(`${name}.ext`), ext);
    must('openssl', ['x509', '-req', '-in', at(`${name}.csr`), '-signkey', at(`${name}.key`), '-days', '3650', ...(ext ? ['-extfile', at(`${name}.ext`)] : []), '-out', at(`${name}.pem`)]);
  }
  writeCaDatabase(dir);
  for (const host of ['west', 'east'] as const) {
    for (const variant of CACHED_VARIANTS) issueHostCert(dir, dir, alg, host, variant);
  }
}

/** A fixed validity window for the variants that need one (openssl ca takes explicit dates). */
const WINDOWS: Partial<Record<CertVariant, readonly [string, string]>> = {
  expired: ['20200101000000Z', '20210101000000Z'],
  future: ['20900101000000Z', '20910101000000Z'],
};

/** Issues `<out>/<host>-<variant>.pem` (and .key) with the CAs found in `caDir`. */
function issueHostCert(caDir: string, out: string, alg: KeyAlg, host: Host, variant: CertVariant): void {
  const at = (name: string): string => path.join(caDir, name);
  const base = path.join(out, `${host}-${variant}`);
  must('openssl', ['req', ...keyArgs(alg), '-nodes', '-subj', `/CN=${HOST_FQDN[host]}/O=ngt lab`, '-keyout', `${base}.key`, '-out', `${base}.csr`]);
  const san = variant === 'nosan' ? 'DNS:unrelated.example' : `DNS:${HOST_FQDN[host]},IP:${HOST_ADDRESS[host]},email:${HOST_EMAIL[host]}`;
  const keyUsage = variant === 'ku-encipher' ? 'keyEncipherment' : 'digitalSignature';
  const extendedKeyUsage = variant === 'eku-email' ? 'emailProtection' : 'serverAuth,clientAuth';
  writeFileSync(`${base}.ext`, `subjectAltName=${san}\nkeyUsage=critical,${keyUsage}\nextendedKeyUsage=${extendedKeyUsage}\nbasicConstraints=CA:FALSE\n`);
  const ca = variant === 'other-ca' || variant === 'flagless-ca' || variant === 'v1-ca' ? variant : 'ca';
  const window = WINDOWS[variant];
  if (window) {
    must('openssl', ['ca', '-batch', '-config', at('ca.cnf'), '-cert', at('ca.pem'), '-keyfile', at('ca.key'), '-in', `${base}.csr`, '-out', `${base}.pem`, '-startdate', window[0], '-enddate', window[1], '-extfile', `${base}.ext`, '-notext', '-preserveDN'], { cwd: caDir });
  } else {
    const days = variant === 'expiring' ? String(EXPIRING_DAYS) : '3650';
    must('openssl', ['x509', '-req', '-in', `${base}.csr`, '-CA', at(`${ca}.pem`), '-CAkey', at(`${ca}.key`), '-CAcreateserial', '-days', days, '-extfile', `${base}.ext`, '-out', `${base}.pem`]);
  }
}

function writeCaDatabase(dir: string): void {
  mkdirSync(path.join(dir, 'newcerts'), { recursive: true });
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    ['[ ca ]', 'default_ca = lab', '[ lab ]', 'database = index.txt', 'new_certs_dir = newcerts', 'serial = serial', 'default_md = sha256', 'policy = any', 'unique_subject = no', '[ any ]', 'commonName = supplied', 'organizationName = optional', ''].join('\n'),
  );
}
