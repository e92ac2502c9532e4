import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import { syntaxRule } from '../rule';

export const setkeyUnterminatedString = syntaxRule({
  code: SETKEY_SYNTAX.unterminatedString,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A quoted string is not closed',
  description:
    'A quoted key or tag has no closing `"` on its line. setkey would read on to the next quote in the file, swallowing the statements in between. Add the closing quote.',
});
