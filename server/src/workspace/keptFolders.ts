import path from 'node:path';
import type { FileSource } from './fileSource';
import { displayPath, type NodeLayout } from './nodeLayout';
import { childPath } from './pathOps';

/**
 * Whether the workspace keeps files in this folder: it exists and holds a file other than a
 * dotfile such as `.gitkeep`. Only then does a file missing from it say something about the
 * gateway; a repository that keeps no certificates or keys at all has them put in place elsewhere.
 */
export function keepsFilesIn(files: FileSource, folder: string): boolean {
  return (files.list(folder) ?? []).some((name) => !name.startsWith('.') && files.isFile(childPath(folder, name)));
}

/**
 * A path for messages, as the gateway sees it: an absolute path as written (a folder that stands
 * for /etc alone has no place for /usr/local), otherwise where it was looked for.
 */
export function pathOnGateway(written: string, resolved: string, layout: NodeLayout): string {
  return path.posix.isAbsolute(written) ? path.posix.resolve('/', written) : displayPath(resolved, layout);
}
