import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { must, run, which } from '../tools';

/** The `# ipsec-dialect:` of the harness's strongSwan files: the release Debian's packages below hold. */
export const DEBIAN_STRONGSWAN_DIALECT = 'strongswan-5.9.8';

/** Debian's strongSwan 5.9.8, unpacked rather than installed: its packages conflict with libreswan's. */
const PACKAGES = ['strongswan-charon', 'strongswan-libcharon', 'libstrongswan', 'libstrongswan-standard-plugins', 'strongswan-starter', 'libcharon-extra-plugins'];

/** The extra package's plugin that keeps IPsec SAs in charon itself: these kernels have no ESP, so only it lets a Child SA be installed and rekeyed. */
const USERSPACE_IPSEC_PLUGIN = path.join('plugins', 'libstrongswan-kernel-libipsec.so');

/**
 * Where starter and charon look for each other, their libraries and plugins: paths built into
 * them. Each daemon gets the unpacked tree bind-mounted here in a mount namespace of its own,
 * so the host only gains this empty folder.
 */
export const STRONGSWAN_LIB = '/usr/lib/ipsec';

export interface StrongswanTree {
  /** The unpacked `/usr/lib/ipsec` (starter, charon, stroke, plugins). */
  readonly lib: string;
  readonly version: string;
}

/** Unpacks the packages into `<cacheDir>/strongswan` once (needs network the first time, and root). */
export function ensureStrongswan(cacheDir: string): StrongswanTree {
  const root = path.join(cacheDir, 'strongswan');
  const lib = path.join(root, 'usr', 'lib', 'ipsec');
  if (!['charon', 'stroke', USERSPACE_IPSEC_PLUGIN].every((file) => existsSync(path.join(lib, file)))) {
    const work = mkdtempSync(path.join(tmpdir(), 'ngt-sw-'));
    try {
      if (run('apt-get', ['download', ...PACKAGES], { cwd: work, timeout: 120_000 }).status !== 0) {
        must('apt-get', ['update', '-qq'], { timeout: 300_000 });
        must('apt-get', ['download', ...PACKAGES], { cwd: work, timeout: 120_000 });
      }
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      for (const deb of readdirSync(work).filter((name) => name.endsWith('.deb'))) must('dpkg', ['-x', path.join(work, deb), root]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  mkdirSync(STRONGSWAN_LIB, { recursive: true });
  const version = /(\d+\.\d+\.\d+)/.exec(run(path.join(root, 'usr', 'sbin', 'ipsec'), ['--versioncode']).stdout)?.[1] ?? '5.9';
  return { lib, version };
}

/** What the strongSwan scenarios need beyond the Libreswan harness: mount and namespace tools, and a way to fetch the packages. */
export function strongswanMissing(cacheDir: string): string[] {
  const missing: string[] = [];
  for (const tool of ['unshare', 'nsenter', 'mount']) if (!which(tool)) missing.push(`${tool} (Debian package util-linux / mount)`);
  const unpacked = existsSync(path.join(cacheDir, 'strongswan', 'usr', 'lib', 'ipsec', USERSPACE_IPSEC_PLUGIN));
  if (!unpacked) for (const tool of ['apt-get', 'dpkg']) if (!which(tool)) missing.push(`${tool} (to fetch and unpack strongSwan ${PACKAGES.join(', ')})`);
  return missing;
}
