import { ALSO_CONN } from './layout';
import { always, type Mutation } from './mutationKit';
import type { SideConfig } from './spec';

/** Keys the `also` layout moves into the shared conn, with another value of the same kind. */
const OVERRIDES: Record<string, (value: string) => string> = {
  type: (v) => (v === 'transport' ? 'tunnel' : 'transport'),
  keyingtries: () => '3',
};

function useAlsoLayout(side: SideConfig): void {
  side.layout = 'also';
}

/** Changes to how a node's files hang together: includes, also= and duplicate conns. */
export const STRUCTURE_MUTATIONS: readonly Mutation[] = [
  {
    name: 'also-conflict',
    rule: 'also-conflict',
    weight: 1,
    summary: 'the conn sets a key again that its also= conn already sets, to another value',
    applies: always,
    apply: (_p, side) => {
      useAlsoLayout(side);
      const key = side.conn.type === 'transport' ? 'keyingtries' : 'type';
      const value = OVERRIDES[key](side.conn[key] ?? '');
      side.ownOverrides = { ...side.ownOverrides, [key]: value };
      return `conn ${side.connName} sets ${key}=${value}, its also=${ALSO_CONN} sets ${key}=${side.conn[key]}`;
    },
  },
  {
    name: 'also-repeat',
    weight: 1,
    summary: 'the conn repeats a key of its also= conn with the same value',
    applies: always,
    apply: (_p, side) => {
      useAlsoLayout(side);
      side.ownOverrides = { ...side.ownOverrides, ikev2: side.conn.ikev2 };
      return `conn ${side.connName} repeats ikev2=${side.conn.ikev2} of its also=${ALSO_CONN}`;
    },
  },
  {
    name: 'also-undefined',
    rule: 'also-undefined',
    weight: 1,
    summary: 'also= names a conn that does not exist',
    applies: always,
    apply: (_p, side) => {
      side.layout = 'flat';
      side.ownOverrides = { ...side.ownOverrides, also: 'commonsettings' };
      return 'also=commonsettings, no such conn';
    },
  },
  {
    name: 'also-cycle',
    rule: 'also-cycle',
    weight: 1,
    summary: 'the also= conn pulls the conn back in',
    applies: always,
    apply: (_p, side) => {
      useAlsoLayout(side);
      side.sharedAlso = side.connName;
      return `conn ${ALSO_CONN} has also=${side.connName}`;
    },
  },
  {
    name: 'include-missing',
    rule: 'include-missing',
    weight: 1,
    summary: 'ipsec.conf includes a file that does not exist',
    applies: always,
    apply: (_p, side) => {
      side.extraConf = [...side.extraConf, 'include ipsec.d/site-extra.conf', ''];
      return 'include ipsec.d/site-extra.conf, no such file';
    },
  },
  {
    name: 'include-cycle',
    rule: 'include-cycle',
    weight: 1,
    summary: 'ipsec.conf includes itself',
    applies: always,
    apply: (_p, side) => {
      side.extraConf = [...side.extraConf, 'include ipsec.conf', ''];
      return 'include ipsec.conf in ipsec.conf';
    },
  },
  {
    name: 'duplicate-conn',
    rule: 'duplicate-conn-in-node',
    weight: 1,
    summary: 'the conn is defined twice, in ipsec.conf and in an included file, one of them with another rightid',
    applies: always,
    apply: (_p, side, _peer, rng) => {
      const copy = `conn ${side.connName}\n\tleft=${side.conn.left}\n\tright=${side.conn.right}\n\trightid=@someone-else.example\n\tauto=add\n`;
      const variant = rng.int(3);
      if (variant === 0) {
        side.layout = 'flat';
        side.extraConf = [...side.extraConf, 'include ipsec.d/*.conf', ''];
        side.extraFiles = { ...side.extraFiles, [`ipsec.d/${side.connName}.conf`]: copy };
        return `conn ${side.connName} in ipsec.conf, then again in ipsec.d/${side.connName}.conf (rightid=@someone-else.example there)`;
      }
      side.layout = 'include';
      if (variant === 1) {
        side.extraConf = [...side.extraConf, copy];
        return `conn ${side.connName} in ipsec.d/${side.connName}.conf, then again in ipsec.conf after the include line (rightid=@someone-else.example there)`;
      }
      side.preamble = [...(side.preamble ?? []), copy];
      return `conn ${side.connName} in ipsec.conf before the include line (rightid=@someone-else.example there), then in ipsec.d/${side.connName}.conf`;
    },
  },
];
