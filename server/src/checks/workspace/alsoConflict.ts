import { nodeRunsLibreswan } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { alsoTargets } from '../../workspace/effectiveConns';
import type { ConnDefinition, IpsecNode } from '../../workspace/model';
import type { Setting } from '../../parsing/ipsecConf/ast';
import type { ParsedDocument } from '../../model/document';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { DIALECT_TRAITS, expandVersion } from '../../knowledge/ipsecConf';
import { aliasRepeatIn, libreswanAliasSlot } from '../../knowledge/ipsecConf/libreswanAliases';
import { aliasRepeatVerdict, libreswanRepeatVerdict } from '../ipsecConf/libreswanRepeat';

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
 * each also= target, whose own also= targets join the end of the list), and hands over every
 * slot filled twice, by one key or by two names of one setting.
 */
function conflictsOf(node: IpsecNode, definition: ConnDefinition, slotOf: (key: string) => string, found: (first: Placed, second: Placed) => void): void {
  const seen = new Map<string, Placed>();
  const take = (conn: ConnDefinition): void => {
    for (const setting of conn.section.settings) {
      const key = setting.key.text.toLowerCase();
      if (!setting.equals || key === 'also' || APPENDED.has(key)) continue;
      const slot = slotOf(key);
      const earlier = seen.get(slot);
      const here = { setting, document: conn.document, conn: conn.name };
      if (!earlier) seen.set(slot, here);
      // A key set twice in one conn is duplicate-key's to report, also when the conn is pulled in.
      else if (earlier.conn !== conn.name) found(earlier, here);
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
  title: 'A conn and a conn it pulls in with `also=` set one key twice',
  description:
    "Libreswan does not let a conn override what its `also=` conns set: a key given two values along the way (\"duplicate key … while processing def …\") stops the conn from loading, as does one setting under two of its names (`keylife=` here, `salifetime=` there). Each release compares the two values as it would in one conn: a yes/no, number or duration by what it reads before 5.4 (`1h` and `60m` agree), a text key always before 5.3 (even the same text twice), and from 5.4 every value by its text. `%default` values may be overridden, and `connalias=`, `leftsubnets=` and `rightsubnets=` add to each other (seen with 4.10, 5.2, 5.3.2 and 5.4). strongSwan lets the conn's own line win, so a gateway that may run either gets a warning, as does one where only some Libreswan releases refuse the conn. Set the key in one place only.",
  checkNode(node, _model, report: WorkspaceReporter) {
    const libreswan = nodeRunsLibreswan(node);
    if (libreswan === 'no' && node.dialect.choice?.dialect !== 'openswan') return;
    const severity = libreswan === 'yes' ? undefined : 'warning';
    // Openswan 2.6 logs the clash and keeps the first value it read; Libreswan refuses the conn.
    const openswan = node.dialect.choice?.dialect === 'openswan';
    const releases = libreswanReleases(node);
    const slotOf = (key: string): string => (openswan ? undefined : aliasSlotKey(key, releases)) ?? key;
    for (const definition of node.conns.values()) {
      const conn = node.effective.get(definition.name);
      if (alsoTargets(definition).length === 0 || !conn || !mayBeLoaded(node, conn)) continue;
      conflictsOf(node, definition, slotOf, (first, second) => {
        const differ = text(first.setting).toLowerCase() !== text(second.setting).toLowerCase();
        const refusedBy = openswan ? (differ ? 'every' : 'none') : refusingReleases(first.setting, second.setting, releases);
        if (refusedBy === 'none') return;
        const where = (p: Placed) => (p.conn === definition.name ? 'here' : `in conn ${p.conn}`);
        const outcome = openswan ? 'Openswan keeps the first value and ignores the other' : refusedBy === 'every' ? `Libreswan refuses to load the conn${differ ? '' : ', even with the same value twice'}` : 'some Libreswan releases refuse to load the conn, others take it';
        const [one, other] = [`${first.setting.key.text}=${text(first.setting)}`, `${second.setting.key.text}=${text(second.setting)}`];
        const clash = one === other ? `${one} is set ${where(first)} and again ${where(second)}` : `${one} ${where(first)}, but ${other} ${where(second)}`;
        report({
          document: first.document,
          span: first.setting.value?.span ?? first.setting.span,
          conn: definition.name,
          message: `conn ${definition.name}: ${clash} (pulled in by also=): ${outcome}; set it in one place`,
          related: [{ document: second.document, span: second.setting.value?.span ?? second.setting.span, message: 'the other value' }],
          severity: refusedBy === 'every' ? severity : 'warning',
        });
      });
    }
  },
});

/** The Libreswan releases the node may run: the one named, or every release. */
function libreswanReleases(node: IpsecNode): readonly string[] {
  const choice = node.dialect.choice;
  return (choice?.dialect === 'libreswan' ? expandVersion('libreswan', choice.version) : undefined) ?? DIALECT_TRAITS.libreswan.releases;
}

/** Keys that fill one slot in every one of the releases (`keylife` and `salifetime`) share a name here. */
function aliasSlotKey(key: string, releases: readonly string[]): string | undefined {
  const slot = libreswanAliasSlot(key);
  if (slot === undefined || !releases.every((release) => aliasRepeatIn(slot, release) !== undefined)) return undefined;
  return `${slot.side}${slot.group.names[0]}`;
}

/** Whether every release refuses the conn over the two values, none does, or only some. */
function refusingReleases(first: Setting, second: Setting, releases: readonly string[]): 'every' | 'some' | 'none' {
  const [a, b] = [text(first), text(second)];
  const alias = first.key.text.toLowerCase() === second.key.text.toLowerCase() ? undefined : libreswanAliasSlot(second.key.text);
  let refused = 0;
  for (const release of releases) {
    const repeat = alias === undefined ? undefined : aliasRepeatIn(alias, release);
    const verdict = repeat !== undefined ? aliasRepeatVerdict(repeat, a, b) : libreswanRepeatVerdict(second.key.text, a, b, release);
    // Two texts that differ and that a release may read either way count as refused; the same text as loaded.
    if (verdict === 'refused' || (verdict === 'unsure' && a.toLowerCase() !== b.toLowerCase())) refused++;
  }
  return refused === releases.length ? 'every' : refused === 0 ? 'none' : 'some';
}
