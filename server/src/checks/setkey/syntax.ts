import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import { syntaxRule } from '../rule';

export const setkeyMissingSemicolon = syntaxRule({
  code: SETKEY_SYNTAX.missingSemicolon,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A setkey statement has no `;`',
  description: 'Every setkey statement ends with `;`; without it the next command is read as part of this one and `setkey -f` stops with a syntax error.',
});

export const setkeyUnknownCommand = syntaxRule({
  code: SETKEY_SYNTAX.unknownCommand,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A statement does not start with a setkey command',
  description: 'Statements start with add, get, delete, deleteall, flush, dump, spdadd, spdupdate, spddelete, spdflush or spddump. Shell lines (such as `setkey -c <<EOF`) do not belong in a `setkey -f` file.',
});

export const setkeySyntax = syntaxRule({
  code: SETKEY_SYNTAX.malformed,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A setkey statement is incomplete',
  description: 'A statement misses a part setkey requires: addresses and protocol for SA commands; ranges, upper-layer protocol and `-P direction policy` for policy commands.',
});

export const setkeyUnterminatedString = syntaxRule({
  code: SETKEY_SYNTAX.unterminatedString,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A quoted key is not closed',
  description: 'Close the quote on the same line.',
});
