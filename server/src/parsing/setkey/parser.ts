import type { SyntaxProblem } from '../../checks/finding';
import type { SourceText } from '../../text/sourceText';
import type { IpsecRequest, SetkeyFile, SetkeyStatement, SetkeyToken, SpdPolicy } from './ast';
import { lexSetkey } from './lexer';

export const SETKEY_SYNTAX = {
  missingSemicolon: 'setkey-missing-semicolon',
  unknownCommand: 'setkey-unknown-command',
  malformed: 'setkey-syntax',
  unterminatedString: 'setkey-unterminated-string',
} as const;

export const SETKEY_COMMANDS = ['add', 'get', 'delete', 'deleteall', 'flush', 'dump', 'spdadd', 'spdupdate', 'spddelete', 'spdflush', 'spddump'] as const;
const COMMANDS = new Set<string>(SETKEY_COMMANDS);
const SPD_COMMANDS = new Set(['spdadd', 'spdupdate', 'spddelete']);
const MAX_PROBLEMS = 1000;

/**
 * Parses a `setkey -f` file: statements that start with a command and end with `;`, possibly
 * across lines. A command word at the start of a line while a statement is still open means the
 * `;` was forgotten: that is reported at the end of the open statement, and parsing goes on.
 */
export function parseSetkey(source: SourceText): SetkeyFile {
  const { tokens, comments, shebang } = lexSetkey(source);
  const problems: SyntaxProblem[] = [];
  const problem = (code: string, span: { start: number; end: number }, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ code, span, message });
  };
  const statements: SetkeyStatement[] = [];
  let current: SetkeyToken[] = [];
  const close = (semicolon?: SetkeyToken): void => {
    if (current.length > 0) statements.push(buildStatement(current, semicolon, problem));
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'string' && !token.terminated) problem(SETKEY_SYNTAX.unterminatedString, token.span, 'this quoted string has no closing quote on its line');
    if (token.kind === 'semicolon') {
      if (current.length === 0) continue;
      close(token);
      continue;
    }
    if (current.length > 0 && token.startsLine && token.kind === 'word' && COMMANDS.has(token.text)) {
      const last = current[current.length - 1];
      problem(SETKEY_SYNTAX.missingSemicolon, last.span, `the "${current[0].text}" statement has no ";" at its end: add one after "${truncate(last.text)}"`);
      close();
    }
    current.push(token);
  }
  if (current.length > 0) {
    const last = current[current.length - 1];
    problem(SETKEY_SYNTAX.missingSemicolon, last.span, `the "${current[0].text}" statement has no ";" at its end: add one after "${truncate(last.text)}"`);
    close();
  }
  return { statements, comments, shebang, problems };
}

type Report = (code: string, span: { start: number; end: number }, message: string) => void;

function buildStatement(tokens: SetkeyToken[], semicolon: SetkeyToken | undefined, problem: Report): SetkeyStatement {
  const [command, ...args] = tokens;
  const span = { start: command.span.start, end: (semicolon ?? tokens[tokens.length - 1]).span.end };
  if (!COMMANDS.has(command.text)) {
    problem(SETKEY_SYNTAX.unknownCommand, command.span, `"${truncate(command.text)}" is not a setkey command: use one of ${SETKEY_COMMANDS.join(', ')}`);
    return { type: 'statement', span, command, args, semicolon };
  }
  const policy = SPD_COMMANDS.has(command.text) ? readPolicy(command, args, problem) : undefined;
  if (!policy) checkSadArguments(command, args, problem);
  return { type: 'statement', span, command, args, semicolon, policy };
}

/** spdadd/spdupdate/spddelete [-46n] src dst upperspec [label] -P direction [priority] action [requests…] */
function readPolicy(command: SetkeyToken, args: readonly SetkeyToken[], problem: Report): SpdPolicy {
  const words = args.filter((t) => !/^-[46n]$/.test(t.text));
  const [source, destination, upperLayer] = words;
  const flag = words.findIndex((t) => t.text === '-P');
  if (!source || !destination || !upperLayer || (flag >= 0 && flag < 3)) {
    problem(SETKEY_SYNTAX.malformed, command.span, `${command.text} needs a source range, a destination range and an upper-layer protocol, e.g. "${command.text} 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;"`);
    return { requests: [] };
  }
  if (flag < 0) {
    problem(SETKEY_SYNTAX.malformed, command.span, `${command.text} needs a policy: add "-P in|out|fwd" followed by discard, none or ipsec …`);
    return { source, destination, upperLayer, requests: [] };
  }
  const direction = words[flag + 1];
  let index = flag + 2;
  if (words[index] && /^(prio|priority)$/.test(words[index].text)) index += 2;
  else if (words[index] && /^(default|[+-]?\d+)$/.test(words[index].text)) index += 1;
  const action = words[index];
  const requests: IpsecRequest[] = [];
  if (!direction || !/^(in|out|fwd)$/.test(direction.text)) {
    problem(SETKEY_SYNTAX.malformed, direction?.span ?? words[flag].span, '-P must be followed by a direction: in, out or fwd');
  } else if (!action && command.text === 'spddelete') {
    // spddelete names the policy by selector and direction alone.
  } else if (!action || !/^(discard|none|ipsec|entrust|bypass|generate)$/.test(action.text)) {
    problem(SETKEY_SYNTAX.malformed, action?.span ?? direction.span, 'after the direction comes the policy: discard, none, entrust or ipsec followed by requests');
  } else if (action.text === 'ipsec') {
    for (const token of words.slice(index + 1)) requests.push(splitRequest(token));
    if (requests.length === 0 && command.text !== 'spddelete') problem(SETKEY_SYNTAX.malformed, action.span, 'an ipsec policy needs at least one request such as esp/transport//require');
  }
  return { source, destination, upperLayer, direction, action, requests };
}

function splitRequest(token: SetkeyToken): IpsecRequest {
  const [protocol = '', mode = '', endpoints = '', ...rest] = token.text.split('/');
  return { token, protocol, mode, endpoints, level: rest.join('/') };
}

/** add/get/delete/deleteall: at least source, destination and protocol (and an SPI except deleteall). */
function checkSadArguments(command: SetkeyToken, args: readonly SetkeyToken[], problem: Report): void {
  const words = args.filter((t) => !/^-[46n]$/.test(t.text));
  const needed = { add: 4, get: 4, delete: 4, deleteall: 3 }[command.text as 'add'] ?? 0;
  if (words.length < needed) {
    const shape = command.text === 'deleteall' ? 'source, destination and protocol' : 'source, destination, protocol and SPI';
    problem(SETKEY_SYNTAX.malformed, command.span, `${command.text} needs ${shape}`);
  }
}

function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
