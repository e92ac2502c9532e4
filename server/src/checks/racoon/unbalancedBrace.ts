import { RACOON_SYNTAX } from '../../parsing/racoon/parser';
import { syntaxRule } from '../rule';

export const racoonUnbalancedBrace = syntaxRule({
  code: RACOON_SYNTAX.unbalancedBrace,
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A `{` is never closed, or a `}` closes nothing',
  description:
    'Every block (`remote`, `proposal`, `sainfo`, `listen`, …) must end with `}`. racoon stops at the first unbalanced brace and loads nothing. The finding points at the `{` that was never closed, or at the `}` with no block to close: add the missing `}` after the block\'s last statement, or delete the extra one.',
});
