import { lookupKeyword } from '../knowledge/ipsecConf/lookup';
import { pinnedBeforeModelledLibreswan } from '../model/dialect';
import { configSetupSetting, type SetupSetting } from './configSetup';
import { libreswanReleases } from './libreswanIkeVersion';
import type { IpsecNode } from './model';

/**
 * Whether Libreswan adds IKEv1 conns on this gateway. pluto refuses them ("global ikev1-policy
 * does not allow IKEv1 connections") unless `ikev1-policy=accept`; the default is `drop` from 5.0,
 * and in Debian's packages of 4.5 to 4.15. `some` means some releases or packages the gateway may
 * run refuse them and others add them.
 */
export interface Ikev1Policy {
  readonly refused: 'all' | 'some' | 'none';
  /** The `ikev1-policy=` line that decides, when config setup has one. */
  readonly explicit?: SetupSetting;
  /** Who refuses when only some do: the releases, the packagers that changed the default, or both. */
  readonly refusedBy?: string;
}

export function libreswanIkev1Policy(node: IpsecNode): Ikev1Policy {
  const explicit = configSetupSetting(node, 'ikev1-policy');
  // Libreswan 3 had no such policy: it added every IKEv1 conn.
  if (pinnedBeforeModelledLibreswan(node.dialect)) return { refused: 'none', explicit };
  const written = explicit?.setting.value?.text.trim().toLowerCase();
  // A value no release reads is bad-value's to report.
  if (written !== undefined && !['accept', 'drop', 'reject'].includes(written)) return { refused: 'none', explicit };
  const releases = libreswanReleases(node.dialect);
  let refusing = 0;
  let packagers: string | undefined;
  for (const release of releases) {
    const lookup = lookupKeyword('ikev1-policy', 'libreswan', release);
    // Releases that do not know the keyword accept IKEv1 (and refuse the file if it is written).
    const policy = written ?? (lookup.status === 'unknown' ? 'accept' : lookup.default);
    if (policy !== 'accept') refusing++;
    else if (written === undefined && lookup.availability?.packagedDefault && lookup.availability.packagedDefault.value !== 'accept') packagers = lookup.availability.packagedDefault.by;
  }
  if (refusing === releases.length) return { refused: 'all', explicit };
  const refusedBy = [...(refusing > 0 ? ['Libreswan 5'] : []), ...(packagers ? [packagers] : [])];
  return refusedBy.length > 0 ? { refused: 'some', explicit, refusedBy: refusedBy.join(' and ') } : { refused: 'none', explicit };
}
