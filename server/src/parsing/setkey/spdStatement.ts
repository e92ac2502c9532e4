import { findUpperLayerProtocol, SCANNER_KEYWORDS, type SetkeyCommand } from '../../knowledge/setkey';
import { readAddress } from './address';
import type { AddressSpec, SecurityContext, SetkeyToken, SpdPolicy, TextPart } from './ast';
import { describeToken, isDecimal, isFlag, type StatementCursor } from './cursor';
import { parsePolicyWords } from './policy';
import { readSecurityContext } from './saStatement';

/** Protocol numbers to suggest when a protocol keyword stands where setkey wants an upper-layer protocol. */
const KEYWORD_NUMBERS: Readonly<Record<string, number>> = { esp: 50, 'esp-old': 50, 'esp-udp': 50, ah: 51, 'ah-old': 51, ipcomp: 108 };

/** `spdadd|spdupdate|spddelete [-46n] src_range dst_range upperspec [detail] [-ctx …] -P policy`, or `tagged "tag" -P policy`. */
export function parsePolicyArguments(cursor: StatementCursor, command: SetkeyCommand): SpdPolicy {
  if (command.allowsTag && cursor.peekWord() === 'tagged') {
    cursor.next();
    const tag = cursor.peek()?.kind === 'string' ? cursor.next() : undefined;
    if (!tag) cursor.missing(`${command.name} tagged takes the tag as a "quoted string"`);
    return { tag, ...readPolicy(cursor, command) };
  }
  const source = readRange(cursor, command, 'source');
  const destination = source && readRange(cursor, command, 'destination');
  const upperLayer = destination && readUpperLayer(cursor);
  const upperLayerDetail = upperLayer && readUpperLayerDetail(cursor, upperLayer);
  const context = upperLayer && cursor.peekWord() === '-ctx' ? readContext(cursor) : undefined;
  if (!upperLayer) return { source, destination, requests: [] };
  return { source, destination, upperLayer, upperLayerDetail, context, ...readPolicy(cursor, command) };
}

function readRange(cursor: StatementCursor, command: SetkeyCommand, role: 'source' | 'destination'): AddressSpec | undefined {
  const token = cursor.peek();
  if (!token) {
    cursor.missing(`${command.name} needs a ${role} range: ${command.synopsis}`);
    return undefined;
  }
  if (token.kind !== 'word' || isFlag(token) || isDecimal(token.text)) {
    cursor.fail(token.span, `expected the ${role} range (address, address/prefix, with an optional [port]), not ${describeToken(token)}`);
    return undefined;
  }
  return readAddress(cursor);
}

function readUpperLayer(cursor: StatementCursor): SetkeyToken | undefined {
  const token = cursor.peek();
  const what = 'the upper-layer protocol after the two ranges (any, tcp, udp, icmp, icmp6, gre or a number)';
  if (!token) {
    cursor.missing(`expected ${what}`);
    return undefined;
  }
  if (token.kind !== 'word' || isFlag(token)) {
    cursor.fail(token.span, `expected ${what}, not ${describeToken(token)}`);
    return undefined;
  }
  if (token.text !== 'any' && SCANNER_KEYWORDS.has(token.text)) {
    const number = KEYWORD_NUMBERS[token.text];
    const hint = number === undefined ? '' : `: write its number, ${number}`;
    cursor.fail(token.span, `setkey reads "${token.text}" as a keyword, not as an upper-layer protocol${hint}`);
    return undefined;
  }
  return cursor.next();
}

/** icmp and icmp6 take `type,code`, gre takes a key as a dotted quad; setkey refuses a lone number there. */
function readUpperLayerDetail(cursor: StatementCursor, upperLayer: SetkeyToken): SetkeyToken | undefined {
  const token = cursor.peek();
  if (token?.kind !== 'word' || isFlag(token)) return undefined;
  if (isDecimal(token.text)) {
    const detail = findUpperLayerProtocol(upperLayer.text)?.detail;
    const hint =
      detail === 'icmp-type-code' ? `write the type and the code, e.g. ${token.text},0` : detail === 'gre-key' ? 'write the GRE key as a dotted quad, e.g. 0.0.4.210' : 'remove it';
    cursor.fail(token.span, `setkey does not accept a lone number after the upper-layer protocol: ${hint}`);
    return undefined;
  }
  return cursor.next();
}

function readContext(cursor: StatementCursor): SecurityContext {
  const flag = cursor.next() as SetkeyToken;
  return readSecurityContext(cursor, flag);
}

function readPolicy(cursor: StatementCursor, command: SetkeyCommand): Pick<SpdPolicy, 'flag' | 'direction' | 'priority' | 'action' | 'requests'> {
  const token = cursor.peek();
  if (!token || token.kind !== 'word' || !token.text.startsWith('-P')) {
    const what = `${command.name} needs its policy: -P followed by in, out or fwd${command.name === 'spddelete' ? '' : ' and discard, none or ipsec …'}`;
    if (token) cursor.fail(token.span, `unexpected ${describeToken(token)}: ${what}`);
    else cursor.missing(what);
    return { requests: [] };
  }
  cursor.next();
  const tokens = cursor.rest();
  cursor.skipRest();
  const words: TextPart[] = tokens.filter((t) => t.kind === 'word');
  // setkey's scanner switches to the policy at "-P", so "-Pout" is "-P out".
  if (token.text.length > 2) words.unshift({ text: token.text.slice(2), span: { start: token.span.start + 2, end: token.span.end } });
  const flag: SetkeyToken = token.text.length > 2 ? { ...token, text: '-P', span: { start: token.span.start, end: token.span.start + 2 } } : token;
  return { flag, ...parsePolicyWords(cursor, flag, words, tokens) };
}
