import path from 'node:path';

/**
 * Where a gateway's configuration lives in the workspace. Files refer to `/etc/...`; we map
 * that onto the node's folder instead of reading the machine's own /etc.
 */
export interface NodeLayout {
  /** The folder standing for the gateway's `/`. */
  readonly root: string;
  /** The folder standing for `/etc` (where ipsec.conf, ipsec.secrets and ipsec.d live). */
  readonly etc: string;
}

/** `<root>/etc/ipsec.conf` and `<root>/ipsec.conf` both work; racoon files sit one level lower. */
export function inferLayout(configPath: string, rootOverride?: string): NodeLayout {
  if (rootOverride) return { root: rootOverride, etc: path.join(rootOverride, 'etc') };
  let dir = path.dirname(configPath);
  if (path.basename(dir) === 'racoon') dir = path.dirname(dir);
  if (path.basename(dir) === 'etc') return { root: path.dirname(dir), etc: dir };
  return { root: dir, etc: dir };
}

/** Maps a path written in a config file to a path in the workspace. */
export function resolveConfigPath(written: string, includingFile: string, layout: NodeLayout): string {
  if (!path.isAbsolute(written)) return path.resolve(path.dirname(includingFile), written);
  if (written === '/etc' || written.startsWith('/etc/')) return path.join(layout.etc, written.slice('/etc'.length));
  return path.join(layout.root, written);
}

/** The path as the gateway would see it, for messages: `/etc/ipsec.d/certs/x.der`. */
export function displayPath(workspacePath: string, layout: NodeLayout): string {
  const fromEtc = path.relative(layout.etc, workspacePath);
  if (!fromEtc.startsWith('..') && !path.isAbsolute(fromEtc)) return `/etc/${fromEtc.split(path.sep).join('/')}`;
  return workspacePath;
}

/** An ipsec.conf that starts a node: not one kept inside an ipsec.d folder to be included. */
export function isNodeRoot(filePath: string): boolean {
  const parts = filePath.split(path.sep);
  return parts[parts.length - 1] === 'ipsec.conf' && !parts.slice(0, -1).includes('ipsec.d');
}
