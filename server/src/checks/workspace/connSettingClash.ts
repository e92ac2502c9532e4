import type { VersionRange } from '../../knowledge/ipsecConf/versions';
import { libreswanIkeVersionOn } from '../../workspace/libreswanIkeVersion';
import type { EffectiveConn, EffectiveValue, IpsecNode } from '../../workspace/model';
import { everyReleaseIn } from '../ipsecConf/dialectView';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

/**
 * Pairs of settings that Libreswan refuses together, judged on the conn after `%default` and
 * `also=`: 4.x in its config reader (validate_end in confread.c), 5.x in pluto when the conn is
 * added (some pairs only; the others 5.x takes). Only gateways pinned to releases that all refuse
 * a pair are checked for it.
 */

interface Clash {
  readonly at: EffectiveValue;
  readonly why: string;
}

const SIDES = ['left', 'right'] as const;

/** Whether the node is pinned to Libreswan releases that all lie in the range. */
function pinnedTo(node: IpsecNode, range: VersionRange): boolean {
  const choice = node.dialect.choice;
  return choice !== undefined && everyReleaseIn({ dialect: choice.dialect, version: choice.version, label: '' }, 'libreswan', range);
}

const KEY_KINDS = ['rsasigkey', 'ecdsakey', 'pubkey'] as const;

function clashes(node: IpsecNode, conn: EffectiveConn): Clash[] {
  const found: Clash[] = [];
  const get = (key: string): EffectiveValue | undefined => conn.values.get(key);
  for (const side of SIDES) {
    // 5.x's pluto: "cannot specify both leftaddresspool= and leftsubnet=" (seen with 5.2).
    const subnet = get(`${side}subnet`);
    const pool = get(`${side}addresspool`);
    if (subnet && pool) found.push({ at: pool, why: `${side}subnet= and ${side}addresspool= together` });
    if (pinnedTo(node, { from: '4.0', until: '5.0' })) {
      const cert = get(`${side}cert`);
      const ckaid = get(`${side}ckaid`);
      if (cert && ckaid) found.push({ at: ckaid, why: `both ${side}cert= and ${side}ckaid= (name the key one way)` });
    }
    const virtual = get(`${side}subnet`);
    // 5.x's pluto: "IKEv2 does not support virtual subnets" (seen with 5.2).
    if (virtual && /^(vhost|vnet):/i.test(virtual.value) && libreswanIkeVersionOn(conn, node.dialect) === 2 && pinnedTo(node, { from: '4.4' })) {
      found.push({ at: virtual, why: `${side}subnet=${virtual.value.split(':')[0]}: on an IKEv2 conn (vhost: and vnet: are IKEv1 only)` });
    }
    // A literal key stored first makes any later key of the end a second one. Keys from %default are left out:
    // 4.8 to 4.15's --checkconfig reports those for every conn, though pluto adds them (see README).
    if (pinnedTo(node, { from: '4.8', until: '5.0' })) {
      const keys = KEY_KINDS.map((kind) => get(`${side}${kind}`));
      const first = keys.findIndex((k) => k !== undefined && k.via !== 'default' && !k.value.startsWith('%'));
      const second = first < 0 ? undefined : keys.slice(first + 1).find((k) => k !== undefined && k.via !== 'default');
      if (second) found.push({ at: second, why: `two public keys for the ${side} end (${keys[first]?.setting.key.text}= and ${second.setting.key.text}=)` });
    }
  }
  return found;
}

export const connSettingClash = defineWorkspaceRule({
  code: 'conn-setting-clash',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A conn combines settings Libreswan refuses together',
  description:
    "Libreswan refuses a conn that gives one end both a subnet and an address pool, or an IKEv2 conn a `vhost:`/`vnet:` subnet (4.4 and later): 4.x's addconn (\"while loading\" it names the conn), 5.x's pluto when the conn is added (\"failed to add connection\"; seen with 5.2). Libreswan 4's addconn also refuses one end with both a certificate and a CKAID, or two public keys (4.8 and later), which 5.x's config reader passes on. Judged on the conn after `%default` and `also=`, for gateways pinned to Libreswan releases that all refuse it (`# ipsec-dialect: libreswan-4.10`, `libreswan-5` or `libreswan`). Keep one of the two settings.",
  checkNode(node, _model, report) {
    if (!pinnedTo(node, { from: '4.0' })) return;
    for (const conn of node.effective.values()) {
      for (const clash of clashes(node, conn)) {
        report({ ...locate({ node, conn }, clash.at), conn: conn.name, message: `conn ${conn.name} sets ${clash.why}: Libreswan refuses to load it` });
      }
    }
  },
});
