import { possibleDialects } from '../../workspace/ikeIdentity';
import { knownLibreswan, libreswanIkeVersionOn } from '../../workspace/libreswanIkeVersion';
import type { EffectiveConn } from '../../workspace/model';
import type { ConnRef, PeerPair } from '../../workspace/peers';
import { isJustHost } from '../../workspace/subnets';

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

/** `narrowing=yes` on a conn that may speak IKEv2 on a gateway that may run Libreswan: it narrows traffic selectors as strongSwan does. */
export function libreswanNarrows(ref: ConnRef): boolean {
  if (ref.conn.values.get('narrowing')?.value.trim().toLowerCase() !== 'yes') return false;
  return possibleDialects(ref.node.dialect).includes('libreswan') && libreswanIkeVersionOn(ref.conn, ref.node.dialect) !== 1;
}

/** The end may narrow traffic selectors over IKEv2: strongSwan always, Libreswan with `narrowing=yes`. */
export function mayNarrowSelectors(ref: ConnRef): boolean {
  return mayRunStrongswanIkev2(ref) || libreswanNarrows(ref);
}

/** No subnet beyond the end's own address: a conn between two hosts. */
function hostToHost(conn: EffectiveConn): boolean {
  return (['left', 'right'] as const).every((side) => {
    const subnet = conn.values.get(`${side}subnet`)?.value;
    if (subnet === undefined) return true;
    const host = conn.values.get(side)?.value.trim();
    return host !== undefined && isJustHost(subnet, host);
  });
}

/** The conn may speak IKEv2: its gateway may run strongSwan or Libreswan, read so (Openswan's IKEv2 is not judged). */
function speaksIkev2(ref: ConnRef): boolean {
  const keyexchange = ref.conn.values.get('keyexchange')?.value.trim().toLowerCase();
  return possibleDialects(ref.node.dialect).some((dialect) => {
    if (dialect === 'strongswan') return keyexchange !== 'ikev1';
    if (dialect === 'libreswan') return libreswanIkeVersionOn(ref.conn, ref.node.dialect) === 2;
    return false;
  });
}

/** The conn may negotiate over IKEv1 (Openswan's IKEv2 is not judged, so Openswan counts as IKEv1). */
export function mayUseIkev1(ref: ConnRef): boolean {
  const keyexchange = ref.conn.values.get('keyexchange')?.value.trim().toLowerCase();
  return possibleDialects(ref.node.dialect).some((dialect) => {
    if (dialect === 'strongswan') return keyexchange === 'ikev1' || keyexchange === 'ike';
    if (dialect === 'libreswan') return libreswanIkeVersionOn(ref.conn, ref.node.dialect) !== 2;
    return true;
  });
}

/** The gateway runs Libreswan, as far as anything tells, and the conn speaks IKEv2. */
export function knownLibreswanIkev2(ref: ConnRef): boolean {
  return knownLibreswan(ref)?.version === 2;
}

function typeOf(ref: ConnRef): string {
  return (ref.conn.values.get('type')?.value ?? 'tunnel').trim().toLowerCase();
}

/**
 * Over IKEv2 between two hosts (no subnets), a transport end that runs strongSwan answers a
 * tunnel request in tunnel mode, and a tunnel end that runs strongSwan or Libreswan answers a
 * transport request in tunnel mode too: the pair comes up, in tunnel mode, whoever starts it
 * (strongSwan 5.9.8 with itself and with Libreswan 4.10). Libreswan at the transport end refuses
 * tunnel requests, and with subnets strongSwan's transport mode narrows the conn's traffic to the
 * hosts' addresses and refuses the subnets the other end asks for (TS_UNACCEPTABLE).
 */
export function modeFallsBackToTunnel(pair: PeerPair): boolean {
  const transport = typeOf(pair.a) === 'transport' ? pair.a : typeOf(pair.b) === 'transport' ? pair.b : undefined;
  if (!transport) return false;
  const tunnel = transport === pair.a ? pair.b : pair.a;
  const dialects = (ref: ConnRef) => possibleDialects(ref.node.dialect);
  const answersTransportWithTunnel = dialects(tunnel).some((d) => d === 'strongswan' || d === 'libreswan');
  return dialects(transport).includes('strongswan') && answersTransportWithTunnel && speaksIkev2(pair.a) && speaksIkev2(pair.b) && hostToHost(pair.a.conn) && hostToHost(pair.b.conn);
}
