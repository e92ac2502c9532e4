import { closestName } from '../../text/editDistance';
import {
  type AlgorithmFlag,
  findAlgorithm,
  isSaProtocol,
  namesOf,
  PADDING_OPTIONS,
  SA_EXTENSIONS,
  SA_MODES,
  SA_PROTOCOL_NAMES,
  type SetkeyCommand,
} from '../../knowledge/setkey';
import { readAddress } from './address';
import type { AddressSpec, AlgorithmSpec, SaExtension, SaSpec, SecurityContext, SetkeyToken } from './ast';
import { describeToken, isDecimal, isFlag, isHexNumber, type StatementCursor } from './cursor';

const EXTENSION_FLAGS = new Set(namesOf(SA_EXTENSIONS));
const ALGORITHM_FLAGS = new Set(['-E', '-A', '-C']);

/** `add|get|getspi|delete|deleteall [-46n] src dst protocol [spi] [extensions] [algorithms]` */
export function parseSaArguments(cursor: StatementCursor, command: SetkeyCommand): SaSpec {
  const name = command.name;
  const source = readSaAddress(cursor, command, 'source');
  const destination = source && readSaAddress(cursor, command, 'destination');
  const protocol = destination && readProtocol(cursor, name);
  let natOriginalAddress: AddressSpec | undefined;
  if (protocol?.text === 'esp-udp' && startsAddress(cursor.peek())) natOriginalAddress = readAddress(cursor);
  const spi = protocol && command.takesSpi ? readSpi(cursor, name) : undefined;
  const extensions = command.takesExtensions ? readExtensions(cursor) : [];
  const algorithms = command.needsAlgorithm ? readAlgorithms(cursor, name) : [];
  const next = cursor.peek();
  if (next && ALGORITHM_FLAGS.has(next.text)) cursor.fail(next.span, `${name} takes no algorithm or key; only add does`);
  else if (next && EXTENSION_FLAGS.has(next.text) && algorithms.length > 0) cursor.fail(next.span, `${next.text} comes too late: write extensions such as -m, -u or -r before -E, -A and -C`);
  else cursor.expectEnd(`${name} ends here with ";"`);
  return { source, destination, protocol, natOriginalAddress, spi, extensions, algorithms };
}

function readSaAddress(cursor: StatementCursor, command: SetkeyCommand, role: 'source' | 'destination'): AddressSpec | undefined {
  const token = cursor.peek();
  if (!token) {
    cursor.missing(`${command.name} needs a ${role} address: ${command.synopsis}`);
    return undefined;
  }
  if (!startsAddress(token)) {
    cursor.fail(token.span, `expected the ${role} address, not ${describeToken(token)}: ${command.synopsis}`);
    return undefined;
  }
  const address = readAddress(cursor);
  if (address?.prefix) cursor.fail(address.prefix.span, `${command.name} takes plain addresses: remove the "/${address.prefix.text}" (prefixes belong to spdadd)`);
  else if (address?.port && !command.addressPorts) cursor.fail(address.port.span, `${command.name} takes addresses without a [port]`);
  return address;
}

function readProtocol(cursor: StatementCursor, commandName: string): SetkeyToken | undefined {
  const token = cursor.peek();
  if (!token) {
    cursor.missing(`${commandName} needs the protocol after the addresses: ${SA_PROTOCOL_NAMES.join(', ')}`);
    return undefined;
  }
  if (token.kind === 'word' && isSaProtocol(token.text)) return cursor.next();
  const guess = token.kind === 'word' ? closestName(token.text, SA_PROTOCOL_NAMES) : undefined;
  const hint = guess ? `did you mean "${guess}"?` : `use one of ${SA_PROTOCOL_NAMES.join(', ')}`;
  cursor.fail(token.span, `expected the protocol after the addresses, not ${describeToken(token)}: ${hint}`);
  return undefined;
}

function readSpi(cursor: StatementCursor, commandName: string): SetkeyToken | undefined {
  const token = cursor.peek();
  if (token?.kind === 'word' && (isDecimal(token.text) || isHexNumber(token.text))) return cursor.next();
  if (!token) cursor.missing(`${commandName} needs the SPI after the protocol: a decimal number or 0x followed by hex digits`);
  else cursor.fail(token.span, `expected the SPI (a decimal number or 0x followed by hex digits), not ${describeToken(token)}`);
  return undefined;
}

function readExtensions(cursor: StatementCursor): SaExtension[] {
  const extensions: SaExtension[] = [];
  for (let flag = cursor.peek(); flag && EXTENSION_FLAGS.has(flag.text); flag = cursor.peek()) {
    cursor.next();
    if (flag.text === '-ctx') {
      extensions.push({ flag, context: readSecurityContext(cursor, flag) });
      continue;
    }
    const value = cursor.peek();
    if (!value) {
      cursor.missing(`${flag.text} needs a value: ${expectedValue(flag.text)}`);
      break;
    }
    if (value.kind !== 'word' || !acceptsValue(flag.text, value.text)) {
      cursor.fail(value.span, `${flag.text} takes ${expectedValue(flag.text)}, not ${describeToken(value)}`);
      break;
    }
    extensions.push({ flag, value: cursor.next() });
  }
  return extensions;
}

