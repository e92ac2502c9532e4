import { nodeRunsLibreswan } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { alsoTargets } from '../../workspace/effectiveConns';
import type { ConnDefinition, IpsecNode } from '../../workspace/model';
import type { Setting } from '../../parsing/ipsecConf/ast';
import type { ParsedDocument } from '../../model/document';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';

interface Placed {
  readonly setting: Setting;
  readonly document: ParsedDocument<'ipsec'>;
  readonly conn: string;
}

/** Keys whose values Libreswan joins (kt_appendstring, kt_appendlist): a second value adds to the first. */
const APPENDED = new Set(['connalias', 'leftsubnets', 'rightsubnets']);

function text(setting: Setting): string {
  return (setting.value?.text ?? '').trim();
}

/**
 * Walks a conn and the conns its also= brings in, in Libreswan's order (its own lines, then
 * each also= target, whose own also= targets join the end of the list), and reports every key
 * set twice with two different values.
 */
function conflictsOf(node: IpsecNode, definition: ConnDefinition, found: (first: Placed, second: Placed) => void): void {
  const seen = new Map<string, Placed>();
  const take = (conn: ConnDefinition): void => {
    for (const setting of conn.section.settings) {
      const key = setting.key.text.toLowerCase();
      if (!setting.equals || key === 'also' || APPENDED.has(key)) continue;
      const earlier = seen.get(key);
      const here = { setting, document: conn.document, conn: conn.name };
      if (!earlier) seen.set(key, here);
      // A key set twice in one conn is duplicate-key's to report, also when the conn is pulled in.
      else if (earlier.conn !== conn.name && text(earlier.setting).toLowerCase() !== text(setting).toLowerCase()) found(earlier, here);
    }
  };
  take(definition);
  const queue = alsoTargets(definition).map((t) => t.name);
  const visited = new Set([definition.name]);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const target = node.conns.get(name);
    if (!target || visited.has(name)) continue;
    visited.add(name);
    take(target);
    queue.push(...alsoTargets(target).map((t) => t.name));
  }
}

export const alsoConflict = defineWorkspaceRule({
  code: 'also-conflict',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A conn and a conn it pulls in with `also=` set one key to two values',
  description:
    "Libreswan does not let a conn override what its `also=` conns set: a key given two different values along the way (\"duplicate key … while processing def …\") stops the conn from loading. `%default` values may be overridden, and `connalias=`, `leftsubnets=` and `rightsubnets=` add to each other (seen with 4.10 and 5.2). strongSwan lets the conn's own line win, so a gateway that may run either gets a warning. Set the key in one place only.",
  checkNode(node, _model, report: WorkspaceReporter) {
    const libreswan = nodeRunsLibreswan(node);
    if (libreswan === 'no' && node.dialect.choice?.dialect !== 'openswan') return;
    const severity = libreswan === 'yes' ? undefined : 'warning';
    // Openswan 2.6 logs the clash and keeps the first value it read; Libreswan refuses the conn.
    const outcome = node.dialect.choice?.dialect === 'openswan' ? 'Openswan keeps the first value and ignores the other' : 'Libreswan refuses to load the conn';
    for (const definition of node.conns.values()) {
      const conn = node.effective.get(definition.name);
      if (alsoTargets(definition).length === 0 || !conn || !mayBeLoaded(node, conn)) continue;
      conflictsOf(node, definition, (first, second) => {
        const where = (p: Placed) => (p.conn === definition.name ? 'here' : `in conn ${p.conn}`);
        report({
          document: first.document,
          span: first.setting.value?.span ?? first.setting.span,
          conn: definition.name,
          message: `conn ${definition.name}: ${first.setting.key.text}=${text(first.setting)} ${where(first)}, but ${second.setting.key.text}=${text(second.setting)} ${where(second)} (pulled in by also=): ${outcome}; set it in one place`,
          related: [{ document: second.document, span: second.setting.value?.span ?? second.setting.span, message: 'the other value' }],
          severity,
        });
      });
    }
  },
});
