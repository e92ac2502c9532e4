import { suggestKeyword } from '../../knowledge/ipsecConf';
import { libreswan3Took } from '../../knowledge/ipsecConf/libreswan3Keywords';
import { libreswan3Named } from '../../knowledge/ipsecConf/libreswan3Names';
import type { Fix } from '../finding';
import { pinnedByUser } from '../../model/dialect';
import { defineRule } from '../rule';
import { keyedSettings } from './keyedSettings';
import { joinNames } from '../../text/joinNames';
import { withVisibleCharacters } from '../../text/characters';
import { currentEverywhere, dialectTargets, documentDialect, lookupAll, rejectsUnknown, type DialectTarget } from './dialectView';

const ACCEPTED = new Set(['valid', 'deprecated', 'ignored', 'comment']);
const MAX_KEY_LENGTH = 64;

/** A key the modelled Libreswan releases take (not an `x-` comment key) that no 3.x release's keywords.c held. */
function unknownTo3(key: string, kind: 'config' | 'conn', targets: readonly DialectTarget[]): boolean {
  if (libreswan3Named(key, kind) || libreswan3Named(key, kind === 'config' ? 'conn' : 'config')) return false;
  return lookupAll(key, targets).every((v) => v.lookup.status === 'valid' || v.lookup.status === 'deprecated' || v.lookup.status === 'ignored');
}

export const unknownKeyword = defineRule({
  code: 'unknown-keyword',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A keyword the daemon does not know',
  description:
    "Libreswan and Openswan refuse to load a file with an unknown or removed keyword; strongSwan logs it and ignores the line, so a misspelt key silently does nothing. The message suggests the closest keyword (typos, a swapped left/right, the replacement of a removed one). When the gateway's dialect is not known and one plausible daemon accepts the keyword, this is only a notice naming the daemons that would object; a `# ipsec-dialect:` comment or the `ipsec.dialect` setting makes it exact. In a file pinned to a Libreswan 3 release, a key no 3.x release knew (`enable-tcp`, `ikev1-policy`) is an error, since 3.x stops at it (\"syntax error\", seen with 3.32), and suggestions are kept to names some 3.x release took. A key only Libreswan 3 took (`ike-frag`, `nat_traversal`) in a gateway not pinned to it is an error as 4.0 and later refuse it, and the message and a quick fix offer the pin.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    const pinnedTo3 = targets.length === 1 && targets[0].dialect === 'libreswan' ? targets[0].olderRelease : undefined;
    const userPinned = () => pinnedByUser(documentDialect(document, context));
    for (const { kind, setting } of keyedSettings(document)) {
      if (pinnedTo3 !== undefined && kind !== 'ca' && unknownTo3(setting.key.text, kind, targets)) {
        report({ span: setting.key.span, message: `No Libreswan 3 release knows "${withVisibleCharacters(setting.key.text)}", which a later release added: Libreswan ${pinnedTo3} refuses the file ("syntax error")` });
        continue;
      }
      if (currentEverywhere(setting.key.text, kind, targets)) continue;
      const verdicts = lookupAll(setting.key.text, targets);
      const objecting = verdicts.filter((v) => !ACCEPTED.has(v.lookup.status));
      if (objecting.length === 0) continue;
      const first = objecting[0];
      const written = withVisibleCharacters(setting.key.text);
      const olderRelease = first.target.dialect === 'libreswan' ? first.target.olderRelease : undefined;
      if (olderRelease !== undefined && libreswan3Took(setting.key.text, kind)) {
        const instead = first.lookup.replacement ? `: write ${first.lookup.replacement} when you upgrade` : '';
        report({ span: setting.key.span, message: `Libreswan 4.0 and later refuse "${written}", which Libreswan 3 took; the files are pinned to Libreswan ${olderRelease}, so it is left as it is${instead}`, severity: 'info' });
        continue;
      }
      // No keyword is long; a huge key (a pasted blob) gets no suggestions, which would cost time.
      const suggested = setting.key.text.length <= MAX_KEY_LENGTH ? suggestKeyword(setting.key.text, kind, first.target.dialect, first.target.version) : [];
      // A file pinned to Libreswan 3 is only offered names a 3.x release took.
      const suggestions = olderRelease === undefined ? suggested : suggested.filter((s) => libreswan3Named(s.name, kind));
      const hint = suggestions.length > 0 ? `: did you mean "${suggestions[0].name}"?` : '';
      const removed = first.lookup.status === 'removed';
      const replacing = objecting.filter((v) => v.lookup.replacement);
      const replacedBy = replacing[0]?.lookup.replacement;
      const replacedFor = replacing.length === objecting.length ? '' : `${joinNames(replacing.map((v) => v.target.label))}: `;
      const replacement = replacedBy ? ` (${replacedFor}use ${replacedBy})` : '';
      const fixes: Fix[] = suggestions.slice(0, 3).map((s, i) => ({ title: `Change to "${s.name}"`, preferred: i === 0 && suggestions.length === 1, edits: [{ range: document.source.rangeOf(setting.key.span), newText: s.name }] }));
      if (objecting.length < verdicts.length) {
        // Unsure of the dialect: a daemon that only skips unknown keys (strongSwan) is not worth a notice.
        if (!objecting.some((v) => rejectsUnknown(v.target))) continue;
        const accepting = joinNames(verdicts.filter((v) => ACCEPTED.has(v.lookup.status)).map((v) => v.target.label));
        // A daemon that may run this gateway accepts the keyword: changing it is never safe without looking.
        const choices = fixes.map((fix) => ({ ...fix, preferred: false }));
        report({ span: setting.key.span, message: `"${written}" is accepted by ${accepting} but not by ${joinNames(objecting.map((v) => v.target.label))}${hint}`, fixes: choices, severity: 'info' });
        continue;
      }
      const all = objecting.map((v) => v.target.label);
      const strict = objecting.some((v) => rejectsUnknown(v.target));
      const verb = removed ? (all.length > 1 ? 'no longer accept' : 'no longer accepts') : all.length > 1 ? 'do not know' : 'does not know';
      // "(use fragmentation): did you mean "fragmentation"?" says one thing twice.
      const shownHint = replacedBy !== undefined && suggestions[0]?.name === replacedBy ? '' : hint;
      const tookIn3 = objecting.some((v) => v.target.dialect === 'libreswan') && libreswan3Took(setting.key.text, kind) && !userPinned();
      const pinHint = tookIn3 ? `${shownHint ? ' ' : '; '}Libreswan 3 took it: if this gateway runs 3.x, say so with "# ipsec-dialect: libreswan-3"` : '';
      report({
        span: setting.key.span,
        message: `${joinNames(all)} ${verb} "${written}"${replacement}${strict ? '' : ' and ignores the line'}${shownHint}${pinHint}`,
        fixes,
        severity: strict ? undefined : 'warning',
      });
    }
  },
});
