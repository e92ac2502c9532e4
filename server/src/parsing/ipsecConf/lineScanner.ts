import { isAsciiBlank, isLookalikeBlank } from '../../text/characters';
import type { Span } from '../../text/sourceText';

/** A cursor over one line's characters; every method stops at the line's end. */
export class LineScanner {
  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  peek(): number {
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1;
  }

  /** Skips spaces and tabs (and, when asked, look-alike blanks). */
  skipBlanks(includeLookalikes = false): Span {
    const start = this.pos;
    while (this.pos < this.end) {
      const ch = this.text.charCodeAt(this.pos);
      if (!(isAsciiBlank(ch) || (includeLookalikes && isLookalikeBlank(ch)))) break;
      this.pos++;
    }
    return { start, end: this.pos };
  }

  /**
   * Reads up to a blank or any of the extra stop characters. `#` starts a comment only at the
   * start of a word, as in Libreswan's lexer: `leftid=@#1234abcd` is one value.
   */
  readWord(stops = ''): Span {
    const start = this.pos;
    while (this.pos < this.end) {
      const ch = this.text.charCodeAt(this.pos);
      if (isAsciiBlank(ch) || (ch === 0x23 && this.pos === start) || stops.includes(this.text[this.pos])) break;
      this.pos++;
    }
    return { start, end: this.pos };
  }

  /** Reads until `close`, inclusive; reports whether it was found on this line. */
  readDelimited(close: string): { span: Span; terminated: boolean } {
    const start = this.pos;
    this.pos++;
    const found = this.text.indexOf(close, this.pos);
    if (found >= 0 && found < this.end) {
      this.pos = found + 1;
      return { span: { start, end: this.pos }, terminated: true };
    }
    this.pos = this.end;
    return { span: { start, end: this.trimmedEnd(start) }, terminated: false };
  }

  /** The comment that starts here, if the cursor is on `#`. */
  readComment(): Span | undefined {
    if (this.peek() !== 0x23) return undefined;
    const span = { start: this.pos, end: this.end };
    this.pos = this.end;
    return span;
  }

  /** The rest of the line without trailing blanks, if anything remains. */
  rest(): Span | undefined {
    this.skipBlanks();
    if (this.atEnd()) return undefined;
    return { start: this.pos, end: this.trimmedEnd(this.pos) };
  }

  private trimmedEnd(from: number): number {
    let end = this.end;
    while (end > from && isAsciiBlank(this.text.charCodeAt(end - 1))) end--;
    return end;
  }
}
