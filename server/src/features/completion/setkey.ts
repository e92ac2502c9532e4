import {
  ADDRESS_OPTIONS,
  ALGORITHM_FLAGS,
  isSetkeyCommand,
  PADDING_OPTIONS,
  POLICY_ACTIONS,
  POLICY_DIRECTIONS,
  POLICY_FLAG,
  PRIORITY_BASES,
  PRIORITY_KEYWORDS,
  RAW_CPI_FLAG,
  REQUEST_LEVELS,
  REQUEST_MODES,
  REQUEST_PROTOCOLS,
  SA_EXTENSIONS,
  SA_MODES,
  SA_PROTOCOLS,
  SECURITY_CONTEXT_FLAG,
  SETKEY_COMMANDS,
  TAGGED_KEYWORD,
  UPPER_LAYER_PROTOCOLS,
  type AlgorithmFlag,
  type Documented,
  type SaProtocolName,
} from '../../knowledge/setkey';
import type { ParsedDocument } from '../../model/document';
import type { SetkeyToken } from '../../parsing/setkey/ast';
import { lexSetkey } from '../../parsing/setkey/lexer';
import type { Position, Range } from '../../text/sourceText';
import { describeAlgorithm, describeCommand, describeWord, keySizeLabel } from '../describe/setkey';
import { rangeBack, type CompletionEntry } from './entry';
import { setkeyPlace, type SetkeyPlace } from './setkeyPosition';

/** Flags whose value is picked from a list: the editor should offer it right after the flag. */
const FLAGS_WITH_CHOICES = new Set(['-m', '-f', '-E', '-A', '-C', '-P']);

/**
 * Completion in a `setkey -f` file at each place of the grammar: commands, protocols, SA
 * extensions and their values, algorithms with their key sizes for the protocol, upper-layer
 * protocols, and the parts of a `-P` policy down to `protocol/mode/src-dst/level`. Never offers
 * anything where a key goes.
 */
export function completeSetkey(document: ParsedDocument<'setkey'>, position: Position): CompletionEntry[] {
  const cursor = setkeyCursorAt(document, position);
  if (!cursor) return [];
  const { place, typed } = cursor;
  if (place.kind === 'request') return requestEntries(typed, position);
  return placeEntries(place, rangeBack(position, typed.length));
}

/** The grammar place at the cursor and the part of the word typed so far; undefined in comments and strings. */
export function setkeyCursorAt(document: ParsedDocument<'setkey'>, position: Position): { readonly place: SetkeyPlace; readonly typed: string } | undefined {
  const { source, ast } = document;
  const offset = source.offsetAt(position);
  if (ast.comments.some((comment) => comment.start < offset && offset <= comment.end)) return undefined;
  if (ast.shebang && offset <= ast.shebang.end) return undefined;
  const { tokens } = lexSetkey(source);
  const current = tokens.find((token) => token.span.start < offset && offset <= token.span.end);
  if (current?.kind === 'string' && (offset < current.span.end || !current.terminated)) return undefined;
  const typedStart = current?.kind === 'word' ? current.span.start : offset;
  return { place: setkeyPlace(statementBefore(tokens, typedStart)), typed: source.text.slice(typedStart, offset) };
}

/** The tokens of the statement before the cursor: back to the last `;`, or to a command word that starts a line. */
function statementBefore(tokens: readonly SetkeyToken[], end: number): SetkeyToken[] {
  // Collected backwards and reversed once: unshift would copy the list for each of a long statement's tokens.
  const backwards: SetkeyToken[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.span.end > end) continue;
    if (token.kind === 'semicolon') break;
    backwards.push(token);
    if (token.startsLine && token.kind === 'word' && isSetkeyCommand(token.text)) break;
  }
  return backwards.reverse();
}

function word(entry: Documented, role: string, range: Range, kind: CompletionEntry['kind'] = 'value'): CompletionEntry {
  const choices = FLAGS_WITH_CHOICES.has(entry.name);
  return {
    label: entry.name,
    kind,
    detail: role,
    documentation: describeWord(entry, role),
    insertText: choices ? `${entry.name} ` : entry.name,
    range,
    suggestNext: choices,
  };
}

