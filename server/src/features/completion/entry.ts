import type { Position, Range } from '../../text/sourceText';

/** One suggestion, independent of LSP; the server turns it into a CompletionItem. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'keyword' | 'value' | 'reference' | 'file' | 'snippet';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** For `snippet` entries, in the editor's snippet syntax (`${1:default}`, `$0`). */
  readonly insertText: string;
  /** What the typed text is matched against, when not the label. */
  readonly filterText?: string;
  /** Where the entry sorts, when not by its label. */
  readonly sortText?: string;
  readonly range: Range;
  readonly deprecated?: boolean;
  /** A value follows what is inserted: the editor should open the suggestions again. */
  readonly suggestNext?: boolean;
}

/** The range from `start` characters before the cursor up to it, on the cursor's line. */
export function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}
