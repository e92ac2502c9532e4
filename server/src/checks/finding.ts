import type { Range, Span } from '../text/sourceText';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

/** A text edit inside the document the finding is about (or, with uri, another one). */
export interface TextEdit {
  readonly uri?: string;
  readonly range: Range;
  readonly newText: string;
}

/** A new file with its whole text; a fix never overwrites one that exists. */
export interface FileCreation {
  readonly uri: string;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Files the fix adds; such fixes are offered only to editors that can create files. */
  readonly creates?: readonly FileCreation[];
  /** Safe to apply without looking: used by "fix all". */
  readonly preferred?: boolean;
}

/** One problem found in one document. LSP-independent; the server converts it. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** The one conn a cross-file finding is about, when it sits on a line several conns share. */
  readonly conn?: string;
}

/** What a parser records when the text does not follow the grammar. */
export interface SyntaxProblem {
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  /** Milder than the rule's default: the parser knows the daemon reads past this. */
  readonly severity?: 'warning';
}
