import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../tempDir';

/** A new temporary folder holding the files (paths relative to it); returns its path. */
export function writeWorkspace(prefix: string, files: Readonly<Record<string, string | Buffer>>): string {
  const root = makeTempDir(prefix);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}
