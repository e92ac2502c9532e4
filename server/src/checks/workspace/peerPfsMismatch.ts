import type { PeerPair } from '../../workspace/peers';
import { defineWorkspaceRule } from '../workspaceRule';
import { ikeVersions } from './peerIkeVersionMismatch';
import { checkSharedSetting } from './peerSettingMismatch';

/** Both ends say they speak IKEv1 only: Quick Mode is where a missing PFS group is refused. */
function ikev1Only({ a, b }: PeerPair): boolean {
  const only1 = (versions: ReadonlySet<1 | 2> | undefined): boolean => versions !== undefined && versions.size === 1 && versions.has(1);
  return only1(ikeVersions(a.conn)?.versions) && only1(ikeVersions(b.conn)?.versions);
}

export const peerPfsMismatch = defineWorkspaceRule({
  code: 'peer-pfs-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'One end asks for perfect forward secrecy and the other does not',
  description:
    "`pfs=` defaults to yes. With IKEv1 a responder that wants PFS refuses an initiator that offers none (\"we require PFS but Quick I1 SA specifies no GROUP_DESCRIPTION\"), so the tunnel comes up only when the side with `pfs=yes` starts it: an error. With IKEv2 the first Child SA needs no key exchange and comes up either way; the difference shows at rekeying, so it is a warning. Set the same value on both sides.",
  checkPair(pair, _model, report) {
    checkSharedSetting(pair, report, {
      key: 'pfs',
      normalize: (v) => (/^(y|yes|true|on|1)$/i.test(v.trim()) ? 'yes' : /^(n|no|false|off|0)$/i.test(v.trim()) ? 'no' : v.toLowerCase()),
      fallback: 'yes',
      consequence: (p) =>
        ikev1Only(p)
          ? 'with IKEv1 the side that wants PFS refuses Quick Mode from the side that offers none, so the tunnel depends on who starts it; set the same value on both sides'
          : 'the first Child SA comes up, but rekeying may fail depending on which side starts it; set the same value on both sides',
      severity: (p) => (ikev1Only(p) ? undefined : 'warning'),
    });
  },
});
