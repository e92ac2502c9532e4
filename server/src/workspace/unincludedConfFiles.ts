import path from 'node:path';
import type { ParsedDocument } from '../model/document';
import type { FileSource } from './fileSource';
import type { DocumentProvider } from './loadIpsecNode';
import type { NodeLayout } from './nodeLayout';
import { childPath, isInside } from './pathOps';

/**
 * The `ipsec.d/*.conf` files of a gateway that no include of its ipsec.conf reads, kept with the
 * node (even when empty) so that an edit to one of them has the node looked at again. Only for
 * an ipsec.conf that sits where the gateway's `/etc` is: a second ipsec.conf deeper in the tree
 * does not own the folder.
 */
export function unincludedConfFiles(confPath: string, layout: NodeLayout, read: ReadonlySet<string>, files: FileSource, parse: DocumentProvider): ParsedDocument<'ipsec'>[] {
  if (path.dirname(confPath) !== layout.etc) return [];
  const folder = childPath(layout.etc, 'ipsec.d');
  const listing = files.listWithFiles?.(folder);
  const names = listing?.names ?? files.list(folder) ?? [];
  const found: ParsedDocument<'ipsec'>[] = [];
  let realRoot: string | undefined;
  for (const name of names) {
    if (!name.endsWith('.conf') || name.startsWith('.')) continue;
    const filePath = childPath(folder, name);
    if (!(listing?.regularFiles.has(name) ?? false) && !files.isFile(filePath)) continue;
    const real = files.realpath(filePath);
    // A symbolic link out of the gateway's folder is never read, here as in followIncludes.
    if (read.has(real)) continue;
    realRoot ??= files.realpath(layout.root);
    if (!isInside(real, realRoot)) continue;
    const document = parse(filePath, 'ipsec');
    if (document) found.push(document);
  }
  return found;
}
