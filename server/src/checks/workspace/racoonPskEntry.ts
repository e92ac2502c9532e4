import { displayPath } from '../../workspace/nodeLayout';
import { defineWorkspaceRule } from '../workspaceRule';

export const racoonPskEntry = defineWorkspaceRule({
  code: 'racoon-psk-missing',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A remote authenticates with a pre-shared key that psk.txt does not hold',
  description:
    "A `remote` whose proposal uses `authentication_method pre_shared_key` needs the file named by `path pre_shared_key` (by default /etc/racoon/psk.txt) and, in it, a line for the peer's address or identifier. Without it phase 1 fails. Add the line, with the key agreed with the peer.",
  check(model, report) {
    for (const host of model.racoonHosts) {
      const users = host.remotes.filter((r) => r.usesPsk);
      if (users.length === 0) continue;
      if (!host.psk) {
        const where = displayPath(host.pskPath.resolved, host.layout);
        report({
          document: host.document,
          span: host.pskPath.span ?? users[0].nameSpan,
          message: `${where} does not exist in this host, but ${users.length} remote(s) authenticate with a pre-shared key: create it (mode 600) with one "peer key" line per remote`,
        });
        continue;
      }
      const identifiers = new Set(host.psk.ast.entries.map((e) => e.identifier.text.toLowerCase()));
      for (const remote of users) {
        if (remote.name === 'anonymous' || remote.name.startsWith('"')) continue;
        if (identifiers.has(remote.name.toLowerCase()) || identifiers.has('*')) continue;
        report({
          document: host.document,
          span: remote.nameSpan,
          message: `remote ${remote.name} uses a pre-shared key, but ${displayPath(host.pskPath.resolved, host.layout)} has no line for ${remote.name}: add "${remote.name}<TAB>key"`,
        });
      }
    }
  },
});
