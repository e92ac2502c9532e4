import type { SyntaxProblem } from '../../checks/finding';
import { findDirective, isStatementKeyword, isTopLevelOnly, sectionOpenedBy } from '../../knowledge/racoon';
import type { SourceText, Span } from '../../text/sourceText';
import type { RacoonBlock, RacoonFile, RacoonItem, RacoonPlace, RacoonStatement, RacoonToken } from './ast';
import { lexRacoon } from './lexer';

export const RACOON_SYNTAX = {
  unbalancedBrace: 'racoon-unbalanced-brace',
  missingSemicolon: 'racoon-missing-semicolon',
  unterminatedString: 'racoon-unterminated-string',
  unexpectedToken: 'racoon-unexpected-token',
} as const;

/** Enough to show every real mistake; a pathological file should not build a huge list. */
const MAX_PROBLEMS = 1000;
/** racoon's blocks nest three deep; past this depth a block's contents are skipped, not built. */
export const MAX_RACOON_DEPTH = 256;

type Mutable<T> = { -readonly [P in keyof T]: T[P] };
type BuildingBlock = Omit<Mutable<RacoonBlock>, 'items' | 'span'> & { items: RacoonItem[]; span: Mutable<Span> };
type BuildingStatement = Omit<Mutable<RacoonStatement>, 'head' | 'comments' | 'span' | 'block'> & {
  head: RacoonToken[];
  comments: RacoonToken[];
  span: Mutable<Span>;
  block?: BuildingBlock;
};

/** A block too deep to build: its braces are only counted until it closes. */
interface SkippedBlock {
  readonly block: BuildingBlock;
  readonly owner: BuildingStatement;
  depth: number;
}

interface Frame {
  readonly items: RacoonItem[];
  readonly section: RacoonPlace;
  readonly owner?: BuildingStatement;
  readonly block?: BuildingBlock;
}

/**
 * Parses racoon.conf into statements and nested blocks. Works on a flat token list with an
 * explicit stack of open blocks, so nesting depth costs no call stack, and always returns a tree.
 */
export function parseRacoon(source: SourceText): RacoonFile {
  return new RacoonParser(lexRacoon(source.text)).parse();
}

class RacoonParser {
  private readonly problems: SyntaxProblem[] = [];
  private readonly topItems: RacoonItem[] = [];
  private readonly frames: Frame[] = [{ items: this.topItems, section: 'top' }];
  private current: BuildingStatement | undefined;
  private skipped: SkippedBlock | undefined;
  /** `{` that no later `}` will match; only then may a top-level keyword close blocks early. */
  private unmatchedOpens: number;
  private lastEnd = 0;

  constructor(private readonly tokens: readonly RacoonToken[]) {
    this.unmatchedOpens = countUnmatchedOpens(tokens);
  }

