import { KEY_EXCHANGE_GROUPS } from '../knowledge/keyExchangeGroups';
import { knownLibreswan } from './libreswanIkeVersion';
import type { EffectiveValue } from './model';
import { offeredList } from './offeredProposals';
import type { ConnRef } from './peers';
import { parseProposals } from './proposals';
import { knownStrongswanReleases } from './strongswanRelease';

/** The DH groups an IKEv1 end may use for PFS in Quick Mode. */
export interface QuickModeGroups {
  readonly groups: ReadonlySet<string>;
  /** A Libreswan esp= that names no group takes the IKE SA's: one both ends' ike= lists hold. */
  readonly fromIkeSa: boolean;
  readonly value?: EffectiveValue;
  readonly daemon: 'libreswan' | 'strongswan';
}

const espOf = (ref: ConnRef): EffectiveValue | undefined => ref.conn.values.get('esp') ?? ref.conn.values.get('phase2alg');

/** The groups every proposal names, `none` when none names one, undefined when some do and some do not, or unread. */
function namedGroups(value: string): ReadonlySet<string> | 'none' | undefined {
  const proposals = parseProposals(value);
  if (!proposals) return undefined;
  const withGroup = proposals.filter((p) => p.dh.size > 0);
  if (withGroup.length === 0) return 'none';
  return withGroup.length === proposals.length ? new Set(withGroup.flatMap((p) => [...p.dh])) : undefined;
}

/** The groups an end's IKE proposals offer, its daemon's defaults filled in; undefined when one is left open. */
function ikeGroups(ref: ConnRef): ReadonlySet<string> | undefined {
  const list = offeredList(ref, ['ike'], 'ike');
  if (!list || list.widened !== 'no' || list.proposals.some((p) => p.dh.size === 0)) return undefined;
  return new Set(list.proposals.flatMap((p) => [...p.dh]));
}

/**
 * The groups an IKEv1 end that wants PFS (the caller has read `pfs=` and `esp=` so) may use in
 * Quick Mode, where its daemon is known: those a strict strongSwan `esp=` names, or for Libreswan
 * those its `esp=` names or else the IKE SA's (pluto takes the group the IKE SA settled on).
 */
export function quickModeGroups(ref: ConnRef, peer: ConnRef): QuickModeGroups | undefined {
  const value = espOf(ref);
  const libreswan = knownLibreswan(ref);
  if (libreswan) {
    if (libreswan.version !== 1) return undefined;
    const named = value ? namedGroups(value.value) : 'none';
    if (named === undefined) return undefined;
    if (named !== 'none') return { groups: named, fromIkeSa: false, value, daemon: 'libreswan' };
    const ours = ikeGroups(ref);
    const theirs = ikeGroups(peer);
    const shared = ours && theirs ? new Set([...ours].filter((group) => theirs.has(group))) : undefined;
    return shared && shared.size > 0 ? { groups: shared, fromIkeSa: true, value, daemon: 'libreswan' } : undefined;
  }
  if (!knownStrongswanReleases(ref) || !value?.value.trim().endsWith('!')) return undefined;
  const named = namedGroups(value.value);
  return named === undefined || named === 'none' ? undefined : { groups: named, fromIkeSa: false, value, daemon: 'strongswan' };
}

/** `2048-bit MODP or Curve25519`. */
export function describeGroups(groups: ReadonlySet<string>): string {
  return [...groups].map((group) => KEY_EXCHANGE_GROUPS[group] ?? `DH group ${group}`).join(' or ');
}
