import { RACOON_SYNTAX } from '../../parsing/racoon/parser';
import { syntaxRule } from '../rule';

export const racoonUnexpectedToken = syntaxRule({
  code: RACOON_SYNTAX.unexpectedToken,
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A `;` or `{` stands where no statement is',
  description:
    'racoon rejects an empty statement: a `;` on its own, a `;` after a block\'s closing `}` (`};`), or a `{` without a statement name in front of it (at the top level racoon skips such a `{`: a warning there). Remove the stray character, or name the block. Blocks nested hundreds of levels deep are reported here too; their contents are not checked.',
});
