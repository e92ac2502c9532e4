import { SECRETS_SYNTAX } from '../../parsing/secrets/parser';
import { syntaxRule } from '../rule';

export const secretsMalformedEntry = syntaxRule({
  code: SECRETS_SYNTAX.malformedEntry,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A secrets entry is incomplete',
  description:
    'Each entry reads `[selectors] : TYPE secret`, and continuation lines must be indented. Selectors without the `:` and the secret, or stray braces, make the daemon refuse the whole file.',
});

export const secretsMissingSecret = syntaxRule({
  code: SECRETS_SYNTAX.missingSecret,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A secret type has no secret',
  description: 'PSK, XAUTH, EAP, NTLM, PIN and PPK entries need the secret on the same line as the type, usually in double quotes.',
});

export const secretsUnterminated = syntaxRule({
  code: SECRETS_SYNTAX.unterminated,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A quoted secret or key block is not closed',
  description: 'Close the quote on the same line, and close an inline `{` key block with `}`.',
});
