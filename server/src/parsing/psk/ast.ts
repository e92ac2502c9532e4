import type { SyntaxProblem } from '../../checks/finding';
import type { Span } from '../../text/sourceText';

export interface PskField {
  readonly span: Span;
  readonly text: string;
}

/** One `identifier key` line of racoon's psk.txt. */
export interface PskEntry {
  readonly type: 'entry';
  /** The line's content, without its terminator. */
  readonly span: Span;
  readonly line: number;
  /** The first word: an address, FQDN, user@fqdn, key id or `*`. */
  readonly identifier: PskField;
  /** Everything after the blanks that follow the identifier, to the end of the line. Secret material: never show it. */
  readonly key?: PskField;
  /** Blanks before the identifier: racoon then reads an empty identifier and never uses the line. */
  readonly indent?: Span;
  /** The line ends in `\r\n` or `\r`, and racoon keeps the carriage return as part of the key. */
  readonly endsWithCarriageReturn: boolean;
}

export interface PskComment {
  readonly type: 'comment';
  readonly span: Span;
  readonly line: number;
}

export interface PskFile {
  readonly entries: readonly PskEntry[];
  readonly comments: readonly PskComment[];
  readonly problems: readonly SyntaxProblem[];
}