  parse(): RacoonFile {
    for (const token of this.tokens) {
      if (token.closedOnLaterLine) {
        this.report(RACOON_SYNTAX.unterminatedString, token.span, 'This string is closed only on a later line: racoon keeps the line break in the value. Close it on its own line.');
      } else if (!token.terminated) {
        this.report(RACOON_SYNTAX.unterminatedString, token.span, 'This string has no closing `"` on its line: close it, or racoon reads on to the next quote in the file.');
      }
      if (this.skipped) this.skip(token, this.skipped);
      else this.accept(token);
      this.lastEnd = token.span.end;
    }
    if (this.current) this.endWithoutTerminator(this.current);
    if (this.skipped) this.abandonSkipped(this.skipped);
    this.closeUnfinishedBlocks();
    return { items: this.topItems, tokens: this.tokens, problems: this.problems };
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private accept(token: RacoonToken): void {
    if (token.kind === 'comment') {
      if (this.current) this.current.comments.push(token);
      else this.frame.items.push({ type: 'comment', span: token.span, token });
      return;
    }
    const statement = this.current;
    if (statement) {
      if (token.kind === 'semicolon') {
        statement.semicolon = token;
        statement.span.end = token.span.end;
        this.current = undefined;
        return;
      }
      if (token.kind === 'open') {
        this.openBlock(statement, token);
        this.current = undefined;
        return;
      }
      if (token.kind !== 'close' && !this.startsNextStatement(token)) {
        statement.head.push(token);
        statement.span.end = token.span.end;
        return;
      }
      this.endWithoutTerminator(statement);
      this.current = undefined;
    }
    this.acceptAtStatementStart(token);
  }

  private acceptAtStatementStart(token: RacoonToken): void {
    switch (token.kind) {
      case 'close':
        this.closeBlock(token);
        return;
      case 'semicolon':
        this.frame.items.push({ type: 'stray', span: token.span, token });
        this.report(RACOON_SYNTAX.unexpectedToken, token.span, 'racoon does not accept a `;` here (not even after `}`): remove it.');
        return;
      case 'open': {
        // At the top level `{` starts no token of cftoken.l, and racoon's lexer skips it (`racoon -t` loads `{ }`).
        if (this.frames.length === 1) this.report(RACOON_SYNTAX.unexpectedToken, token.span, 'This `{` has no statement before it; racoon skips it here: name the block (for example `remote anonymous {`) or remove the braces.', 'warning');
        else this.report(RACOON_SYNTAX.unexpectedToken, token.span, 'This `{` has no statement before it: name the block (for example `remote anonymous {`) or remove the braces.');
        const nameless = this.startStatement(token);
        nameless.head.pop();
        this.openBlock(nameless, token);
        return;
      }
      default:
        this.closeBlocksBeforeTopLevelKeyword(token);
        this.current = this.startStatement(token);
    }
  }

  private startStatement(token: RacoonToken): BuildingStatement {
    const statement: BuildingStatement = {
      type: 'statement',
      span: { start: token.span.start, end: token.span.end },
      head: [token],
      unterminated: false,
      place: this.frame.section,
      comments: [],
      meaning: undefined,
    };
    this.frame.items.push(statement);
    return statement;
  }

  /** A keyword of this section at the start of a line ends a statement whose `;` was forgotten. */
  private startsNextStatement(token: RacoonToken): boolean {
    const section = this.frame.section;
    return token.startsLine && token.kind === 'word' && section !== 'unknown' && isStatementKeyword(section, token.text);
  }

  private openBlock(statement: BuildingStatement, open: RacoonToken): void {
    const keyword = statement.head[0];
    const section = keyword?.kind === 'word' ? sectionOpenedBy(statement.place, keyword.text) : undefined;
    const block: BuildingBlock = { type: 'block', span: { start: open.span.start, end: open.span.end }, open, section: section ?? 'unknown', items: [] };
    statement.block = block;
    statement.span.end = open.span.end;
    if (this.frames.length > MAX_RACOON_DEPTH) {
      block.section = 'unknown';
      this.skipped = { block, owner: statement, depth: 1 };
      this.report(RACOON_SYNTAX.unexpectedToken, open.span, `Blocks nest more than ${MAX_RACOON_DEPTH} deep here, where racoon never nests more than three: this block is not checked. Close the blocks above.`);
      return;
    }
    this.frames.push({ items: block.items, section: block.section, owner: statement, block });
  }

  private skip(token: RacoonToken, skipped: SkippedBlock): void {
    if (token.kind === 'open') skipped.depth++;
    if (token.kind !== 'close' || --skipped.depth > 0) return;
    skipped.block.close = token;
    skipped.block.span.end = token.span.end;
    skipped.owner.span.end = token.span.end;
    this.skipped = undefined;
  }

  private abandonSkipped(skipped: SkippedBlock): void {
    skipped.block.span.end = this.lastEnd;
    skipped.owner.span.end = this.lastEnd;
    this.report(RACOON_SYNTAX.unbalancedBrace, skipped.block.open.span, 'This `{` is never closed: add `}` after the block\'s last statement.');
  }

  private closeBlock(close: RacoonToken): void {
    const frame = this.frame;
    if (!frame.block || !frame.owner) {
      this.frame.items.push({ type: 'stray', span: close.span, token: close });
      this.report(RACOON_SYNTAX.unbalancedBrace, close.span, 'This `}` closes no block: remove it, or add the `{` it was meant to close.');
      return;
    }
    this.frames.pop();
    frame.block.close = close;
    frame.block.span.end = close.span.end;
    frame.owner.span.end = close.span.end;
  }

  /**
   * When braces do not balance and a keyword that only lives at the top level (`remote`, `sainfo` and the like)
   * starts a line inside a block, the blocks around it were most likely never closed.
   */
  private closeBlocksBeforeTopLevelKeyword(token: RacoonToken): void {
    const depth = this.frames.length - 1;
    if (depth === 0 || depth > this.unmatchedOpens || !token.startsLine || token.kind !== 'word') return;
    if (!isTopLevelOnly(token.text)) return;
    while (this.frames.length > 1) this.abandonFrame(this.lastEnd);
    this.unmatchedOpens -= depth;
  }

  private endWithoutTerminator(statement: BuildingStatement): void {
    statement.unterminated = true;
    const keyword = statement.head[0];
    const last = statement.head[statement.head.length - 1];
    if (!keyword || keyword.kind !== 'word' || statement.place === 'unknown') return;
    // The `;` is most likely inside the string left open; that problem is reported already.
    if (!last.terminated) return;
    if (!isStatementKeyword(statement.place, keyword.text)) return;
    const directive = findDirective(statement.place, keyword.text, statement.head[1]?.text);
    if (directive?.opens && !directive.blockOptionalWith) return;
    this.report(RACOON_SYNTAX.missingSemicolon, last.span, `The \`${keyword.text}\` statement does not end with \`;\`: add one here.`);
  }

  private closeUnfinishedBlocks(): void {
    while (this.frames.length > 1) this.abandonFrame(this.lastEnd);
  }

  private abandonFrame(end: number): void {
    const frame = this.frames.pop();
    if (!frame?.block || !frame.owner) return;
    frame.block.span.end = Math.max(frame.block.span.end, end);
    frame.owner.span.end = frame.block.span.end;
    const name = frame.owner.head[0]?.kind === 'word' ? ` of \`${frame.owner.head[0].text}\`` : '';
    this.report(RACOON_SYNTAX.unbalancedBrace, frame.block.open.span, `This \`{\`${name} is never closed: add \`}\` after the block's last statement.`);
  }

  private report(code: string, span: Span, message: string, severity?: 'warning'): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(severity ? { code, span, message, severity } : { code, span, message });
  }
}

function countUnmatchedOpens(tokens: readonly RacoonToken[]): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'open') depth++;
    else if (token.kind === 'close' && depth > 0) depth--;
  }
  return depth;
}
