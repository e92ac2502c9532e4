import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostStatements } from '../../workspace/racoonHost';
import { defineWorkspaceRule } from '../workspaceRule';
import { policies, selectorKey } from './setkeyMirror';

/** Addresses named by `sainfo address A … address B …`, or undefined for anonymous and other forms. */
function sainfoAddresses(head: readonly { text: string }[]): [string, string] | undefined {
  const addresses: string[] = [];
  head.forEach((token, i) => {
    // A port follows the address as its own `[port]` word, which setkey writes glued to it.
    if (token.text === 'address' && head[i + 1]) addresses.push(head[i + 1].text + (head[i + 2]?.text.startsWith('[') ? head[i + 2].text : ''));
  });
  return addresses.length === 2 ? [addresses[0], addresses[1]] : undefined;
}

export const racoonSainfoPolicy = defineWorkspaceRule({
  code: 'racoon-sainfo-policy',
  fileKinds: ['racoon'],
  defaultSeverity: 'warning',
  title: 'A sainfo matches no policy of the host\'s setkey file',
  description:
    "racoon only negotiates phase 2 for traffic the kernel's SPD sends it; a `sainfo address A … address B …` whose addresses appear in no `spdadd` of the setkey file next to racoon.conf is never used. Addresses are compared as addresses, a lone address as its full-length prefix. Align the selectors with the policies (either direction).",
  check(model, report) {
    for (const host of model.racoonHosts) {
      const folder = path.dirname(host.confPath);
      const setkey = model.setkeyFiles.filter((f) => {
        try {
          return path.dirname(fileURLToPath(f.uri)) === folder;
        } catch {
          return false;
        }
      });
      if (setkey.length === 0) continue;
      const selected = new Set(setkey.flatMap(policies).map((p) => `${p.sourceKey} ${p.destinationKey}`));
      for (const { statement, parent, document } of hostStatements(host)) {
        if (parent || statement.head[0]?.text !== 'sainfo') continue;
        const pair = sainfoAddresses(statement.head);
        if (!pair) continue;
        const [a, b] = pair;
        const [sa, sb] = [selectorKey(a), selectorKey(b)];
        if (selected.has(`${sa} ${sb}`) || selected.has(`${sb} ${sa}`)) continue;
        report({
          document,
          span: statement.head[0].span,
          message: `sainfo ${a} ↔ ${b} matches no policy in ${setkey.map((f) => path.basename(fileURLToPath(f.uri))).join(', ')}: racoon never uses it; align it with the spdadd selectors`,
        });
      }
    }
  },
});
