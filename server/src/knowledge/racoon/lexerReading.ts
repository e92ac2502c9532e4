import type { ArgumentSlot, RacoonDirective } from './types';
import {
  ALL_ALGORITHM_WORDS, BYTE_UNITS, DH_GROUP_NAMES, EXCHANGE_MODES, GSS_ID_ENCODINGS, IDENTIFIER_QUALIFIERS, IDENTIFIER_TYPES,
  LOG_LEVELS, PATH_TYPES, PROPOSAL_CHECK_LEVELS, SAINFO_PROTOCOLS, SWITCH_VALUES, TIME_UNITS,
} from './values';

/** Words racoon's lexer (cftoken.l) has rules for; the directives add their own keywords. */
const FIXED_WORDS = [
  ...TIME_UNITS, ...BYTE_UNITS, ...SWITCH_VALUES, ...LOG_LEVELS, ...PATH_TYPES, ...IDENTIFIER_TYPES, ...IDENTIFIER_QUALIFIERS,
  ...EXCHANGE_MODES, ...PROPOSAL_CHECK_LEVELS, ...GSS_ID_ENCODINGS, ...SAINFO_PROTOCOLS, ...DH_GROUP_NAMES, ...ALL_ALGORITHM_WORDS,
  'anonymous', 'inherit', 'any', 'address', 'subnet', 'from', 'group', 'user', 'remote', 'sainfo', 'proposal',
];

function slotWords(slot: ArgumentSlot, into: Set<string>): void {
  switch (slot.kind) {
    case 'keyword':
      for (const value of slot.values) into.add(value);
      return;
    case 'optional':
      for (const inner of slot.slots) slotWords(inner, into);
      return;
    case 'choice':
      for (const option of slot.options) for (const inner of option) slotWords(inner, into);
      return;
    case 'list':
      for (const inner of slot.item) slotWords(inner, into);
      return;
    default:
      return;
  }
}

/** Every word of the grammar: keywords of all blocks, so more tokens are found than racoon finds in one block, never fewer. */
export function grammarWords(directives: readonly RacoonDirective[]): ReadonlySet<string> {
  const words = new Set<string>(FIXED_WORDS);
  for (const directive of directives) {
    for (const part of directive.name.split(' ')) words.add(part);
    for (const alias of directive.aliases ?? []) for (const part of alias.split(' ')) words.add(part);
    for (const form of directive.forms) for (const slot of form) slotWords(slot, words);
  }
  return words;
}

const HEX = /[0-9a-fA-F:]/;
const ADDRESS_RUN = /^[0-9a-fA-F:][0-9a-fA-F:.]*(?:%[a-zA-Z0-9]*)?/;

/**
 * The words racoon's lexer makes of one bare word. At each point flex takes the longest match among
 * its rules (a keyword, a number, an address run); a character that starts none of them is
 * skipped by the catch-all rule, so `hourz` reads as `hour`, `1x` as `1` and `xyz` as nothing.
 * The keywords of every block are tried everywhere, which can only find more tokens, and so more
 * refusals, than racoon does.
 */
export function racoonReading(word: string, words: ReadonlySet<string>, longestWord: number): string[] {
  const tokens: string[] = [];
  let at = 0;
  while (at < word.length) {
    let best = 0;
    for (let length = Math.min(longestWord, word.length - at); length > 0; length--) {
      if (words.has(word.slice(at, at + length))) {
        best = length;
        break;
      }
    }
    if (HEX.test(word[at])) best = Math.max(best, ADDRESS_RUN.exec(word.slice(at))?.[0].length ?? 0);
    if (best === 0) {
      at++;
      continue;
    }
    tokens.push(word.slice(at, at + best));
    at += best;
  }
  return tokens;
}
