import { authbyWords, nodeRunsLibreswan } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { libreswanIkeVersionOn } from '../../workspace/libreswanIkeVersion';
import { defineWorkspaceRule } from '../workspaceRule';
import { isShunt } from './libreswanRefusal';
import { locate } from './peerReport';

const IKEV1_METHODS = new Set(['secret', 'rsasig', 'rsa', 'never']);

/** What Libreswan's IKEv1 refuses in a conn's authentication settings, in words; undefined when it loads. */
function refusal(authby: string | undefined, leftauth: boolean, rightauth: boolean): string | undefined {
  if (leftauth || rightauth) return `${leftauth ? 'leftauth=' : 'rightauth='} is IKEv2 only`;
  const words = authbyWords(authby);
  const foreign = words.filter((w) => !IKEV1_METHODS.has(w));
  if (foreign.length > 0) return `authby=${foreign.join(',')} is IKEv2 only (IKEv1 takes secret, rsasig or never)`;
  if (words.length > 1) return 'IKEv1 takes one method per conn, not a list';
  return undefined;
}

export const ikev1Authby = defineWorkspaceRule({
  code: 'ikev1-authby',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "An IKEv1 conn's authentication settings are ones Libreswan takes for IKEv2 only",
  description:
    "With `ikev2=no`, `never` or `permit` (or `keyexchange=ikev1`) Libreswan 4 and 5 accept exactly one of `authby=secret`, `rsasig` or `never` and no `leftauth=`/`rightauth=`; `authby=ecdsa`, `rsa-sha2`, `null` or a list of methods stops the conn from loading (\"ikev1 connection must use authby= of rsasig, secret or never\"). Judged on the conn after `%default` and `also=`; a shunt (`type=passthrough`, `drop`, `reject`) is left to `libreswan-conn-refused`, since from 5.3 pluto ignores its methods. When the gateway's daemon is not known, a warning, and only a notice if it may be strongSwan, whose IKEv1 takes `leftauth=` and signs with ECDSA too.",
  checkNode(node, _model, report) {
    const libreswan = nodeRunsLibreswan(node);
    if (libreswan === 'no') return;
    // Where the daemon is not known and strongSwan is one it may be, only some plausible daemons object: a notice.
    const strongswanToo = libreswan === 'maybe' && node.dialect.plausible.includes('strongswan');
    for (const conn of node.effective.values()) {
      // A shunt negotiates nothing: 5.3 on ignore its methods, and before that libreswan-conn-refused names what refuses it.
      if (!mayBeLoaded(node, conn) || isShunt(conn) || libreswanIkeVersionOn(conn, node.dialect) !== 1) continue;
      const authby = conn.values.get('authby');
      const why = refusal(authby?.value, conn.values.has('leftauth'), conn.values.has('rightauth'));
      if (!why) continue;
      const at = conn.values.get('leftauth') ?? conn.values.get('rightauth') ?? authby;
      report({
        ...locate({ node, conn }, at),
        conn: conn.name,
        message: `conn ${conn.name} is IKEv1, and ${why}: Libreswan refuses to load it; use IKEv2 or authby=rsasig/secret${strongswanToo ? " (strongSwan, which this gateway may run, loads it)" : ''}`,
        severity: libreswan === 'maybe' ? (strongswanToo ? 'info' : 'warning') : undefined,
      });
    }
  },
});
