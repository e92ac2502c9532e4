import path from 'node:path';
import type { FileSource } from './fileSource';
import { displayPath, isInside, type NodeLayout } from './nodeLayout';
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
 * for /etc alone has no place for /usr/local), otherwise where it was looked for, from the
 * gateway's `/` when that is inside its folder.
 */
export function pathOnGateway(written: string, resolved: string, layout: NodeLayout): string {
  if (path.posix.isAbsolute(written)) return path.posix.resolve('/', written);
  if (isInside(resolved, layout.etc) || !isInside(resolved, layout.root)) return displayPath(resolved, layout);
  return `/${path.relative(layout.root, resolved).split(path.sep).join('/')}`;
}
