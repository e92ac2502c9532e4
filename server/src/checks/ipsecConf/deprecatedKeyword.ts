import { libreswan3Knows } from '../../knowledge/ipsecConf/libreswan3Keywords';
import type { Fix } from '../finding';
import { defineRule } from '../rule';
import { keyedSettings } from './keyedSettings';
import { currentEverywhere, dialectTargets, lookupAll } from './dialectView';

const OLD = new Set(['deprecated', 'ignored']);

export const deprecatedKeyword = defineRule({
  code: 'deprecated-keyword',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  editorTag: 'deprecated',
  title: 'A keyword the daemon ignores, or an old spelling of one',
  description:
    "A warning for a keyword the gateway's daemon reads but ignores (it has no effect any more, such as `pfs=` in strongSwan or `interfaces=` in Libreswan 4.8 and later), and a notice for an old name that still works but has a newer spelling (`salifetime=` → `ipsec-lifetime=`, a bare `subnet=` → `rightsubnet=`). The quick fix writes the replacement, keeping the left/right side. Keywords the daemon refuses altogether are reported by `unknown-keyword`; when the dialect is not known, this only speaks if every plausible daemon agrees the keyword is outdated.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    for (const { kind, setting } of keyedSettings(document)) {
      if (currentEverywhere(setting.key.text, kind, targets)) continue;
      const verdicts = lookupAll(setting.key.text, targets);
      // Mixed verdicts belong elsewhere: unknown-keyword for refused keys, wrong-section for misplaced ones.
      if (!verdicts.every((v) => OLD.has(v.lookup.status) && v.lookup.sections.includes(kind))) continue;
      const ignoring = verdicts.filter((v) => v.lookup.status === 'ignored');
      const replacement = verdicts.map((v) => v.lookup.replacement).find((r) => r !== undefined);
      const key = setting.key.text;
      const older = verdicts.find((v) => v.target.dialect === 'libreswan' && v.target.olderRelease !== undefined)?.target.olderRelease;
      if (older !== undefined && replacement !== undefined && replacement.split('/').some((name) => !libreswan3Knows(name, older))) {
        // The pinned release still reads a key later ones ignore (forceencaps before 3.19).
        if (ignoring.length > 0) continue;
        // Renaming would break a file for a release that does not know the new name.
        report({ span: setting.key.span, message: `"${key}" is an old name: Libreswan 4.0 and later call it ${replacement.replace('/', ' or ')}, which Libreswan ${older} does not know, so keep it until you upgrade`, severity: 'info' });
        continue;
      }
      const fixes: Fix[] = (replacement?.split('/') ?? []).map((name, _, all) => ({
        title: `Change to "${name}"`,
        preferred: all.length === 1,
        edits: [{ range: document.source.rangeOf(setting.key.span), newText: name }],
      }));
      const note = verdicts.map((v) => v.lookup.note).find((n) => n !== undefined);
      const instead = replacement === undefined ? '' : `; write ${replacement.replace('/', ' or ')} instead`;
      if (ignoring.length > 0) {
        const who = ignoring.map((v) => v.target.label).join(', ');
        report({ span: setting.key.span, message: `${who} ignore${ignoring.length === 1 ? 's' : ''} "${key}": the line has no effect${instead}`, fixes });
        continue;
      }
      const who = verdicts.map((v) => v.target.label).join(', ');
      const advice = note === undefined ? instead : `: ${note}`;
      report({ span: setting.key.span, message: `"${key}" is an old name in ${who}${advice}`, fixes, severity: 'info' });
    }
  },
});
