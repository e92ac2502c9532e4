import { pinnedBeforeModelledLibreswan } from '../../model/dialect';
import { SECRETS_SYNTAX } from '../../parsing/secrets/parser';
import { defineRule } from '../rule';
import { plutoReaders, secretsTargets, strongswanStopsHere } from './secretsTargets';
import { strongswanHangsOn } from './strongswanHang';

const HANGS = ' (strongSwan hangs here: charon loops forever on an ID that starts with #, as 5.9.8 was seen to, so it never finishes starting and no tunnel comes up)';

export const secretsMalformedEntry = defineRule({
  code: SECRETS_SYNTAX.malformedEntry,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A secrets entry is incomplete',
  description:
    'Each entry reads `[selectors] : TYPE secret`, and continuation lines must be indented. Selectors without the `:` and the secret are no entry: Libreswan and Openswan skip them, strongSwan stops reading the file there (every later entry is lost too). A `#` word among the IDs before a ` : ` on the line (`@a # office : PSK \"…\"`), which Libreswan reads as a comment, makes charon loop forever while it reads the file (seen with 5.9.8), so it never finishes starting. A lone `{` or `}` outside a `: RSA { … }` key block is no ID: after an entry\'s secret on its line, Libreswan and Openswan drop the entry ("expected record boundary in key", seen with pluto 4.10), an error; among the selectors they log an error and leave it out of the entry, a warning. strongSwan reads it as part of an ID, or ignores it after the secret; when the daemon is not known, a notice. A brace inside a word (`{PLACEHOLDER}`, `${HOST}-key.pem`) is part of the word for every daemon.',
  check(document, report, context) {
    const targets = secretsTargets(document, context);
    const stops = strongswanStopsHere(targets);
    const strongswan = targets.some((target) => target.dialect === 'strongswan');
    for (const problem of document.ast.problems) {
      if (problem.code !== SECRETS_SYNTAX.malformedEntry) continue;
      const line = document.source.lineText(document.source.positionAt(problem.span.start).line);
      const hangs = strongswan && strongswanHangsOn(line) ? HANGS : '';
      report({ span: problem.span, message: `${problem.message}${hangs || stops}`, severity: problem.severity });
    }
    if (document.ast.strayBraces.length === 0) return;
    const readers = plutoReaders(targets);
    if (!readers) return;
    const { who, plural, unsure } = readers;
    for (const { token, afterSecret } of document.ast.strayBraces) {
      const effect = afterSecret
        ? `${who} ${plural ? 'drop' : 'drops'} this entry, since its line goes on after the secret ("expected record boundary in key")`
        : `${who} ${plural ? 'take' : 'takes'} it for an ID, ${plural ? 'log' : 'logs'} an error and ${plural ? 'leave' : 'leaves'} it out of the entry`;
      const strongswanReads = afterSecret ? 'strongSwan ignores what follows the secret' : 'strongSwan reads it as part of the ID';
      report({
        span: token.span,
        message: `"${token.text}" outside a ": RSA { … }" block: ${effect}${unsure ? `; ${strongswanReads}` : ''}`,
        severity: unsure ? 'info' : afterSecret ? undefined : 'warning',
      });
    }
  },
});

export const secretsMissingSecret = defineRule({
  code: SECRETS_SYNTAX.missingSecret,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A secret type has no secret',
  description:
    'PSK, XAUTH, EAP, NTLM, PIN and PPK entries need the secret after the type, usually in double quotes. Libreswan and Openswan also read it from an indented line below, strongSwan does not: it stops reading the file there (a notice where the daemon is not known). A `:` with nothing after it (nor on an indented line below) does worse with Libreswan: pluto 4.10 and 5.0 to 5.4 were seen to crash while reading the file, at start and on `ipsec secrets`, so every tunnel of the gateway goes down.',
  check(document, report, context) {
    const targets = secretsTargets(document, context);
    const stops = strongswanStopsHere(targets);
    const empty = new Set(document.ast.entries.filter((entry) => !entry.secretType && entry.secretTokens.length === 0 && entry.colon).map((entry) => entry.colon?.start));
    // Seen with 4.10 and 5.0 to 5.4; what a 3.x release does is not known.
    const libreswan = targets.some((target) => target.dialect === 'libreswan') && !(context.dialect && pinnedBeforeModelledLibreswan(context.dialect));
    for (const problem of document.ast.problems) {
      if (problem.code !== SECRETS_SYNTAX.missingSecret) continue;
      const crash = libreswan && empty.has(problem.span.start) ? " (Libreswan's pluto crashes reading it, which takes down every tunnel of the gateway)" : '';
      report({ span: problem.span, message: `${problem.message}${crash}${stops}`, severity: problem.severity });
    }
    if (stops === '') return;
    const readers = plutoReaders(targets);
    const others = readers ? `; ${readers.who} ${readers.plural ? 'read' : 'reads'} it from the indented line` : '';
    for (const entry of document.ast.entries) {
      const type = entry.secretType;
      if (!entry.secretOnNextLine || !type) continue;
      report({ span: type.span, message: `${type.text} has no secret on its line: strongSwan does not carry an entry on to the next line, so it stops reading the file here; write the secret after ${type.text}${others}`, severity: readers ? 'info' : undefined });
    }
  },
});

export const secretsUnterminated = defineRule({
  code: SECRETS_SYNTAX.unterminated,
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A quoted secret or key block is not closed',
  description: 'Close the quote on the same line, and close an inline `{` key block with `}`. Libreswan skips an entry whose quote is not closed ("unterminated string"); strongSwan stops reading the file there ("missing second delimiter").',
  check(document, report, context) {
    const stops = strongswanStopsHere(secretsTargets(document, context));
    for (const problem of document.ast.problems) {
      if (problem.code !== SECRETS_SYNTAX.unterminated) continue;
      const quote = problem.message.startsWith('this quoted string');
      report({ span: problem.span, message: `${problem.message}${quote ? stops : ''}`, severity: problem.severity });
    }
  },
});
