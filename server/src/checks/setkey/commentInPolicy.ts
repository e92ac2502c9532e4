import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import { syntaxRule } from '../rule';

export const setkeyCommentInPolicy = syntaxRule({
  code: SETKEY_SYNTAX.commentInPolicy,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A comment sits inside a `-P` policy',
  description:
    'From `-P` to the closing `;` setkey reads the policy as raw text, and a `#` comment there cuts it in two: setkey stops with a syntax error. Move the comment above the statement or after its `;`.',
});
