import type { VersionRange } from '../../knowledge/ipsecConf/versions';
import type { EffectiveConn, EffectiveValue, IpsecNode } from '../../workspace/model';
import { everyReleaseIn } from '../ipsecConf/dialectView';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate } from './peerReport';

/**
 * Pairs of settings that Libreswan 4's config reader (validate_end in confread.c) refuses together,
 * judged on the conn after `%default` and `also=`. Libreswan 5 hands these to pluto, so only
 * gateways pinned to 4.x releases that all do so are checked.
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

/** IKEv2 in 4.x: unless ikev2= says never, no or permit (or keyexchange=ikev1), which give IKEv1. */
function usesIkev2(conn: EffectiveConn): boolean {
  if (conn.values.get('keyexchange')?.value.toLowerCase() === 'ikev1') return false;
  const ikev2 = conn.values.get('ikev2')?.value.toLowerCase();
  return ikev2 === undefined || ['yes', 'propose', 'insist', 'always'].includes(ikev2);
}

const KEY_KINDS = ['rsasigkey', 'ecdsakey', 'pubkey'] as const;

function clashes(node: IpsecNode, conn: EffectiveConn): Clash[] {
  const found: Clash[] = [];
  const get = (key: string): EffectiveValue | undefined => conn.values.get(key);
  for (const side of SIDES) {
    if (pinnedTo(node, { from: '4.0', until: '5.0' })) {
      const subnet = get(`${side}subnet`);
      const pool = get(`${side}addresspool`);
      if (subnet && pool) found.push({ at: pool, why: `${side}subnet= and ${side}addresspool= together` });
      const cert = get(`${side}cert`);
      const ckaid = get(`${side}ckaid`);
      if (cert && ckaid) found.push({ at: ckaid, why: `both ${side}cert= and ${side}ckaid= (name the key one way)` });
    }
    const virtual = get(`${side}subnet`);
    if (virtual && /^(vhost|vnet):/i.test(virtual.value) && usesIkev2(conn) && pinnedTo(node, { from: '4.4', until: '5.0' })) {
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
  title: 'A conn combines settings Libreswan 4 refuses together',
  description:
    "Libreswan 4's addconn refuses a conn (\"while loading\" it names the conn) that gives one end both a subnet and an address pool, both a certificate and a CKAID, or two public keys (4.8 and later), and an IKEv2 conn with a `vhost:`/`vnet:` subnet (4.4 and later). Judged on the conn after `%default` and `also=`, for gateways pinned to Libreswan 4 releases (`# ipsec-dialect: libreswan-4.10` or `libreswan-4`); Libreswan 5 leaves these to pluto. Keep one of the two settings.",
  checkNode(node, _model, report) {
    if (!pinnedTo(node, { from: '4.0', until: '5.0' })) return;
    for (const conn of node.effective.values()) {
      for (const clash of clashes(node, conn)) {
        report({ ...locate({ node, conn }, clash.at), conn: conn.name, message: `conn ${conn.name} sets ${clash.why}: Libreswan 4 refuses to load it` });
      }
    }
  },
});
