import type { ConnRef } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { certNotAskedFor } from './certNotAskedFor';
import { bothWays, describeConn, locate } from './peerReport';
import { inlineKey, KEY_KINDS } from './peerKeyMismatch';

/** Whether the receiving end can check our signature without being sent our certificate: it holds it, or our key inline. */
function holdsOurKey(receiver: ConnRef): boolean {
  if (receiver.conn.values.has('rightcert')) return true;
  return KEY_KINDS.some((kind) => {
    const value = receiver.conn.values.get(`right${kind}`)?.value;
    return value !== undefined && inlineKey(value) !== undefined;
  });
}

export const peerCertNotSent = defineWorkspaceRule({
  code: 'peer-cert-not-sent',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A gateway never sends its certificate to a peer that does not hold it',
  description:
    "With `leftsendcert=never` a gateway signs with its `leftcert` but never sends the certificate, so the peer can check the signature only with a copy of its own (`rightcert=`, or the key inline as `rightrsasigkey=`). When the peer conn has neither, authentication fails. A certificate that a Libreswan peer merely holds in its NSS database does not count: pluto 4.10 checked the signature only against the certificate its conn names (`rightcert=`), and failed with a copy in NSS alone. Send the certificate (`leftsendcert=always`, or leave the default) or give the peer a copy.\n\nstrongSwan's default, `leftsendcert=ifasked`, sends the certificate only to a peer that asks for it. Libreswan starting an IKEv2 tunnel asks only when its conn names the peer's CA (`rightca=`, or `rightca=%same`) and holds no copy of the certificate, so such a tunnel fails when Libreswan starts it (an error when its conn has `auto=start` or `route`, else a warning: it comes up only when strongSwan starts it). Seen between Libreswan 4.10 and strongSwan 5.9.8.",
  checkPair(pair, _model, report) {
    for (const [sender, receiver] of bothWays(pair)) {
      const holdsKey = holdsOurKey(receiver);
      const unasked = certNotAskedFor(sender, receiver, holdsKey);
      if (unasked) {
        const setting = sender.conn.values.get('leftsendcert') ?? sender.conn.values.get('leftcert');
        const when = unasked.peerStarts ? 'which starts this tunnel' : 'so the tunnel comes up only when this side starts it';
        report({
          ...locate(sender, setting),
          conn: sender.conn.name,
          severity: unasked.peerStarts ? 'error' : 'warning',
          message: `strongSwan sends this certificate only when asked (leftsendcert=${unasked.sendcert}${sender.conn.values.has('leftsendcert') ? '' : ', the default'}), and the Libreswan peer (${describeConn(receiver)}) asks for none when it starts the exchange: it has no rightca= and no copy of the certificate, ${when}; set leftsendcert=always here, or rightca= on the peer`,
          related: [{ ...locate(receiver, receiver.conn.values.get('auto') ?? receiver.conn.values.get('rightid')), message: "the peer's conn" }],
        });
        continue;
      }
      const sendcert = sender.conn.values.get('leftsendcert');
      const never = sendcert && ['never', 'no'].includes(sendcert.value.trim().toLowerCase());
      if (!sendcert || !never || !sender.conn.values.has('leftcert') || holdsKey) continue;
      report({
        ...locate(sender, sendcert),
        conn: sender.conn.name,
        message: `leftsendcert=${sendcert.value} keeps the certificate from the peer (${describeConn(receiver)}), which holds no copy of it (no rightcert=): the peer cannot check this gateway's signature and authentication fails; send it or give the peer a copy`,
        related: [{ ...locate(receiver, receiver.conn.values.get('rightid') ?? receiver.conn.values.get('right')), message: "the peer's conn" }],
      });
    }
  },
});
