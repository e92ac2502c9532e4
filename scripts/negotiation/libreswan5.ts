import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LibreswanBuild } from './libreswanBuild';
import { must, run, which } from './tools';

/**
 * Libreswan 5.2, the release Debian 13 ships, built from Debian's copy of the upstream source:
 * bookworm has no package of it, and trixie's binaries need a newer C library. Every default
 * path is compiled to point into the build folder, so it never reads or writes the installed
 * 4.10's files (5.x pluto also runs its own addconn at start).
 */
const VERSION = '5.2';
const SOURCE_URL = `http://deb.debian.org/debian/pool/main/libr/libreswan/libreswan_${VERSION}.orig.tar.gz`;
const SOURCE_SHA256 = 'c382bbd838c239f8d4c4e9cc320f3abf34f7b08e71d9e78ed029a96d963940ce';
/** Debian packages the build needs with the options below (no DNSSEC, PAM, LDAP, curl, seccomp, audit). */
const BUILD_PACKAGES = ['build-essential', 'pkg-config', 'bison', 'flex', 'libnss3-dev', 'libnspr4-dev', 'libevent-dev', 'libcap-ng-dev'];
const PKG_CONFIG_MODULES = ['nss', 'nspr', 'libevent', 'libcap-ng'];
const BUILD_TOOLS = ['make', 'gcc', 'bison', 'flex', 'pkg-config'];

function makeVariables(root: string): string[] {
  return [
    `PREFIX=${root}/usr/local`, `SYSCONFDIR=${root}/etc`, `VARDIR=${root}/var`, `RUNDIR=${root}/run/pluto`, 'INITSYSTEM=',
    'USE_IKEv1=true', 'USE_DNSSEC=false', 'USE_SECCOMP=false', 'USE_LABELED_IPSEC=false', 'USE_LIBCURL=false',
    'USE_LDAP=false', 'USE_AUTHPAM=false', 'USE_SYSTEMD_WATCHDOG=false', 'USE_LINUX_AUDIT=false',
  ];
}

function buildOf(root: string): LibreswanBuild {
  const bin = path.join(root, 'usr', 'local', 'libexec', 'ipsec');
  return { label: `Libreswan ${VERSION} (built from source)`, dialect: `libreswan-${VERSION}`, pluto: path.join(bin, 'pluto'), whack: path.join(bin, 'whack'), addconn: path.join(bin, 'addconn') };
}

function built(build: LibreswanBuild): boolean {
  return existsSync(build.addconn) && existsSync(build.whack) && run(build.pluto, ['--version']).stdout.startsWith(`Libreswan ${VERSION} `);
}

function buildDependenciesMissing(): boolean {
  return BUILD_TOOLS.some((tool) => !which(tool)) || run('pkg-config', ['--exists', ...PKG_CONFIG_MODULES]).status !== 0;
}

/** The build in `<cacheDir>/libreswan-5.2`, when there is one. */
export function builtLibreswan5(cacheDir: string): LibreswanBuild | undefined {
  const build = buildOf(path.join(cacheDir, `libreswan-${VERSION}`, 'root'));
  return built(build) ? build : undefined;
}

/** What building needs that the machine lacks, when the build is not cached yet. */
export function libreswan5Missing(cacheDir: string): string[] {
  if (builtLibreswan5(cacheDir)) return [];
  const missing: string[] = [];
  for (const tool of ['curl', 'tar']) if (!which(tool)) missing.push(`${tool} (to fetch Libreswan ${VERSION}'s source)`);
  if (buildDependenciesMissing() && (!which('apt-get') || process.getuid?.() !== 0)) missing.push(`build dependencies of Libreswan ${VERSION} (Debian packages ${BUILD_PACKAGES.join(' ')})`);
  return missing;
}

/** Builds Libreswan 5.2 into `<cacheDir>/libreswan-5.2` once (about 1.5 minutes on two cores; needs network the first time). */
export function ensureLibreswan5(cacheDir: string, log: (line: string) => void = () => undefined): LibreswanBuild {
  const home = path.join(cacheDir, `libreswan-${VERSION}`);
  const root = path.join(home, 'root');
  const build = buildOf(root);
  if (built(build)) return build;
  if (buildDependenciesMissing()) {
    log(`negotiation: installing the build dependencies of Libreswan ${VERSION}`);
    must('apt-get', ['update', '-qq'], { timeout: 300_000 });
    must('apt-get', ['install', '-y', '-qq', '--no-upgrade', ...BUILD_PACKAGES], { timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const tarball = path.join(home, `libreswan_${VERSION}.orig.tar.gz`);
  log(`negotiation: fetching ${SOURCE_URL}`);
  must('curl', ['-fsSL', '-o', tarball, SOURCE_URL], { timeout: 300_000 });
  const digest = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  if (digest !== SOURCE_SHA256) throw new Error(`${SOURCE_URL} has SHA-256 ${digest}, not the expected ${SOURCE_SHA256}`);
  must('tar', ['-xzf', tarball, '-C', home]);
  const src = path.join(home, `libreswan-${VERSION}`);
  log(`negotiation: building Libreswan ${VERSION} in ${src}`);
  buildBase((args) => must('make', [...args, ...makeVariables(root), 'base'], { cwd: src, timeout: 1_200_000, maxBuffer: 256 * 1024 * 1024 }), log);
  must('make', [...makeVariables(root), 'install-base'], { cwd: src, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  rmSync(tarball, { force: true });
  if (!built(build)) throw new Error(`Libreswan ${VERSION} was built but ${build.pluto} does not run`);
  return build;
}

/**
 * `make base` on both cores; if that stops, once more with one job, which goes on from where the
 * first stopped. Seen once: an archive step ran before an object it packs was there.
 */
export function buildBase(make: (jobs: readonly string[]) => unknown, log: (line: string) => void): void {
  try {
    make(['-j2']);
  } catch (error) {
    log(`negotiation: the parallel build stopped (${error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error)}); going on with one job`);
    make([]);
  }
}