function acceptsValue(flag: string, value: string): boolean {
  if (flag === '-m') return namesOf(SA_MODES).includes(value);
  if (flag === '-f') return namesOf(PADDING_OPTIONS).includes(value);
  return isDecimal(value);
}

function expectedValue(flag: string): string {
  if (flag === '-m') return 'transport, tunnel or any';
  if (flag === '-f') return 'zero-pad, random-pad, seq-pad or nocyclic-seq';
  return 'a decimal number';
}

/** `-ctx doi algorithm "context"`, shared by SAs and policies. */
export function readSecurityContext(cursor: StatementCursor, flag: SetkeyToken): SecurityContext {
  const doi = cursor.peek()?.kind === 'word' && isDecimal(cursor.peek()?.text ?? '') ? cursor.next() : undefined;
  const algorithm = doi && cursor.peek()?.kind === 'word' && isDecimal(cursor.peek()?.text ?? '') ? cursor.next() : undefined;
  const name = algorithm && cursor.peek()?.kind === 'string' ? cursor.next() : undefined;
  if (!name) cursor.missing('-ctx takes a domain of interpretation, an algorithm number and a quoted context, e.g. -ctx 1 1 "system_u:object_r:ipsec_spd_t:s0"');
  return { flag, doi, algorithm, name };
}

function readAlgorithms(cursor: StatementCursor, commandName: string): AlgorithmSpec[] {
  const algorithms: AlgorithmSpec[] = [];
  for (let flag = cursor.peek(); flag && ALGORITHM_FLAGS.has(flag.text); flag = cursor.peek()) {
    const order = orderProblem(algorithms, flag.text as AlgorithmFlag);
    if (order) {
      cursor.fail(flag.span, order);
      return algorithms;
    }
    cursor.next();
    const spec = readAlgorithm(cursor, flag);
    algorithms.push(spec);
    if (!spec.name) return algorithms;
  }
  if (algorithms.length === 0) {
    const token = cursor.peek();
    const what = `${commandName} needs an algorithm with its key: -E encryption key [-A authentication key], -A authentication key, or -C compression`;
    if (token && !EXTENSION_FLAGS.has(token.text)) cursor.fail(token.span, `unexpected ${describeToken(token)}: ${what}`);
    else if (!token) cursor.missing(what);
  }
  return algorithms;
}

/** setkey takes `-E [-A]`, `-A` or `-C [-R]`, in this order. */
function orderProblem(before: readonly AlgorithmSpec[], flag: AlgorithmFlag): string | undefined {
  if (before.length === 0) return undefined;
  const previous = before.map((spec) => spec.flag.text);
  if (flag === '-A' && previous.length === 1 && previous[0] === '-E') return undefined;
  if (flag === '-E' && previous.includes('-A')) return '-E must come before -A: write -E algorithm key -A algorithm key';
  if (flag === '-C' || previous.includes('-C')) return '-C cannot be combined with -E or -A: IPComp SAs only compress';
  return `${flag} is given twice`;
}

function readAlgorithm(cursor: StatementCursor, flag: SetkeyToken): AlgorithmSpec {
  const name = cursor.peek();
  if (!name || name.kind !== 'word' || isFlag(name)) {
    const what = `${flag.text} needs an algorithm name`;
    if (name) cursor.fail(name.span, `${what}, not ${describeToken(name)}`);
    else cursor.missing(what);
    return { flag };
  }
  cursor.next();
  const known = findAlgorithm(flag.text as AlgorithmFlag, name.text);
  if (flag.text === '-C') {
    const rawCpi = cursor.peek()?.text === '-R' ? cursor.next() : undefined;
    return { flag, name, rawCpi };
  }
  const next = cursor.peek();
  const looksLikeKey = next?.kind === 'string' || (next?.kind === 'word' && /^0[xX]/.test(next.text));
  if (known?.key.kind === 'none') {
    if (looksLikeKey && next) cursor.fail(next.span, `${name.text} takes no key: remove it`);
    return { flag, name };
  }
  if (!known && !looksLikeKey) return { flag, name };
  if (!next || !looksLikeKey) {
    const what = `${name.text} needs its key after it, as 0x followed by hex digits or as a "quoted string"`;
    if (next && next.kind === 'word' && !isFlag(next)) cursor.fail(next.span, what);
    else cursor.missing(what);
    return { flag, name };
  }
  if (next.kind === 'word' && !isHexNumber(next.text)) {
    cursor.fail(next.span, 'a hex key is 0x followed by hex digits only (0-9, a-f)');
    return { flag, name };
  }
  return { flag, name, key: cursor.next() };
}

/** A word that can be an address: not a flag, a number or a protocol (setkey's scanner makes keywords of those). */
function startsAddress(token: SetkeyToken | undefined): boolean {
  return token?.kind === 'word' && !isFlag(token) && !isDecimal(token.text) && !isHexNumber(token.text) && !isSaProtocol(token.text);
}
