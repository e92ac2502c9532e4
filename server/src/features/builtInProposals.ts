import { knownLibreswan } from '../workspace/libreswanIkeVersion';
import { describeBuiltIn } from '../workspace/libreswanProposalDefaults';
import type { ConnRef } from '../workspace/peers';

/** A proposal list a conn leaves to Libreswan's built-in one. */
export interface BuiltInList {
  readonly key: 'ike' | 'esp';
  readonly ikeVersion: 1 | 2;
  /** What the daemon then offers, in words. */
  readonly proposals: string;
}

/** The lists a conn of a gateway known to run Libreswan does not set, and what it offers instead. */
export function builtInLists(ref: ConnRef): BuiltInList[] {
  const libreswan = knownLibreswan(ref);
  if (!libreswan) return [];
  const unset = (['ike', 'esp'] as const).filter((key) => (key === 'ike' ? !ref.conn.values.has('ike') : !ref.conn.values.has('esp') && !ref.conn.values.has('phase2alg')));
  return unset.map((key) => ({ key, ikeVersion: libreswan.version, proposals: describeBuiltIn(key, libreswan.version, libreswan.releases) }));
}

/** `ike= not set: …`, as a comment line of the effective conn. */
export function describeBuiltInList(list: BuiltInList): string {
  return `${list.key}= not set: Libreswan's built-in IKEv${list.ikeVersion} proposals, ${list.proposals}`;
}
