import { randomBytes } from 'node:crypto';
import type { Fix } from '../checks/finding';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import type { SecretEntry } from '../parsing/secrets/ast';
import type { Range, Span } from '../text/sourceText';

/** What a code action request says of a diagnostic: its rule, where it is, and where its related locations are. */
export interface DiagnosticAt {
  readonly code: string;
  readonly range: Range;
  readonly related: readonly { readonly uri: string; readonly range: Range }[];
}

/** 32 random bytes: the length `weak-psk` recommends. */
const KEY_BYTES = 32;

/**
 * Quick fixes that write a pre-shared key, made only when the editor asks for them: a key must
 * never reach a finding, which the CLI prints and the editor keeps. For `weak-psk` and
 * `psk-placeholder-key`, a new random key in place of the short one or the placeholder; for
 * `peer-psk-mismatch` and `racoon-peer-psk-mismatch`, the peer's key copied here (where it means
 * the same bytes in this file), or one new random key written on both sides. Keys are hex
 * (`0x…`), which every daemon and racoon read the same way; the titles never show a key.
 */
export function pskFixes(model: WorkspaceModel, document: ParsedDocument, diagnostic: DiagnosticAt, random: (bytes: number) => Buffer = randomBytes): Fix[] {
  const newKey = (): string => `0x${random(KEY_BYTES).toString('hex')}`;
  if (diagnostic.code === 'weak-psk' || diagnostic.code === 'psk-placeholder-key') {
    const span = keySpanAt(document, document.source.offsetAt(diagnostic.range.start));
    if (!span) return [];
    return [{ title: 'Replace with a new random key (32 bytes; the peer must hold the same key)', edits: [{ uri: document.uri, range: document.source.rangeOf(span), newText: newKey() }] }];
  }
  if (diagnostic.code !== 'peer-psk-mismatch' && diagnostic.code !== 'racoon-peer-psk-mismatch') return [];
  const ourSpan = keySpanAt(document, document.source.offsetAt(diagnostic.range.start));
  const peer = diagnostic.related.map((r) => ({ document: keyDocument(model, r.uri), range: r.range })).find((r) => r.document !== undefined);
  const peerDocument = peer?.document;
  const theirSpan = peer && peerDocument ? keySpanAt(peerDocument, peerDocument.source.offsetAt(peer.range.start)) : undefined;
  if (!ourSpan || !peerDocument || !theirSpan) return [];
  const key = newKey();
  const theirKey = peerDocument.source.text.slice(theirSpan.start, theirSpan.end);
  // The written key means the same bytes in the other kind of file only when it is hex.
  const portable = peerDocument.kind === document.kind || /^0x[0-9a-f]+$/i.test(theirKey);
  return [
    ...(portable ? [{ title: "Use the peer's key here", edits: [{ uri: document.uri, range: document.source.rangeOf(ourSpan), newText: theirKey }] }] : []),
    {
      title: 'Use one new random key on both sides (32 bytes)',
      edits: [
        { uri: document.uri, range: document.source.rangeOf(ourSpan), newText: key },
        { uri: peerDocument.uri, range: peerDocument.source.rangeOf(theirSpan), newText: key },
      ],
    },
  ];
}

/** The written key of the ipsec.secrets PSK entry or psk.txt line at an offset (where a finding on it points). */
function keySpanAt(document: ParsedDocument, offset: number): Span | undefined {
  if (document.kind === 'racoon-psk') return (document as ParsedDocument<'racoon-psk'>).ast.entries.find((e) => e.span.start <= offset && offset <= e.span.end)?.key?.span;
  if (document.kind !== 'ipsec-secrets') return undefined;
  const entry = entryAt(document as ParsedDocument<'ipsec-secrets'>, offset);
  return entry && secretSpan(entry);
}

function entryAt(document: ParsedDocument<'ipsec-secrets'>, offset: number): SecretEntry | undefined {
  return document.ast.entries.find((e) => e.span.start <= offset && offset <= e.span.end);
}

/** The written secret of a PSK entry: one word or quoted string (a key block or a key file is left alone). */
function secretSpan(entry: SecretEntry): Span | undefined {
  const type = entry.secretType?.text.toUpperCase() ?? 'PSK';
  const [secret, ...rest] = entry.secretTokens;
  return type === 'PSK' && secret && rest.length === 0 && (secret.kind === 'word' || secret.kind === 'string') && secret.terminated ? secret.span : undefined;
}

/** A gateway's ipsec.secrets or a racoon host's psk.txt. */
function keyDocument(model: WorkspaceModel, uri: string): ParsedDocument | undefined {
  for (const node of model.nodes) for (const document of node.secrets) if (document.uri === uri) return document;
  return model.racoonHosts.find((host) => host.psk?.uri === uri)?.psk;
}
