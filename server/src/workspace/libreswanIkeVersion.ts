import { DIALECT_TRAITS } from '../knowledge/ipsecConf/dialects';
import { expandVersion } from '../knowledge/ipsecConf/versions';
import type { DialectGuess } from '../model/dialect';
import { possibleDialects } from './ikeIdentity';
import type { EffectiveConn } from './model';
import type { ConnRef } from './peers';
import { yesNoReading } from '../text/yesNo';

export type LibreswanMajor = 4 | 5;

/** ikev2= words as both releases read them (confread.c); Libreswan 5 also takes the other yes/no spellings. */
const IKEV1_WORDS = new Set(['never', 'permit', 'no']);
const IKEV2_WORDS = new Set(['propose', 'insist', 'always', 'yes']);

/**
 * The one IKE version a Libreswan conn speaks: IKEv2 unless `keyexchange=ikev1` or an `ikev2=`
 * that reads as no (`never`, `no`, and `permit`, which Libreswan 4 and 5 both take for IKEv1).
 * Undefined when the releases given read the words differently or not at all.
 */
export function libreswanIkeVersion(conn: EffectiveConn, majors: readonly LibreswanMajor[] = [4, 5]): 1 | 2 | undefined {
  const readings = new Set(majors.map((major) => readVersion(conn, major)));
  return readings.size === 1 ? [...readings][0] : undefined;
}

/** The Libreswan releases a gateway's dialect stands for. */
export function libreswanMajors(dialect: DialectGuess): readonly LibreswanMajor[] {
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
  if (keyexchange === 'ikev1') return 1;
  if (keyexchange === 'ikev2') return 2;
  // keyexchange=ike leaves the choice to ikev2=; anything else is another rule's business.
  if (keyexchange !== undefined && keyexchange !== 'ike') return undefined;
  if (ikev2 === undefined) return 2;
  if (IKEV1_WORDS.has(ikev2) || (major === 5 && yesNoReading(ikev2) === 'no')) return 1;
  if (IKEV2_WORDS.has(ikev2) || (major === 5 && yesNoReading(ikev2) === 'yes')) return 2;
  return undefined;
}

/** The gateway runs Libreswan, as far as anything tells, and the conn's IKE version is known: it, and the releases the gateway may run. */
export function knownLibreswan(ref: ConnRef): { readonly version: 1 | 2; readonly releases: readonly string[] } | undefined {
  const dialects = possibleDialects(ref.node.dialect);
  if (dialects.length !== 1 || dialects[0] !== 'libreswan') return undefined;
  const version = libreswanIkeVersion(ref.conn, libreswanMajors(ref.node.dialect));
  return version === undefined ? undefined : { version, releases: libreswanReleases(ref.node.dialect) };
}
