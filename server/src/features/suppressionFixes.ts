import type { Fix } from '../checks/finding';
import type { ParsedDocument } from '../model/document';

/** "Disable CODE for this line" and "for this file": comment edits honoured by the server and the CLI. */
export function suppressionFixes(document: ParsedDocument, code: string, line: number): Fix[] {
  const { source } = document;
  if (line < 0 || line >= source.lineCount) return [];
  const text = source.lineText(line);
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const at = { line, character: 0 };
  const top = { line: 0, character: 0 };
  const insertAfterShebang = source.lineCount > 0 && source.lineText(0).startsWith('#!') ? { line: 1, character: 0 } : top;
  return [
    { title: `Disable ${code} for this line`, edits: [{ range: { start: at, end: at }, newText: `${indent}# ipsec-lint-disable-next-line ${code}\n` }] },
    { title: `Disable ${code} for this file`, edits: [{ range: { start: insertAfterShebang, end: insertAfterShebang }, newText: `# ipsec-lint-disable ${code}\n` }] },
  ];
}
