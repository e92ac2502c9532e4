import { namesOf, POLICY_ACTIONS, POLICY_DIRECTIONS, PRIORITY_KEYWORDS } from '../../knowledge/setkey';
import { closestName } from '../../text/editDistance';
import { parseAddress } from './address';
import type { IpsecRequest, PolicyPriority, SetkeyToken, SpdPolicy, TextPart } from './ast';
import type { StatementCursor } from './cursor';

type PolicyPart = Pick<SpdPolicy, 'direction' | 'priority' | 'action' | 'requests'>;

const DIRECTIONS = namesOf(POLICY_DIRECTIONS);
const ACTIONS = namesOf(POLICY_ACTIONS);
const PRIORITY_WORDS = namesOf(PRIORITY_KEYWORDS);
/** Characters setkey lets through between `-P` and `;`. */
const POLICY_CHARACTER = /^[A-Za-z0-9:.%\-+_/[\]]*$/;
const MAX_PRIORITY_OFFSET = 2147483648;
const MAX_BASE_OFFSET = 1073741824;

/**
 * Reads what follows `-P`: `direction [priority …] [action [requests…]]`. setkey hands this text
 * to libipsec's policy parser, which has its own words; quotes and most punctuation are not among them.
 */
export function parsePolicyWords(cursor: StatementCursor, flag: SetkeyToken, words: readonly TextPart[], tokens: readonly SetkeyToken[]): PolicyPart {
  const requests: IpsecRequest[] = [];
  const quoted = tokens.find((token) => token.kind === 'string');
  if (quoted) cursor.fail(quoted.span, 'a quoted string cannot appear in a -P policy');
  const stray = words.find((word) => !POLICY_CHARACTER.test(word.text));
  if (stray) cursor.fail(stray.span, `"${stray.text}" has a character setkey does not accept in a policy`);
  if (cursor.failed) return { requests };

  const [direction] = words;
  if (!direction) {
    cursor.fail(flag.span, '-P needs a direction (in, out or fwd) and a policy, e.g. -P out ipsec esp/transport//require');
    return { requests };
  }
  if (!DIRECTIONS.includes(direction.text)) {
    cursor.fail(direction.span, `the policy starts with its direction, in, out or fwd, not "${direction.text}"${suggest(direction.text, DIRECTIONS)}`);
    return { requests };
  }
  let index = 1;
  let priority: PolicyPriority | undefined;
  if (words[index] && PRIORITY_WORDS.includes(words[index].text)) {
    const keyword = words[index++];
    const valueWords: TextPart[] = [];
    while (words[index] && !ACTIONS.includes(words[index].text)) valueWords.push(words[index++]);
    priority = readPriority(cursor, keyword, valueWords);
  }
  const action = words[index++];
  if (!action) return { direction, priority, requests };
  if (!ACTIONS.includes(action.text)) {
    cursor.fail(action.span, `after the direction comes discard, none or ipsec (or entrust, bypass), not "${action.text}"${suggest(action.text, ACTIONS)}`);
    return { direction, priority, requests };
  }
  const rest = words.slice(index);
  if (action.text !== 'ipsec' && rest.length > 0) {
    cursor.fail(rest[0].span, `"${action.text}" takes no requests; only ipsec is followed by protocol/mode/src-dst/level`);
    return { direction, priority, action, requests };
  }
  for (const group of groupRequestWords(rest)) requests.push(parseRequest(group));
  return { direction, priority, action, requests };
}

function readPriority(cursor: StatementCursor, keyword: TextPart, valueWords: readonly TextPart[]): PolicyPriority {
  const value = valueWords.map((word) => word.text).join('');
  const end = valueWords.length > 0 ? valueWords[valueWords.length - 1].span.end : keyword.span.end;
  const span = { start: keyword.span.start, end };
  const problem = priorityProblem(value);
  if (problem) cursor.fail(span, `${keyword.text} ${problem}`);
  return { text: [keyword, ...valueWords].map((word) => word.text).join(' '), span, keyword, value };
}

