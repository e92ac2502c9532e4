import { RACOON_SYNTAX } from '../../parsing/racoon/parser';
import { syntaxRule } from '../rule';

export const racoonUnterminatedString = syntaxRule({
  code: RACOON_SYNTAX.unterminatedString,
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A quoted string is not closed on its line',
  description:
    'File names, identities and other strings go in double quotes, and the closing quote belongs on the same line. racoon would otherwise read everything up to the next `"` in the file as part of the string. Add the missing `"`.',
});
