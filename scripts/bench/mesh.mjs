// Generates an epSOS-style mesh of N gateways with real certificates (made by openssl, cached).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BENCH_DIR = path.resolve('.cache', 'bench');

export function countryCodes(n) {
  return Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
}

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

/** One CA and one gateway certificate per country (EC P-256: quick to make), reused across runs. */
export function ensurePki(codes) {
  const dir = path.join(BENCH_DIR, 'pki');
  mkdirSync(dir, { recursive: true });
  for (const cc of codes) {
    const ca = path.join(dir, `NCPB__${cc}_IdV_1.der`);
    const cert = path.join(dir, `_${cc}_VPNGateway_0.der`);
    if (existsSync(ca) && existsSync(cert)) continue;
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${cc}-ca.key`], dir);
    openssl(['req', '-x509', '-new', '-key', `${cc}-ca.key`, '-subj', `/C=EU/O=epSOS bench/CN=NCP-B ${cc} IdV`, '-days', '7300', '-outform', 'DER', '-out', ca], dir);
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${cc}.key`], dir);
    openssl(['req', '-new', '-key', `${cc}.key`, '-subj', `/C=EU/O=epSOS bench/CN=vpn.${cc}.example`, '-out', `${cc}.csr`], dir);
    writeFileSync(path.join(dir, `${cc}.ext`), `subjectAltName=DNS:vpn.${cc}.example\n`);
    openssl(['x509', '-req', '-in', `${cc}.csr`, '-CA', ca, '-CAform', 'DER', '-CAkey', `${cc}-ca.key`, '-CAcreateserial', '-days', '7300', '-extfile', `${cc}.ext`, '-outform', 'DER', '-out', cert], dir);
  }
  return dir;
}

export function address(i) {
  return `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

/** Writes the mesh: every node holds server.conf, one <peer>.conf per peer, all certificates and CAs. */
export function writeMesh(n) {
  const codes = countryCodes(n);
  const pki = ensurePki(codes);
  const root = path.join(BENCH_DIR, `mesh-${n}`);
  rmSync(root, { recursive: true, force: true });
  codes.forEach((cc, i) => {
    const etc = path.join(root, cc, 'etc');
    const d = path.join(etc, 'ipsec.d');
    mkdirSync(path.join(d, 'certs'), { recursive: true });
    mkdirSync(path.join(d, 'cacerts'), { recursive: true });
    mkdirSync(path.join(d, 'private'), { recursive: true });
    writeFileSync(path.join(etc, 'ipsec.conf'), 'version 2.0\n\nconfig setup\n\tprotostack=netkey\n\tnat_traversal=yes\n\nconn %default\n\tkeyingtries=1\n\ninclude /etc/ipsec.d/*.conf\n');
    writeFileSync(path.join(etc, 'ipsec.secrets'), `: RSA vpn-${cc}.key\n`, { mode: 0o600 });
    writeFileSync(path.join(d, 'private', `vpn-${cc}.key`), readFileSync(path.join(pki, `${cc}.key`)));
    writeFileSync(
      path.join(d, 'server.conf'),
      `conn %default\n\tauthby=rsasig\n\tleft=${address(i)}\n\tleftid=@vpn.${cc}.example\n\tleftcert=_${cc}_VPNGateway_0.der\n\tleftrsasigkey=%cert\n\trightrsasigkey=%cert\n\ttype=transport\n\tcompress=no\n`,
    );
    codes.forEach((peer, j) => {
      copyFileSync(path.join(pki, `_${peer}_VPNGateway_0.der`), path.join(d, 'certs', `_${peer}_VPNGateway_0.der`));
      copyFileSync(path.join(pki, `NCPB__${peer}_IdV_1.der`), path.join(d, 'cacerts', `NCPB__${peer}_IdV_1.der`));
      if (peer === cc) return;
      writeFileSync(path.join(d, `${peer}.conf`), `conn ${peer}\n\tright=${address(j)}\n\trightid=@vpn.${peer}.example\n\trightcert=_${peer}_VPNGateway_0.der\n\tauto=add\n\tpfs=yes\n`);
    });
  });
  return { root, codes };
}

/** A copy of each node's ipsec.conf whose include points at the mesh, for Libreswan's addconn. */
export function writeAddconnConfigs(root, codes) {
  return codes.map((cc) => {
    const etc = path.join(root, cc, 'etc');
    const text = readFileSync(path.join(etc, 'ipsec.conf'), 'utf8').replace('include /etc/ipsec.d/*.conf', `include ${etc}/ipsec.d/*.conf`).replace('\tnat_traversal=yes\n', '');
    const file = path.join(BENCH_DIR, `addconn-${path.basename(root)}-${cc}.conf`);
    writeFileSync(file, text);
    return file;
  });
}
