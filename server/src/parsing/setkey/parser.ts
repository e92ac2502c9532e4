import { isSaProtocol, isSetkeyCommand, SA_PROTOCOL_NAMES, SETKEY_COMMAND_NAMES, SETKEY_COMMANDS } from '../../knowledge/setkey';
import { closestName } from '../../text/editDistance';
import type { SourceText, Span } from '../../text/sourceText';
import type { SetkeyFile, SetkeyStatement, SetkeyToken } from './ast';
import { ADDRESS_OPTION, describeToken, ProblemSink, SETKEY_SYNTAX, StatementCursor } from './cursor';
import { lexSetkey } from './lexer';
import { parseSaArguments } from './saStatement';
import { parsePolicyArguments } from './spdStatement';

export { SETKEY_SYNTAX } from './cursor';

const EXIT_COMMANDS = new Set(['exit', 'quit', 'bye']);

/**
 * Parses a `setkey -f` file: statements that start with a command and end with `;`, possibly
 * across lines. A command word at the start of a line while a statement is still open means the
 * `;` was forgotten: that is reported at the end of the open statement, and parsing goes on.
 * Never throws; linear in the size of the text.
 */
export function parseSetkey(source: SourceText): SetkeyFile {
  const { tokens, comments, shebang } = lexSetkey(source);
  const shellScript = shebang !== undefined && !source.slice(shebang).includes('setkey');
  const sink = new ProblemSink();
  const statements: SetkeyStatement[] = [];
  let open: SetkeyToken[] = [];
  const close = (semicolon?: SetkeyToken): void => {
    // An unknown command is reported once, not again for its missing `;`.
    if (!semicolon && open[0].kind === 'word' && isSetkeyCommand(open[0].text)) reportMissingSemicolon(sink, open);
    statements.push(parseStatement(open, semicolon, sink, shellScript));
    open = [];
  };
  for (const token of tokens) {
    if (token.kind === 'string' && !token.terminated) {
      sink.add(SETKEY_SYNTAX.unterminatedString, token.span, 'this quoted string is not closed on its line: add the closing " (setkey would read on to the next quote, swallowing what lies between)');
    }
    if (token.kind === 'semicolon') {
      const command = open[0];
      if (open.length > 0) close(token);
      // parse.y has no empty statement: `;;` is a syntax error at the second `;`.
      else if (!shellScript) sink.add(SETKEY_SYNTAX.malformed, token.span, 'a ";" with no statement before it: setkey stops with a syntax error here; remove it');
      // `exit;` (also quit, bye) accepts the input there (parse.y: YYACCEPT): nothing after it is read.
      if (command?.kind === 'word' && EXIT_COMMANDS.has(command.text)) break;
      continue;
    }
    if (open.length > 0 && token.startsLine && token.kind === 'word' && isSetkeyCommand(token.text)) close();
    open.push(token);
  }
  if (open.length > 0) close();
  reportCommentsInPolicies(sink, statements, comments);
  return { statements, comments, shebang, shellScript, problems: sink.problems };
}

function reportMissingSemicolon(sink: ProblemSink, tokens: readonly SetkeyToken[]): void {
  const last = tokens[tokens.length - 1];
  const shown = last.kind === 'string' ? 'the quoted string' : describeToken(last);
  sink.add(SETKEY_SYNTAX.missingSemicolon, last.span, `the "${tokens[0].text}" statement does not end with ";": add one after ${shown}`);
}

function parseStatement(tokens: readonly SetkeyToken[], semicolon: SetkeyToken | undefined, sink: ProblemSink, shellScript: boolean): SetkeyStatement {
  const [command, ...rawArgs] = tokens;
  const span = { start: command.span.start, end: (semicolon ?? tokens[tokens.length - 1]).span.end };
  const args = withoutBackslashes(rawArgs, sink);
  const base = { type: 'statement', span, command, args, semicolon, addressOptions: [] } as const;
  if (command.kind !== 'word' || !isSetkeyCommand(command.text)) {
    if (!shellScript) sink.add(SETKEY_SYNTAX.unknownCommand, command.span, unknownCommandMessage(command));
    return base;
  }
  const definition = SETKEY_COMMANDS[command.text];
  const cursor = new StatementCursor(args, command, sink);
  const addressOptions: SetkeyToken[] = [];
  if (definition.shape === 'security-association' || definition.shape === 'policy') {
    while (cursor.peek()?.kind === 'word' && ADDRESS_OPTION.test(cursor.peek()?.text ?? '')) addressOptions.push(cursor.next() as SetkeyToken);
  }
  const statement = { ...base, name: definition.name, addressOptions };
  switch (definition.shape) {
    case 'security-association':
      return { ...statement, sa: parseSaArguments(cursor, definition) };
    case 'policy':
      return { ...statement, policy: parsePolicyArguments(cursor, definition) };
    case 'protocol-filter': {
      const protocol = cursor.peek()?.kind === 'word' && isSaProtocol(cursor.peek()?.text ?? '') ? cursor.next() : undefined;
      cursor.expectEnd(`${command.text} takes at most a protocol (${SA_PROTOCOL_NAMES.join(', ')})`);
      return { ...statement, protocol };
    }
    case 'bare':
      cursor.expectEnd(`${command.text} takes no arguments`);
      return statement;
  }
}

/** setkey has no line continuation: a statement simply runs on to its `;`, and a `\` is a syntax error. */
function withoutBackslashes(args: readonly SetkeyToken[], sink: ProblemSink): SetkeyToken[] {
  const kept: SetkeyToken[] = [];
  for (const token of args) {
    if (token.kind === 'word' && token.text === '\\') {
      sink.add(SETKEY_SYNTAX.malformed, token.span, 'setkey does not continue lines with "\\": a statement already runs on until its ";", so remove the backslash');
    } else {
      kept.push(token);
    }
  }
  return kept;
}

function unknownCommandMessage(command: SetkeyToken): string {
  const text = command.kind === 'string' ? 'a quoted string' : describeToken(command);
  const word = command.text;
  if (command.kind === 'word' && (word === 'EOF' || word.endsWith('setkey') || word.includes('/') || word.includes('$') || word.includes('<<'))) {
    return `${text} is a shell line, not a setkey statement: a setkey -f file holds only setkey statements`;
  }
  const guess = command.kind === 'word' ? closestName(word, SETKEY_COMMAND_NAMES) : undefined;
  return guess
    ? `${text} is not a setkey command: did you mean "${guess}"?`
    : `${text} is not a setkey command: statements start with add, spdadd, flush, spdflush, … and end with ";"`;
}

/**
 * Between `-P` and `;` setkey reads raw policy text in which `#` has no place: a comment there
 * splits the policy in two and setkey stops with a syntax error.
 */
function reportCommentsInPolicies(sink: ProblemSink, statements: readonly SetkeyStatement[], comments: readonly Span[]): void {
  let next = 0;
  for (const statement of statements) {
    const flag = statement.policy?.flag;
    if (!flag) continue;
    const end = statement.semicolon?.span.start ?? statement.span.end;
    while (next < comments.length && comments[next].start < flag.span.end) next++;
    for (let i = next; i < comments.length && comments[i].start < end; i++) {
      sink.add(SETKEY_SYNTAX.commentInPolicy, comments[i], 'a comment between -P and ";" breaks the policy: setkey stops with a syntax error. Move the comment before the statement or after its ";"');
    }
  }
}
