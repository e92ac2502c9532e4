import type { Rng } from '../negotiation/random';
import type { Family } from './oracles';

/** A slip of the fingers: swapped, dropped or doubled letter, `-` for `_` and back, left for right. */
export function misspell(key: string, rng: Rng): string {
  const i = 1 + rng.int(key.length - 2);
  const variants = [
    key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2),
    key.slice(0, i) + key.slice(i + 1),
    key.slice(0, i) + key[i] + key.slice(i),
    key.includes('-') ? key.replace('-', '_') : key.includes('_') ? key.replace('_', '-') : `${key}s`,
    key.startsWith('left') ? `lefft${key.slice(4)}` : key.startsWith('right') ? `rigth${key.slice(5)}` : `${key.slice(0, -1)}`,
  ].filter((v) => v !== key);
  return rng.pick(variants);
}

/** Lines only the other daemons read, with plausible values. */
const ONLY_STRONGSWAN = ['reauth=no', 'leftauth=pubkey', 'rightauth=psk', 'closeaction=restart', 'eap_identity=%identity', 'leftsendcert=always', 'mediation=no', 'aggressive=yes', 'margintime=9m', 'rekeyfuzz=100%', 'leftfirewall=yes', 'lifebytes=100000', 'inactivity=30m', 'leftallowany=yes', 'dpdaction=clear', 'forceencaps=yes', 'tfc=%mtu'];
const ONLY_LIBRESWAN = ['narrowing=yes', 'nic-offload=no', 'ikepad=no', 'encapsulation=yes', 'phase2=esp', 'sha2-truncbug=no', 'leftrsasigkey=%cert', 'pfs=no', 'ikev2=insist', 'nat-ikev1-method=drafts', 'overlapip=yes', 'salifetime=8h', 'retransmit-timeout=60s', 'vti-routing=no', 'remote-peer-type=cisco', 'priority=100', 'rightmodecfgserver=yes', 'sendca=issuer', 'ms-dh-downgrade=no', 'ipsec-interface=yes', 'leftusername=bob', 'ikelifetime=3h'];

export function foreignKeyword(dialect: Family, rng: Rng): string {
  return rng.pick(dialect === 'libreswan' ? ONLY_STRONGSWAN : ONLY_LIBRESWAN);
}

const SETUP_LINES: Readonly<Record<Family, readonly string[]>> = {
  libreswan: ['protostack=netkey', 'plutodebug=all', 'uniqueids=yes', 'logfile=/var/log/pluto.log', 'virtual-private=%v4:10.0.0.0/8', 'nhelpers=2', 'dumpdir=/run/pluto'],
  strongswan: ['charondebug="ike 2"', 'uniqueids=never', 'cachecrls=yes', 'strictcrlpolicy=no', 'charonstart=yes'],
};
const CONN_LINES = ['left=%defaultroute', 'leftid=@gw.example', 'auto=add', 'authby=secret', 'rightsubnet=10.1.0.0/16', 'type=tunnel', 'keyexchange=ikev2', 'ike=aes256-sha2_256', 'dpddelay=30'];

/** A line that belongs in the other kind of section than `into`. */
export function sectionKeyword(from: 'config' | 'conn', dialect: Family, rng: Rng): string {
  return from === 'config' ? rng.pick(SETUP_LINES[dialect]) : rng.pick(CONN_LINES);
}

const YES_NO = /^(yes|no|y|n|true|false|on|off)$/;
const BAD_BOOLEANS = ['maybe', 'Yes', 'NO', '1', '0', 'enabled', 'ye', 'yess', 'nope', 'true', 'off'];
const NUMBERISH = /^\d+(\.\d+)?[a-zA-Z]{0,3}$/;
const BAD_NUMBERS = ['abc', '8x', '1.5h', '-1', '1e3', '60S', '08', '%forever', '0x10', '3 h', '10min', '5hrs', '1,000'];

/** Keywords with a closed set of words, and misspellings people write. */
const ENUM_SLIPS: Readonly<Record<string, readonly string[]>> = {
  auto: ['begin', 'Start', 'ADD', 'load', 'ondemand', 'up', 'keep', 'route ', 'manual'],
  type: ['tunel', 'Tunnel', 'transprot', 'passthru', 'drop', 'reject', 'pass'],
  authby: ['psk', 'PSK', 'rsa', 'pubkey', 'cert', 'secret|rsasig', 'rsa-sha2', 'ecdsa', 'null', 'never'],
  keyexchange: ['ikev3', 'IKEv2', 'ike', 'ikev1,ikev2', 'v2'],
  dpdaction: ['restart_by_peer', 'reset', 'hold', 'clear', 'none', 'Restart'],
  fragmentation: ['force', 'accept', 'maybe', 'forced'],
  ikev2: ['insist', 'propose', 'permit', 'never', 'require'],
  compress: ['maybe', 'enable'],
  leftsendcert: ['alwaysyes', 'sendifasked', 'ifasked', 'never'],
  rightsendcert: ['alwaysyes', 'sendifasked', 'ifasked', 'never'],
  uniqueids: ['keep', 'replace', 'never', 'maybe'],
  closeaction: ['restart', 'hold', 'clear', 'none', 'reset'],
  sendca: ['issuer', 'all', 'none', 'everything'],
  mobike: ['maybe', 'enable'],
  phase2: ['esp', 'ah', 'ipcomp'],
  encapsulation: ['auto', 'force', 'maybe'],
  'nat-ikev1-method': ['rfc', 'drafts', 'none', 'both'],
  'remote-peer-type': ['cisco', 'ietf', 'juniper'],
};

/** A wrong value for a typed keyword as written in the file, judged by the value's shape. */
export function typedBadValue(key: string, value: string, dialect: Family, rng: Rng): string | undefined {
  void dialect;
  const slips = ENUM_SLIPS[key.toLowerCase()];
  if (slips !== undefined) {
    const choice = rng.pick(slips);
    return choice === value ? undefined : choice;
  }
  if (YES_NO.test(value)) {
    const choice = rng.pick(BAD_BOOLEANS);
    return choice === value ? undefined : choice;
  }
  if (NUMBERISH.test(value) && !/subnet|addr|^left$|^right$|id$|ike$|esp$/.test(key)) return rng.pick(BAD_NUMBERS);
  return undefined;
}
