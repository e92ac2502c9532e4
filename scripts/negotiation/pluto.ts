import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { register, release } from './cleanup';
import { killQuietly, sleep, terminate } from './processes';
import { DEBIAN_LIBRESWAN, type LibreswanBuild } from './libreswanBuild';
import { run, type CommandResult } from './tools';

export interface PlutoFiles {
  readonly conf: string;
  readonly secrets: string;
  readonly ipsecD: string;
  readonly runtime: string;
  readonly nss: string;
}


/** One pluto in one namespace, started in the foreground (--nofork) so that we own its PID. */
export class Pluto {
  private child: ChildProcess | undefined;
  private cleanupId: number | undefined;
  private exit: Promise<number | null> | undefined;
  exitCode: number | null | undefined;
  readonly logFile: string;
  private readonly ctl: string;
  private readonly runDir: string;
  /** Relative includes are read from the working directory: etc/, as our checker reads them. */
  private readonly cwd: string;

  constructor(
    readonly ns: string,
    private readonly files: PlutoFiles,
    private readonly build: LibreswanBuild = DEBIAN_LIBRESWAN,
  ) {
    this.logFile = path.join(files.runtime, 'pluto.log');
    this.cwd = path.dirname(files.conf);
    // A Unix socket path holds at most 107 bytes: the run directory lives under the short temp dir, not the work dir.
    this.runDir = mkdtempSync(path.join(tmpdir(), 'ngt-'));
    this.ctl = path.join(this.runDir, 'pluto.ctl');
  }

  /**
   * Starts pluto and waits until it listens. Resolves with pluto's own words when it exits at
   * start (an ipsec.conf it cannot read), undefined when it runs.
   */
  async start(timeoutMs = 20_000): Promise<string | undefined> {
    const runDir = this.runDir;
    mkdirSync(this.files.runtime, { recursive: true });
    const out = openSync(path.join(this.files.runtime, 'pluto.stdout'), 'w');
    // `ip netns exec` execs pluto: the PID we get is pluto's own.
    const args = ['netns', 'exec', this.ns, this.build.pluto, '--nofork', '--config', this.files.conf, '--secretsfile', this.files.secrets, '--rundir', runDir, '--nssdir', this.files.nss, '--ipsecdir', this.files.ipsecD, '--dumpdir', runDir, '--logfile', this.logFile, '--log-no-append', '--no-dnssec'];
    const child = spawn('ip', args, { stdio: ['ignore', out, out], cwd: this.cwd });
    closeSync(out);
    this.child = child;
    const pid = child.pid;
    const runDirToRemove = runDir;
    this.cleanupId = register(() => {
      if (pid !== undefined) killQuietly(pid, 'SIGKILL');
      rmSync(runDirToRemove, { recursive: true, force: true });
    });
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
    void this.exit.then((code) => {
      this.exitCode = code;
    });
    const deadline = Date.now() + timeoutMs;
    const exitedAtStart = (): string => `pluto exited at start (${this.exitCode}): ${this.stdout().split('\n').find((l) => l.trim().length > 0) ?? 'no output'}`;
    while (!existsSync(this.ctl)) {
      if (this.exitCode !== undefined) return exitedAtStart();
      if (Date.now() > deadline) throw new Error(`pluto in ${this.ns} created no control socket within ${timeoutMs} ms`);
      await sleep(20);
    }
    // The control socket exists before the IKE ports are bound: wait for those too.
    while (!/listening for IKE messages/.test(this.log())) {
      if (this.exitCode !== undefined) return exitedAtStart();
      if (Date.now() > deadline) throw new Error(`pluto in ${this.ns} did not start listening within ${timeoutMs} ms`);
      await sleep(20);
    }
    return undefined;
  }

  /** Adds one conn of the daemon's ipsec.conf, or of another file read from its own folder. */
  addconn(name: string, config = this.files.conf): CommandResult {
    return run('ip', ['netns', 'exec', this.ns, this.build.addconn, '--ctlsocket', this.ctl, '--config', config, name], { timeout: 10_000, cwd: config === this.files.conf ? this.cwd : path.dirname(config) });
  }

  /** Deletes a conn that was added, so that another with the same name can be. */
  deleteConn(name: string): CommandResult {
    return run('ip', ['netns', 'exec', this.ns, this.build.whack, '--ctlsocket', this.ctl, '--delete', '--name', name], { timeout: 10_000 });
  }

  initiate(name: string): CommandResult {
    return run('ip', ['netns', 'exec', this.ns, this.build.whack, '--ctlsocket', this.ctl, '--name', name, '--initiate', '--asynchronous'], { timeout: 10_000 });
  }

  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  stdout(): string {
    try {
      return readFileSync(path.join(this.files.runtime, 'pluto.stdout'), 'utf8').trim();
    } catch {
      return '';
    }
  }

  alive(): boolean {
    return this.child !== undefined && this.exitCode === undefined;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; only the PID we started. */
  async stop(graceMs = 2000): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) {
      rmSync(this.runDir, { recursive: true, force: true });
      return;
    }
    if (this.exitCode === undefined) await terminate(child.pid, this.exit, graceMs);
    if (this.cleanupId !== undefined) release(this.cleanupId);
    this.cleanupId = undefined;
    this.child = undefined;
    rmSync(this.runDir, { recursive: true, force: true });
  }
}
