import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { detectFileKind, type FileKind } from '../model/fileKind';
import type { FileSource } from './fileSource';
import { isNodeRoot } from './nodeLayout';
import { childPath } from './pathOps';

/** How many folders above a file its gateway's ipsec.conf may sit: `etc/ipsec.d/peers/x.conf` → `etc/ipsec.conf`. */
const LEVELS_UP = 3;

/** A file the user named or opened, with the kind it was read as. */
export interface NamedFile {
  readonly filePath: string;
  readonly kind: FileKind;
}

/**
 * The ipsec.conf starting the gateway that a conn file or secrets file belongs to: the nearest
 * one in the file's folder or above it (never one kept inside an `ipsec.d` folder).
 */
export function gatewayConfAround(filePath: string, files: FileSource): string | undefined {
  let dir = path.dirname(filePath);
  for (let level = 0; level <= LEVELS_UP; level++) {
    const candidate = childPath(dir, 'ipsec.conf');
    if (candidate !== filePath && isNodeRoot(candidate) && files.isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The racoon.conf of the host a psk.txt or setkey file is kept with: beside it, or in a `racoon` folder beside it (`/etc/ipsec-tools.conf`). */
export function racoonConfAround(filePath: string, files: FileSource): string | undefined {
  const dir = path.dirname(filePath);
  return [childPath(dir, 'racoon.conf'), childPath(childPath(dir, 'racoon'), 'racoon.conf')].find((candidate) => candidate !== filePath && files.isFile(candidate));
}

/** The racoon.conf that may include a file of racoon statements: beside it, or in the folder above (`racoon/racoon.d/peer.conf`). */
export function racoonConfIncluding(filePath: string, files: FileSource): string | undefined {
  const dir = path.dirname(filePath);
  return [childPath(dir, 'racoon.conf'), childPath(path.dirname(dir), 'racoon.conf')].find((candidate) => candidate !== filePath && files.isFile(candidate));
}

/** The setkey files kept with a racoon host, found by name: beside racoon.conf, or in the folder above a `racoon` folder. */
export function setkeyFilesAround(racoonConf: string, files: FileSource): string[] {
  const dir = path.dirname(racoonConf);
  const folders = path.basename(dir) === 'racoon' ? [dir, path.dirname(dir)] : [dir];
  return folders.flatMap((folder) =>
    (files.list(folder) ?? []).map((name) => childPath(folder, name)).filter((filePath) => detectFileKind(filePath) === 'setkey' && files.isFile(filePath)),
  );
}

/**
 * What to read around the files and folders named on the command line (or a file the editor
 * opened outside the folders searched) so that each file is judged where it belongs: a conn or secrets file with its gateway's ipsec.conf (and so its dialect, its
 * certificates and what it includes), a racoon.conf with the setkey files kept beside it, a
 * psk.txt or setkey file with its host's racoon.conf, a folder inside a gateway with the gateway's
 * ipsec.conf. None of these is reported on its own.
 */
export function contextOfNamedFiles(named: readonly NamedFile[], files: FileSource, folders: readonly string[] = []): NamedFile[] {
  const have = new Set(named.map((file) => file.filePath));
  const context: NamedFile[] = [];
  const add = (filePath: string | undefined, kind: FileKind): void => {
    if (filePath === undefined || have.has(filePath)) return;
    have.add(filePath);
    context.push({ filePath, kind });
  };
  // A folder inside a gateway (`/etc/ipsec.d`) is judged with the gateway's ipsec.conf above it; one holding its own is left as it is.
  for (const folder of folders) {
    const own = childPath(folder, 'ipsec.conf');
    if (!(isNodeRoot(own) && files.isFile(own))) add(gatewayConfAround(own, files), 'ipsec');
  }
  for (const { filePath, kind } of named) {
    if ((kind === 'ipsec' && !isNodeRoot(filePath)) || kind === 'ipsec-secrets') add(gatewayConfAround(filePath, files), 'ipsec');
    else if (kind === 'racoon-psk' || kind === 'setkey') add(racoonConfAround(filePath, files), 'racoon');
    else if (kind === 'racoon' && path.basename(filePath) !== 'racoon.conf') add(racoonConfIncluding(filePath, files), 'racoon');
  }
  // A host found above needs its setkey files as much as a named racoon.conf does.
  for (const racoonConf of [...named, ...context].filter((file) => file.kind === 'racoon').map((file) => file.filePath)) {
    for (const setkeyPath of setkeyFilesAround(racoonConf, files)) add(setkeyPath, 'setkey');
  }
  return context;
}

/**
 * The files that load with a named ipsec.conf (what it includes, the gateway's ipsec.secrets,
 * and `ipsec.d/*.conf` files nothing includes) or with a named racoon.conf (its psk.txt), by
 * the named file: naming the file the daemon starts from checks the configuration it loads.
 */
export function filesLoadedWith(model: WorkspaceModel, named: ReadonlySet<string>): Map<string, ParsedDocument[]> {
  const loaded = new Map<string, ParsedDocument[]>();
  for (const node of model.nodes) {
    if (named.has(node.confPath)) loaded.set(node.confPath, [...node.documents, ...node.secrets, ...node.unincluded].filter((document) => pathOf(document) !== node.confPath));
  }
  for (const host of model.racoonHosts) {
    if (named.has(host.confPath)) loaded.set(host.confPath, [...host.documents.slice(1), ...(host.psk ? [host.psk] : [])]);
  }
  return loaded;
}

export function pathOf(document: ParsedDocument): string {
  return fileURLToPath(document.uri);
}
