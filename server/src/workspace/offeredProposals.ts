import { possibleDialects } from './ikeIdentity';
import { knownLibreswan } from './libreswanIkeVersion';
import { libreswanBuiltInProposals, withLibreswanDefaults } from './libreswanProposalDefaults';
import type { EffectiveValue } from './model';
import type { ConnRef } from './peers';
import { parseProposals, type Proposal } from './proposals';
import { asStrongswanReadsThem, strongswanDefaultProposals } from './strongswanProposalDefaults';
import { knownStrongswanReleases } from './strongswanRelease';

/** strongSwan appends its default proposals unless the list ends in `!` (strict): surely, or perhaps when the daemon is not known. */
export function widenedByStrongswan(ref: ConnRef, value: string): 'yes' | 'maybe' | 'no' {
  if (value.trim().endsWith('!') || !possibleDialects(ref.node.dialect).includes('strongswan')) return 'no';
  return ref.node.dialect.choice?.dialect === 'strongswan' ? 'yes' : 'maybe';
}

export type ProposalKind = 'ike' | 'esp';
type Daemon = 'libreswan' | 'strongswan';

/** One end's proposals as its daemon offers them: its list, the daemon's defaults in its place, or both. */
export interface OfferedList {
  readonly ref: ConnRef;
  /** Missing for a conn that sets no list, where its daemon's defaults are known. */
  readonly value?: EffectiveValue;
  readonly proposals: readonly Proposal[];
  readonly widened: 'maybe' | 'no';
  /** Whose defaults stand in for the list or, for strongSwan without `!`, join it. */
  readonly defaults?: Daemon;
}

/** What one end offers for `keys` (`ike`, or `esp` and `phase2alg`), where its daemon's reading is known. */
export function offeredList(ref: ConnRef, keys: readonly string[], kind: ProposalKind): OfferedList | undefined {
  const value = keys.map((k) => ref.conn.values.get(k)).find((v) => v !== undefined);
  const libreswan = knownLibreswan(ref);
  const strongswanReleases = libreswan ? undefined : knownStrongswanReleases(ref);
  const strongswanDefaults = strongswanReleases && strongswanDefaultProposals(kind, strongswanReleases);
  if (!value) {
    if (libreswan) return { ref, proposals: libreswanBuiltInProposals(kind, libreswan.version, libreswan.releases), widened: 'no', defaults: 'libreswan' };
    return strongswanDefaults && { ref, proposals: strongswanDefaults, widened: 'no', defaults: 'strongswan' };
  }
  const parsed = parseProposals(value.value);
  if (!parsed) return undefined;
  const widened = widenedByStrongswan(ref, value.value);
  if (widened === 'yes') {
    const own = strongswanDefaults && asStrongswanReadsThem(parsed, kind);
    return own && { ref, value, proposals: [...own, ...strongswanDefaults], widened: 'no', defaults: 'strongswan' };
  }
  const proposals = readAsDaemonReadsThem(ref, parsed, kind);
  return proposals && { ref, value, proposals, widened };
}

/** A written list as the gateway's daemon reads it, omissions filled in where the daemon is known. */
export function readAsDaemonReadsThem(ref: ConnRef, parsed: readonly Proposal[], kind: ProposalKind): readonly Proposal[] | undefined {
  const libreswan = knownLibreswan(ref);
  if (libreswan) return withLibreswanDefaults(parsed, kind, libreswan.version, libreswan.releases);
  return ref.node.dialect.choice?.dialect === 'strongswan' ? asStrongswanReadsThem(parsed, kind) : parsed;
}
