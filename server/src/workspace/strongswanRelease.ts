import { DIALECT_TRAITS } from '../knowledge/ipsecConf/dialects';
import { expandVersion } from '../knowledge/ipsecConf/versions';
import { possibleDialects } from './ikeIdentity';
import type { IpsecNode } from './model';
import type { ConnRef } from './peers';

/** The strongSwan releases a gateway may run, when nothing says it runs another daemon: the pinned release or major, else every one. */
export function strongswanReleasesOf(node: IpsecNode): readonly string[] | undefined {
  const dialects = possibleDialects(node.dialect);
  if (dialects.length !== 1 || dialects[0] !== 'strongswan') return undefined;
  const choice = node.dialect.choice;
  return expandVersion('strongswan', choice?.dialect === 'strongswan' ? choice.version : undefined) ?? DIALECT_TRAITS.strongswan.releases;
}

/** The same for the gateway that holds a conn. */
export function knownStrongswanReleases(ref: ConnRef): readonly string[] | undefined {
  return strongswanReleasesOf(ref.node);
}
