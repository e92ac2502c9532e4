// The workspace of the workspace-trust runs: a gateway whose include resolves only under the
// `ipsec.rootDirectory` its own .vscode/settings.json names, a folder outside the workspace.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Line 3: the include; line 4: conn a; line 8: a key in column 0, for a diagnostic that does not depend on the root. */
const TRUST_CONF = ['config setup', '\tprotostack=netkey', 'include /etc/ipsec.d/peer.conf', 'conn a', '\tleft=192.0.2.1', '\tright=192.0.2.2', '\tauto=add', 'rekey=no', ''].join('\n');

/**
 * Writes `<dir>/workspace` (the folder opened) and `<dir>/root` (what its settings name as `/`).
 * Read under the root, peer.conf defines `conn a` before ipsec.conf does: duplicate-conn-in-node on
 * line 4. Read without it, the include names no file: include-missing on line 3.
 * @returns {{ workspace: string, root: string, conf: string }}
 */
export function prepareTrustWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  const workspace = path.join(dir, 'workspace');
  const root = path.join(dir, 'root');
  mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  mkdirSync(path.join(workspace, 'gw', 'etc'), { recursive: true });
  mkdirSync(path.join(root, 'etc', 'ipsec.d'), { recursive: true });
  writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'ipsec.rootDirectory': root }, null, 2)}\n`);
  const conf = path.join(workspace, 'gw', 'etc', 'ipsec.conf');
  writeFileSync(conf, TRUST_CONF);
  writeFileSync(path.join(root, 'etc', 'ipsec.d', 'peer.conf'), 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.3\n');
  return { workspace, root, conf };
}
