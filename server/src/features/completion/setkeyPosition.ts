import {
  findAlgorithm,
  isSaProtocol,
  isSetkeyCommand,
  namesOf,
  POLICY_ACTIONS,
  PRIORITY_KEYWORDS,
  SA_EXTENSIONS,
  SETKEY_COMMANDS,
  type AlgorithmFlag,
  type SaProtocolName,
  type SetkeyCommand,
} from '../../knowledge/setkey';
import type { SetkeyToken } from '../../parsing/setkey/ast';
import { ADDRESS_OPTION } from '../../parsing/setkey/cursor';

/** What setkey's grammar expects at the cursor, as far as completion can help with it. */
export type SetkeyPlace =
  | { readonly kind: 'command' }
  /** Right after an SA or policy command: `-4`/`-6`/`-n`, `tagged`, or the source address. */
  | { readonly kind: 'addressOptions'; readonly allowsTag: boolean }
  | { readonly kind: 'saProtocol' }
  /** After the SPI of an SA: extensions while no algorithm was given, then the algorithm flags still allowed. */
  | { readonly kind: 'saOptions'; readonly command: SetkeyCommand; readonly protocol?: SaProtocolName; readonly extensions: boolean; readonly flags: readonly string[] }
  | { readonly kind: 'extensionValue'; readonly flag: string }
  | { readonly kind: 'algorithm'; readonly flag: AlgorithmFlag; readonly protocol?: SaProtocolName }
  | { readonly kind: 'rawCpi' }
  | { readonly kind: 'upperLayer' }
  | { readonly kind: 'policyFlag' }
  | { readonly kind: 'direction' }
  | { readonly kind: 'priorityOrAction' }
  | { readonly kind: 'action' }
  | { readonly kind: 'priorityBase' }
  | { readonly kind: 'request' }
  /** Free text (an address, an SPI, a number, a key) or nothing more: no suggestions. */
  | { readonly kind: 'free' };

const FREE: SetkeyPlace = { kind: 'free' };
const EXTENSIONS_WITH_VALUE = new Set(namesOf(SA_EXTENSIONS).filter((name) => name !== '-ctx'));
const ALGORITHM_FLAGS = new Set<string>(['-E', '-A', '-C']);
const ACTIONS = namesOf(POLICY_ACTIONS);
const PRIORITY_WORDS = namesOf(PRIORITY_KEYWORDS);

/** Where the cursor stands, given the tokens of the statement written before it (command first). */
export function setkeyPlace(statement: readonly SetkeyToken[]): SetkeyPlace {
  const [command, ...args] = statement;
  if (!command) return { kind: 'command' };
  if (command.kind !== 'word' || !isSetkeyCommand(command.text)) return FREE;
  const definition = SETKEY_COMMANDS[command.text];
  switch (definition.shape) {
    case 'bare':
      return FREE;
    case 'protocol-filter':
      return args.length === 0 ? { kind: 'saProtocol' } : FREE;
    case 'security-association':
      return saPlace(definition, withoutAddressOptions(args));
    case 'policy':
      return policyPlace(definition, withoutAddressOptions(args));
  }
}

function withoutAddressOptions(args: readonly SetkeyToken[]): { readonly rest: readonly SetkeyToken[]; readonly options: number } {
  let options = 0;
  while (options < args.length && ADDRESS_OPTION.test(args[options].text)) options++;
  return { rest: args.slice(options), options };
}

