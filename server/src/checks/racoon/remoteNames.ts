import { racoonStatements } from '../../parsing/racoon/walk';
import { defineRule } from '../rule';
import { ANONYMOUS_PARENT_MESSAGE, RemotesRead } from './remotesRead';

export const racoonRemoteNames = defineRule({
  code: 'racoon-remote-name',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'Two remote blocks share a name, or one inherits from a remote not defined above it',
  description:
    'A named remote (`remote "office" { … }`) must be unique, and `inherit` can only copy a remote that racoon has already read, that is, one defined higher up in the file: `inherit "parent"` names it, `inherit 192.0.2.1` gives its address. racoon never inherits from `anonymous`, which it leaves out of that search. It refuses the configuration otherwise. Remotes read after an include, and those in a file racoon.conf includes, are judged with the whole host by `racoon-host-remote-name`; a file no racoon.conf includes whose name does not mention racoon (`peer.conf`) is not searched for parents, since it is usually included after remotes it cannot see. Rename the duplicate, move the parent block above the one that inherits from it, or copy the settings of the anonymous remote.',
  check(document, report, context) {
    const { source, uri } = document;
    const remotes = new RemotesRead('defined above this one');
    // racoon.conf reads a file like racoon.d/peer.conf where it includes it, after remotes this file cannot see.
    let includedBefore = context.readThroughInclude === true || !/racoon/i.test(uri.slice(uri.lastIndexOf('/') + 1));
    for (const { statement, depth } of racoonStatements(document.ast)) {
      if (depth > 0) continue;
      const keyword = statement.head[0]?.text;
      if (keyword === 'include') includedBefore = true;
      if (keyword !== 'remote') continue;
      for (const problem of remotes.read(statement, document, !includedBefore)) {
        if (problem.kind === 'duplicate') {
          const { earlier } = problem;
          report({
            span: problem.span,
            message: `A remote named "${problem.name}" is already defined on line ${source.positionAt(earlier.token.span.start).line + 1}: give this one another name.`,
            related: [{ uri, range: source.rangeOf(earlier.token.span), message: 'the first remote with this name' }],
          });
        } else {
          report({ span: problem.span, message: problem.kind === 'anonymous-parent' ? ANONYMOUS_PARENT_MESSAGE : problem.message });
        }
      }
    }
  },
});
