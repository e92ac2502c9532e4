import type { RacoonStatement, RacoonToken } from '../../parsing/racoon/ast';
import { racoonStatements } from '../../parsing/racoon/walk';
import { closestName } from '../../text/editDistance';
import { defineRule } from '../rule';

export const racoonRemoteNames = defineRule({
  code: 'racoon-remote-name',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'Two remote blocks share a name, or one inherits from a name not defined above it',
  description:
    'A named remote (`remote "office" { … }`) must be unique, and `inherit "parent"` can only copy a remote that racoon has already read, that is, one defined higher up in the file or in a file included before it. racoon refuses the configuration otherwise. Rename the duplicate, or move the parent block above the one that inherits from it.',
  check(document, report) {
    const { source, uri } = document;
    const defined = new Map<string, RacoonToken>();
    let includedBefore = false;
    for (const { statement, depth } of racoonStatements(document.ast)) {
      if (depth > 0) continue;
      const keyword = statement.head[0]?.text;
      if (keyword === 'include') includedBefore = true;
      if (keyword !== 'remote') continue;
      const { name, parent } = namesOf(statement);
      if (!name) continue;
      const earlier = defined.get(name.text);
      if (earlier) {
        report({
          span: name.span,
          message: `A remote named "${name.text}" is already defined on line ${source.positionAt(earlier.span.start).line + 1}: give this one another name.`,
          related: [{ uri, range: source.rangeOf(earlier.span), message: 'the first remote with this name' }],
        });
      } else {
        defined.set(name.text, name);
      }
      if (parent && !includedBefore && !defined.has(parent.text)) {
        const guess = closestName(parent.text, [...defined.keys()]);
        const hint = guess ? ` Did you mean "${guess}"?` : ' Define it above this block.';
        report({ span: parent.span, message: `No remote named "${parent.text}" is defined above this one, so racoon cannot inherit from it.${hint}` });
      }
    }
  },
});

/** The quoted name of `remote "name" [inherit "parent"]`; the address form is left alone. */
function namesOf(statement: RacoonStatement): { name?: RacoonToken; parent?: RacoonToken } {
  const [, name, inherit, parent] = statement.head;
  if (name?.kind !== 'string') return {};
  const inherits = inherit?.kind === 'word' && inherit.text === 'inherit' && parent?.kind === 'string';
  return { name, parent: inherits ? parent : undefined };
}
