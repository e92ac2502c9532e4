import { IPSEC_CONF_SYNTAX } from '../../parsing/ipsecConf/parser';
import { syntaxRule } from '../rule';

export const missingEquals = syntaxRule({
  code: IPSEC_CONF_SYNTAX.missingEquals,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A setting has no `=`',
  description: 'Every indented line in a section must read `key=value`. Add the `=` or remove the line.',
});

export const unterminatedQuote = syntaxRule({
  code: IPSEC_CONF_SYNTAX.unterminatedQuote,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A quoted value or brace list is not closed',
  description:
    'A value that opens `"` or `{` must close it on the same line. Libreswan quietly reads past the end of the line; strongSwan refuses the file. Close the quote.',
});

export const badHeader = syntaxRule({
  code: IPSEC_CONF_SYNTAX.badHeader,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A line in column 0 is not a valid header',
  description:
    'Column 0 is reserved for `config setup`, `conn NAME`, `ca NAME`, `include PATH` and `version 2.0`. Anything else there, a section without a name, or a damaged header (often from copying a config out of a web page) stops the daemon.',
});

export const unexpectedText = syntaxRule({
  code: IPSEC_CONF_SYNTAX.unexpectedText,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Extra text after a statement',
  description:
    'Each line holds one header or one `key=value`. Put further settings on their own lines, and quote values that contain spaces.',
});
