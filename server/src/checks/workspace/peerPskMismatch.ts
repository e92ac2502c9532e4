import type { SecretEntry } from '../../parsing/secrets/ast';
import type { ConnRef } from '../../workspace/peers';
import { pskKeyBytes } from '../../workspace/pskBytes';
import { lookupPsk, pskIds, usesPsk, type PskChoice } from '../../workspace/pskLookup';
import { defineWorkspaceRule } from '../workspaceRule';

function secretOf(entry: SecretEntry): string {
  return entry.secretTokens.map((t) => t.text).join(' ');
}

/** Whether two entries hold the same key: by its bytes where both forms are known (`0x…` hex and the quoted text it spells are one key), else as written. */
function sameKey(a: SecretEntry, b: SecretEntry): boolean {
  const x = pskKeyBytes(a);
  const y = pskKeyBytes(b);
  return x && y ? x.equals(y) : secretOf(a) === secretOf(b);
}

/** The entry a gateway picks for its conn, when the files show it. */
function chosenPsk(ref: ConnRef): PskChoice | undefined {
  const ids = pskIds(ref.conn);
  const found = ids ? lookupPsk(ref.node, ids) : 'unknown';
  return typeof found === 'object' ? found.found : undefined;
}

export const peerPskMismatch = defineWorkspaceRule({
  code: 'peer-psk-mismatch',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'The two ends hold different pre-shared keys',
  description:
    "With `authby=secret`, the `: PSK` entry each gateway picks for the pair must hold the same key on both sides, or authentication fails. The entry is chosen as Libreswan does: one naming both IDs first, then one naming an ID beside `%any`, then a lone own ID, then wildcards and entries without IDs; the first of equals. The keys are compared as the bytes they stand for (`0x` hex, `0s` base64 and a quoted string spelling the same bytes are one key; a quoted \"0x…\" is text), never shown. In the editor, quick fixes copy the peer's key into this entry, or write one new random key into both entries.",
  checkPair({ a, b }, _model, report) {
    if (!usesPsk(a.conn) || !usesPsk(b.conn)) return;
    const ours = chosenPsk(a);
    const theirs = chosenPsk(b);
    if (!ours || !theirs || sameKey(ours.entry, theirs.entry)) return;
    const say = (mine: PskChoice, other: PskChoice, peer: ConnRef) =>
      report({
        document: mine.document,
        span: mine.entry.secretType?.span ?? mine.entry.colon ?? mine.entry.span,
        message: `this pre-shared key differs from the one the peer (conn ${peer.conn.name}) uses for this pair: authentication will fail; agree on one key`,
        related: [{ document: other.document, span: other.entry.secretType?.span ?? other.entry.span, message: "the peer's entry" }],
      });
    say(ours, theirs, b);
    say(theirs, ours, a);
  },
});
