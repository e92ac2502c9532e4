import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import { defineRule, type Report } from '../rule';

export const racoonBlockMismatch = defineRule({
  code: 'racoon-block-mismatch',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A block statement without its `{ … }`, or a simple statement with one',
  description:
    '`remote`, `sainfo`, `proposal`, `listen`, `padding`, `timer`, `privsep`, `mode_cfg` (at the top level), `ldapcfg` and `radiuscfg` take their settings in braces; every other statement ends with `;` and takes no braces. Only `remote "name" inherit "parent";` may end with `;` instead of a block. Add the braces, or replace them with `;`.',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const found = checkBlock(statement);
      if (found) report(found);
    }
  },
});

function checkBlock(statement: RacoonStatement): Report | undefined {
  const meaning = meaningOf(statement);
  if (meaning.kind !== 'known') return undefined;
  const { directive, keyword } = meaning;
  if (directive.opens && !statement.block) {
    const optionalWith = directive.blockOptionalWith;
    const inherits = optionalWith !== undefined && statement.head.some((t) => t.kind === 'word' && t.text === optionalWith);
    // Without `;` the parser already reports the missing semicolon.
    if (inherits && (statement.semicolon || statement.unterminated)) return undefined;
    const or = optionalWith ? ` (or, with \`${optionalWith}\`, end it with \`;\`)` : '';
    return { span: keyword.span, message: `\`${directive.name}\` needs its settings in a \`{ … }\` block${or}.` };
  }
  if (!directive.opens && statement.block) {
    return { span: statement.block.open.span, message: `\`${directive.name}\` takes no block: end it with \`;\` and move what is inside the braces elsewhere.` };
  }
  return undefined;
}
