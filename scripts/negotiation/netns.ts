import { register, release } from './cleanup';
import { HOST_ADDRESS, type Host } from './pki';
import { must, run } from './tools';

const PREFIX = 'ngt';

/** Two namespaces joined by a veth pair; names carry our PID so parallel runs never collide. */
export class NamespacePair {
  readonly ns: Record<Host, string>;
  private readonly veth: Record<Host, string>;
  private cleanupId: number | undefined;

  constructor(tag: string = String(process.pid)) {
    this.ns = { west: `${PREFIX}-${tag}-w`, east: `${PREFIX}-${tag}-e` };
    this.veth = { west: `${PREFIX}${tag}w`.slice(0, 15), east: `${PREFIX}${tag}e`.slice(0, 15) };
  }

  up(): void {
    this.cleanupId = register(() => this.deleteNamespaces());
    this.deleteNamespaces();
    must('ip', ['netns', 'add', this.ns.west]);
    must('ip', ['netns', 'add', this.ns.east]);
    // The veth pair exists in the host namespace only until it is moved, a few milliseconds.
    must('ip', ['link', 'add', this.veth.west, 'type', 'veth', 'peer', 'name', this.veth.east]);
    for (const host of ['west', 'east'] as const) {
      must('ip', ['link', 'set', this.veth[host], 'netns', this.ns[host]]);
      must('ip', ['-n', this.ns[host], 'addr', 'add', `${HOST_ADDRESS[host]}/24`, 'dev', this.veth[host]]);
      must('ip', ['-n', this.ns[host], 'link', 'set', 'lo', 'up']);
      must('ip', ['-n', this.ns[host], 'link', 'set', this.veth[host], 'up']);
    }
  }

  /** An address of the host's protected subnet on its loopback: charon routes a policy's traffic from it. */
  addLoopbackAddress(host: Host, address: string): void {
    must('ip', ['-n', this.ns[host], 'addr', 'add', `${address}/32`, 'dev', 'lo']);
  }

  down(): void {
    this.deleteNamespaces();
    if (this.cleanupId !== undefined) release(this.cleanupId);
    this.cleanupId = undefined;
  }

  private deleteNamespaces(): void {
    run('ip', ['netns', 'del', this.ns.west]);
    run('ip', ['netns', 'del', this.ns.east]);
    run('ip', ['link', 'del', this.veth.west]);
  }
}

/**
 * Namespaces left by an earlier run of ours that was killed hard (its PID is gone), with the
 * plutos still running inside them.
 */
export function removeStaleNamespaces(): string[] {
  const removed: string[] = [];
  for (const line of run('ip', ['netns', 'list']).stdout.split('\n')) {
    const match = /^(ngt-(\d+)-[we])\b/.exec(line);
    if (!match || pidAlive(Number(match[2]))) continue;
    for (const pid of run('ip', ['netns', 'pids', match[1]]).stdout.split(/\s+/).filter((p) => /^\d+$/.test(p))) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone already
      }
    }
    run('ip', ['netns', 'del', match[1]]);
    removed.push(match[1]);
  }
  return removed;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
