import { fileURLToPath } from 'node:url';
import { topLevelInReadingOrder } from '../../workspace/racoonHost';
import { displayPath } from '../../workspace/nodeLayout';
import { RemotesRead } from '../racoon/remotesRead';
import { defineWorkspaceRule } from '../workspaceRule';

export const racoonHostRemoteName = defineWorkspaceRule({
  code: 'racoon-host-remote-name',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A remote clashes with, or inherits from, a remote in another of the host\'s files',
  description:
    'racoon reads an included file where its `include` stands, and keeps one list of remotes for all the files it reads. A named remote must not reuse a name from a file read earlier, and `inherit` finds only a remote already read: one higher up in the same file, in a file included above it, or above the include that reads this file. It refuses the configuration otherwise. `racoon-remote-name` judges each file on its own; this rule judges the remotes it leaves alone, those in included files and those after an include. Move the parent above the include, or include its file first.',
  check(model, report) {
    for (const host of model.racoonHosts) {
      if (host.includes.length === 0) continue;
      const remotes = new RemotesRead('read before this one (racoon reads an included file where its include stands)');
      let afterInclude = false;
      for (const { statement, document } of topLevelInReadingOrder(host)) {
        const keyword = statement.head[0]?.text;
        if (keyword === 'include' && document === host.document) afterInclude = true;
        if (keyword !== 'remote') continue;
        // racoon-remote-name has judged what racoon.conf holds above its first include.
        const unjudged = afterInclude || document !== host.document;
        for (const problem of remotes.read(statement, document, unjudged)) {
          if (problem.kind === 'missing-parent') report({ document, span: problem.span, message: problem.message });
          if (problem.kind !== 'duplicate' || problem.earlier.document === document) continue;
          const { earlier } = problem;
          const where = displayPath(fileURLToPath(earlier.document.uri), host.layout);
          report({
            document,
            span: problem.span,
            message: `racoon has already read a remote named "${problem.name}" in ${where}, so it refuses this one: give one of them another name.`,
            related: [{ document: earlier.document, span: earlier.token.span, message: 'the first remote with this name' }],
          });
        }
      }
    }
  },
});
