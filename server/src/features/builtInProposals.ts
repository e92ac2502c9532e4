import { knownLibreswan } from '../workspace/libreswanIkeVersion';
import { describeBuiltIn } from '../workspace/libreswanProposalDefaults';
import type { ConnRef } from '../workspace/peers';
import { describeStrongswanDefaults, strongswanDefaultProposals } from '../workspace/strongswanProposalDefaults';
import { knownStrongswanReleases } from '../workspace/strongswanRelease';

/** A proposal list a conn leaves to its daemon: Libreswan's built-in one, or strongSwan's defaults. */
export interface BuiltInList {
  readonly key: 'ike' | 'esp';
  readonly daemon: 'libreswan' | 'strongswan';
  /** Libreswan's lists differ between IKE versions; strongSwan's do not. */
  readonly ikeVersion?: 1 | 2;
  /** What the daemon then offers, in words. */
  readonly proposals: string;
  /** strongSwan adds its defaults to a list without `!`, rather than offering them in its place. */
  readonly addedToList?: true;
}

const unsetKeys = (ref: ConnRef): Array<'ike' | 'esp'> =>
  (['ike', 'esp'] as const).filter((key) => (key === 'ike' ? !ref.conn.values.has('ike') : !ref.conn.values.has('esp') && !ref.conn.values.has('phase2alg')));

/** The lists a conn leaves to its daemon, where the daemon (and for strongSwan a release from 5.6.1) is known: unset, or for strongSwan without `!`; and what the daemon offers. */
export function builtInLists(ref: ConnRef): BuiltInList[] {
  const libreswan = knownLibreswan(ref);
  if (libreswan) return unsetKeys(ref).map((key) => ({ key, daemon: 'libreswan', ikeVersion: libreswan.version, proposals: describeBuiltIn(key, libreswan.version, libreswan.releases) }));
  const releases = knownStrongswanReleases(ref);
  if (!releases) return [];
  const unset = unsetKeys(ref);
  return (['ike', 'esp'] as const)
    .filter((key) => strongswanDefaultProposals(key, releases) !== undefined)
    .flatMap((key): BuiltInList[] => {
      if (unset.includes(key)) return [{ key, daemon: 'strongswan', proposals: describeStrongswanDefaults(key, releases) }];
      const written = ref.conn.values.get(key)?.value.trim();
      return written && !written.endsWith('!') ? [{ key, daemon: 'strongswan', proposals: describeStrongswanDefaults(key, releases), addedToList: true }] : [];
    });
}

/** `ike= not set: …`, as a comment line of the effective conn. */
export function describeBuiltInList(list: BuiltInList): string {
  if (list.addedToList) return `${list.key}= has no '!': strongSwan adds its default proposals, ${list.proposals}`;
  if (list.daemon === 'strongswan') return `${list.key}= not set: strongSwan's default proposals, ${list.proposals}`;
  return `${list.key}= not set: Libreswan's built-in IKEv${list.ikeVersion ?? 2} proposals, ${list.proposals}`;
}
