import path from 'node:path';
import type { FileSource } from './fileSource';
import { childPath, isInside } from './pathOps';

/**
 * Whether a file created in `folder` lands inside `root` once links are followed. The folder
 * need not exist yet (the editor creates it with the file): its nearest existing parent then
 * decides, since that parent may be the link.
 */
export function createsInside(files: FileSource, folder: string, root: string): boolean {
  let existing = folder;
  const below: string[] = [];
  while (existing !== root && files.list(existing) === undefined && path.dirname(existing) !== existing) {
    below.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return isInside(path.join(files.realpath(existing), ...below), files.realpath(root));
}

/** Whether the folder holds an entry of that name: a file, a folder, or a link to nothing, which a new file would follow. */
export function entryExists(files: FileSource, folder: string, name: string): boolean {
  return (files.list(folder) ?? []).includes(name) || files.isFile(childPath(folder, name));
}