function placeEntries(place: SetkeyPlace, range: Range): CompletionEntry[] {
  switch (place.kind) {
    case 'command':
      return Object.values(SETKEY_COMMANDS).map((command) => {
        const takesArguments = command.shape !== 'bare';
        return { label: command.name, kind: 'keyword', detail: command.synopsis, documentation: describeCommand(command), insertText: takesArguments ? `${command.name} ` : command.name, range, suggestNext: takesArguments };
      });
    case 'addressOptions':
      return [...ADDRESS_OPTIONS.map((option) => word(option, 'address option', range, 'keyword')), ...(place.allowsTag ? [word(TAGGED_KEYWORD, 'selector', range, 'keyword')] : [])];
    case 'saProtocol':
      return Object.values(SA_PROTOCOLS).map((protocol) => word(protocol, 'SA protocol', range));
    case 'saOptions':
      return saOptionEntries(place, range);
    case 'extensionValue':
      if (place.flag === '-m') return SA_MODES.map((mode) => word(mode, 'SA mode', range));
      return place.flag === '-f' ? PADDING_OPTIONS.map((option) => word(option, 'padding', range)) : [];
    case 'algorithm':
      return algorithmEntries(place.flag, place.protocol, range);
    case 'rawCpi':
      return [word(RAW_CPI_FLAG, 'IPComp option', range, 'keyword')];
    case 'upperLayer':
      return UPPER_LAYER_PROTOCOLS.map((protocol) => word(protocol, `upper-layer protocol ${protocol.number}`, range));
    case 'policyFlag':
      return [word(POLICY_FLAG, 'policy', range, 'keyword'), word(SECURITY_CONTEXT_FLAG, 'security label', range, 'keyword')];
    case 'direction':
      return POLICY_DIRECTIONS.map((direction) => word(direction, 'direction', range));
    case 'priorityOrAction':
      return [...POLICY_ACTIONS.map((action) => word(action, 'action', range)), ...PRIORITY_KEYWORDS.map((keyword) => word(keyword, 'priority', range, 'keyword'))];
    case 'action':
      return POLICY_ACTIONS.map((action) => word(action, 'action', range));
    case 'priorityBase':
      return PRIORITY_BASES.map((base) => word(base, `priority ${base.value}`, range));
    default:
      return [];
  }
}

function saOptionEntries(place: Extract<SetkeyPlace, { kind: 'saOptions' }>, range: Range): CompletionEntry[] {
  const extensions = place.extensions ? SA_EXTENSIONS.map((extension) => word(extension, 'SA extension', range, 'keyword')) : [];
  const fitting = place.protocol ? SA_PROTOCOLS[place.protocol].algorithmFlags : undefined;
  const flags = place.flags.filter((flag) => !fitting || fitting.includes(flag as AlgorithmFlag));
  return [...extensions, ...flags.map((flag) => word(ALGORITHM_FLAGS[flag as AlgorithmFlag], 'algorithm', range, 'keyword'))];
}

function algorithmEntries(flag: AlgorithmFlag, protocol: SaProtocolName | undefined, range: Range): CompletionEntry[] {
  return ALGORITHM_FLAGS[flag].algorithms
    .filter((algorithm) => algorithm.availability !== 'retired' && (!protocol || !algorithm.onlyWith || algorithm.onlyWith.includes(protocol)))
    .map((algorithm) => ({
      label: algorithm.name,
      kind: 'value',
      detail: keySizeLabel(algorithm.key),
      documentation: describeAlgorithm(flag, algorithm),
      insertText: algorithm.name,
      range,
      deprecated: algorithm.weak === true,
    }));
}

/** Inside `protocol/mode/src-dst/level`: the part after the last `/` typed so far. */
function requestEntries(typed: string, position: Position): CompletionEntry[] {
  const parts = typed.split('/');
  const range = rangeBack(position, parts[parts.length - 1].length);
  const next = (entry: Documented, role: string): CompletionEntry => ({ ...word(entry, role, range), insertText: `${entry.name}/`, suggestNext: true });
  switch (parts.length) {
    case 1:
      return REQUEST_PROTOCOLS.map((protocol) => next(protocol, 'request protocol'));
    case 2:
      return REQUEST_MODES.map((mode) => next(mode, 'request mode'));
    case 3:
      return parts[1] === 'transport' ? REQUEST_LEVELS.map((level) => ({ ...word(level, 'request level', range), label: `/${level.name}`, insertText: `/${level.name}` })) : [];
    case 4:
      return REQUEST_LEVELS.map((level) => word(level, 'request level', range));
    default:
      return [];
  }
}
