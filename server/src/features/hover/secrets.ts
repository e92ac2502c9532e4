import { DIALECTS } from '../../knowledge/ipsecConf/types';
import { lookupSecretType, SECRET_TYPES, SECRETS_TRAITS } from '../../knowledge/ipsecConf';
import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import type { SecretEntry, SecretsToken } from '../../parsing/secrets/ast';
import type { Span } from '../../text/sourceText';
import { resolveInNode } from '../../workspace/certPaths';
import { displayPath } from '../../workspace/nodeLayout';
import type { HoverResult } from '../connHover';
import { describeEntryWithoutColon, describeSelector, describeSecretValue, type SecretPart } from '../describe/secrets';

const DIALECT_NAMES = { openswan: 'Openswan', libreswan: 'Libreswan', strongswan: 'strongSwan' } as const;

/** Secret types whose first word after the type is a key file, not the secret itself. */
const KEY_FILE_TYPES: ReadonlySet<string> = new Set(['RSA', 'ECDSA', 'PKCS8', 'P12', 'BLISS']);

/**
 * Hover in ipsec.secrets: on a selector, what kind of ID it is and which conns of the gateway
 * name it; on the type word, what that kind of secret is; on the secret, its form only. The
 * secret's text never appears in the hover.
 */
export function secretsHover(model: WorkspaceModel, document: ParsedDocument<'ipsec-secrets'>, offset: number, modelUri: string): HoverResult | undefined {
  const range = (span: Span) => document.source.rangeOf(span);
  const include = document.ast.includes.find((i) => within(i.keyword.span, offset));
  if (include) return { markdown: '**include** (ipsec.secrets)\n\nReads the entries of another secrets file at this point; the name may hold `*` and `?` to read several files.', range: range(include.keyword.span) };
  const entry = document.ast.entries.find((e) => e.span.start <= offset && offset <= e.span.end);
  if (!entry) return undefined;
  const selector = entry.selectors.find((token) => within(token.span, offset));
  if (selector && !entry.colon) return { markdown: describeEntryWithoutColon(), range: range(selector.span) };
  if (selector) return { markdown: describeSelector(selector.text, typeName(entry), connsNaming(model, modelUri, selector.text)), range: range(selector.span) };
  if (entry.secretType && within(entry.secretType.span, offset)) return { markdown: describeType(entry.secretType.text), range: range(entry.secretType.span) };
  const index = entry.secretTokens.findIndex((token) => within(token.span, offset));
  if (index >= 0) return { markdown: describeSecretValue(partOf(model, modelUri, entry, index)), range: range(entry.secretTokens[index].span) };
  if (entry.block && within(entry.block, offset)) return { markdown: describeSecretValue({ kind: 'raw-key' }), range: range(entry.block) };
  return undefined;
}

function typeName(entry: SecretEntry): string {
  return entry.secretType?.text.toUpperCase() ?? 'PSK';
}

function describeType(written: string): string {
  const type = SECRET_TYPES.find((t) => t.name.toUpperCase() === written.toUpperCase());
  if (!type) return `**${written}** (ipsec.secrets)\n\nNot a secret type any of Openswan, Libreswan or strongSwan knows.`;
  const readers = DIALECTS.filter((dialect) => lookupSecretType(type.name, dialect).status === 'valid').map((dialect) => DIALECT_NAMES[dialect]);
  const by = readers.length > 0 ? `Read by ${readers.join(', ')}.` : 'No current release reads it.';
  const strict = DIALECTS.filter((dialect) => !SECRETS_TRAITS[dialect].caseInsensitiveTypes).map((dialect) => DIALECT_NAMES[dialect]);
  const casing = written !== type.name && strict.length > 0 ? ` Written \`${written.replace(/`/g, "'")}\`: ${strict.join(', ')} only read${strict.length === 1 ? 's' : ''} \`${type.name}\`.` : '';
  return `**${type.name}** secret (ipsec.secrets)\n\n${type.doc}\n\n${by}${casing} The secret itself is never shown here.`;
}

/** What the token at `index` after the type is: a key file, a passphrase, or the secret. */
function partOf(model: WorkspaceModel, modelUri: string, entry: SecretEntry, index: number): SecretPart {
  const type = typeName(entry);
  const token: SecretsToken = entry.secretTokens[index];
  if (entry.block) return { kind: 'raw-key' };
  if (!KEY_FILE_TYPES.has(type)) return { kind: 'secret', type, form: secretForm(token) };
  if (index > 0) return token.text === '%prompt' ? { kind: 'prompt' } : { kind: 'passphrase' };
  const node = model.nodes.find((n) => n.secrets.some((d) => d.uri === modelUri));
  if (!node) return { kind: 'key-file' };
  const filePath = resolveInNode(node, token.text, 'private');
  return { kind: 'key-file', shown: displayPath(filePath, node.layout), exists: model.files.isFile(filePath) };
}

function secretForm(token: SecretsToken): 'quoted' | 'hex' | 'base64' | 'text' | 'word' {
  if (token.kind === 'string') return 'quoted';
  if (/^0x/i.test(token.text)) return 'hex';
  if (/^0s/i.test(token.text)) return 'base64';
  if (/^0t/i.test(token.text)) return 'text';
  return 'word';
}

const ID_KEYS = ['leftid', 'rightid', 'left', 'right'] as const;
const MAX_CONNS = 6;

/** `conn dk (rightid)` for each conn of the gateway whose ID or address is written as the selector. */
function connsNaming(model: WorkspaceModel, modelUri: string, selector: string): string[] {
  const wanted = selector.toLowerCase();
  const found: string[] = [];
  for (const node of model.nodes.filter((n) => n.secrets.some((d) => d.uri === modelUri))) {
    for (const conn of node.effective.values()) {
      const keys = ID_KEYS.filter((key) => conn.values.get(key)?.value.toLowerCase() === wanted);
      if (keys.length > 0 && conn.name !== '%default') found.push(`conn ${conn.name} (${keys.join(', ')})`);
    }
  }
  return found.length > MAX_CONNS ? [...found.slice(0, MAX_CONNS), `${found.length - MAX_CONNS} more`] : found;
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
