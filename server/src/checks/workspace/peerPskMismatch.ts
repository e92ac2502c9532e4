import type { ParsedDocument } from '../../model/document';
import type { SecretEntry } from '../../parsing/secrets/ast';
import type { IpsecNode } from '../../workspace/model';
import { effectiveId, type ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';

const PSK_AUTH = /^(secret|psk)$/i;

/** The PSK entry the daemon would pick for a pair of IDs: both named, then one, then a default entry. */
function pskFor(node: IpsecNode, ids: readonly string[]): { entry: SecretEntry; document: ParsedDocument<'ipsec-secrets'> } | undefined {
  const candidates = node.secrets.flatMap((document) =>
    document.ast.entries.filter((e) => !e.secretType || e.secretType.text.toUpperCase() === 'PSK').map((entry) => ({ entry, document })),
  );
  const named = (c: { entry: SecretEntry }) => c.entry.selectors.filter((s) => ids.includes(s.text.replace(/^"|"$/g, ''))).length;
  return candidates.find((c) => named(c) >= 2) ?? candidates.find((c) => named(c) === 1) ?? candidates.find((c) => c.entry.selectors.length === 0);
}

function secretOf(entry: SecretEntry): string {
  return entry.secretTokens.map((t) => t.text).join(' ');
}

function pairIds(ref: ConnRef): string[] {
  return [effectiveId(ref.conn, 'left'), effectiveId(ref.conn, 'right')].filter((id): id is string => id !== undefined);
}

export const peerPskMismatch = defineWorkspaceRule({
  code: 'peer-psk-mismatch',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'The two ends hold different pre-shared keys',
  description:
    "With `authby=secret`, the `: PSK` entry each gateway picks for the pair (by the two IDs, else a default entry) must hold the same key on both sides, or authentication fails. The keys are compared, never shown.",
  checkPair({ a, b }, _model, report) {
    if (!PSK_AUTH.test(a.conn.values.get('authby')?.value ?? '') || !PSK_AUTH.test(b.conn.values.get('authby')?.value ?? '')) return;
    const ours = pskFor(a.node, pairIds(a));
    const theirs = pskFor(b.node, pairIds(b));
    if (!ours || !theirs || secretOf(ours.entry) === secretOf(theirs.entry)) return;
    const say = (mine: typeof ours, other: typeof ours, peer: ConnRef) =>
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
