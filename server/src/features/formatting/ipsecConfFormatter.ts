import type { TextEdit } from '../../checks/finding';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { hasLookalikeBlank } from '../../text/characters';
import { replaceLineEdit, trimStatementLine, trimTrailingBlanks } from './lineLayout';
import { DEFAULT_FORMAT, indentUnit, type FormatOptions, type LineRange } from './options';

export { DEFAULT_FORMAT, type FormatOptions } from './options';

/**
 * Layout-only edits for ipsec.conf: one indentation for settings and comments inside sections,
 * `key=value`, no trailing blanks, one blank line between sections. Lines the parser could not
 * read, or that hold look-alike blanks, are left alone: fixing those changes meaning and is
 * the job of the quick fixes.
 */
export function formatIpsecConf(document: ParsedDocument<'ipsec'>, options: FormatOptions = DEFAULT_FORMAT, lines?: LineRange): TextEdit[] {
  const { source, ast } = document;
  const unit = indentUnit(options);
  const untouchable = new Set<number>();
  for (const problem of ast.problems) {
    const from = source.positionAt(problem.span.start).line;
    const to = source.positionAt(problem.span.end).line;
    for (let l = from; l <= to; l++) untouchable.add(l);
  }
  const settingsByLine = new Map<number, Setting>();
  const insideSection = new Set<number>();
  const headerLines = new Set<number>();
  for (const section of ast.sections) {
    if (section.kind !== 'none') headerLines.add(section.headerLine);
    for (let l = section.headerLine + 1; l <= section.lastLine; l++) insideSection.add(l);
    for (const setting of section.settings) settingsByLine.set(setting.line, setting);
  }
  const edits: TextEdit[] = [];
  let blankRun = 0;
  let previousContent: 'none' | 'header' | 'body' | 'comment' = 'none';
  for (const line of source.lines()) {
    const text = source.text.slice(line.start, line.end);
    const inRange = !lines || (line.index >= lines.start && line.index <= lines.end);
    const replaceLine = (newText: string): void => {
      if (inRange && newText !== text) edits.push(replaceLineEdit(source, line, newText));
    };
    if (text.trim() === '' && !hasLookalikeBlank(text)) {
      blankRun++;
      // The last line has no terminator to remove with it: it is only emptied.
      if (blankRun > 1 && inRange && line.terminator !== '') edits.push({ range: { start: { line: line.index, character: 0 }, end: { line: line.index + 1, character: 0 } }, newText: '' });
      else replaceLine('');
      continue;
    }
    const wasBlank = blankRun > 0;
    blankRun = 0;
    if (untouchable.has(line.index) || hasLookalikeBlank(leadingBlanks(text))) {
      previousContent = 'body';
      continue;
    }
    if (headerLines.has(line.index) && !wasBlank && (previousContent === 'body' || previousContent === 'header') && inRange) {
      // The blank line ends like the line before it: a lone "\n" after a "\r" would join it into one "\r\n".
      edits.push({ range: { start: { line: line.index, character: 0 }, end: { line: line.index, character: 0 } }, newText: source.line(line.index - 1).terminator || '\n' });
    }
    const setting = settingsByLine.get(line.index);
    const isComment = /^[ \t]*#/.test(text);
    if (setting && setting.indent.end > setting.indent.start && setting.equals) {
      replaceLine(unit + formatSetting(source.text, setting, options, line.end));
      previousContent = 'body';
    } else if (isComment && insideSection.has(line.index) && leadingBlanks(text).length > 0) {
      replaceLine(unit + text.trim());
      previousContent = 'body';
    } else {
      replaceLine(isComment ? trimTrailingBlanks(text) : trimStatementLine(text));
      previousContent = headerLines.has(line.index) ? 'header' : isComment ? 'comment' : 'body';
    }
  }
  return edits;
}

function formatSetting(text: string, setting: Setting, options: FormatOptions, lineEnd: number): string {
  const key = setting.key.text;
  const equals = options.spacesAroundEquals ? ' = ' : '=';
  const valueEnd = setting.value ? setting.value.span.end : (setting.equals?.end ?? setting.key.span.end);
  const value = setting.value ? text.slice(setting.value.span.start, setting.value.span.end) : '';
  const rest = trimStatementLine(text.slice(valueEnd, lineEnd));
  return `${key}${equals}${value}${rest}`;
}

function leadingBlanks(text: string): string {
  return /^\s*/.exec(text)?.[0] ?? '';
}
