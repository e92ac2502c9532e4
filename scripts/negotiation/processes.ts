/** Sends a signal to a process we started, which may be gone already. */
export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL when the process has not exited after `graceMs`; `exited` settles when it has. */
export async function terminate(pid: number, exited: Promise<unknown> | undefined, graceMs: number): Promise<void> {
  killQuietly(pid, 'SIGTERM');
  const timedOut = await Promise.race([exited?.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    killQuietly(pid, 'SIGKILL');
    await exited;
  }
}
