import { SECRETS_SYNTAX } from '../../parsing/secrets/parser';
import { joinNames } from '../../text/joinNames';
import { defineRule, syntaxRule } from '../rule';
import { secretsTargets } from './secretsTargets';

export const secretsMalformedEntry = defineRule({
  code: SECRETS_SYNTAX.malformedEntry,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A secrets entry is incomplete',
  description:
    'Each entry reads `[selectors] : TYPE secret`, and continuation lines must be indented. Selectors without the `:` and the secret make the daemon refuse the whole file, and so do braces outside a `: RSA { … }` key block for Libreswan and Openswan (strongSwan reads them as part of an ID, as in a `{PLACEHOLDER}` a script fills in; when the daemon is not known, that is a notice).',
  check(document, report, context) {
    for (const problem of document.ast.problems) {
      if (problem.code === SECRETS_SYNTAX.malformedEntry) report({ span: problem.span, message: problem.message, severity: problem.severity });
    }
    if (document.ast.strayBraces.length === 0) return;
    const targets = secretsTargets(document, context);
    const refusing = targets.filter((target) => target.dialect !== 'strongswan');
    if (refusing.length === 0) return;
    const unsure = refusing.length < targets.length;
    for (const brace of document.ast.strayBraces) {
      const message = `unexpected "${brace.text}" outside a ": RSA { … }" block`;
      report({ span: brace.span, message: unsure ? `${message} (${joinNames(refusing.map((t) => t.label))} refuse the file; strongSwan reads it as part of the ID)` : message, severity: unsure ? 'info' : undefined });
    }
  },
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
