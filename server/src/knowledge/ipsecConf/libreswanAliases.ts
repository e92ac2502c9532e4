import { inRange, type VersionRange } from './versions';

/**
 * What a Libreswan release's addconn does with a conn that sets one setting under two of its
 * names (`keylife=` and `salifetime=`): both names fill one slot of confread.c's table, and the
 * second finds it taken ("duplicate key"). How it compares the two values depends on the slot's type.
 * - `always`: refused whatever the values (a text slot before 5.3);
 * - `text`: refused when the two texts differ (text slots from 5.3, every alias from 5.4);
 * - `yes-no`: refused when one reads yes and the other no;
 * - `duration`: refused when the two lengths of time differ (`1h` and `60m` agree);
 * - `unjudged`: no valid pair of values differs (remote-peer-type knows only `cisco`).
 */
export type AliasRepeat = 'always' | 'text' | 'yes-no' | 'duration' | 'unjudged';

export interface AliasGroup {
  /** Base names, the current one first. */
  readonly names: readonly string[];
  /** Written leftX=/rightX=: each end has a slot of its own. */
  readonly perEnd: boolean;
  readonly eras: readonly (VersionRange & { readonly repeat: AliasRepeat })[];
}

/**
 * Copied from lib/libipsecconf/keywords.c (v4.0 to v5.2: entries sharing a field),
 * lib/libswan/ipsecconf/keywords.c (v5.3 to v5.3.2: the `A(…)` aliases, less those a `K(…)` entry
 * of the same name shadows) and lib/libswan/ipsecconf/conn.c (v5.4: aliases are all text), and
 * seen with addconn and pluto 4.10, 5.2, 5.3.2 and 5.4 (test/unit/ipsecConf/aliasRepeat.test.ts).
 */
export const LIBRESWAN_ALIAS_GROUPS: readonly AliasGroup[] = [
  {
    names: ['ipsec-lifetime', 'salifetime', 'keylife', 'lifetime'],
    perEnd: false,
    eras: [
      { until: '5.4', repeat: 'duration' },
      { from: '5.4', repeat: 'text' },
    ],
  },
  {
    names: ['aggressive', 'aggrmode'],
    perEnd: false,
    eras: [
      { until: '5.4', repeat: 'yes-no' },
      { from: '5.4', repeat: 'text' },
    ],
  },
  {
    names: ['remote-peer-type', 'remote_peer_type'],
    perEnd: false,
    eras: [
      { from: '4.3', until: '5.3', repeat: 'unjudged' },
      { from: '5.3', repeat: 'text' },
    ],
  },
  // 5.3 gives ah= and phase2alg= slots of their own; 5.4 has pluto compare the three.
  { names: ['esp', 'ah', 'phase2alg'], perEnd: false, eras: [{ until: '5.3', repeat: 'always' }] },
  {
    names: ['sec-label', 'policy-label'],
    perEnd: false,
    eras: [
      { from: '4.3', until: '5.3', repeat: 'always' },
      { from: '5.3', repeat: 'text' },
    ],
  },
  {
    names: ['username', 'xauthusername'],
    perEnd: true,
    eras: [
      { from: '4.3', until: '5.3', repeat: 'always' },
      { from: '5.3', repeat: 'text' },
    ],
  },
  {
    names: ['dpdtimeout', 'ikev1-dpdtimeout'],
    perEnd: false,
    eras: [
      { from: '5.0', until: '5.3', repeat: 'always' },
      { from: '5.3', repeat: 'text' },
    ],
  },
  { names: ['nflog-group', 'nflog'], perEnd: false, eras: [{ from: '5.3', repeat: 'text' }] },
  {
    names: ['send-esp-tfc-padding-not-supported', 'send-no-esp-tfc'],
    perEnd: false,
    eras: [
      { from: '5.3', until: '5.4', repeat: 'yes-no' },
      { from: '5.4', repeat: 'text' },
    ],
  },
];

/** One key as written, placed in its group: `leftxauthusername` is the left end's username slot. */
export interface AliasSlot {
  readonly group: AliasGroup;
  readonly side: '' | 'left' | 'right';
}

/** Every written form of every alias, lower case (Libreswan reads keys in any case). */
const SLOT_BY_KEY: ReadonlyMap<string, AliasSlot> = new Map(
  LIBRESWAN_ALIAS_GROUPS.flatMap((group) =>
    group.names.flatMap((name): [string, AliasSlot][] =>
      group.perEnd
        ? [
            [`left${name}`, { group, side: 'left' }],
            [`right${name}`, { group, side: 'right' }],
          ]
        : [[name, { group, side: '' }]],
    ),
  ),
);

/** Every written form of every alias, lower case. */
export function libreswanAliasKeys(): Iterable<string> {
  return SLOT_BY_KEY.keys();
}

export function libreswanAliasSlot(key: string): AliasSlot | undefined {
  return SLOT_BY_KEY.get(key.toLowerCase());
}

/** How the release settles two keys of one slot; undefined when the release has no such slot. */
export function aliasRepeatIn(slot: AliasSlot, release: string): AliasRepeat | undefined {
  return slot.group.eras.find((era) => inRange(era, release))?.repeat;
}
