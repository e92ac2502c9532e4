import path from 'node:path';
import { childPath, isInside } from './pathOps';

export { isInside } from './pathOps';

/**
 * Where a gateway's configuration lives in the workspace. Files refer to `/etc/...`; we map
 * that onto the node's folder instead of reading the machine's own /etc.
 */
export interface NodeLayout {
  /** The folder standing for the gateway's `/`. */
  readonly root: string;
  /** The folder standing for the daemon's configuration folder (where ipsec.conf, ipsec.secrets and ipsec.d live). */
  readonly etc: string;
  /** That folder's path on the gateway: `/etc`, or `/usr/local/etc` for a daemon built with that prefix (FreeBSD's ports, a source build). */
  readonly etcOnGateway: string;
}

const USR_LOCAL_ETC = '/usr/local/etc';

/** `<root>/etc/ipsec.conf`, `<root>/usr/local/etc/ipsec.conf` and `<root>/ipsec.conf` all work; racoon files sit one level lower. */
export function inferLayout(configPath: string, rootOverride?: string): NodeLayout {
  if (rootOverride) return { root: rootOverride, etc: path.join(rootOverride, 'etc'), etcOnGateway: '/etc' };
  let dir = path.dirname(configPath);
  const racoon = path.basename(dir) === 'racoon';
  if (racoon) dir = path.dirname(dir);
  if (path.basename(dir) !== 'etc') return { root: dir, etc: dir, etcOnGateway: '/etc' };
  const parent = path.dirname(dir);
  if (path.basename(parent) === 'local' && path.basename(path.dirname(parent)) === 'usr') return { root: path.dirname(path.dirname(parent)), etc: dir, etcOnGateway: USR_LOCAL_ETC };
  // macOS and iOS, whose racoon is the only IPsec daemon here, keep /etc, /var and /tmp in /private; files name them either way.
  if (racoon && path.basename(parent) === 'private') return { root: path.dirname(parent), etc: dir, etcOnGateway: '/etc' };
  return { root: parent, etc: dir, etcOnGateway: '/etc' };
}

/**
 * Maps a path written in a config file to a path in the workspace, never outside the node's root:
 * as in a chroot, `..` stops at the gateway's `/`, so `/etc/../../x` and `../../../x` stay inside.
 * A relative path is relative to the including file; if that file is outside the root (a
 * configured `ipsec.rootDirectory` elsewhere), it is confined to the folder its layout implies.
 */
export function resolveConfigPath(written: string, includingFile: string, layout: NodeLayout): string {
  if (!path.isAbsolute(written)) {
    const root = relativeRoot(includingFile, layout);
    return resolveUnder(root, path.relative(root, path.dirname(includingFile)), written);
  }
  const onGateway = path.posix.resolve('/', written.split(path.sep).join('/'));
  const etc = layout.etcOnGateway;
  if (onGateway === etc || onGateway.startsWith(`${etc}/`)) return path.join(layout.etc, onGateway.slice(etc.length));
  if (keptInPrivate(layout) && PRIVATE_LINKS.some((link) => onGateway.startsWith(link))) return path.join(layout.root, 'private', onGateway);
  return path.join(layout.root, onGateway);
}

/** The folders macOS links into /private, besides /etc. */
const PRIVATE_LINKS = ['/var/', '/tmp/'];

function keptInPrivate(layout: NodeLayout): boolean {
  return path.dirname(layout.etc) === path.join(layout.root, 'private');
}

/** The folder a relative path written in this file may not leave: the node's root, or for a file outside it, the root its own place implies. */
export function relativeRoot(includingFile: string, layout: NodeLayout): string {
  return isInside(includingFile, layout.root) ? layout.root : inferLayout(includingFile).root;
}

/**
 * A name written relative to a folder of the node (`leftcert=x.der` under `ipsec.d/certs`), kept
 * inside the node's root however many `..` it has.
 */
export function resolveInFolder(folder: string, written: string, layout: NodeLayout): string {
  if (!isInside(folder, layout.root)) return resolveUnder(folder, '', written);
  if (isPlainName(written)) return childPath(folder, written);
  return resolveUnder(layout.root, path.relative(layout.root, folder), written);
}

/** `written`, relative to `within` (a path under `root`), resolved as if `root` were `/`. */
function resolveUnder(root: string, within: string, written: string): string {
  const posix = (p: string): string => p.split(path.sep).join('/');
  return path.join(root, path.posix.resolve('/', posix(within), posix(written)));
}

/** A bare file name: nothing to resolve. */
function isPlainName(written: string): boolean {
  return written.length > 0 && written !== '.' && written !== '..' && !written.includes('/') && !written.includes(path.sep);
}

/** The path as the gateway would see it, for messages: `/etc/ipsec.d/certs/x.der`, or from the gateway's `/`. */
export function displayPath(workspacePath: string, layout: NodeLayout): string {
  const fromEtc = path.relative(layout.etc, workspacePath);
  if (!fromEtc.startsWith('..') && !path.isAbsolute(fromEtc)) return `${layout.etcOnGateway}/${fromEtc.split(path.sep).join('/')}`;
  if (isInside(workspacePath, layout.root)) return `/${path.relative(layout.root, workspacePath).split(path.sep).join('/')}`;
  return workspacePath;
}

/** An ipsec.conf that starts a node: not one kept inside an ipsec.d folder to be included. */
export function isNodeRoot(filePath: string): boolean {
  const parts = filePath.split(path.sep);
  return parts[parts.length - 1] === 'ipsec.conf' && !parts.slice(0, -1).includes('ipsec.d');
}
