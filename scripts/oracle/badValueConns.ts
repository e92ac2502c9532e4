import type { Dialect } from '../../server/src/knowledge/ipsecConf';
import { keywordsFor, lookupKeyword } from '../../server/src/knowledge/ipsecConf/lookup';

/** A value of each kind that no daemon reads as meant. */
const BAD_VALUE: Readonly<Record<string, string>> = {
  yesno: 'maybe',
  number: 'abc',
  count: 'abc',
  duration: '5x',
  percent: 'abc%',
  enum: 'bogusword',
  address: '10.3.0.300',
  addressList: '10.3.0.300',
  addressPool: '10.3.0.300/24',
  protoport: 'tcp/70000',
  mark: '0xzz',
  byteCount: 'abc',
  port: '70000',
};

/** Kinds tried only with Libreswan: strongSwan's subnets have cases of their own, and its hosts are left out. */
const LIBRESWAN_BAD_VALUE: Readonly<Record<string, string>> = { ...BAD_VALUE, host: '192.0.2.300', subnet: '10.3.0.300/24', subnetList: '10.3.0.300/24', addressPool: '10.3.0.300-10.3.0.301', enumList: 'bogusword' };

/** Keys that decide whether a conn exists or how it authenticates. */
const DECIDING = ['left', 'right', 'also', 'auto', 'authby', 'type', 'keyexchange'];

/**
 * Left out per daemon: strongSwan's end methods and subnets (the proposal cases hold those);
 * Libreswan 5.4's pluto dies on a `leftsourceip=` or `modecfgdns=` it cannot read, which would end
 * the sweep (ipsec-lint calls both an error).
 */
const LEFT_OUT: Readonly<Record<'libreswan' | 'strongswan', ReadonlySet<string>>> = {
  strongswan: new Set([...DECIDING, 'leftauth', 'rightauth', 'leftsubnet', 'rightsubnet']),
  libreswan: new Set([...DECIDING, 'ikev2', 'leftsourceip', 'rightsourceip', 'modecfgdns']),
};

export interface BadValueConn {
  readonly conn: string;
  readonly key: string;
  readonly value: string;
}

/**
 * One conn per conn key the daemon's `release` reads with a typed value, each set to a value of
 * the wrong form, with a peer address of its own: as ipsec.conf conn sections (without a dialect
 * line or config setup) and the conns.
 */
export function badValueConns(dialect: Extract<Dialect, 'libreswan' | 'strongswan'>, release: string): { readonly text: string; readonly conns: readonly BadValueConn[] } {
  const table = dialect === 'libreswan' ? LIBRESWAN_BAD_VALUE : BAD_VALUE;
  const conns: BadValueConn[] = [];
  for (const keyword of keywordsFor('conn', dialect, release)) {
    const kind = lookupKeyword(keyword.name, dialect, release).type?.kind;
    const value = kind === undefined || LEFT_OUT[dialect].has(keyword.name) ? undefined : table[kind];
    if (value !== undefined) conns.push({ conn: `bad-${keyword.name.replace(/[^A-Za-z0-9_-]/g, '_')}`, key: keyword.name, value });
  }
  const text = conns.map((c, i) => badValueConn(c.conn, i, [`${c.key}=${c.value}`])).join('\n');
  return { text, conns };
}

/** A conn with a pre-shared key to a peer of its own (192.0.2.20 and on), with these settings added. */
export function badValueConn(name: string, index: number, settings: readonly string[]): string {
  return [`conn ${name}`, 'left=198.51.100.1', `right=192.0.2.${20 + (index % 200)}`, 'authby=secret', 'auto=add', ...settings].join('\n\t') + '\n';
}

/** Set by the sweep itself, or naming this machine's folders: left out of the `config setup` sweep. */
const SETUP_LEFT_OUT: ReadonlySet<string> = new Set(['ikev1-policy']);

/** One wrong value per `config setup` key Libreswan `release` reads with a typed value. */
export function badSetupValues(release: string): readonly { readonly key: string; readonly value: string }[] {
  return keywordsFor('config', 'libreswan', release).flatMap((keyword) => {
    const kind = lookupKeyword(keyword.name, 'libreswan', release).type?.kind;
    const value = kind === undefined || SETUP_LEFT_OUT.has(keyword.name) ? undefined : LIBRESWAN_BAD_VALUE[kind];
    return value === undefined ? [] : [{ key: keyword.name, value }];
  });
}
