// Processes the harness starts, and stopping exactly those (by PID, never by name).
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

const owned = new Map(); // pid -> { name, group }

let stopping = false;

/** Remembers a process we started; `group` when it leads its own process group (detached). */
export function own(name, pid, { group = false } = {}) {
  if (stopping && pid) {
    // Started while the harness is shutting down (e.g. after Ctrl+C): do not let it outlive us.
    try {
      process.kill(group ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
    throw new Error(`the harness is stopping; ${name} (${pid}) was stopped at once`);
  }
  if (pid) owned.set(pid, { name, group });
  return pid;
}

function alive(pid, group) {
  try {
    process.kill(group ? -pid : pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`, to the PID (or its process group) we started. */
export async function stop(pid, { graceMs = 5000 } = {}) {
  const entry = owned.get(pid);
  if (!entry) return;
  const target = entry.group ? -pid : pid;
  try {
    process.kill(target, 'SIGTERM');
  } catch {
    owned.delete(pid);
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive(pid, entry.group) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid, entry.group)) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  owned.delete(pid);
}

/** Stops everything still owned, newest first; anything owned later is stopped at once. */
export async function stopAll() {
  stopping = true;
  for (const pid of [...owned.keys()].reverse()) await stop(pid, { graceMs: 3000 });
}

export function ownedProcesses() {
  return [...owned].map(([pid, { name }]) => ({ pid, name }));
}

/** Direct children of this process whose command name matches (e.g. the browser playwright spawned). */
export function childPids(namePattern) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && namePattern.test(comm)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
