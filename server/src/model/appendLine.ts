import type { TextEdit } from '../checks/finding';
import type { ParsedDocument } from './document';

/** An edit that adds a line at the end of a document, after a line break it may lack. */
export function appendLine(document: ParsedDocument, line: string): TextEdit & { readonly uri: string } {
  const text = document.source.text;
  const end = document.source.positionAt(text.length);
  return { uri: document.uri, range: { start: end, end }, newText: `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}${line}\n` };
}
