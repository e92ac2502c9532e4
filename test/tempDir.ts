import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];
let cleanupRegistered = false;

/**
 * A new folder under the system's temporary folder, removed when the test process exits
 * (Node's test runner gives each test file a process of its own), so a test run leaves nothing behind.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', removeTempDirs);
  }
  return dir;
}

function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test made unreadable stays; the run's own check names it.
    }
  }
}
