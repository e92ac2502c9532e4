import type { TextEdit } from '../../checks/finding';
import type { SourceText } from '../../text/sourceText';

/** Applies non-overlapping edits to a text (tests, the CLI's fix mode and the formatter check use it). */
export function applyEdits(source: SourceText, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: source.offsetAt(edit.range.start), end: source.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let text = source.text;
  for (const edit of sorted) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}
