import type { ParsedDocument } from '../model/document';
import type { AddressSpec } from '../parsing/setkey/ast';
import { ipVersion } from '../text/ipLiteral';
import type { Span } from '../text/sourceText';
import { perObject } from '../workspace/memo';

/**
 * The keys whose value names an end: its address or host name, its IKE identity, and strongSwan's
 * identity for a second authentication round. The same text in any of them names the same host
 * (an identity is its address unless set), so they change together.
 */
const END_KEY = /^(left|right)(id2?)?$/;

/**
 * An end's address or identity written in a file: a `left=`/`leftid=`/`right=`/`rightid=` value,
 * an ipsec.secrets selector, a psk.txt identifier, or an IP address in racoon.conf or a setkey file.
 */
export interface EndMention {
  readonly id: string;
  /** The text itself, inside its quotes when it has them. */
  readonly span: Span;
  readonly quoted: boolean;
  readonly document: ParsedDocument;
  /** What writes it, for people: `rightid= of conn fr`, `secrets selector`, … */
  readonly role: string;
  /** The ipsec.conf key whose value it is. */
  readonly key?: string;
}

/** Placeholders (`%any`, `%defaultroute`, `%fromcert`) and empty values name no particular end. */
export function isWritableId(id: string): boolean {
  return id.trim() === id && id.length > 0 && !id.startsWith('%') && !/["\r\n]/.test(id);
}

/** The mention the offset falls on, among a document's. */
export function mentionAtOffset(mentions: readonly EndMention[], offset: number): EndMention | undefined {
  return mentions.find((mention) => offset >= mention.span.start && offset <= mention.span.end);
}

/** Hover, highlights and references ask for a document's mentions at every cursor move: found once per parsed version. */
export const endMentionsOf: (document: ParsedDocument) => readonly EndMention[] = perObject(findMentions);

function findMentions(document: ParsedDocument): EndMention[] {
  switch (document.kind) {
    case 'ipsec':
      return confMentions(document as ParsedDocument<'ipsec'>);
    case 'ipsec-secrets':
      return secretsMentions(document as ParsedDocument<'ipsec-secrets'>);
    case 'racoon-psk':
      return pskMentions(document as ParsedDocument<'racoon-psk'>);
    case 'racoon':
      return racoonMentions(document as ParsedDocument<'racoon'>);
    case 'setkey':
      return setkeyMentions(document as ParsedDocument<'setkey'>);
  }
}

function confMentions(document: ParsedDocument<'ipsec'>): EndMention[] {
  const found: EndMention[] = [];
  for (const section of document.ast.sections) {
    if (section.kind !== 'conn') continue;
    for (const setting of section.settings) {
      const value = setting.value;
      if (!value?.terminated || !END_KEY.test(setting.key.text) || !isWritableId(value.text)) continue;
      const span = value.quoted ? { start: value.span.start + 1, end: value.span.end - 1 } : value.span;
      const conn = section.name?.text ?? '?';
      found.push({ id: value.text, span, quoted: value.quoted, document, role: `${setting.key.text}= of conn ${conn}`, key: setting.key.text });
    }
  }
  return found;
}

function secretsMentions(document: ParsedDocument<'ipsec-secrets'>): EndMention[] {
  const found: EndMention[] = [];
  for (const entry of document.ast.entries) {
    // Only the selectors: what follows the colon is secret material and never read here.
    for (const selector of entry.selectors) {
      if (!selector.terminated || !isWritableId(selector.text)) continue;
      const quoted = selector.kind === 'string';
      const span = quoted ? { start: selector.span.start + 1, end: selector.span.end - 1 } : selector.span;
      found.push({ id: selector.text, span, quoted, document, role: 'secrets selector' });
    }
  }
  return found;
}

function pskMentions(document: ParsedDocument<'racoon-psk'>): EndMention[] {
  // The identifier only: the rest of the line is the key.
  return document.ast.entries
    .filter((entry) => entry.identifier.text !== '*' && isWritableId(entry.identifier.text))
    .map((entry) => ({ id: entry.identifier.text, span: entry.identifier.span, quoted: false, document, role: 'psk.txt identifier' }));
}

/**
 * IP addresses written in racoon.conf (a remote's header or `remote_address`, `listen`'s
 * `isakmp`, an `address` identifier, a sainfo's host): a word that is one, or one with a
 * `/prefix`. racoon's keywords are never addresses, so a word that is one means one.
 */
function racoonMentions(document: ParsedDocument<'racoon'>): EndMention[] {
  const found: EndMention[] = [];
  for (const token of document.ast.tokens) {
    if (token.kind !== 'word' && !(token.kind === 'string' && token.terminated)) continue;
    const host = token.text.split('/')[0];
    if (ipVersion(host) === 0) continue;
    const start = token.span.start + (token.kind === 'string' ? 1 : 0);
    found.push({ id: host, span: { start, end: start + host.length }, quoted: token.kind === 'string', document, role: 'racoon address' });
  }
  return found;
}

/** The hosts of setkey's addresses: a policy's or an SA's ends, and the tunnel ends of each request. */
function setkeyMentions(document: ParsedDocument<'setkey'>): EndMention[] {
  const found: EndMention[] = [];
  const take = (address: AddressSpec | undefined, role: string): void => {
    if (address && ipVersion(address.host.text) !== 0) found.push({ id: address.host.text, span: address.host.span, quoted: false, document, role });
  };
  for (const statement of document.ast.statements) {
    const command = statement.command.text;
    take(statement.sa?.source, `${command} source`);
    take(statement.sa?.destination, `${command} destination`);
    take(statement.sa?.natOriginalAddress, `${command} address before NAT`);
    take(statement.policy?.source, `${command} source`);
    take(statement.policy?.destination, `${command} destination`);
    for (const request of statement.policy?.requests ?? []) {
      take(request.tunnelSource, `${command} tunnel end`);
      take(request.tunnelDestination, `${command} tunnel end`);
    }
  }
  return found;
}
