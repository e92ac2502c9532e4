import { SETKEY_SYNTAX } from '../../parsing/setkey/parser';
import { syntaxRule } from '../rule';

export const setkeySyntax = syntaxRule({
  code: SETKEY_SYNTAX.malformed,
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A setkey statement does not follow the grammar',
  description:
    'Something is missing, out of place or extra in the statement, so setkey stops with a syntax error and applies nothing after it. The message says what setkey expected at that point. For reference: `add src dst protocol spi [-m mode …] -E algorithm key [-A algorithm key];` and `spdadd src_range dst_range upperspec -P direction action [requests];`.',
});
