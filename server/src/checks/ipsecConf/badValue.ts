import { compareVersions, lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import { libreswan3RefusedWord } from '../../knowledge/ipsecConf/libreswan3Keywords';
import { OPENSWAN_UNQUOTABLE_KEYS } from '../../knowledge/ipsecConf/openswanStorage';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { hasLookalikeBlank } from '../../text/characters';
import type { Fix } from '../finding';
import { defineRule } from '../rule';
import { keyedSettings } from './keyedSettings';
import { libreswanPlutoLeniency } from './libreswanLeniency';
import { refusesQuoted } from './quotedValue';
import { confread5Refuses, everyTarget, isLibreswan4, readsSetupValueStrictly, skipsUnreadableValue } from './dialectParsers';
import { dialectTargets, everyReleaseIn, type DialectTarget } from './dialectView';
import { judgeValue, typeKind, writtenValue } from './valueVerdict';
import { setupDurationProblem } from './values/setupDurations';
import { isAuthRound, STRONGSWAN_AUTH_LENIENCY } from './values/strongswanAuth';
import { strongswanLeniency } from './values/strongswanStarter';

/**
 * A value the daemon loads anyway, though not as written. Libreswan 4's parser only notes a number or duration it cannot read (yyerror without YYERROR in
 * parser.y): the file loads, a number becomes 0 and a duration keeps its default.
 */
function leniency(key: string, value: string, section: SectionKind, target: DialectTarget): string | undefined {
  const kind = typeKind(key, target);
  // strongSwan's starter reads numbers and durations with strtoul, which takes a sign and wraps it around.
  if (target.dialect === 'strongswan') return isAuthRound(lookupKeyword(key, 'strongswan').entry?.name) ? STRONGSWAN_AUTH_LENIENCY : strongswanLeniency(kind, value);
  const base = lookupKeyword(key, target.dialect, target.version).entry?.name;
  const pluto = libreswanPlutoLeniency(key, base, kind, section, target);
  if (pluto !== undefined) return pluto;
  // Read, then refused by pluto at start: no line is skipped.
  if (section === 'config' && base !== undefined && setupDurationProblem(base, value, target) !== undefined) return undefined;
  if (base !== undefined && skipsUnreadableValue(target, section, base)) return 'this Libreswan 5 release skips the line ("keyword ignored") and uses the default';
  // Openswan 2.6's addconn: "WARNING: … keyword type, invalid value: tunnle", and the conn loads without it.
  if (target.dialect === 'openswan' && (kind === 'enum' || kind === 'enumList')) return 'Openswan logs it and loads the conn without the setting';
  if (target.dialect === 'libreswan' && target.olderRelease !== undefined && compareVersions(target.olderRelease, '3.7') < 0 && libreswan3RefusedWord(key, value)) {
    return 'Libreswan 3.0 to 3.6 log it and load the conn without the setting';
  }
  // 3.x had the same grammar (3.32's addconn loads ikelifetime=abc and seedbits=abc).
  const lenient = isLibreswan4(target) ? 'Libreswan 4' : target.dialect === 'libreswan' && target.olderRelease !== undefined ? `Libreswan ${target.olderRelease}` : undefined;
  if (lenient === undefined) return undefined;
  if (kind === 'number' || kind === 'byteCount') return `${lenient} loads the file and reads the value as 0`;
  if (kind === 'duration') return `${lenient} loads the file and keeps the default`;
  // A bare number is a token the percentage grammar has no rule for ("syntax error"); any other word is only noted.
  if (kind === 'percent' && !/^\d+$/.test(value)) return `${lenient} loads the file and keeps the default`;
  return undefined;
}

/**
 * Libreswan 4's grammar (parser.y) lets a plain `key=` through, but a yes/no, time, percent or
 * byte-count keyword must be followed by its value: empty, the file does not load.
 */
const EMPTY_REFUSED: Readonly<Record<string, string>> = { yesno: 'yes or no', duration: 'a duration', percent: 'a percentage', byteCount: 'a size' };

const OPENSWAN_WARNED_KINDS = new Set(['enum', 'enumList']);

/** A yes/no or number key that Openswan refuses quoted, when every target is Openswan. */
function openswanNeedsBare(setting: Setting, targets: readonly DialectTarget[]): 'yes/no' | 'number' | undefined {
  if (!everyTarget(targets, (t) => t.dialect === 'openswan')) return undefined;
  return OPENSWAN_UNQUOTABLE_KEYS.get(lookupKeyword(setting.key.text, targets[0].dialect, targets[0].version).entry?.name ?? '');
}

const EMPTY_ABORTS_5 = new Set(['rsasigkey', 'ecdsakey', 'pubkey']);

/**
 * What Openswan's value scanner takes for an empty value: it skips blank lines but not comments,
 * so the value is the next line's first word. A one-word comment (`#old`) is then only a wrong
 * value; in `# old value` the next word is read as a keyword; a header or the end of the file
 * breaks the file; a setting line loses its key to the value.
 */
function openswanSwallows(document: ParsedDocument<'ipsec'>, setting: Setting): 'comment-word' | 'comment-words' | 'setting' | 'end' {
  const source = document.source;
  for (let line = setting.line + 1; line < source.lineCount; line++) {
    const raw = source.lineText(line);
    const text = raw.trim();
    if (text.length === 0) continue;
    if (text.startsWith('#')) return /\s\S/.test(text) ? 'comment-words' : 'comment-word';
    return /^\s/.test(raw) ? 'setting' : 'end';
  }
  return 'end';
}

/** Why the daemon refuses `key=` with nothing after it, when every target does. */
function emptyValueRefusal(setting: Setting, section: SectionKind, targets: readonly DialectTarget[]): string | undefined {
  if (!setting.equals || targets.length === 0) return undefined;
  const kind = typeKind(setting.key.text, targets[0]) ?? '';
  if (everyTarget(targets, isLibreswan4) && EMPTY_REFUSED[kind]) return `Libreswan 4 needs ${EMPTY_REFUSED[kind]} here and does not load a file with an empty one`;
  if (everyTarget(targets, (t) => t.dialect === 'openswan')) {
    // A yes/no key is scanned in a state that ends at the line break, where the grammar wants the word ("syntax error").
    if (OPENSWAN_UNQUOTABLE_KEYS.get(lookupKeyword(setting.key.text, targets[0].dialect, targets[0].version).entry?.name ?? '') === 'yes/no') return 'Openswan needs yes or no here and does not load a file with it empty';
    // Its lexer looks for any other value past the end of the line: `leftid=` takes the next line's `right=192.0.2.2` as its value.
    return 'Openswan reads the next line as the value of this key, so that line is lost too';
  }
  // addconn 5.4: "error: invalid" or "bad duration value \"\"", and the file does not load.
  if (section === 'config' && everyTarget(targets, (t) => readsSetupValueStrictly(t, setting.key.text))) return 'Libreswan 5.3 and later do not load a file with this setting left empty';
  // addconn 5.0 to 5.2 look the empty word up among the public-key words, find it, and abort on an assertion.
  if (everyTarget(targets, (t) => everyReleaseIn(t, 'libreswan', { from: '5.0', until: '5.3' })) && EMPTY_ABORTS_5.has(lookupKeyword(setting.key.text, targets[0].dialect, targets[0].version).entry?.name ?? '')) {
    return 'Libreswan 5.0 to 5.2 stop with an internal error on this key left empty and load nothing';
  }
  // addconn 5.0: "bad value for rightnexthop= [empty string]", "connection authby= value is unknown".
  const early5 = section === 'conn' ? targets.map((t) => confread5Refuses(t, lookupKeyword(setting.key.text, t.dialect, t.version).entry?.name)) : [];
  if (early5.length > 0 && early5.every((releases) => releases !== undefined)) return `${early5[0]} refuse the conn with this left empty`;
  return undefined;
}

function labels(targets: readonly DialectTarget[]): string {
  return targets.map((t) => t.label).join(', ');
}

/**
 * Why the daemons in question refuse a value: one reason when they agree, each daemon's own
 * otherwise (`sha256;` is an unknown word to Openswan, an empty DH group to Libreswan).
 */
function refusals(rejecting: readonly { readonly target: DialectTarget; readonly problem: { readonly message: string } }[], named: boolean): string {
  const byReason = new Map<string, DialectTarget[]>();
  for (const { target, problem } of rejecting) {
    const group = byReason.get(problem.message);
    if (group) group.push(target);
    else byReason.set(problem.message, [target]);
  }
  if (byReason.size === 1 && !named) return rejecting[0].problem.message;
  return [...byReason].map(([reason, targets]) => `${reason} (${labels(targets)})`).join('; ');
}

export const badValue = defineRule({
  code: 'bad-value',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A value the daemon cannot read',
  description:
    "Checks each value against what its keyword takes in the gateway's dialect: yes/no spellings, the allowed words, whole numbers and their range, durations (`30`, `20s`, `8h`, `1d`; Libreswan 5 also `1.5h`; Libreswan 4 refuses the file when a yes/no, duration, percentage or size is left empty), percentages (`100%`), IPv4 and IPv6 addresses and prefixes (`192.0.2.300` and `/33` are errors, except in a strongSwan `leftsubnet=`, which starter passes on as text and charon reads entry by entry: it skips an entry it cannot read, covering only the host's own address when none is left, and takes a prefix past the address's length as the whole address, so it loads the conn and this is a warning, seen with 5.9.8; so is an address in `leftdns=` it cannot read, which charon drops; and a Libreswan `redirect-to=` or `accept-redirect-to=` address, which pluto reads only when it redirects: seen added by 4.10, 5.2, 5.3.2 and 5.4; and from Libreswan 5.3 a wrong value of `mtu=`, `sendca=` (5.3 only), `ipsec-max-bytes=`, `ipsec-max-packets=` or the IPTFS sizes, and from 5.4 of `compress=` and the IPTFS delays, which addconn hands to pluto as text and pluto took, adding the conn, in 5.3.2 and 5.4; and with Libreswan 5 a `dpddelay=` or `dpdtimeout=` that is no duration, which pluto reads only where it runs dead peer detection, and with Libreswan a mark it cannot read as `value[/mask]`, which releases before 5.3 only log: `libreswan-conn-refused` reports the conns pluto refuses over them; in `config setup` a Libreswan `listen=`, `virtual-private=` or `global-redirect-to=` address pluto cannot read, since it starts all the same: it listens on every interface, drops the whole private list, or reads the address only when it redirects; and the `config setup` times pluto checks at start and exits over, from 5.1 `ocsp-timeout=` and `crl-timeout=` outside 1 to 1000 seconds and `ocsp-cache-min-age=` under a second, from 5.3 `expire-shunt-interval=` over 1000 seconds, and in 5.3 any setup time with its unit spelt out (`2minutes`)), protocol/port pairs and IKE/ESP proposals (`aes256-sha2_256;modp2048` for Libreswan, `aes256-sha256-modp2048!` for strongSwan). Openswan refuses a quoted yes/no or number (`pfs=\"yes\"`), and takes the next line as the value of a key left empty: an error in a conn or before a header, a warning in `config setup`, where the file still loads. Libreswan and Openswan refuse the file or the conn, strongSwan drops the conn, or the setting silently falls back to its default. Host names, IDs and `%`-keywords are only reported when they cannot be right. When the dialect is not known and one plausible daemon takes the value, this is only a notice.",
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    for (const { kind, setting } of keyedSettings(document)) {
      const value = setting.value;
      if (value === undefined) {
        const refusal = emptyValueRefusal(setting, kind, targets);
        // A word Openswan cannot read is only warned about ("invalid value: right=…"), though the next line is gone with it;
        // when no setting follows, the next header or the end of the file is what it swallows, and the file does not load.
        const swallowed = refusal?.startsWith('Openswan reads') ? openswanSwallows(document, setting) : undefined;
        // A one-word comment becomes the value: refused only where a `#word` cannot be read (numbers, subnets, addresses).
        // In config setup the lost line and the odd value tune the daemon; the file loads (Red Hat's
        // default ipsec.conf shipped `virtual_private=` over `oe=off`), so it is a warning there.
        const warned =
          (swallowed === 'comment-word' && !refusesQuoted(setting, kind, targets[0], '')) ||
          (swallowed === 'setting' && (kind === 'config' || OPENSWAN_WARNED_KINDS.has(typeKind(setting.key.text, targets[0]) ?? '')));
        if (refusal) report({ span: { start: setting.key.span.start, end: setting.span.end }, message: `${setting.key.text}: ${refusal}; give a value or remove the line`, severity: warned ? 'warning' : undefined });
        continue;
      }
      if (!value.terminated) continue;
      // nonascii-whitespace reports such a blank; the value readers here would take it for a separator.
      if (hasLookalikeBlank(value.text)) continue;
      const key = setting.key.text;
      const bare = value.quoted ? openswanNeedsBare(setting, targets) : undefined;
      if (bare) {
        const edits = [{ range: document.source.rangeOf(value.span), newText: value.text }];
        report({ span: value.span, message: `${key}: Openswan takes a ${bare} only without quotes and does not load the file; write ${key}=${value.text}`, fixes: [{ title: 'Remove the quotes', preferred: true, edits }] });
        continue;
      }
      if (!value.quoted && openswanNeedsBare(setting, targets) === 'number' && !/^(\d+|%forever)$/.test(value.text)) {
        report({ span: value.span, message: `${key}: Openswan reads only digits here ("${value.text}" is no plain number) and does not load the file` });
        continue;
      }
      const written = (target: DialectTarget): string => writtenValue(setting, value.text, target);
      // Most values are fine everywhere: nothing more is made for them.
      if (!targets.some((target) => judgeValue(setting, written(target), kind, target).kind === 'rejects')) continue;
      const verdicts = targets.map((target) => ({ target, verdict: judgeValue(setting, written(target), kind, target) }));
      const rejecting = verdicts.flatMap((v) => (v.verdict.kind === 'rejects' ? [{ target: v.target, problem: v.verdict.problem }] : []));
      if (rejecting.length === 0) continue;
      const accepting = verdicts.filter((v) => v.verdict.kind === 'accepts').map((v) => v.target);
      const { problem } = rejecting[0];
      const suggestion = problem.suggestion;
      const fixes: Fix[] =
        suggestion === undefined
          ? []
          : [
              {
                title: `Change to ${suggestion}`,
                // Safe without looking only when every daemon in question takes the corrected value
                // (a proposal may hold a second unknown word behind the first), and never when the
                // correction would swap one algorithm for another (`sha512` is not a typo of `sha1`).
                preferred: !problem.suggestionChangesMeaning && accepting.length === 0 && targets.every((target) => judgeValue(setting, suggestion, kind, target).kind !== 'rejects'),
                edits: [{ range: document.source.rangeOf(value.span), newText: value.quoted ? `"${suggestion}"` : suggestion }],
              },
            ];
      if (accepting.length > 0) {
        const objecting = labels(rejecting.map((r) => r.target));
        report({ span: value.span, message: `${key}: ${objecting} would reject this value (${refusals(rejecting, false)}); ${labels(accepting)} accept${accepting.length === 1 ? 's' : ''} it`, fixes, severity: 'info' });
        continue;
      }
      const why = refusals(rejecting, targets.length > 1);
      const lenient = rejecting.map((r) => leniency(key, written(r.target), kind, r.target));
      if (lenient.every((l) => l !== undefined)) {
        report({ span: value.span, message: `${key}: ${why}; ${lenient[0]}`, fixes, severity: 'warning' });
        continue;
      }
      // Some daemons in question only skip what they cannot read: say so, though the others refuse it.
      const skipping = rejecting.flatMap((r, i) => (lenient[i] === undefined ? [] : [{ target: r.target, how: lenient[i] }]));
      const aside = skipping.length > 0 ? `; for ${labels(skipping.map((s) => s.target))}, ${skipping[0].how}` : '';
      report({ span: value.span, message: `${key}: ${why}${aside}`, fixes });
    }
  },
});
