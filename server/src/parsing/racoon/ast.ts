import type { SyntaxProblem } from '../../checks/finding';
import type { RacoonDirective, RacoonSection } from '../../knowledge/racoon/types';
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
  /** What the catalogue makes of the statement: filled in by `meaningOf` when first asked. */
  meaning: StatementMeaning | undefined;
}

/** A word racoon's lexer reads differently from how it is written. */
export interface ReadAs {
  readonly word: RacoonToken;
  readonly reading: readonly string[];
}

/** What the catalogue makes of a statement's keyword where it stands. */
export type StatementMeaning =
  /**
   * A directive of this section; `args` are the tokens after its name. `readAs` is set when racoon's
   * lexer finds the keyword only by splitting a word or skipping letters (`pfs_group2`, `certificates`).
   */
  | { readonly kind: 'known'; readonly directive: RacoonDirective; readonly keyword: RacoonToken; readonly args: readonly RacoonToken[]; readonly readAs?: ReadAs }
  /** A racoon keyword, but one that belongs in other sections. */
  | { readonly kind: 'misplaced'; readonly keyword: RacoonToken; readonly elsewhere: readonly RacoonDirective[] }
  /** `path` followed by a word that is no path type. */
  | { readonly kind: 'unknown-subkeyword'; readonly keyword: RacoonToken; readonly sub?: RacoonToken; readonly family: readonly RacoonDirective[] }
  | { readonly kind: 'unknown'; readonly keyword: RacoonToken }
  /** The statement starts with a string, comma or bracket instead of a word. */
  | { readonly kind: 'not-a-keyword'; readonly first?: RacoonToken }
  /** Inside a block racoon does not know: nothing to check. */
  | { readonly kind: 'unchecked' };

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
