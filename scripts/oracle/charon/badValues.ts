import { keywordsFor, lookupKeyword } from '../../../server/src/knowledge/ipsecConf/lookup';

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

/** Keys that decide whether a conn exists or how it authenticates, and subnets, which the proposal cases hold. */
const LEFT_OUT: ReadonlySet<string> = new Set(['left', 'right', 'also', 'auto', 'authby', 'type', 'keyexchange', 'leftauth', 'rightauth', 'leftsubnet', 'rightsubnet']);

export interface BadValueConn {
  readonly conn: string;
  readonly key: string;
  readonly value: string;
}

/**
 * One conn per conn key strongSwan `release` reads with a typed value, each set to a value of the
 * wrong form, with a peer address of its own: as ipsec.conf text (without a dialect line) and the conns.
 */
export function badValueConns(release: string): { readonly text: string; readonly conns: readonly BadValueConn[] } {
  const conns: BadValueConn[] = [];
  for (const keyword of keywordsFor('conn', 'strongswan', release)) {
    const kind = lookupKeyword(keyword.name, 'strongswan', release).type?.kind;
    const value = kind === undefined || LEFT_OUT.has(keyword.name) ? undefined : BAD_VALUE[kind];
    if (value !== undefined) conns.push({ conn: `bad-${keyword.name.replace(/[^A-Za-z0-9_-]/g, '_')}`, key: keyword.name, value });
  }
  const text = conns.map((c, i) => `conn ${c.conn}\n\tleft=198.51.100.1\n\tright=192.0.2.${20 + (i % 200)}\n\tauthby=secret\n\tauto=add\n\t${c.key}=${c.value}\n`).join('\n');
  return { text, conns };
}
