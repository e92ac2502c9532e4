import { yesNoReading } from '../../text/yesNo';
import { nodeRunsLibreswan } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { libreswanIkev1Setting, libreswanIkeVersionOn } from '../../workspace/libreswanIkeVersion';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

const XAUTH_KEYS = ['leftxauthserver', 'leftxauthclient', 'rightxauthserver', 'rightxauthclient'] as const;

export const xauthOnIkev2 = defineWorkspaceRule({
  code: 'xauth-on-ikev2',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'XAUTH asked for on an IKEv2 conn',
  description:
    "XAUTH (`leftxauthserver=yes`, `leftxauthclient=yes`) is an IKEv1 extension. Libreswan adds an IKEv2 conn that asks for it and simply leaves it out (5.4 logs \"IKEv2 connection ignores\" for each such setting; 4.x to 5.3 say nothing), so the tunnel comes up without the user name and password step the conn was written for, or a peer that insists on XAUTH gives up. Libreswan conns speak IKEv2 unless they say `keyexchange=ikev1` (5.x) or `ikev2=no` (4.x, and 3.28 to 3.32 when the files are pinned to such a release; before 3.28 a conn without `ikev2=` spoke both versions). Judged after `%default` and `also=`, for gateways known to run Libreswan. Say `keyexchange=ikev1` (5.x) or `ikev2=no` (4.x and 3.x, which took no other `keyexchange=` than `ike`) where the peer needs XAUTH, or drop the XAUTH settings.",
  checkNode(node, _model, report) {
    if (nodeRunsLibreswan(node) !== 'yes') return;
    for (const conn of node.effective.values()) {
      if (!mayBeLoaded(node, conn) || libreswanIkeVersionOn(conn, node.dialect) !== 2) continue;
      for (const key of XAUTH_KEYS) {
        const at = conn.values.get(key);
        if (!at || yesNoReading(at.value.trim()) !== 'yes') continue;
        report({
          ...locate({ node, conn }, at.via === 'self' ? at : undefined),
          conn: conn.name,
          message: `conn ${conn.name} speaks IKEv2, which has no XAUTH: Libreswan ignores ${key}=${at.value.trim()} and authenticates without it; say ${libreswanIkev1Setting(node.dialect)} if the peer needs XAUTH, or drop the setting`,
        });
      }
    }
  },
});
