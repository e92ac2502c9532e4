import type { SyntaxProblem } from '../../checks/finding';
import type { RacoonSection } from '../../knowledge/racoon/types';
import type { Span } from '../../text/sourceText';

export type RacoonTokenKind =
  | 'word'
  | 'string'
  /** `[500]` or `[any]`: a port in brackets. */
  | 'bracket'
  | 'open'
  | 'close'
  | 'semicolon'
  | 'comma'
  /** `(` or `)`, which racoon's lexer skips but people copy from the manual's sainfo syntax. */
  | 'paren'
  | 'comment';

export interface RacoonToken {
  readonly kind: RacoonTokenKind;
  readonly span: Span;
  /** The text as written; a string loses its quotes, a comment keeps its `#`. */
  readonly text: string;
  /** True when a line break (or the start of the file) comes before this token. */
  readonly startsLine: boolean;
  /** False only for a string whose closing quote is missing on its line. */
  readonly terminated: boolean;
  /** A string read as racoon does, on to its closing quote on a later line (its text keeps the line break). */
  readonly closedOnLaterLine?: boolean;
}

/** Where a statement stands: one of racoon's sections, or inside a block racoon does not know. */
export type RacoonPlace = RacoonSection | 'unknown';

export interface RacoonStatement {
  readonly type: 'statement';
  /** From the first word to the `;`, the closing `}` or the last token read. */
  readonly span: Span;
  /** Everything before `;` or `{`: the keyword, its arguments, commas, brackets and parentheses. */
  readonly head: readonly RacoonToken[];
  readonly block?: RacoonBlock;
  readonly semicolon?: RacoonToken;
  /** True when the statement ended without `;` or block (the parser reported it or the keyword is unknown). */
  readonly unterminated: boolean;
  /** The section the statement stands in. */
  readonly place: RacoonPlace;
  /** Comments met between the first word and the end of the head. */
  readonly comments: readonly RacoonToken[];
}

export interface RacoonBlock {
  readonly type: 'block';
  /** From `{` to `}`, or to the end of its last item when never closed. */
  readonly span: Span;
  readonly open: RacoonToken;
  readonly close?: RacoonToken;
  /** The section its body forms, decided by the statement that owns it. */
  readonly section: RacoonPlace;
  readonly items: readonly RacoonItem[];
}

export interface RacoonComment {
  readonly type: 'comment';
  readonly span: Span;
  readonly token: RacoonToken;
}

/** A `;` or `}` that belongs to no statement; kept so the text can be reproduced. */
export interface RacoonStray {
  readonly type: 'stray';
  readonly span: Span;
  readonly token: RacoonToken;
}

export type RacoonItem = RacoonStatement | RacoonComment | RacoonStray;

export interface RacoonFile {
  readonly items: readonly RacoonItem[];
  /** Every token in source order, comments included; whitespace is what lies between them. */
  readonly tokens: readonly RacoonToken[];
  readonly problems: readonly SyntaxProblem[];
}
