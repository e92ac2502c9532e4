import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';

/** The editor's workspace folders that are on this machine's disk, as paths. */
export function folderPaths(folders: readonly Pick<WorkspaceFolder, 'uri'>[]): string[] {
  return folders
    .map((folder) => folder.uri)
    .filter((uri) => uri.startsWith('file:'))
    .map((uri) => fileURLToPath(uri));
}

/** The folders once the editor added and removed some: those kept in their order, then the new ones, each once. */
export function foldersAfter(current: readonly string[], event: WorkspaceFoldersChangeEvent): string[] {
  const removed = new Set(folderPaths(event.removed));
  const folders = current.filter((folder) => !removed.has(folder));
  for (const added of folderPaths(event.added)) if (!folders.includes(added)) folders.push(added);
  return folders;
}
