/**
 * Everything a run started that must not outlive it: pluto PIDs and namespaces. Cleaned on
 * normal exit, on errors and on SIGINT/SIGTERM, synchronously.
 */
type Undo = () => void;

const pending = new Map<number, Undo>();
let nextId = 1;
let installed = false;

export function register(undo: Undo): number {
  const id = nextId++;
  pending.set(id, undo);
  return id;
}

export function release(id: number): void {
  pending.delete(id);
}

/** Undoes everything still registered, newest first. */
export function cleanupAll(): void {
  for (const id of [...pending.keys()].reverse()) {
    const undo = pending.get(id);
    pending.delete(id);
    try {
      undo?.();
    } catch {
      // keep undoing the rest
    }
  }
}

export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      cleanupAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Runs a command line's main, undoes what it left behind, and exits with its status (2 when it threw). */
export function runCleanly(main: () => Promise<number>): void {
  main()
    .then((status) => {
      cleanupAll();
      process.exitCode = status;
    })
    .catch((error: unknown) => {
      cleanupAll();
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 2;
    });
}
