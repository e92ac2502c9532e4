import { ipVersion } from '../../text/ipLiteral';
import { startsOnLoad } from '../../workspace/autoStarts';
import { yesNoReading } from '../../text/yesNo';
import type { EffectiveConn, EffectiveValue } from '../../workspace/model';
import { sideValue, type Side } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { describeConn, locate } from './peerReport';

/**
 * Settings that bind a conn's policy to a mark or an interface, so equal selectors can coexist;
 * Libreswan also lets two conns share a policy when either sets `overlapip` or a security label.
 */
const SEPARATING = ['mark', 'mark_in', 'mark_out', 'mark-in', 'mark-out', 'vti-interface', 'ipsec-interface', 'leftvti', 'rightvti', 'reqid', 'overlapip', 'policy-label', 'sec-label'];

const TUNNEL_TYPES = new Set(['tunnel', 'transport']);

/** One end's traffic as a comparable string, or undefined when it is not a single plain address or subnet. */
function endTraffic(conn: EffectiveConn, side: Side): string | undefined {
  if (sideValue(conn, side, 'subnets') || sideValue(conn, side, 'addresspool')) return undefined;
  const written = (sideValue(conn, side, 'subnet') ?? sideValue(conn, side, ''))?.value.trim().toLowerCase();
  if (!written) return undefined;
  const [address, length, ...rest] = written.split('/');
  const version = ipVersion(address);
  if (version === 0 || rest.length > 0 || (length !== undefined && !/^\d{1,3}$/.test(length))) return undefined;
  const protoport = sideValue(conn, side, 'protoport')?.value.trim().toLowerCase() ?? '';
  return `${address}/${length ?? (version === 4 ? 32 : 128)}${protoport ? ` ${protoport}` : ''}`;
}

/** The traffic a started tunnel conn claims, the same whichever end is written as left. */
function claimedTraffic(conn: EffectiveConn): { key: string; shown: string } | undefined {
  if (!startsOnLoad(conn)) return undefined;
  if (!TUNNEL_TYPES.has(conn.values.get('type')?.value.trim().toLowerCase() ?? 'tunnel')) return undefined;
  if (SEPARATING.some((key) => conn.values.has(key))) return undefined;
  // strongSwan's installpolicy=no leaves the kernel's policies to the updown script or routes (VTI setups).
  if (yesNoReading(conn.values.get('installpolicy')?.value.trim() ?? '') === 'no') return undefined;
  const ends = [endTraffic(conn, 'left'), endTraffic(conn, 'right')];
  if (ends[0] === undefined || ends[1] === undefined) return undefined;
  const type = conn.values.get('type')?.value.trim().toLowerCase() ?? 'tunnel';
  return { key: `${type} ${[...ends].sort().join(' <-> ')}`, shown: `${ends[0]} ↔ ${ends[1]}` };
}

/** Where to point: the conn's own right end when it writes one, else its name (a shared `%default` line is not this conn's). */
function ownRightEnd(conn: EffectiveConn): EffectiveValue | undefined {
  const value = sideValue(conn, 'right', 'subnet') ?? sideValue(conn, 'right', '');
  return value?.via === 'self' ? value : undefined;
}

export const connTrafficClash = defineWorkspaceRule({
  code: 'conn-traffic-clash',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'Two started conns of a gateway protect the same traffic',
  description:
    'Each conn puts an IPsec policy in the kernel for the traffic between its two ends (`leftsubnet`/`rightsubnet`, or the hosts themselves). When two conns that start or route on load (`auto=start`, `route`, `ondemand`) claim exactly the same traffic, only one policy can hold it: Libreswan refuses to route the second (pluto 4.10 logs "cannot route -- route already in use" for a different peer, "cannot install eroute -- it is in use" for the same one), and with strongSwan the traffic goes into one tunnel while the other carries nothing. It usually means a conn file was copied for a new peer and its `rightsubnet` was not changed. Conns bound to a mark or an interface (`mark`, `ipsec-interface`, `vti-interface`, `reqid`), conns that allow overlapping policies (`overlapip`, a security label), strongSwan conns that install no policy (`installpolicy=no`, where an updown script routes into a VTI) and conns with subnet lists, address pools or names instead of addresses are not judged.',
  checkNode(node, _model, report) {
    const claimedBy = new Map<string, EffectiveConn>();
    for (const conn of node.effective.values()) {
      const traffic = claimedTraffic(conn);
      if (!traffic) continue;
      const first = claimedBy.get(traffic.key);
      if (!first) {
        claimedBy.set(traffic.key, conn);
        continue;
      }
      const firstSection = first.definition.section;
      report({
        ...locate({ node, conn }, ownRightEnd(conn)),
        conn: conn.name,
        message: `conn ${conn.name} protects the same traffic (${traffic.shown}) as ${describeConn({ node, conn: first })}, and both start on load: only one of them can hold that policy, so the other tunnel carries nothing; give this conn its own peer's subnet`,
        related: [{ document: first.definition.document, span: firstSection.name?.span ?? firstSection.header, message: `conn ${first.name}, which claims the same traffic` }],
      });
    }
  },
});
