import type { Span } from '../../text/sourceText';
import { ALL_ALGORITHM_WORDS, BYTE_UNITS, TIME_UNITS, VARIABLE_KEY_CIPHERS } from './values';

/** One argument as racoon's lexer would see it. */
export interface ArgumentAtom {
  readonly kind: 'word' | 'string' | 'bracket' | 'comma' | 'other';
  readonly text: string;
  readonly span: Span;
  /** A template placeholder (`%%IP%%`, `@sysconfdir@`) that stands for whatever a build step puts there. */
  readonly placeholder: boolean;
  /**
   * `aes_256`, read as `aes`: racoon skips the `_` but keeps it in front of the digits (yymore), and
   * strtoul then reads `_256` as 0, no key length at all. The word and the digits as written.
   */
  readonly lostKeyLength?: { readonly written: string; readonly digits: string };
}

/** The parts of a token the atoms are made from; racoon tokens satisfy it. */
export interface ArgumentToken {
  readonly kind: string;
  readonly text: string;
  readonly span: Span;
}

const PLACEHOLDER = /%%[A-Za-z0-9_]+%%|@[A-Za-z0-9_]+@/;
const UNIT_WORDS: ReadonlySet<string> = new Set<string>([...TIME_UNITS, ...BYTE_UNITS]);

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/**
 * Turns a statement's argument tokens into atoms: drops parentheses (racoon's lexer skips them),
 * optionally drops commas (ignored inside `remote`), and splits what racoon's lexer splits:
 * `30sec` into `30 sec` and `aes256` into `aes 256`.
 */
export function toAtoms(tokens: readonly ArgumentToken[], dropCommas: boolean): ArgumentAtom[] {
  const atoms: ArgumentAtom[] = [];
  for (const token of tokens) {
    if (token.kind === 'paren' || token.kind === 'comment') continue;
    if (token.kind === 'comma') {
      if (!dropCommas) atoms.push({ kind: 'comma', text: ',', span: token.span, placeholder: false });
      continue;
    }
    const kind = token.kind === 'word' || token.kind === 'string' || token.kind === 'bracket' ? token.kind : 'other';
    const placeholder = isPlaceholder(token.text);
    const lost = kind === 'word' && !placeholder ? KEY_LENGTH_AFTER_UNDERSCORE.exec(token.text) : null;
    if (lost && VARIABLE_KEY_CIPHERS.includes(lost[1]) && !ALL_ALGORITHM_WORDS.has(token.text)) {
      atoms.push({ kind: 'word', text: lost[1], span: token.span, placeholder: false, lostKeyLength: { written: token.text, digits: lost[2] } });
      continue;
    }
    const split = kind === 'word' && !placeholder ? splitGlued(token.text) : undefined;
    if (split === undefined) {
      atoms.push({ kind, text: token.text, span: token.span, placeholder });
      continue;
    }
    const middle = token.span.start + split;
    atoms.push({ kind: 'word', text: token.text.slice(0, split), span: { start: token.span.start, end: middle }, placeholder: false });
    atoms.push({ kind: 'word', text: token.text.slice(split), span: { start: middle, end: token.span.end }, placeholder: false });
  }
  return atoms;
}

const KEY_LENGTH_AFTER_UNDERSCORE = /^([a-z0-9]+?)_+(\d+)$/;

/** Where racoon's lexer would cut a word in two, or undefined. */
function splitGlued(word: string): number | undefined {
  const numberThenUnit = /^(\d+)([A-Za-z]+)$/.exec(word);
  if (numberThenUnit && UNIT_WORDS.has(numberThenUnit[2])) return numberThenUnit[1].length;
  if (ALL_ALGORITHM_WORDS.has(word)) return undefined;
  let digits = word.length;
  while (digits > 0 && word.charCodeAt(digits - 1) >= 0x30 && word.charCodeAt(digits - 1) <= 0x39) digits--;
  if (digits === 0 || digits === word.length) return undefined;
  return VARIABLE_KEY_CIPHERS.includes(word.slice(0, digits)) ? digits : undefined;
}
