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
 * `psk-placeholder-key`, a new random key in place of the short one or the placeholder; for `peer-psk-mismatch`, the peer's key copied here, or one new
 * random key written on both sides. Keys are hex (`0x…`), which every daemon and racoon read the
 * same way; the titles never show a key.
 */
export function pskFixes(model: WorkspaceModel, document: ParsedDocument, diagnostic: DiagnosticAt, random: (bytes: number) => Buffer = randomBytes): Fix[] {
  const newKey = (): string => `0x${random(KEY_BYTES).toString('hex')}`;
  if (diagnostic.code === 'weak-psk' || diagnostic.code === 'psk-placeholder-key') {
    const span = weakKeySpan(document, document.source.offsetAt(diagnostic.range.start));
    if (!span) return [];
    return [{ title: 'Replace with a new random key (32 bytes; the peer must hold the same key)', edits: [{ uri: document.uri, range: document.source.rangeOf(span), newText: newKey() }] }];
  }
  if (diagnostic.code !== 'peer-psk-mismatch' || document.kind !== 'ipsec-secrets') return [];
  const ours = entryAt(document as ParsedDocument<'ipsec-secrets'>, document.source.offsetAt(diagnostic.range.start));
  const peerDocument = diagnostic.related.map((r) => secretsDocument(model, r.uri)).find((d) => d !== undefined);
  const peerRange = diagnostic.related.find((r) => r.uri === peerDocument?.uri)?.range;
  const theirs = peerDocument && peerRange ? entryAt(peerDocument, peerDocument.source.offsetAt(peerRange.start)) : undefined;
  const ourSpan = ours && secretSpan(ours);
  const theirSpan = theirs && secretSpan(theirs);
  if (!peerDocument || !ourSpan || !theirSpan) return [];
  const key = newKey();
  return [
    { title: "Use the peer's key here", edits: [{ uri: document.uri, range: document.source.rangeOf(ourSpan), newText: peerDocument.source.text.slice(theirSpan.start, theirSpan.end) }] },
    {
      title: 'Use one new random key on both sides (32 bytes)',
      edits: [
        { uri: document.uri, range: document.source.rangeOf(ourSpan), newText: key },
        { uri: peerDocument.uri, range: peerDocument.source.rangeOf(theirSpan), newText: key },
      ],
    },
  ];
}

/** The key of the ipsec.secrets PSK entry or psk.txt line at an offset. */
function weakKeySpan(document: ParsedDocument, offset: number): Span | undefined {
  if (document.kind === 'racoon-psk') {
    const entry = (document as ParsedDocument<'racoon-psk'>).ast.entries.find((e) => e.key && e.key.span.start <= offset && offset <= e.key.span.end);
    return entry?.key?.span;
  }
  if (document.kind !== 'ipsec-secrets') return undefined;
  const entry = entryAt(document as ParsedDocument<'ipsec-secrets'>, offset);
  const secret = entry?.secretTokens[0];
  return secret && (secret.kind === 'word' || secret.kind === 'string') && secret.terminated ? secret.span : undefined;
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

function secretsDocument(model: WorkspaceModel, uri: string): ParsedDocument<'ipsec-secrets'> | undefined {
  for (const node of model.nodes) for (const document of node.secrets) if (document.uri === uri) return document;
  return undefined;
}
