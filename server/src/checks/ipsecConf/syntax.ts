import { lookupKeyword } from '../../knowledge/ipsecConf';
import { IPSEC_CONF_SYNTAX } from '../../parsing/ipsecConf/parser';
import { defineRule, syntaxRule } from '../rule';
import { everyTarget, isLibreswan4, valueBeforeHash } from './dialectParsers';
import { dialectTargets } from './dialectView';
import { hashWordReports } from './hashWord';
import { keyedSettings } from './keyedSettings';

export const missingEquals = defineRule({
  code: IPSEC_CONF_SYNTAX.missingEquals,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A setting has no `=`',
  description:
    'Every indented line in a section must read `key=value`. Add the `=` or remove the line. When an `=` comes later on the line, Libreswan 4 skips the text before it and reads the key with what follows (`ike aes;x=y` becomes `ike=y`): a warning with that dialect.',
  check(document, report, context) {
    const problems = document.ast.problems.filter((p) => p.code === IPSEC_CONF_SYNTAX.missingEquals);
    if (problems.length === 0) return;
    // Libreswan 4's lexer has no rule for other characters after a keyword: flex drops them up to the "=".
    const libreswan4 = everyTarget(dialectTargets(document, context), isLibreswan4);
    for (const problem of problems) {
      const line = document.source.line(document.source.positionAt(problem.span.start).line);
      const rest = document.source.text.slice(problem.span.end, line.end);
      const read = libreswan4 ? /=\s*(\S*)/.exec(rest) : null;
      if (read) report({ span: problem.span, message: `${problem.message}; Libreswan 4 skips the text up to the later "=" and reads the value after it ("${read[1]}")`, severity: 'warning' });
      else report({ span: problem.span, message: problem.message });
    }
  },
});

const STRICT_KINDS = new Set(['enum', 'enumList', 'subnet', 'subnetList', 'protoport']);

export const unterminatedQuote = defineRule({
  code: IPSEC_CONF_SYNTAX.unterminatedQuote,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A quoted value or brace list is not closed',
  description:
    'A value that opens `"` or `{` must close it on the same line. strongSwan refuses the file; Libreswan 4 keeps the quote as part of the value (a warning with that dialect). Close the quote.',
  check(document, report, context) {
    const problems = document.ast.problems.filter((p) => p.code === IPSEC_CONF_SYNTAX.unterminatedQuote);
    if (problems.length === 0) return;
    // Libreswan 4's lexer takes an unmatched `"` or `{` as an ordinary character of the value; words,
    // words and subnets with a quote in them are then refused; yes/no words and free text are loaded.
    const targets = dialectTargets(document, context);
    const libreswan4 = everyTarget(targets, isLibreswan4);
    const strictLines = new Set(
      keyedSettings(document)
        .filter(({ setting }) => targets.some((t) => STRICT_KINDS.has(lookupKeyword(setting.key.text, t.dialect, t.version).type?.kind ?? '')))
        .map(({ setting }) => setting.line),
    );
    for (const problem of problems) {
      if (libreswan4 && !strictLines.has(document.source.positionAt(problem.span.start).line)) report({ span: problem.span, message: `${problem.message}; Libreswan 4 reads the quote as part of the value`, severity: 'warning' });
      else report({ span: problem.span, message: problem.message });
    }
  },
});

export const badHeader = syntaxRule({
  code: IPSEC_CONF_SYNTAX.badHeader,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A line in column 0 is not a valid header',
  description:
    'Column 0 is reserved for `config setup`, `conn NAME`, `ca NAME`, `include PATH` and `version 2.0`. Anything else there, a section without a name, or a damaged header (often from copying a config out of a web page) stops the daemon.',
});

export const unexpectedText = defineRule({
  code: IPSEC_CONF_SYNTAX.unexpectedText,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Extra text after a statement',
  description:
    'Each line holds one header or one `key=value`. Put further settings on their own lines, and quote values that contain spaces. A comment after a statement needs a blank after `#`: Openswan and Libreswan read `left=192.0.2.1 #primary` or a lone trailing `#` as another keyword and do not load the file (strongSwan takes it as a comment); the fix inserts the blank.',
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    for (const found of hashWordReports(document, targets)) report(found);
    const problems = document.ast.problems.filter((p) => p.code === IPSEC_CONF_SYNTAX.unexpectedText);
    if (problems.length === 0) return;
    // `value#comment`: where the daemon's lexer ends the value at `#`, the rest of the line is a comment.
    const commentLines = new Set(
      keyedSettings(document)
        .filter(({ setting }) => targets.every((t) => valueBeforeHash(setting, t) !== undefined))
        .map(({ setting }) => setting.line),
    );
    for (const problem of problems) {
      if (!commentLines.has(document.source.positionAt(problem.span.start).line)) report({ span: problem.span, message: problem.message });
    }
  },
});
