import type { SyntaxProblem } from '../../checks/finding';
import type { LineInfo, SourceText, Span } from '../../text/sourceText';
import type { Comment, Include, IpsecConfFile, Section, Setting, Token, TopLevel, Value, VersionStatement } from './ast';
import { LineScanner } from './lineScanner';

export const IPSEC_CONF_SYNTAX = {
  missingEquals: 'missing-equals',
  unterminatedQuote: 'unterminated-quote',
  badHeader: 'bad-header',
  unexpectedText: 'unexpected-text',
} as const;

const HEADER_KEYWORDS = new Set(['conn', 'config', 'ca', 'include', 'version']);

/**
 * Parses ipsec.conf line by line, as both daemons' lexers do: a line starting in
 * column 0 opens a section (or is an include/version), an indented line belongs to the
 * open section. Layout mistakes are kept in the tree for rules to judge; only things
 * that cannot be read as any statement become problems here.
 */
export function parseIpsecConf(source: SourceText): IpsecConfFile {
  return new IpsecConfParser(source).parse();
}

class IpsecConfParser {
  private readonly statements: TopLevel[] = [];
  private readonly sections: Section[] = [];
  private readonly includes: Include[] = [];
  private readonly comments: Comment[] = [];
  private readonly problems: SyntaxProblem[] = [];
  private readonly crlfLines: number[] = [];
  private current: Section | undefined;

  constructor(private readonly source: SourceText) {}

  parse(): IpsecConfFile {
    for (const line of this.source.lines()) {
      if (line.terminator === '\r\n' || line.terminator === '\r') this.crlfLines.push(line.index);
      this.parseLine(line);
    }
    return {
      statements: this.statements,
      sections: this.sections,
      includes: this.includes,
      comments: this.comments,
      problems: this.problems,
      crlfLines: this.crlfLines,
    };
  }

  private parseLine(line: LineInfo): void {
    const scanner = new LineScanner(this.source.text, line.start, line.end);
    const indent = scanner.skipBlanks(true);
    if (scanner.atEnd()) return;
    const comment = scanner.readComment();
    if (comment) {
      this.comments.push({ span: comment, line: line.index, wholeLine: true });
      if (indent.end > indent.start) this.extendCurrent(line);
      return;
    }
    const wordSpan = scanner.readWord('=');
    const word = this.token(wordSpan);
    const afterWord = scanner.pos;
    scanner.skipBlanks();
    const isAssignment = scanner.peek() === 0x3d;
    if (!isAssignment && HEADER_KEYWORDS.has(word.text)) {
      this.parseHeader(line, indent, word, scanner);
      return;
    }
    if (!isAssignment && indent.end === indent.start) {
      this.problem(IPSEC_CONF_SYNTAX.badHeader, this.lineContent(line), this.unknownHeaderMessage(word.text));
      this.current = undefined;
      this.trailingComment(scanner, line);
      return;
    }
    scanner.pos = afterWord;
    this.parseSetting(line, indent, word, scanner);
  }

  private parseHeader(line: LineInfo, indent: Span, keyword: Token, scanner: LineScanner): void {
    const argument = scanner.atEnd() || scanner.peek() === 0x23 ? undefined : this.readArgument(scanner);
    const content = this.lineContent(line);
    switch (keyword.text) {
      case 'include': {
        if (!argument) this.problem(IPSEC_CONF_SYNTAX.badHeader, content, 'include needs a file name or glob');
        const include: Include = { type: 'include', span: content, line: line.index, indent, keyword, path: argument };
        this.includes.push(include);
        this.statements.push(include);
        // Includes are spliced in lexically: indented lines after one still belong to the open section.
        if (this.current && indent.end === indent.start) this.current.includes.push(include);
        else this.current = undefined;
        break;
      }
      case 'version': {
        if (!argument || !/^2(\.0)?$/.test(argument.text)) {
          this.problem(IPSEC_CONF_SYNTAX.badHeader, content, `the version line must read "version 2" or "version 2.0"`);
        }
        const version: VersionStatement = { type: 'version', span: content, line: line.index, keyword, value: argument };
        this.statements.push(version);
        this.current = undefined;
        break;
      }
      default:
        this.openSection(line, indent, keyword, argument, content);
    }
    this.expectLineEnd(scanner, line);
  }

  private openSection(line: LineInfo, indent: Span, keyword: Token, name: Token | undefined, content: Span): void {
    const kind = keyword.text as Section['kind'];
    if (!name) {
      const what = kind === 'config' ? 'config needs the word "setup"' : `${kind} needs a name`;
      this.problem(IPSEC_CONF_SYNTAX.badHeader, content, what);
    } else if (kind === 'config' && name.text !== 'setup') {
      this.problem(IPSEC_CONF_SYNTAX.badHeader, name.span, `the only config section is "config setup", not "config ${name.text}"`);
    }
    const section: Section = {
      type: 'section',
      kind,
      keyword,
      name,
      header: content,
      headerLine: line.index,
      headerIndent: indent,
      settings: [],
      includes: [],
      span: content,
      lastLine: line.index,
    };
    this.sections.push(section);
    this.statements.push(section);
    this.current = section;
  }

