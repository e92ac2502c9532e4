import type { SyntaxProblem } from '../../checks/finding';
import type { Span } from '../../text/sourceText';
import type { SetkeyToken } from './ast';

export const SETKEY_SYNTAX = {
  missingSemicolon: 'setkey-missing-semicolon',
  unknownCommand: 'setkey-unknown-command',
  malformed: 'setkey-syntax',
  unterminatedString: 'setkey-unterminated-string',
  commentInPolicy: 'setkey-comment-in-policy',
} as const;

/** A flood of problems in a garbage file helps no one. */
const MAX_PROBLEMS = 1000;

export class ProblemSink {
  readonly problems: SyntaxProblem[] = [];

  add(code: string, span: Span, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ code, span, message });
  }
}

/**
 * Walks the arguments of one statement. Like setkey, it gives up on a statement at its first
 * grammar error (`failed`), which is reported once; the next statement starts afresh.
 */
export class StatementCursor {
  private index = 0;
  private lastRead: SetkeyToken;
  failed = false;

  constructor(
    private readonly tokens: readonly SetkeyToken[],
    readonly command: SetkeyToken,
    private readonly sink: ProblemSink,
  ) {
    this.lastRead = command;
  }

  peek(offset = 0): SetkeyToken | undefined {
    return this.failed ? undefined : this.tokens[this.index + offset];
  }

  peekWord(offset = 0): string | undefined {
    const token = this.peek(offset);
    return token?.kind === 'word' ? token.text : undefined;
  }

  next(): SetkeyToken | undefined {
    const token = this.peek();
    if (token) {
      this.index++;
      this.lastRead = token;
    }
    return token;
  }

  /** The tokens not read yet. */
  rest(): readonly SetkeyToken[] {
    return this.failed ? [] : this.tokens.slice(this.index);
  }

  skipRest(): void {
    this.index = this.tokens.length;
  }

  /** The token last read (the command before anything else). */
  get last(): SetkeyToken {
    return this.lastRead;
  }

  /** A grammar error at a token that should not be there. */
  fail(span: Span, message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.sink.add(SETKEY_SYNTAX.malformed, span, message);
  }

  /** A grammar error where something is missing: reported at the token read last, after which it should come. */
  missing(message: string): void {
    this.fail(this.lastRead.span, message);
  }

  /** Reports the first unread token as unexpected, if any is left. */
  expectEnd(what: string): void {
    const token = this.peek();
    if (token) this.fail(token.span, `unexpected ${describeToken(token)}: ${what}`);
  }
}

export function describeToken(token: SetkeyToken): string {
  if (token.kind === 'string') return 'quoted string';
  const text = token.text.length > 30 ? `${token.text.slice(0, 30)}…` : token.text;
  return `"${text}"`;
}

export const isDecimal = (text: string): boolean => /^[0-9]+$/.test(text);
export const isHexNumber = (text: string): boolean => /^0[xX][0-9A-Fa-f]+$/.test(text);
/** `-m`, `-P`, `-lh`, `-4`: a dash and a letter or digit. */
export const isFlag = (token: SetkeyToken | undefined): boolean =>
  token?.kind === 'word' && token.text.length > 1 && token.text.startsWith('-') && /[A-Za-z0-9]/.test(token.text[1]);
export const ADDRESS_OPTION = /^-[46n]+$/;
