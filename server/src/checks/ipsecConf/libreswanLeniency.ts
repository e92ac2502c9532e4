import type { SectionKind } from '../../knowledge/ipsecConf';
import { CHECKED_WHEN_NEGOTIATING, plutoLoadsAnyValue } from '../../knowledge/ipsecConf/libreswan5Addconn';
import { inRange } from '../../knowledge/ipsecConf/versions';
import { isLibreswan4, SETUP_WORDS_FOR_PLUTO } from './dialectParsers';
import { concreteReleases, everyReleaseIn, type DialectTarget } from './dialectTarget';
import { STRICT_MARKS } from './values/libreswanMark';

/** Libreswan 5's pluto reads these only where dead peer detection runs (libreswan-conn-refused judges the conn). */
const DPD_TIMES: ReadonlySet<string> = new Set(['dpddelay', 'dpdtimeout', 'ikev1-dpdtimeout']);

/**
 * `config setup` values pluto reads at start and gets over, by base name: seen with 4.10, 5.0, 5.2,
 * 5.3.2 and 5.4, which started and added a conn with each ("invalid listen= option ignored", "1 bad
 * entries in virtual-private - none loaded").
 */
const SETUP_READ_LENIENTLY: ReadonlyMap<string, string> = new Map([
  ['listen', 'pluto ignores it and listens on every interface'],
  ['virtual-private', 'pluto drops the whole list ("none loaded"), so no peer behind NAT matches a vhost: or vnet: subnet'],
  ['virtual_private', 'pluto drops the whole list ("none loaded"), so no peer behind NAT matches a vhost: or vnet: subnet'],
  ['global-redirect-to', 'pluto starts all the same and reads the address only when it redirects'],
]);

/** Pluto reads a mark only for a conn that negotiates; libreswan-conn-refused judges the conn where that refuses it. */
function markLeniency(target: DialectTarget): string {
  const early = 'before 5.3 pluto only logs it and adds the conn with another mark than meant';
  const strict = 'from 5.3 pluto refuses to add a conn that negotiates with it (a shunt does not read it)';
  if (everyReleaseIn(target, 'libreswan', STRICT_MARKS)) return strict;
  return everyReleaseIn(target, 'libreswan', { until: STRICT_MARKS.from }) ? early : `${early}; ${strict}`;
}

/**
 * A Libreswan value pluto takes, or reads only in some conns, though no reader takes it as
 * written: what pluto does with it, or undefined. `base` is the knowledge's name of the key.
 */
export function libreswanPlutoLeniency(key: string, base: string | undefined, kind: string | undefined, section: SectionKind, target: DialectTarget): string | undefined {
  if (target.dialect !== 'libreswan') return undefined;
  // Kept as text for pluto, which logs a word it does not know and uses its default.
  if (SETUP_WORDS_FOR_PLUTO.has(key)) return 'pluto logs it and uses its default';
  // A string to addconn up to 5.2; pluto's --global-redirect handler logs a wrong word and keeps "no". 5.3 reads the word itself.
  if (key === 'global-redirect' && concreteReleases(target).some((release) => inRange({ until: '5.3' }, release))) return 'Libreswan logs it and keeps no';
  if (base === undefined) return undefined;
  if (section === 'config') return SETUP_READ_LENIENTLY.get(base);
  // Kept as text and read only when a redirect happens: 4.10, 5.2, 5.3.2 and 5.4 added conns with an address that cannot be one.
  if (base === 'redirect-to' || base === 'accept-redirect-to') return 'pluto adds the conn all the same and reads the address only when it redirects';
  if (DPD_TIMES.has(base) && !isLibreswan4(target)) {
    const five = 'Libreswan 5 reads it only where it runs dead peer detection (dpddelay= on IKEv2; on IKEv1 both, when both are set), and there refuses the conn';
    return everyReleaseIn(target, 'libreswan', { from: '5.0' }) ? five : `Libreswan 4 loads the file and keeps the default; ${five}`;
  }
  if (kind === 'mark') return markLeniency(target);
  // Read by pluto, in the settings of conns that negotiate (a shunt skips them; libreswan-conn-refused judges the conn).
  const negotiating = base === 'retransmit-interval' ? { from: '5.3' } : CHECKED_WHEN_NEGOTIATING.get(base);
  if (negotiating && everyReleaseIn(target, 'libreswan', negotiating)) return 'pluto refuses to add a conn that negotiates with it (a shunt does not read it)';
  const anyValue = plutoLoadsAnyValue(base);
  return anyValue && everyReleaseIn(target, 'libreswan', anyValue) ? 'this Libreswan release hands it to pluto, which adds the conn all the same' : undefined;
}