/** Counts addresses as setkey's scanner does: a word starting with `/` or `[` belongs to the address before it. */
function takeAddresses(tokens: readonly SetkeyToken[], count: number): { readonly taken: number; readonly next: number } {
  let taken = 0;
  let index = 0;
  while (index < tokens.length && taken < count) {
    index++;
    while (index < tokens.length && /^[/[]/.test(tokens[index].text)) index++;
    taken++;
  }
  return { taken, next: index };
}

function saPlace(command: SetkeyCommand, { rest }: { rest: readonly SetkeyToken[] }): SetkeyPlace {
  if (rest.length === 0) return { kind: 'addressOptions', allowsTag: false };
  const { taken, next } = takeAddresses(rest, 2);
  if (taken < 2) return FREE;
  if (next >= rest.length) return { kind: 'saProtocol' };
  const protocolToken = rest[next];
  const protocol = isSaProtocol(protocolToken.text) ? protocolToken.text : undefined;
  let index = next + 1;
  if (command.takesSpi) {
    if (index >= rest.length) return FREE;
    index++;
  }
  return saTail(command, protocol, rest.slice(index));
}

/** Walks `-m mode -u id … -E name key -A name key` and says what may follow. */
function saTail(command: SetkeyCommand, protocol: SaProtocolName | undefined, tail: readonly SetkeyToken[]): SetkeyPlace {
  const used: string[] = [];
  for (let i = 0; i < tail.length; i++) {
    const flag = tail[i].text;
    if (flag === '-ctx') {
      if (i + 3 >= tail.length) return FREE;
      i += 3;
    } else if (EXTENSIONS_WITH_VALUE.has(flag)) {
      if (i + 1 >= tail.length) return { kind: 'extensionValue', flag };
      i++;
    } else if (ALGORITHM_FLAGS.has(flag)) {
      used.push(flag);
      if (i + 1 >= tail.length) return { kind: 'algorithm', flag: flag as AlgorithmFlag, protocol };
      const algorithm = findAlgorithm(flag as AlgorithmFlag, tail[++i].text);
      if (flag === '-C') {
        if (i + 1 >= tail.length) return { kind: 'rawCpi' };
        if (tail[i + 1].text === '-R') i++;
      } else if (algorithm?.key.kind !== 'none') {
        if (i + 1 >= tail.length) return FREE;
        i++;
      }
    }
  }
  if (!command.takesExtensions && !command.needsAlgorithm) return FREE;
  return { kind: 'saOptions', command, protocol, extensions: command.takesExtensions === true && used.length === 0, flags: command.needsAlgorithm ? allowedAlgorithmFlags(used) : [] };
}

/** setkey takes `-E [-A]`, `-A` or `-C`, in that order. */
function allowedAlgorithmFlags(used: readonly string[]): string[] {
  if (used.length === 0) return ['-E', '-A', '-C'];
  return used.length === 1 && used[0] === '-E' ? ['-A'] : [];
}

function policyPlace(command: SetkeyCommand, { rest, options }: { rest: readonly SetkeyToken[]; options: number }): SetkeyPlace {
  if (rest.length === 0) return { kind: 'addressOptions', allowsTag: command.allowsTag === true && options === 0 };
  let index: number;
  if (command.allowsTag && rest[0].text === 'tagged') {
    if (rest.length < 2) return FREE;
    index = 2;
  } else {
    const { taken, next } = takeAddresses(rest, 2);
    if (taken < 2) return FREE;
    if (next >= rest.length) return { kind: 'upperLayer' };
    index = next + 1;
  }
  for (; index < rest.length; index++) {
    const text = rest[index].text;
    if (text.startsWith('-P')) return afterPolicyFlag(command, [...(text.length > 2 ? [text.slice(2)] : []), ...rest.slice(index + 1).map((t) => t.text)]);
    if (text === '-ctx') {
      if (index + 3 >= rest.length) return FREE;
      index += 3;
    }
  }
  return { kind: 'policyFlag' };
}

/** `direction [priority value] action requests…`, as words after `-P`. */
function afterPolicyFlag(command: SetkeyCommand, words: readonly string[]): SetkeyPlace {
  if (words.length === 0) return { kind: 'direction' };
  if (command.name === 'spddelete') return FREE;
  let index = 1;
  if (index < words.length && PRIORITY_WORDS.includes(words[index])) {
    index++;
    if (index >= words.length) return { kind: 'priorityBase' };
    while (index < words.length && !ACTIONS.includes(words[index])) index++;
    if (index >= words.length) return { kind: 'action' };
  }
  if (index >= words.length) return { kind: 'priorityOrAction' };
  return words[index] === 'ipsec' ? { kind: 'request' } : FREE;
}
