import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceModel } from '../../checks/workspaceRule';
import { folderOf, type CertFolder } from '../../workspace/certPaths';
import { inferLayout } from '../../workspace/nodeLayout';

/**
 * The files in `ipsec.d/<folder>` of the gateway a document belongs to: the node's own folders
 * when the document is part of a node, else the ipsec.d next to it (or the one it sits in).
 */
export function certificateFiles(model: WorkspaceModel, uri: string, folder: CertFolder): string[] {
  const directory = folderFor(model, uri, folder);
  if (!directory) return [];
  return (model.files.list(directory) ?? []).filter((name) => !name.startsWith('.') && model.files.isFile(path.join(directory, name)));
}

function folderFor(model: WorkspaceModel, uri: string, folder: CertFolder): string | undefined {
  const node = model.nodes.find((n) => n.documents.some((d) => d.uri === uri) || n.secrets.some((d) => d.uri === uri));
  if (node) return folderOf(node, folder);
  if (!uri.startsWith('file:')) return undefined;
  const filePath = fileURLToPath(uri);
  const parts = path.dirname(filePath).split(path.sep);
  const ipsecD = parts.lastIndexOf('ipsec.d');
  if (ipsecD >= 0) return path.join(parts.slice(0, ipsecD + 1).join(path.sep) || path.sep, folder);
  return path.join(inferLayout(filePath).etc, 'ipsec.d', folder);
}
