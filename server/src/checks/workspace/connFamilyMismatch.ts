import { ipVersion } from '../../text/ipLiteral';
import { mayBeLoaded } from '../../workspace/autoStarts';
import type { EffectiveConn, EffectiveValue, IpsecNode } from '../../workspace/model';
import type { Severity } from '../finding';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

/** The one IP family of a value (an address, a subnet or a list of them), or undefined when it is not plainly one. */
export function familyOf(value: EffectiveValue | undefined): 4 | 6 | undefined {
  if (!value) return undefined;
  let family: 4 | 6 | undefined;
  for (const item of value.value.replace(/^\{|\}$/g, '').split(/[\s,]+/)) {
    if (item.length === 0) continue;
    const slash = item.indexOf('/');
    const version = ipVersion(slash < 0 ? item : item.slice(0, slash));
    if (version === 0 || (family !== undefined && version !== family)) return undefined;
    family = version;
  }
  return family;
}

/** Libreswan and Openswan refuse the conn; strongSwan's starter takes it and the tunnel cannot work. */
function severityFor(node: IpsecNode): Severity {
  const refusing = node.dialect.plausible.every((dialect) => dialect === 'libreswan' || dialect === 'openswan');
  return refusing ? 'error' : 'warning';
}

interface Conflict {
  readonly what: 'host addresses' | 'subnets';
  readonly left: EffectiveValue;
  readonly right: EffectiveValue;
}

const COMPARED = [
  { what: 'host addresses', left: 'left', right: 'right' },
  { what: 'subnets', left: 'leftsubnet', right: 'rightsubnet' },
] as const;

function conflicts(conn: EffectiveConn): Conflict[] {
  const found: Conflict[] = [];
  for (const { what, left: leftKey, right: rightKey } of COMPARED) {
    const left = conn.values.get(leftKey);
    const right = conn.values.get(rightKey);
    if (!left || !right) continue;
    const leftFamily = familyOf(left);
    const rightFamily = familyOf(right);
    if (leftFamily && rightFamily && leftFamily !== rightFamily) found.push({ what, left, right });
  }
  return found;
}

export const connFamilyMismatch = defineWorkspaceRule({
  code: 'conn-family-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends of a conn are of different IP families',
  description:
    'IKE runs between two addresses of one family, and a policy protects traffic between two subnets of one family. A conn with `left=` IPv4 and `right=` IPv6, or `leftsubnet=` all IPv4 and `rightsubnet=` all IPv6 (or the other way round), is refused: Openswan\'s addconn rejects it, and Libreswan\'s pluto refuses to add it ("address family … conflicts with …"). strongSwan\'s starter accepts it but the tunnel cannot come up, so gateways that may run strongSwan get a warning. Judged after `%default` and `also=`, only where both values are literal addresses or subnets.',
  checkNode(node, _model, report) {
    for (const conn of node.effective.values()) {
      if (!mayBeLoaded(node, conn)) continue;
      for (const conflict of conflicts(conn)) {
        const at = conflict.right.via === 'self' ? conflict.right : conflict.left.via === 'self' ? conflict.left : undefined;
        const describe = (side: 'left' | 'right', value: EffectiveValue) => `${side}${conflict.what === 'subnets' ? 'subnet' : ''}=${value.value} (IPv${familyOf(value)})`;
        report({
          ...locate({ node, conn }, at),
          conn: conn.name,
          message: `conn ${conn.name}: ${describe('left', conflict.left)} and ${describe('right', conflict.right)} are of different IP families: the daemon cannot ${conflict.what === 'subnets' ? 'protect traffic between them' : 'run IKE between them'}; use addresses of one family on both ends`,
          severity: severityFor(node),
        });
      }
    }
  },
});
