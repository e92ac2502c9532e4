import path from 'node:path';
import { folderOf } from '../../workspace/certPaths';
import { collectDefaults } from '../../workspace/effectiveConns';
import { fileUri } from '../../workspace/loadIpsecNode';
import type { EffectiveConn, IpsecNode } from '../../workspace/model';
import { displayPath } from '../../workspace/nodeLayout';
import { includeLineFor, readByIncludes } from '../../workspace/includeLines';
import { appendLine } from '../../model/appendLine';
import { createsInside, entryExists } from '../../workspace/newFileTarget';
import { childPath } from '../../workspace/pathOps';
import { draftPeerConn } from '../../workspace/peerConnDraft';
import { sideValue } from '../../workspace/peers';
import type { Fix } from '../finding';
import type { WorkspaceModel } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';

/**
 * Settings both ends must share: the new conn takes ours where we set them, and otherwise none
 * from the peer's other conns (its defaults then apply, and the pairing checks compare them).
 */
const MUST_AGREE = ['type', 'authby', 'pfs', 'ike', 'esp', 'phase2alg', 'keyexchange', 'ikev2'];

/**
 * For a conn whose peer gateway has no conn for it: a fix that adds the peer's side as a new
 * `ipsec.d/<name>.conf` of that gateway, named after this gateway's folder and written in the
 * style of its other peer files, and the include line that reads it when the peer's ipsec.conf
 * would not. Offered only where no file of that name exists.
 */
export function mirrorConnFixes(model: WorkspaceModel, node: IpsecNode, conn: EffectiveConn, host: IpsecNode, ourAddress: string): Fix[] {
  const name = path.basename(node.layout.root).toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(name) || host.conns.has(name)) return [];
  // What the peer's conn %default sets, a new conn inherits: repeating it is noise.
  const inherited = collectDefaults(host.documents);
  const agreed = Object.fromEntries(MUST_AGREE.map((key) => [key, conn.values.get(key)?.value]).filter(([key, value]) => value !== undefined && inherited.get(key as string)?.value !== value));
  const draft = draftPeerConn(
    host,
    name,
    {
      ...agreed,
      right: ourAddress,
      rightid: sideValue(conn, 'left', 'id')?.value,
      rightsubnet: sideValue(conn, 'left', 'subnet')?.value,
      rightcert: copyOfOurCertificate(model, node, conn, host),
    },
    MUST_AGREE,
  );
  const folder = path.dirname(draft.filePath);
  if (entryExists(model.files, folder, path.basename(draft.filePath)) || host.documents.length === 0) return [];
  // An ipsec.d that is a link out of the peer's folder would have the edit write elsewhere.
  if (!createsInside(model.files, folder, host.layout.root)) return [];
  const include = readByIncludes(host, draft.filePath) ? undefined : includeLineFor(host, path.basename(draft.filePath));
  return [
    {
      title: `Add conn ${name} to the peer gateway as ${displayPath(draft.filePath, host.layout)} (${path.relative(path.dirname(host.layout.root), draft.filePath)}), pointing back at this gateway${include ? `, with "${include}" in its ipsec.conf` : ''}`,
      edits: include ? [appendLine(host.documents[0], include)] : [],
      creates: [{ uri: fileUri(draft.filePath), text: draft.text }],
    },
  ];
}

/** The name of the file in the peer's ipsec.d/certs holding the certificate this conn presents, if it has one. */
function copyOfOurCertificate(model: WorkspaceModel, node: IpsecNode, conn: EffectiveConn, host: IpsecNode): string | undefined {
  const leftcert = conn.values.get('leftcert');
  const ours = leftcert && nodeCertificateRefs(model, node).find((ref) => ref.side === 'left' && ref.value.setting === leftcert.setting)?.info;
  if (!ours) return undefined;
  const folder = folderOf(host, 'certs');
  return (model.files.list(folder) ?? []).find((file) => {
    const loaded = model.certificates.load(childPath(folder, file));
    return loaded.ok && loaded.info.fingerprint === ours.fingerprint;
  });
}