/** libipsec accepts `N`, `-N`, `base`, `base+N` and `base-N`, with base low, def or high. */
function priorityProblem(value: string): string | undefined {
  const shape = 'takes a number (e.g. 100 or -100), or low, def or high optionally followed by +N or -N';
  const plain = /^-?([0-9]+)$/.exec(value);
  if (plain) return Number(plain[1]) > MAX_PRIORITY_OFFSET ? `offset is out of range (at most ${MAX_PRIORITY_OFFSET})` : undefined;
  const based = /^(low|def|high)(?:[+-]([0-9]+))?$/.exec(value);
  if (!based) return value === '' ? `needs a value: it ${shape}` : `"${value}": it ${shape}`;
  return based[2] !== undefined && Number(based[2]) > MAX_BASE_OFFSET ? `offset from ${based[1]} is out of range (at most ${MAX_BASE_OFFSET})` : undefined;
}

/**
 * Groups the words after `ipsec` into requests. libipsec's policy lexer skips blanks between its
 * tokens, so `esp / tunnel / 10.0.0.1 - 10.0.0.2 / require` is one request: a word joins the one
 * before it when either side of the blank is a `/` or `-`, or the word opens a `[port]`. After the
 * second `/`, a protocol keyword starts the next request instead (`esp/transport/ ah/transport//require`).
 */
export function groupRequestWords(words: readonly TextPart[]): TextPart[][] {
  const groups: TextPart[][] = [];
  let current: TextPart[] | undefined;
  let glued = '';
  for (const word of words) {
    if (current && continuesRequest(glued, word.text)) {
      current.push(word);
      glued += word.text;
      continue;
    }
    current = [word];
    glued = word.text;
    groups.push(current);
  }
  return groups;
}

function continuesRequest(glued: string, next: string): boolean {
  if (/^[-/[]/.test(next) || glued.endsWith('-')) return true;
  if (!glued.endsWith('/')) return false;
  const slashes = glued.split('/').length - 1;
  return slashes < 2 || !PROTOCOL_START.test(next);
}

/** A word libipsec's lexer starts with a protocol token: the keyword not followed by more address characters. */
const PROTOCOL_START = /^(?:esp|ah|ipcomp)(?![A-Za-z0-9:._%])/;

/** Splits `protocol/mode/src-dst/level` into its fields, with exact spans; `words` are the request's blank-separated pieces. */
export function parseRequest(words: readonly TextPart[]): IpsecRequest {
  const offsets: number[] = [];
  let text = '';
  for (const word of words) {
    for (let i = 0; i < word.text.length; i++) offsets.push(word.span.start + i);
    text += word.text;
  }
  const span = { start: words[0].span.start, end: words[words.length - 1].span.end };
  const at = (index: number): number => (index < offsets.length ? offsets[index] : span.end);
  const part = (from: number, to: number): TextPart => ({ text: text.slice(from, to), span: from < to ? { start: offsets[from], end: offsets[to - 1] + 1 } : { start: at(from), end: at(from) } });
  /** The same slice as contiguous pieces of the source, for the address parser. */
  const pieces = (from: number, to: number): TextPart[] => {
    const result: TextPart[] = [];
    let run = from;
    for (let i = from + 1; i <= to; i++) {
      if (i < to && offsets[i] === offsets[i - 1] + 1) continue;
      result.push(part(run, i));
      run = i;
    }
    return result.length > 0 ? result : [part(from, to)];
  };
  const fields: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '/') continue;
    fields.push({ from, to: i });
    from = i + 1;
  }
  const [protocolPart, modePart, endpointsPart, levelPart] = fields.map((field) => part(field.from, field.to));
  const request = {
    text,
    span,
    protocol: protocolPart.text,
    mode: modePart?.text ?? '',
    endpoints: endpointsPart?.text ?? '',
    level: levelPart?.text ?? '',
    slashes: fields.length - 1,
    protocolPart,
    modePart,
    endpointsPart,
    levelPart,
  };
  const dash = endpointsPart?.text.indexOf('-') ?? -1;
  if (!endpointsPart || dash < 0 || endpointsPart.text.indexOf('-', dash + 1) >= 0) return request;
  const start = fields[2].from;
  const tunnelSource = parseAddress(pieces(start, start + dash));
  const tunnelDestination = parseAddress(pieces(start + dash + 1, fields[2].to));
  return { ...request, tunnelSource, tunnelDestination };
}

function suggest(word: string, candidates: readonly string[]): string {
  const guess = closestName(word, candidates);
  return guess ? ` (did you mean "${guess}"?)` : '';
}
