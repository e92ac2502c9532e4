import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { register, release } from '../cleanup';
import { killQuietly, sleep, terminate } from '../processes';
import { run, type CommandResult } from '../tools';
import { STRONGSWAN_LIB } from './install';

export interface CharonFiles {
  /** The node's etc/: ipsec.conf, ipsec.secrets and ipsec.d as our checker reads them. */
  readonly etc: string;
  /** strongswan.conf, charon's log and starter's output. */
  readonly runtime: string;
}


/** Plugins for PSK, RSA and ECDSA certificates over stroke (starter's ipsec.conf path), without the kernel's ESP. */
const PLUGINS = 'random nonce aes sha1 sha2 hmac gcm pem pkcs1 pkcs8 x509 revocation constraints pubkey openssl gmp kernel-netlink socket-default stroke kdf';

/**
 * One strongSwan (starter, which starts charon) in a network namespace and a mount namespace of
 * its own: the unpacked tree is mounted where its built-in paths point, /run is private (its
 * stroke socket), and the node's ipsec.d is mounted over /etc/ipsec.d, where stroke resolves
 * relative certificate and key names.
 */
export class Charon {
  private child: ChildProcess | undefined;
  private cleanupId: number | undefined;
  private exit: Promise<void> | undefined;
  exitCode: number | null | undefined;
  readonly logFile: string;

  constructor(
    readonly ns: string,
    private readonly files: CharonFiles,
    private readonly lib: string,
    /** IPsec SAs kept by charon (kernel-libipsec, over a TUN device) so that a Child SA is installed and can be rekeyed. */
    private readonly userspaceIpsec = false,
  ) {
    this.logFile = path.join(files.runtime, 'charon.log');
  }

  /** Starts the daemon and waits until it has taken the conns; resolves with what went wrong, or undefined. */
  async start(connName: string, timeoutMs = 10_000): Promise<string | undefined> {
    mkdirSync(this.files.runtime, { recursive: true });
    const conf = path.join(this.files.runtime, 'strongswan.conf');
    writeFileSync(conf, strongswanConf(this.logFile, path.join(this.files.etc, 'ipsec.secrets'), this.userspaceIpsec));
    const out = openSync(path.join(this.files.runtime, 'starter.out'), 'w');
    const script = [
      `mount --bind '${this.lib}' ${STRONGSWAN_LIB}`,
      'mount -t tmpfs tmpfs /run',
      `mount --bind '${path.join(this.files.etc, 'ipsec.d')}' /etc/ipsec.d`,
      `exec ${STRONGSWAN_LIB}/starter --nofork --conf '${path.join(this.files.etc, 'ipsec.conf')}'`,
    ].join(' && ');
    // `ip netns exec`, unshare and sh each exec the next: the PID we get is starter's.
    const child = spawn('ip', ['netns', 'exec', this.ns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c', script], {
      stdio: ['ignore', out, out],
      cwd: this.files.etc,
      env: { ...process.env, STRONGSWAN_CONF: conf },
    });
    closeSync(out);
    this.child = child;
    const pid = child.pid;
    this.cleanupId = register(() => {
      if (pid !== undefined) killQuietly(pid, 'SIGKILL');
    });
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? 128 : null);
      resolve();
    }));
    const deadline = Date.now() + timeoutMs;
    const added = new RegExp(`added configuration '${connName}'`);
    while (!added.test(this.log())) {
      if (this.exitCode !== undefined) return `starter exited at start (${this.exitCode}): ${firstLine(this.starterOutput())}`;
      if (Date.now() > deadline) return `charon did not take conn ${connName}: ${firstLine(this.log().split('\n').filter((l) => /fail|error|invalid|missing/i.test(l)).join('\n')) || 'no reason logged'}`;
      await sleep(25);
    }
    return undefined;
  }

  /** `ipsec up`: blocks until charon says how it went (the retransmission limits keep that short). */
  initiate(connName: string): CommandResult {
    if (this.child?.pid === undefined) return { status: 1, stdout: '', stderr: 'not started' };
    return run('nsenter', ['-t', String(this.child.pid), '-m', '-n', `${STRONGSWAN_LIB}/stroke`, 'up', connName], { timeout: 20_000 });
  }

  log(): string {
    return readQuietly(this.logFile);
  }

  starterOutput(): string {
    return readQuietly(path.join(this.files.runtime, 'starter.out'));
  }

  alive(): boolean {
    return this.child !== undefined && this.exitCode === undefined;
  }

  async stop(graceMs = 3000): Promise<void> {
    const child = this.child;
    if (child?.pid !== undefined && this.exitCode === undefined) await terminate(child.pid, this.exit, graceMs);
    if (this.cleanupId !== undefined) release(this.cleanupId);
    this.cleanupId = undefined;
    this.child = undefined;
  }
}

function strongswanConf(logFile: string, secrets: string, userspaceIpsec: boolean): string {
  // Loaded before kernel-netlink, kernel-libipsec takes over the SAs and policies; kernel-netlink keeps addresses and routes.
  const plugins = userspaceIpsec ? PLUGINS.replace('kernel-netlink', 'kernel-libipsec kernel-netlink') : PLUGINS;
  return `charon {
  load = ${plugins}
  install_routes = no
  retransmit_tries = 2
  retransmit_timeout = 1.0
  retransmit_base = 1.0
  plugins {
    stroke {
      secrets_file = ${secrets}
    }
  }
  filelog {
    ngt {
      path = ${logFile}
      time_format = %T
      time_add_ms = yes
      default = 1
      ike = 2
      cfg = 2
      flush_line = yes
    }
  }
}
`;
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
}
