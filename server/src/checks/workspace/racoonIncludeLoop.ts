import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule } from '../workspaceRule';

export const racoonIncludeLoop = defineWorkspaceRule({
  code: 'racoon-include-loop',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'racoon.conf includes a file that includes it again, or nests includes too deeply',
  description:
    'racoon reads an included file where the `include` stands and keeps no record of what it has read, so a file that includes itself, directly or through other files, is read again and again until includes nest ten deep; racoon then stops with "Includes nested too deeply" and refuses the configuration. Break the loop, or flatten a chain of includes that deep.',
  check(model, report) {
    for (const host of model.racoonHosts) {
      for (const include of host.includes) {
        if (include.loop !== undefined) {
          const again = displayPath(include.loop, host.layout);
          report({ document: include.document, span: include.span, message: `this include reads ${again} again, which is already being read: racoon follows the loop until includes nest too deeply and refuses the configuration` });
        } else if (include.tooDeep) {
          report({ document: include.document, span: include.span, message: 'includes nest deeper here than racoon allows (ten files, racoon.conf counted): it stops with "Includes nested too deeply" and refuses the configuration' });
        }
      }
    }
  },
});
