import { DIALECT_TRAITS } from '../knowledge/ipsecConf/dialects';
import { expandVersion } from '../knowledge/ipsecConf/versions';
import { olderReleaseFrom, pinnedBeforeModelledLibreswan, type DialectGuess } from '../model/dialect';
import { possibleDialects } from './ikeIdentity';
import type { EffectiveConn } from './model';
import type { ConnRef } from './peers';
import { yesNoReading } from '../text/yesNo';

/** 3 stands for a file pinned to a 3.x release, read only where every 3.x release agrees. */
export type LibreswanMajor = 3 | 4 | 5;

/** ikev2= words as both releases read them (confread.c); Libreswan 5 also takes the other yes/no spellings. */
const IKEV1_WORDS = new Set(['never', 'permit', 'no']);
const IKEV2_WORDS = new Set(['propose', 'insist', 'always', 'yes']);
/**
 * The ikev2= words every 3.x release reads as one version. `permit` and `propose` (`yes`), and
 * no ikev2= at all, meant both versions up to 3.27; from 3.28 a conn spoke one version, IKEv2
 * unless `never`, `no` or `permit` (confread.c).
 */
const LIBRESWAN_3_IKEV1_WORDS = new Set(['never', 'no']);
const LIBRESWAN_3_IKEV2_WORDS = new Set(['insist', 'always']);
const LIBRESWAN_3_ONE_VERSION_FROM = '3.28';

/**
 * The one IKE version a Libreswan conn speaks: IKEv2 unless `keyexchange=ikev1` or an `ikev2=`
 * that reads as no (`never`, `no`, and `permit`, which Libreswan 4 and 5 both take for IKEv1).
 * Undefined when the releases given read the words differently or not at all.
 */
export function libreswanIkeVersion(conn: EffectiveConn, majors: readonly LibreswanMajor[] = [4, 5]): 1 | 2 | undefined {
  const readings = new Set(majors.map((major) => readVersion(conn, major)));
  return readings.size === 1 ? [...readings][0] : undefined;
}

/** The one IKE version a conn speaks as the Libreswan releases the gateway's dialect stands for read it. */
export function libreswanIkeVersionOn(conn: EffectiveConn, dialect: DialectGuess): 1 | 2 | undefined {
  const older = pinnedBeforeModelledLibreswan(dialect) ? dialect.choice?.olderRelease : undefined;
  if (older === undefined) return libreswanIkeVersion(conn, libreswanMajors(dialect));
  return readLibreswan3Version(conn.values.get('keyexchange')?.value.toLowerCase(), conn.values.get('ikev2')?.value.toLowerCase(), older);
}

/** The setting that asks the gateway's Libreswan for IKEv1: 4.x and 3.x took no keyexchange= but `ike`. */
export function libreswanIkev1Setting(dialect: DialectGuess): string {
  const majors = libreswanMajors(dialect);
  if (!majors.includes(5)) return 'ikev2=no';
  return majors.length === 1 ? 'keyexchange=ikev1' : 'keyexchange=ikev1 (Libreswan 5) or ikev2=no (Libreswan 4)';
}

/** The Libreswan releases a gateway's dialect stands for. */
export function libreswanMajors(dialect: DialectGuess): readonly LibreswanMajor[] {
  if (pinnedBeforeModelledLibreswan(dialect)) return [3];
  const version = dialect.choice?.version;
  if (version?.startsWith('4')) return [4];
  if (version?.startsWith('5')) return [5];
  return [4, 5];
}

/** The Libreswan releases a gateway's dialect stands for: the pinned release or major, else every one. */
export function libreswanReleases(dialect: DialectGuess): readonly string[] {
  const choice = dialect.choice;
  return expandVersion('libreswan', choice?.dialect === 'libreswan' ? choice.version : undefined) ?? DIALECT_TRAITS.libreswan.releases;
}

function readVersion(conn: EffectiveConn, major: LibreswanMajor): 1 | 2 | undefined {
  const keyexchange = conn.values.get('keyexchange')?.value.toLowerCase();
  const ikev2 = conn.values.get('ikev2')?.value.toLowerCase();
  if (major === 3) return readLibreswan3Version(keyexchange, ikev2, '3');
  if (keyexchange === 'ikev1') return 1;
  if (keyexchange === 'ikev2') return 2;
  // keyexchange=ike leaves the choice to ikev2=; anything else is another rule's business.
  if (keyexchange !== undefined && keyexchange !== 'ike') return undefined;
  if (ikev2 === undefined) return 2;
  if (IKEV1_WORDS.has(ikev2) || (major === 5 && yesNoReading(ikev2) === 'no')) return 1;
  if (IKEV2_WORDS.has(ikev2) || (major === 5 && yesNoReading(ikev2) === 'yes')) return 2;
  return undefined;
}

/** 3.x took no keyexchange= but `ike`; `release` is the pinned one, or `3` for any. */
function readLibreswan3Version(keyexchange: string | undefined, ikev2: string | undefined, release: string): 1 | 2 | undefined {
  if (keyexchange !== undefined && keyexchange !== 'ike') return undefined;
  if (olderReleaseFrom(release, LIBRESWAN_3_ONE_VERSION_FROM) === true) {
    if (ikev2 === undefined) return 2;
    if (IKEV1_WORDS.has(ikev2)) return 1;
    return IKEV2_WORDS.has(ikev2) ? 2 : undefined;
  }
  if (ikev2 === undefined) return undefined;
  if (LIBRESWAN_3_IKEV1_WORDS.has(ikev2)) return 1;
  return LIBRESWAN_3_IKEV2_WORDS.has(ikev2) ? 2 : undefined;
}

/** The gateway runs Libreswan, as far as anything tells, and the conn's IKE version is known: it, and the releases the gateway may run. */
export function knownLibreswan(ref: ConnRef): { readonly version: 1 | 2; readonly releases: readonly string[] } | undefined {
  const dialects = possibleDialects(ref.node.dialect);
  // A 3.x release's built-in proposals are not modelled.
  if (dialects.length !== 1 || dialects[0] !== 'libreswan' || pinnedBeforeModelledLibreswan(ref.node.dialect)) return undefined;
  const version = libreswanIkeVersionOn(ref.conn, ref.node.dialect);
  return version === undefined ? undefined : { version, releases: libreswanReleases(ref.node.dialect) };
}
