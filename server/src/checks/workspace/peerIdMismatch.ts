import { normalizeDn } from '../../workspace/certificates';
import { mayBeSameIdentity, possibleDialects } from '../../workspace/ikeIdentity';
import { effectiveId, idSatisfies, sideValue, type ConnRef, type Side } from '../../workspace/peers';
import { defineWorkspaceRule, type WorkspaceModel } from '../workspaceRule';
import { nodeCertificateRefs } from './certificateRefs';
import { bothWays, describeConn, quote, reportBothSides } from './peerReport';

export const peerIdMismatch = defineWorkspaceRule({
  code: 'peer-id-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A conn expects a different ID than the peer's own configuration presents",
  description:
    "One gateway's `rightid` must be exactly the other gateway's `leftid` (after `%default` and `also=`), or authentication fails (AUTHENTICATION_FAILED / no suitable connection). A gateway with `leftcert` and no `leftid` presents its certificate's subject DN, which a DN in `rightid` must then name. IDs are compared as the daemons compare them: host names and e-mail addresses without regard to case or a trailing dot, IPv6 addresses in any spelling. A name written without `@` (`leftid=vpn.example`) is looked up in DNS by Libreswan and Openswan, which then present or expect the address, so it does not match `@vpn.example`; strongSwan reads both as the same name, and its typed IDs (`fqdn:`, `email:`, `asn1dn:`, `ipv4:`/`ipv6:`) as the type they name; its regular-expression IDs are not compared. A name to be looked up against an address is left alone: only DNS can tell. Reported on both files; make the two values equal. Besides using either side's value, the editor offers to settle the ID across the workspace: every place that expects the old ID takes the presented one, or the gateway presents the expected one and every place that writes its current ID follows.",
  checkPair(pair, model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      const expected = effectiveId(ours.conn, 'right');
      const presented = effectiveId(theirs.conn, 'left') ?? subjectPresented(model, theirs, expected);
      if (!expected || !presented || idSatisfies(expected, presented)) continue;
      if (mayBeSameIdentity({ id: expected, dialect: ours.node.dialect, fromAddress: fromAddress(ours, 'right') }, { id: presented, dialect: theirs.node.dialect, fromAddress: fromAddress(theirs, 'left') })) continue;
      const hint = lookupHint(ours, expected, theirs, presented);
      reportBothSides(
        report,
        {
          ref: ours,
          value: sideValue(ours.conn, 'right', 'id'),
          adopt: sideValue(theirs.conn, 'left', 'id')?.value ?? presented,
          message: `rightid ${quote(expected, '(unset)')} is not the peer's own leftid ${quote(presented, '(unset)')} (${describeConn(theirs)}): authentication will fail; use the same ID on both sides${hint}`,
        },
        {
          ref: theirs,
          value: sideValue(theirs.conn, 'left', 'id'),
          adopt: sideValue(ours.conn, 'right', 'id')?.value ?? expected,
          message: `this gateway presents leftid ${quote(presented, '(unset)')}, but its peer (${describeConn(ours)}) expects ${quote(expected, '(unset)')}: authentication will fail${hint}`,
        },
      );
    }
  },
});

/** No ID is set and the side's address stands for it. */
function fromAddress(ref: ConnRef, side: Side): boolean {
  return !sideValue(ref.conn, side, 'id')?.value;
}

/**
 * The usual cause when one side writes `vpn.example` and the other `@vpn.example`: Libreswan and
 * Openswan look a name without `@` up in DNS and use the address as the ID.
 */
function lookupHint(ours: ConnRef, expected: string, theirs: ConnRef, presented: string): string {
  const bare = [
    { id: expected, ref: ours, side: 'right' as const, other: presented },
    { id: presented, ref: theirs, side: 'left' as const, other: expected },
  ].find((c) => !c.id.startsWith('@') && `@${c.id}`.toLowerCase() === c.other.toLowerCase() && !fromAddress(c.ref, c.side));
  if (!bare || possibleDialects(bare.ref.node.dialect).includes('strongswan')) return '';
  return ` (without "@", ${bare.side}id=${bare.id} is looked up in DNS and the address is used as the ID; write ${bare.side}id=@${bare.id})`;
}

/**
 * Without leftid a gateway with a certificate presents the certificate's subject: compared when
 * the expected ID is a DN too, since a name or address against a DN is not decided here.
 */
function subjectPresented(model: WorkspaceModel, ref: ConnRef, expected: string | undefined): string | undefined {
  if (!expected || !expected.includes('=') || expected.includes('*') || sideValue(ref.conn, 'left', 'id')) return undefined;
  const leftcert = sideValue(ref.conn, 'left', 'cert');
  const cert = leftcert && nodeCertificateRefs(model, ref.node).find((r) => r.side === 'left' && r.value.document.uri === leftcert.document.uri && r.value.setting.span.start === leftcert.setting.span.start)?.info;
  if (!cert) return undefined;
  return normalizeDn(cert.subject) === normalizeDn(expected) ? expected : cert.subject.split('\n').join(', ');
}
