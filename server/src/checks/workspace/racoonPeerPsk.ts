import { racoonPeering } from '../../workspace/racoonPeers';
import { lookupPsk, pskIds, usesPsk, type PskChoice } from '../../workspace/pskLookup';
import type { WorkspaceModel, WorkspaceReporter } from '../workspaceRule';
import { defineWorkspaceRule } from '../workspaceRule';
import { secretBytes } from '../../workspace/pskBytes';
import { racoonKey, racoonKeyFile } from './racoonPskKey';

export const racoonPeerPskMismatch = defineWorkspaceRule({
  code: 'racoon-peer-psk-mismatch',
  fileKinds: ['racoon-psk', 'ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A racoon host and its peer hold different pre-shared keys for each other',
  description:
    "When a racoon host authenticates a peer of the workspace (another racoon host, or a gateway whose conn points at it) with a pre-shared key in main mode, it looks the key up in its psk.txt by the peer's address (the first line for that address, or `*`). The peer's key must be the same bytes: in psk.txt a `0x…` key is read as hex and anything else as written, including trailing blanks and a carriage return; in ipsec.secrets a quoted key, `0x` hex or `0s` base64 (other forms are not compared). Otherwise phase 1 fails on the hash check. The keys themselves are never shown. In the editor, quick fixes copy the peer's key here (where it is hex, or the files are of one kind) or write one new random key into both files. Compared only when the racoon remote uses `pre_shared_key` in every proposal and main mode only.",
  check(model, report) {
    betweenRacoonHosts(model, report);
    betweenGatewayAndRacoon(model, report);
  },
});

function betweenRacoonHosts(model: WorkspaceModel, report: WorkspaceReporter): void {
  for (const pair of racoonPeering(model).pairs) {
    const a = racoonKey(pair.a);
    const b = racoonKey(pair.b);
    if (!a || !b || a.bytes.equals(b.bytes)) continue;
    for (const [here, there] of [
      [a, b],
      [b, a],
    ] as const) {
      report({
        document: here.psk,
        span: here.entry.identifier.span,
        message: `the pre-shared key on this line, used for ${here.end.remote.name}, is not the one the host at ${here.end.remote.name} holds for this host (${there.end.remote.name}, in ${racoonKeyFile(there)}): phase 1 authentication fails; put the same key in both files`,
        related: [{ document: there.psk, span: there.entry.identifier.span, message: "the other host's key line" }],
      });
    }
  }
}

function betweenGatewayAndRacoon(model: WorkspaceModel, report: WorkspaceReporter): void {
  for (const { node, conn, peer } of racoonPeering(model).gatewayPeers) {
    if (!usesPsk(conn)) continue;
    const theirs = racoonKey(peer);
    const ids = theirs && pskIds(conn);
    const lookup = ids && lookupPsk(node, ids);
    const ours: PskChoice | undefined = typeof lookup === 'object' ? lookup.found : undefined;
    const bytes = ours && secretBytes(ours.entry);
    if (!theirs || !ours || !bytes || bytes.equals(theirs.bytes)) continue;
    const oursSpan = ours.entry.secretType?.span ?? ours.entry.colon ?? ours.entry.span;
    report({
      document: ours.document,
      span: oursSpan,
      conn: conn.name,
      message: `this pre-shared key, which conn ${conn.name} uses, is not the one the racoon host at ${peer.address} holds for this gateway (${theirs.end.remote.name}, in ${racoonKeyFile(theirs)}): phase 1 authentication fails; put the same key in both files`,
      related: [{ document: theirs.psk, span: theirs.entry.identifier.span, message: "the racoon host's key line" }],
    });
    report({
      document: theirs.psk,
      span: theirs.entry.identifier.span,
      message: `the pre-shared key on this line, used for ${theirs.end.remote.name}, is not the one that gateway's conn ${conn.name} uses for this host: phase 1 authentication fails; put the same key in both files`,
      related: [{ document: ours.document, span: oursSpan, message: "the gateway's key" }],
    });
  }
}
