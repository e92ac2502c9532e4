import type { SyntaxProblem } from '../../checks/finding';
import type { SourceText, Span } from '../../text/sourceText';
import type { SecretEntry, SecretsFile, SecretsInclude, SecretsToken, StrayBrace } from './ast';
import { lexSecrets } from './lexer';

export const SECRETS_SYNTAX = {
  malformedEntry: 'secrets-malformed-entry',
  missingSecret: 'secrets-missing-secret',
  unterminated: 'secrets-unterminated',
} as const;

const MAX_PROBLEMS = 1000;

/** Secret types whose secret must follow on the same line. */
const NEEDS_SECRET = new Set(['PSK', 'XAUTH', 'EAP', 'NTLM', 'PIN', 'PPK', 'PPKS']);

/**
 * Parses ipsec.secrets: `[selectors] : TYPE secret…` entries that may start on one line and
 * continue on indented lines, `include PATH`, and inline `: RSA { … }` key blocks.
 */
export function parseSecrets(source: SourceText): SecretsFile {
  const { tokens, comments } = lexSecrets(source);
  const problems: SyntaxProblem[] = [];
  const entries: SecretEntry[] = [];
  const includes: SecretsInclude[] = [];
  const strayBraces: StrayBrace[] = [];
  for (const token of tokens) {
    if (!token.terminated) {
      problems.push({ code: SECRETS_SYNTAX.unterminated, span: token.span, message: 'this quoted string has no closing quote on its line' });
    }
  }

  let i = 0;
  let selectors: SecretsToken[] = [];
  const flushDangling = (): void => {
    if (selectors.length === 0) return;
    problems.push({
      code: SECRETS_SYNTAX.malformedEntry,
      span: { start: selectors[0].span.start, end: selectors[selectors.length - 1].span.end },
      message: 'these selectors are not followed by ": TYPE secret": finish the entry or remove the line',
    });
    selectors = [];
  };

  while (i < tokens.length) {
    const token = tokens[i];
    if (token.atColumnZero && selectors.length > 0 && selectors[0].line !== token.line) flushDangling();
    if (token.kind === 'word' && token.text === 'include' && token.atColumnZero) {
      const next = tokens[i + 1];
      const path = next && next.line === token.line ? next : undefined;
      if (!path) problems.push({ code: SECRETS_SYNTAX.malformedEntry, span: token.span, message: 'include needs a file name or glob' });
      includes.push({ type: 'include', span: { start: token.span.start, end: (path ?? token).span.end }, keyword: token, path });
      i += path ? 2 : 1;
      continue;
    }
    const colon = colonOf(token);
    if (colon === undefined) {
      if (token.kind === 'close' || token.kind === 'open') {
        const previous = entries[entries.length - 1];
        const afterSecret = selectors.length === 0 && previous !== undefined && previous.span.end <= token.span.start && source.positionAt(previous.span.end).line === token.line;
        if (strayBraces.length < MAX_PROBLEMS) strayBraces.push({ token, afterSecret });
      } else {
        selectors.push(token);
      }
      i++;
      continue;
    }
    if (colon.selector) selectors.push(colon.selector);
    const result = readSecret(tokens, i + 1, problems);
    const start = selectors[0]?.span.start ?? token.span.start;
    const first = selectors[0] ?? token;
    entries.push({
      type: 'entry',
      span: { start, end: result.end ?? colon.span.end },
      selectors,
      colon: colon.span,
      secretType: result.secretType,
      secretTokens: result.secretTokens,
      block: result.block,
      secretOnNextLine: result.secretOnNextLine,
      startsIndented: (first.startsLine && !first.atColumnZero) || undefined,
    });
    if (!result.secretType && result.secretTokens.length === 0) {
      problems.push({ code: SECRETS_SYNTAX.missingSecret, span: colon.span, message: 'nothing follows ":": write a type and a secret, e.g. : PSK "…"' });
    }
    selectors = [];
    i = result.next;
  }
  flushDangling();
  return { entries, includes, comments, strayBraces, problems };
}

interface ColonSplit {
  readonly span: Span;
  readonly selector?: SecretsToken;
}

/** A lone `:` token, or a word glued to its colon such as `host.example:`. */
function colonOf(token: SecretsToken): ColonSplit | undefined {
  if (token.kind !== 'word') return undefined;
  if (token.text === ':') return { span: token.span };
  if (token.text.endsWith(':') && !token.text.endsWith('::')) {
    const end = token.span.end - 1;
    return {
      span: { start: end, end: token.span.end },
      selector: { ...token, span: { start: token.span.start, end }, text: token.text.slice(0, -1) },
    };
  }
  return undefined;
}

interface SecretRead {
  readonly secretType?: SecretsToken;
  readonly secretTokens: SecretsToken[];
  readonly block?: Span;
  readonly end?: number;
  readonly next: number;
  readonly secretOnNextLine?: true;
}

function readSecret(tokens: readonly SecretsToken[], from: number, problems: SyntaxProblem[]): SecretRead {
  const first = tokens[from];
  if (!first || first.atColumnZero) return { secretTokens: [], next: from };
  if (first.kind === 'string') return { secretTokens: [first], end: first.span.end, next: from + 1 };
  if (first.kind !== 'word') return { secretTokens: [], next: from };
  const secretType = first;
  const next = tokens[from + 1];
  if (next && next.kind === 'open') return readBlock(tokens, from + 1, secretType, problems);
  const secretTokens: SecretsToken[] = [];
  let i = from + 1;
  // Libreswan reads the secret from an indented line below the type as part of the entry; strongSwan does not (secretOnNextLine).
  const continued = next !== undefined && next.line !== secretType.line && !next.atColumnZero && next.kind !== 'open' && next.kind !== 'close';
  const secretLine = continued ? next.line : secretType.line;
  while (i < tokens.length && tokens[i].line === secretLine && tokens[i].kind !== 'open' && tokens[i].kind !== 'close') {
    secretTokens.push(tokens[i]);
    i++;
  }
  if (secretTokens.length === 0 && NEEDS_SECRET.has(secretType.text.toUpperCase())) {
    problems.push({
      code: SECRETS_SYNTAX.missingSecret,
      span: secretType.span,
      message: `${secretType.text} needs its secret on the same line, e.g. ${secretType.text} "…"`,
    });
  }
  const last = secretTokens[secretTokens.length - 1] ?? secretType;
  return { secretType, secretTokens, end: last.span.end, next: i, secretOnNextLine: continued || undefined };
}

function readBlock(tokens: readonly SecretsToken[], openIndex: number, secretType: SecretsToken, problems: SyntaxProblem[]): SecretRead {
  const open = tokens[openIndex];
  for (let i = openIndex + 1; i < tokens.length; i++) {
    if (tokens[i].kind === 'close') {
      const block = { start: open.span.start, end: tokens[i].span.end };
      return { secretType, secretTokens: [], block, end: block.end, next: i + 1 };
    }
  }
  problems.push({ code: SECRETS_SYNTAX.unterminated, span: open.span, message: 'this "{" key block is never closed with "}"' });
  return { secretType, secretTokens: [], block: { start: open.span.start, end: tokens[tokens.length - 1].span.end }, next: tokens.length };
}
