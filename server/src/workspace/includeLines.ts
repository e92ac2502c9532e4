import path from 'node:path';
import { matchSegment } from './glob';
import { uriPath } from './loadIpsecNode';
import type { IpsecNode } from './model';
import { resolveConfigPath } from './nodeLayout';

/** Whether one of the gateway's include lines names this path (globs matched segment by segment). */
export function readByIncludes(node: IpsecNode, filePath: string): boolean {
  const wanted = filePath.split(path.sep);
  return node.documents.some((document) => {
    const documentPath = uriPath(document.uri);
    if (!path.isAbsolute(documentPath)) return false;
    return document.ast.includes.some((include) => {
      if (!include.path || include.path.text.length === 0) return false;
      const pattern = resolveConfigPath(include.path.text, documentPath, node.layout).split(path.sep);
      return pattern.length === wanted.length && pattern.every((segment, i) => matchSegment(segment, wanted[i]));
    });
  });
}

/**
 * The include line that brings `ipsec.d/<fileName>` in: the stock glob when ipsec.conf reads
 * nothing from ipsec.d yet, else the file by name, since the glob would read the others again.
 */
export function includeLineFor(node: IpsecNode, fileName: string): string {
  const folder = path.join(node.layout.etc, 'ipsec.d');
  const readsFolder = node.documents.some((document) => path.dirname(uriPath(document.uri)) === folder);
  return readsFolder ? `include /etc/ipsec.d/${fileName}` : 'include /etc/ipsec.d/*.conf';
}
