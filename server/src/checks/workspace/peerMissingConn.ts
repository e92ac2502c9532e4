import path from 'node:path';
import { ipVersion, isPrivateAddress } from '../../text/ipLiteral';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { comparableHost } from '../../workspace/ikeIdentity';
import type { ParsedDocument } from '../../model/document';
import type { Span } from '../../text/sourceText';
import { uriPath } from '../../workspace/loadIpsecNode';
import { derived } from '../../workspace/memo';
import type { EffectiveConn, IpsecNode } from '../../workspace/model';
import { concreteAddress, isPaired, peersOf, sideValue } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { mirrorConnFixes } from './mirrorConnFix';
import { locate } from './peerReport';

function literal(conn: EffectiveConn, side: 'left' | 'right'): string | undefined {
  const value = concreteAddress(sideValue(conn, side, '')?.value);
  return value && ipVersion(value) ? value : undefined;
}

function active(node: IpsecNode): EffectiveConn[] {
  return [...node.effective.values()].filter((conn) => mayBeLoaded(node, conn));
}

/** Where a gateway is: the addresses its conns give as left= and never as right=. */
interface Whereabouts {
  readonly own: ReadonlySet<string>;
  readonly remote: ReadonlySet<string>;
}

/** Per node object, which the workspace index keeps while the node's files are unchanged. */
const whereabouts = derived('whereabouts', (node: IpsecNode): Whereabouts => {
  const own = new Set<string>();
  const remote = new Set<string>();
  for (const conn of active(node)) {
    const left = literal(conn, 'left');
    const right = literal(conn, 'right');
    if (left) own.add(left);
    if (right) remote.add(right);
  }
  return { own, remote };
});

type PointingConn = { readonly conn: EffectiveConn; readonly left: string; readonly right: string };

/** The conns of a node that name both ends by address, from where the node is: the ones this rule judges. */
const pointingConns = derived('conns naming both ends', (node: IpsecNode): PointingConn[] => {
  const ours = whereabouts(node);
  return active(node).flatMap((conn) => {
    const left = literal(conn, 'left');
    const right = literal(conn, 'right');
    return left && right && isAt(ours, left) ? [{ conn, left, right }] : [];
  });
});

/** The gateways at each address. */
function gatewaysByAddress(nodes: readonly IpsecNode[]): Map<string, IpsecNode[]> {
  const byAddress = new Map<string, IpsecNode[]>();
  for (const node of nodes) {
    const place = whereabouts(node);
    for (const address of place.own) {
      if (!isAt(place, address)) continue;
      const list = byAddress.get(address);
      if (list) list.push(node);
      else byAddress.set(address, [node]);
    }
  }
  return byAddress;
}

/** How many addresses a gateway is at. */
function homes(place: Whereabouts): number {
  let count = 0;
  for (const address of place.own) if (!place.remote.has(address)) count++;
  return count;
}

function isAt(place: Whereabouts, address: string): boolean {
  return place.own.has(address) && !place.remote.has(address);
}

/**
 * Whether a conn of the host could be the other end of ours: it names one of our addresses, or an
 * address it cannot know yet. A conn with neither end (a block of settings for also=) answers nobody.
 */
function mayAnswer(conn: EffectiveConn, ours: Whereabouts, ourLeft: string): boolean {
  if (!sideValue(conn, 'left', '') && !sideValue(conn, 'right', '')) return false;
  const right = literal(conn, 'right');
  if (!right) return true;
  if (ours.own.has(right)) return true;
  // Another address family, or a private address against a public one: NAT or a second interface.
  return ipVersion(right) !== ipVersion(ourLeft) || isPrivateAddress(right) !== isPrivateAddress(ourLeft);
}

/** A conn written as `right=<address>` in one of the host's ipsec.d files that no include reads. */
function unreadConnFor(host: IpsecNode, address: string): { document: ParsedDocument<'ipsec'>; name: string; span: Span } | undefined {
  for (const document of host.unincluded) {
    for (const section of document.ast.sections) {
      if (section.kind !== 'conn' || !section.name) continue;
      const right = section.settings.find((setting) => setting.key.text === 'right');
      if (right?.value && comparableHost(right.value.text.trim()) === address) return { document, name: section.name.text, span: section.name.span };
    }
  }
  return undefined;
}

export const peerMissingConn = defineWorkspaceRule({
  code: 'peer-missing-conn',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The gateway a conn points at has no conn for this one',
  description:
    "When the gateway at a conn's `right=` address is in the workspace (its conns have that address as `left=`), one of its conns must point back: `right=` this gateway's address, `%any`, or a name. Otherwise it has no conn for us, refuses our IKE requests (\"no suitable connection\") and never starts the tunnel itself. Judged only for addresses written as IP addresses on both sides, and only when this gateway's conns start from one address, and one gateway of the workspace is at each end. The quick fix writes the peer's missing file `ipsec.d/<name>.conf`, named after this gateway's folder, in the style of its other peer files and with this conn's values for the settings both ends must share, and adds the include line to the peer's ipsec.conf when none of its includes would read the file. When the conn for us already sits in a peer file that no include reads, the message says so instead.",
  check(model, report) {
    const pairs = peersOf(model.nodes);
    let byAddress: Map<string, IpsecNode[]> | undefined;
    for (const node of model.nodes) {
      const ours = whereabouts(node);
      // A file whose conns start from several addresses serves several hosts (or a multi-homed one): each may answer the others.
      if (homes(ours) > 1) continue;
      for (const { conn, left, right } of pointingConns(node)) {
        if (isPaired(pairs, conn)) continue;
        byAddress ??= gatewaysByAddress(model.nodes);
        const hosts = (byAddress.get(right) ?? []).filter((other) => other !== node);
        // Several gateways claiming either address (copies, alternatives, a test tree whose files each
        // serve several hosts): which configuration runs where is not known.
        if (hosts.length !== 1 || (byAddress.get(left) ?? []).length > 1 || active(hosts[0]).some((theirs) => mayAnswer(theirs, ours, left))) continue;
        const host = hosts[0];
        const theirTargets = [...new Set(active(host).map((c) => literal(c, 'right')).filter((a): a is string => a !== undefined))].slice(0, 3);
        const unread = unreadConnFor(host, left);
        const where = `the gateway at ${right} (${path.relative(path.dirname(node.layout.root), host.confPath)})`;
        report({
          ...locate({ node, conn }, sideValue(conn, 'right', '')),
          conn: conn.name,
          message: unread
            ? `conn ${conn.name}: ${where} has conn ${unread.name} for this gateway (${left}) in ${path.basename(uriPath(unread.document.uri))}, but no include of its ipsec.conf reads that file: it will refuse this tunnel; include the file there`
            : `conn ${conn.name}: ${where} has no conn for this gateway (${left}); its conns point at ${theirTargets.join(', ')}: it will refuse this tunnel; add a conn there or fix its right=`,
          related: unread
            ? [{ document: unread.document, span: unread.span, message: 'the conn for this gateway, in a file the peer never reads' }]
            : [{ document: host.documents[0], span: host.documents[0].ast.sections[0]?.header ?? { start: 0, end: 0 }, message: "the peer gateway's ipsec.conf" }],
          fixes: unread ? [] : mirrorConnFixes(model, node, conn, host, left),
        });
      }
    }
  },
});