  private parseSetting(line: LineInfo, indent: Span, key: Token, scanner: LineScanner): void {
    scanner.skipBlanks();
    let equals: Span | undefined;
    let value: Value | undefined;
    if (scanner.peek() === 0x3d) {
      equals = { start: scanner.pos, end: scanner.pos + 1 };
      scanner.pos++;
      scanner.skipBlanks();
      if (!scanner.atEnd() && scanner.peek() !== 0x23) value = this.readValue(scanner);
    } else {
      const continued = line.index > 0 && this.source.lineText(line.index - 1).trimEnd().endsWith('\\');
      this.problem(
        IPSEC_CONF_SYNTAX.missingEquals,
        key.span,
        continued
          ? 'ipsec.conf has no line continuation: join this line to the previous one and remove the backslash'
          : `"${truncate(key.text)}" has no "=": write ${truncate(key.text)}=value (or remove the line)`,
      );
      scanner.pos = line.end;
    }
    const comment = this.expectLineEnd(scanner, line);
    const setting: Setting = { type: 'setting', span: this.lineContent(line), line: line.index, indent, key, equals, value, comment };
    if (this.current) {
      this.current.settings.push(setting);
      this.extendCurrent(line);
    } else {
      this.orphan(setting);
    }
  }

  private orphan(setting: Setting): void {
    // A setting before any section: keep it in a headerless pseudo-section so rules still see it.
    const section: Section = {
      type: 'section',
      kind: 'none',
      keyword: { span: { start: setting.span.start, end: setting.span.start }, text: '' },
      header: { start: setting.span.start, end: setting.span.start },
      headerLine: setting.line,
      headerIndent: { start: setting.span.start, end: setting.span.start },
      settings: [setting],
      includes: [],
      span: setting.span,
      lastLine: setting.line,
    };
    this.sections.push(section);
    this.statements.push(section);
    this.current = section;
  }

  private readValue(scanner: LineScanner): Value {
    const first = scanner.peek();
    if (first === 0x22 || first === 0x7b) {
      const close = first === 0x22 ? '"' : '}';
      const { span, terminated } = scanner.readDelimited(close);
      if (!terminated) {
        const what = first === 0x22 ? 'quoted value has no closing "' : 'brace list has no closing }';
        this.problem(IPSEC_CONF_SYNTAX.unterminatedQuote, span, `${what}: close it on the same line`);
      }
      const inner = this.source.text.slice(span.start + 1, terminated ? span.end - 1 : span.end);
      return { span, text: first === 0x22 ? inner : this.source.slice(span), quoted: first === 0x22, terminated };
    }
    const span = scanner.readWord();
    return { span, text: this.source.slice(span), quoted: false, terminated: true };
  }

  private readArgument(scanner: LineScanner): Token | undefined {
    if (scanner.peek() === 0x22) {
      const { span, terminated } = scanner.readDelimited('"');
      if (!terminated) this.problem(IPSEC_CONF_SYNTAX.unterminatedQuote, span, 'quoted name has no closing "');
      return { span, text: this.source.text.slice(span.start + 1, terminated ? span.end - 1 : span.end) };
    }
    const span = scanner.readWord();
    return span.end > span.start ? this.token(span) : undefined;
  }

  /** After a complete statement only blanks and a comment may follow. */
  private expectLineEnd(scanner: LineScanner, line: LineInfo): Span | undefined {
    const rest = scanner.rest();
    if (!rest) return undefined;
    if (this.source.text.charCodeAt(rest.start) === 0x23) return this.trailingComment(scanner, line, rest);
    this.problem(
      IPSEC_CONF_SYNTAX.unexpectedText,
      rest,
      `unexpected "${truncate(this.source.slice(rest))}": one statement per line; quote values that contain spaces`,
    );
    return undefined;
  }

  private trailingComment(scanner: LineScanner, line: LineInfo, rest = scanner.rest()): Span | undefined {
    if (!rest) return undefined;
    const hash = this.source.text.indexOf('#', rest.start);
    if (hash < 0 || hash >= line.end) return undefined;
    const span = { start: hash, end: line.end };
    this.comments.push({ span, line: line.index, wholeLine: false });
    return span;
  }

  private unknownHeaderMessage(word: string): string {
    return `"${truncate(word)}" starts in column 0 but is not a section header: indent settings with a tab, or start a section with conn, config setup, ca or include`;
  }

  private extendCurrent(line: LineInfo): void {
    if (!this.current) return;
    this.current.span = { start: this.current.span.start, end: line.end };
    this.current.lastLine = line.index;
  }

  private lineContent(line: LineInfo): Span {
    return { start: line.start, end: line.end };
  }

  private token(span: Span): Token {
    return { span, text: this.source.slice(span) };
  }

  private problem(code: string, span: Span, message: string): void {
    this.problems.push({ code, span, message });
  }
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
