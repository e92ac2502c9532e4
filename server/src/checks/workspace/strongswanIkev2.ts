import { possibleDialects } from '../../workspace/ikeIdentity';
import type { ConnRef, PeerPair } from '../../workspace/peers';

/** The gateway may run strongSwan and the conn does not force IKEv1 (strongSwan starts IKEv2 by default). */
function mayRunStrongswanIkev2(ref: ConnRef): boolean {
  return possibleDialects(ref.node.dialect).includes('strongswan') && ref.conn.values.get('keyexchange')?.value.toLowerCase() !== 'ikev1';
}

/**
 * Both ends may be strongSwan speaking IKEv2, whose Child SA negotiation gives way where
 * Libreswan's refuses: it narrows traffic selectors to their overlap and answers an unconfigured
 * mode with tunnel mode (child_create.c).
 */
export function bothMayRunStrongswanIkev2({ a, b }: PeerPair): boolean {
  return mayRunStrongswanIkev2(a) && mayRunStrongswanIkev2(b);
}
