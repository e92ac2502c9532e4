import path from 'node:path';
import type { IpsecNode } from './model';
import { resolveConfigPath, resolveInFolder } from './nodeLayout';

export type CertFolder = 'certs' | 'cacerts' | 'crls' | 'private';

/** Whether a leftcert/rightcert value names a file; otherwise it is an NSS nickname (Libreswan). */
export function namesCertificateFile(value: string): boolean {
  return /\.(der|pem|crt|cer|cert|p12)$/i.test(value) || value.includes('/');
}

/** Where the daemon looks for a certificate or key file named in the config. */
export function resolveInNode(node: IpsecNode, value: string, folder: CertFolder): string {
  if (path.isAbsolute(value)) return resolveConfigPath(value, node.confPath, node.layout);
  return resolveInFolder(path.join(node.layout.etc, 'ipsec.d', folder), value, node.layout);
}

export function folderOf(node: IpsecNode, folder: CertFolder): string {
  return path.join(node.layout.etc, 'ipsec.d', folder);
}
