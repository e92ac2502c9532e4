import { ADDCONN, PLUTO, WHACK, executable, run, which } from './tools';

export const INSTALL_COMMANDS = ['apt-get update', 'apt-get install -y libreswan libnss3-tools openssl iproute2'];

export interface Preflight {
  readonly missing: readonly string[];
  readonly libreswanVersion?: string;
}

/** What this machine lacks for real negotiations: root, network namespaces, pluto and the NSS tools. */
export function preflight(): Preflight {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push(`Linux (this is ${process.platform})`);
  if (process.getuid?.() !== 0) missing.push('root (network namespaces and pluto need uid 0)');
  if (!which('ip')) missing.push('the ip command (iproute2)');
  else if (process.getuid?.() === 0 && !netnsWorks()) missing.push('working network namespaces (ip netns add failed)');
  for (const [file, what] of [
    [PLUTO, 'pluto (Debian package libreswan)'],
    [WHACK, 'whack (Debian package libreswan)'],
    [ADDCONN, 'addconn (Debian package libreswan)'],
  ] as const) {
    if (!executable(file)) missing.push(`${what}: ${file}`);
  }
  for (const tool of ['certutil', 'pk12util']) if (!which(tool)) missing.push(`${tool} (Debian package libnss3-tools)`);
  if (!which('openssl')) missing.push('openssl');
  return { missing, libreswanVersion: missing.length === 0 ? libreswanVersion() : undefined };
}

function netnsWorks(): boolean {
  const name = `ngt-${process.pid}-probe`;
  const added = run('ip', ['netns', 'add', name]);
  run('ip', ['netns', 'del', name]);
  return added.status === 0;
}

function libreswanVersion(): string | undefined {
  const out = run(PLUTO, ['--version']);
  return /Libreswan\s+(\S+)/.exec(out.stdout + out.stderr)?.[1];
}

/** Installs the daemon and NSS tools with apt-get when they are missing and we are root. */
export function installIfMissing(log: (line: string) => void): void {
  const before = preflight();
  const packages = before.missing.some((m) => /libreswan|libnss3-tools|openssl|iproute2/.test(m));
  if (!packages || process.getuid?.() !== 0 || !which('apt-get')) return;
  for (const command of INSTALL_COMMANDS) {
    log(`negotiation: ${command}`);
    const [program, ...args] = command.split(' ');
    const result = run(program, args, { stdio: 'inherit', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`${command} failed with status ${result.status}`);
  }
}

export function describeMissing(missing: readonly string[]): string {
  return [
    'real IKE negotiations cannot run here; missing:',
    ...missing.map((m) => `  - ${m}`),
    'as root on Debian/Ubuntu:',
    ...INSTALL_COMMANDS.map((c) => `  ${c}`),
  ].join('\n');
}
