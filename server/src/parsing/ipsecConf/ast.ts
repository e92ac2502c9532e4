import type { SyntaxProblem } from '../../checks/finding';
import type { Span } from '../../text/sourceText';

export interface Token {
  readonly span: Span;
  readonly text: string;
}

export interface Value {
  readonly span: Span;
  /** The value as the daemon sees it: quotes removed. */
  readonly text: string;
  readonly quoted: boolean;
  /** False when a quote or brace opened on this line never closed. */
  readonly terminated: boolean;
}

/** `key=value` inside a section (or misplaced at column 0). */
export interface Setting {
  readonly type: 'setting';
  /** The whole line without its terminator. */
  readonly span: Span;
  readonly line: number;
  readonly indent: Span;
  readonly key: Token;
  /** Missing when the line has no `=`. */
  readonly equals?: Span;
  /** Missing when nothing follows `=`: the key is set to empty. */
  readonly value?: Value;
  readonly comment?: Span;
}

/** `none` holds settings that appear before any header or after a malformed one. */
export type SectionKind = 'config' | 'conn' | 'ca' | 'none';

export interface Section {
  readonly type: 'section';
  readonly kind: SectionKind;
  readonly keyword: Token;
  /** `setup` for config, the conn or ca name otherwise. */
  readonly name?: Token;
  readonly header: Span;
  readonly headerLine: number;
  readonly headerIndent: Span;
  readonly settings: Setting[];
  /** `include` lines that sit between this section's settings. */
  readonly includes: Include[];
  /** From the header to the end of its last setting line. */
  span: Span;
  lastLine: number;
}

export interface Include {
  readonly type: 'include';
  readonly span: Span;
  readonly line: number;
  readonly indent: Span;
  readonly keyword: Token;
  readonly path?: Token;
}

export interface VersionStatement {
  readonly type: 'version';
  readonly span: Span;
  readonly line: number;
  readonly keyword: Token;
  readonly value?: Token;
}

export interface Comment {
  readonly span: Span;
  readonly line: number;
  /** True when nothing but blanks precede it on its line. */
  readonly wholeLine: boolean;
}

export type TopLevel = Section | Include | VersionStatement;

export interface IpsecConfFile {
  readonly statements: TopLevel[];
  readonly sections: Section[];
  /** Every include, at top level or inside a section. */
  readonly includes: Include[];
  readonly comments: Comment[];
  readonly problems: SyntaxProblem[];
  /** Line numbers that end in CRLF (or a lone CR). */
  readonly crlfLines: number[];
}
