import type { ParsedDocument } from '../../model/document';
import type { Section, Setting } from '../../parsing/ipsecConf/ast';
import { alsoTargets } from '../../workspace/effectiveConns';
import type { IpsecNode } from '../../workspace/model';
import { defineWorkspaceRule, type WorkspaceRule } from '../workspaceRule';

/**
 * Refusals of strongSwan's starter that need the whole gateway: the sections of every included
 * file, `%default` and `also=`. Checked against starter 5.9.8 --conftest; the code is the same in
 * every 5.x release. Only gateways known to run strongSwan are judged.
 */

interface Placed {
  readonly section: Section;
  readonly document: ParsedDocument<'ipsec'>;
}

function runsStrongswan(node: IpsecNode): boolean {
  return node.dialect.choice?.dialect === 'strongswan';
}

/** The sections of one kind by name: strongSwan merges sections of the same name into one. */
function sectionsByName(node: IpsecNode, kind: 'conn' | 'ca'): Map<string, Placed[]> {
  const byName = new Map<string, Placed[]>();
  for (const document of node.documents) {
    for (const section of document.ast.sections) {
      const name = section.name?.text;
      if (section.kind !== kind || name === undefined || name.length === 0) continue;
      const list = byName.get(name);
      if (list) list.push({ section, document });
      else byName.set(name, [{ section, document }]);
    }
  }
  return byName;
}

/** The names a section pulls in with also=; `also=%default` is dropped by the parser. */
function targetsOf(name: string, placed: Placed): { readonly name: string; readonly setting: Setting }[] {
  return alsoTargets({ name, section: placed.section, document: placed.document }, true).filter((t) => t.name !== '%default');
}

interface Found {
  readonly setting: Setting;
  readonly document: ParsedDocument<'ipsec'>;
}

/**
 * Every line that may give a conn the key: its own sections, what also= pulls in (at any depth) and
 * `conn %default`. Whichever of them the daemon ends up taking, the answer holds when they all agree.
 */
function linesFor(name: string, key: string, conns: Map<string, Placed[]>): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  const visit = (current: string): void => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const placed of conns.get(current) ?? []) {
      for (const setting of placed.section.settings) if (setting.key.text === key && setting.equals) found.push({ setting, document: placed.document });
      for (const target of targetsOf(current, placed)) visit(target.name);
    }
  };
  visit(name);
  // %default's own also= lines are never followed by strongSwan.
  for (const placed of conns.get('%default') ?? []) {
    for (const setting of placed.section.settings) if (setting.key.text === key && setting.equals) found.push({ setting, document: placed.document });
  }
  return found;
}

export const firewallUpdownClash = defineWorkspaceRule({
  code: 'firewall-updown-clash',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A conn sets both leftfirewall=yes and leftupdown=',
  description:
    "strongSwan's `leftfirewall=yes` stands for its own iptables updown script, so a conn that also names `leftupdown=` (or the right-hand pair) is dropped by the starter (\"ignored conn\"), even when one of the two comes from `conn %default` or `also=`. Judged for gateways known to run strongSwan, only when every line that could set the two agrees. Keep one: call the iptables script from your own updown, or drop the custom script.",
  checkNode(node, _model, report) {
    if (!runsStrongswan(node)) return;
    const conns = sectionsByName(node, 'conn');
    for (const name of conns.keys()) {
      if (name === '%default') continue;
      for (const side of ['left', 'right'] as const) {
        const firewall = linesFor(name, `${side}firewall`, conns);
        const updown = linesFor(name, `${side}updown`, conns);
        if (firewall.length === 0 || updown.length === 0) continue;
        // An empty `key=` unsets the key; any other firewall word is bad-value's to report.
        if (!firewall.every((f) => f.setting.value?.text === 'yes') || !updown.every((u) => u.setting.value !== undefined)) continue;
        const at = updown.find((u) => conns.get(name)?.some((p) => p.document === u.document && p.section.settings.includes(u.setting))) ?? updown[0];
        const cause = firewall[0];
        report({
          document: at.document,
          span: at.setting.value?.span ?? at.setting.key.span,
          conn: name,
          message: `conn ${name} has ${side}firewall=yes and ${side}updown=: strongSwan drops the conn; keep only one of them`,
          related: [{ document: cause.document, span: cause.setting.value?.span ?? cause.setting.key.span, message: `${side}firewall=yes` }],
        });
      }
    }
  },
});

/** The also= names of a ca section that close a loop back to it, through ca sections that exist. */
function loops(start: string, cas: Map<string, Placed[]>): Set<string> {
  const closing = new Set<string>();
  const reaches = (from: string, seen: Set<string>): boolean => {
    if (from === start) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return (cas.get(from) ?? []).some((placed) => targetsOf(from, placed).some((t) => cas.has(t.name) && reaches(t.name, seen)));
  };
  for (const placed of cas.get(start) ?? []) {
    for (const target of targetsOf(start, placed)) if (cas.has(target.name) && reaches(target.name, new Set())) closing.add(target.name);
  }
  return closing;
}

export const caAlsoUnresolved = defineWorkspaceRule({
  code: 'ca-also-unresolved',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "A ca section's also= names no ca section or forms a loop",
  description:
    "In a `ca` section, strongSwan looks up `also=` only among the other `ca` sections of the gateway (its ipsec.conf and included files), never among conns. A name it cannot find, or `ca` sections that pull each other in, make the starter refuse the whole file and load nothing. Judged for gateways known to run strongSwan. Fix the name or remove the line.",
  checkNode(node, _model, report) {
    if (!runsStrongswan(node)) return;
    const cas = sectionsByName(node, 'ca');
    const conns = sectionsByName(node, 'conn');
    for (const [name, placements] of cas) {
      if (name === '%default') continue;
      const closing = loops(name, cas);
      for (const placed of placements) {
        for (const target of targetsOf(name, placed)) {
          const span = target.setting.value?.span ?? target.setting.key.span;
          if (!cas.has(target.name)) {
            const hint = conns.has(target.name) ? ` (${target.name} is a conn, which a ca section cannot pull in)` : '';
            report({ document: placed.document, span, message: `also=${target.name} in ca ${name} names no ca section${hint}: strongSwan refuses the whole file` });
          } else if (closing.has(target.name)) {
            report({ document: placed.document, span, message: `also=${target.name} in ca ${name} leads back to ca ${name}: strongSwan refuses the whole file over the loop` });
          }
        }
      }
    }
  },
});

export const strongswanWorkspaceRules: readonly WorkspaceRule[] = [firewallUpdownClash, caAlsoUnresolved];
