import { nodeRunsLibreswan } from '../../workspace/authMethods';
import { startsOnLoad } from '../../workspace/autoStarts';
import { libreswanIkeVersionOn } from '../../workspace/libreswanIkeVersion';
import type { ConnRef } from '../../workspace/peers';
import { usesPsk } from '../../workspace/pskLookup';

/** What keeps a strongSwan end's certificate from a Libreswan peer that starts the tunnel. */
export interface CertNotAskedFor {
  readonly sendcert: string;
  /** The Libreswan side starts the tunnel itself (auto=start/route): it then fails every time. */
  readonly peerStarts: boolean;
}

/**
 * strongSwan sends its certificate only when asked (`leftsendcert=ifasked`, its default), and
 * Libreswan starting an IKEv2 exchange asks only for a CA it knows by name (`rightca=`), and not
 * when it holds the peer's key already (pluto's need_v2CERTREQ_in_IKE_AUTH_request). Without
 * either, the strongSwan responder answers without its certificate and pluto cannot check it
 * ("no certificate matched", seen between Libreswan 4.10 and strongSwan 5.9.8). Answering,
 * Libreswan always asks, so only the tunnels it starts fail.
 */
export function certNotAskedFor(sender: ConnRef, receiver: ConnRef, receiverHoldsKey: boolean): CertNotAskedFor | undefined {
  if (sender.node.dialect.choice?.dialect !== 'strongswan' || nodeRunsLibreswan(receiver.node) !== 'yes') return undefined;
  if (!sender.conn.values.has('leftcert') || receiverHoldsKey) return undefined;
  const sendcert = (sender.conn.values.get('leftsendcert')?.value ?? 'ifasked').trim().toLowerCase();
  if (sendcert !== 'ifasked') return undefined;
  if (usesPsk(sender.conn)) return undefined;
  if (sender.conn.values.get('keyexchange')?.value.trim().toLowerCase() === 'ikev1') return undefined;
  if (libreswanIkeVersionOn(receiver.conn, receiver.node.dialect) !== 2) return undefined;
  if ((receiver.conn.values.get('rightca')?.value.trim() ?? '') !== '') return undefined;
  return { sendcert, peerStarts: startsOnLoad(receiver.conn) };
}
