import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Host, KeyAlg, Pki } from '../pki';
import { must } from '../tools';

/**
 * What a side's ipsec.d/crls holds: the main CA's list revoking the peer's certificate, one
 * revoking nothing, or one already past its next update; `-no-aki` lists lack the authority key
 * identifier, which strongSwan finds a CA's lists by.
 */
export type CrlKind = 'revokes-peer' | 'revokes-peer-no-aki' | 'empty' | 'empty-no-aki' | 'expired';

/** Seconds an `expired` list is valid: it has expired by the time the daemon reads it. */
const EXPIRED_AFTER_SECONDS = 1;

/**
 * Writes a PEM CRL of the main CA to `file`, made by OpenSSL with a throwaway database (the
 * PKI's own database is not touched). Returns when an `expired` list has indeed expired.
 */
export function writeCrl(pki: Pki, alg: KeyAlg, peer: Host, kind: CrlKind, file: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ngt-crl-'));
  try {
    const ca = pki.caPem(alg, 'main');
    const key = ca.replace(/\.pem$/, '.key');
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'crl.cnf'), ['[ ca ]', 'default_ca = lab', '[ lab ]', `database = ${path.join(dir, 'index.txt')}`, 'default_md = sha256', '[ aki ]', 'authorityKeyIdentifier = keyid:always', ''].join('\n'));
    const config = ['-config', path.join(dir, 'crl.cnf'), '-cert', ca, '-keyfile', key];
    if (kind.startsWith('revokes-peer')) must('openssl', ['ca', ...config, '-revoke', pki.certPem(alg, peer, 'good'), '-crl_reason', 'keyCompromise']);
    const validity = kind === 'expired' ? ['-crlsec', String(EXPIRED_AFTER_SECONDS)] : ['-crldays', '30'];
    const extensions = kind.endsWith('-no-aki') ? [] : ['-crlexts', 'aki'];
    must('openssl', ['ca', ...config, '-gencrl', ...extensions, ...validity, '-out', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (kind === 'expired') waitUntilExpired(file);
}

function waitUntilExpired(file: string): void {
  const nextUpdate = /Next Update: (.+)/.exec(must('openssl', ['crl', '-in', file, '-noout', '-text']))?.[1];
  const until = nextUpdate ? new Date(nextUpdate).getTime() : Date.now() + EXPIRED_AFTER_SECONDS * 1000;
  const wait = until - Date.now() + 1100;
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}

