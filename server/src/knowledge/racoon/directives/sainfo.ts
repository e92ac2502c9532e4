import { DH_GROUP, IDENTIFIER_VALUE, SAINFO_ADDRESS, algorithm, choice, commaList, keyword, num, optional, str } from '../slots';
import type { ArgumentSlot, RacoonDirective } from '../types';
import { IDENTIFIER_TYPES } from '../values';

/** `address 10.0.0.0/24 [any] any`, or an identity such as `fqdn "peer.example.org"`. */
const SAINFO_ID: ArgumentSlot = choice(
  [keyword(...IDENTIFIER_TYPES), SAINFO_ADDRESS, optional({ kind: 'port', any: true }), { kind: 'protocol' }],
  [keyword(...IDENTIFIER_TYPES), str('an identifier')],
);

const SAINFO_NAME: ArgumentSlot = choice(
  [keyword('anonymous'), optional(choice([keyword('clientaddr')], [SAINFO_ID]))],
  [SAINFO_ID, choice([keyword('anonymous')], [keyword('clientaddr')], [SAINFO_ID])],
);

const SAINFO_FILTER: ArgumentSlot = optional(
  choice([keyword('from'), keyword(...IDENTIFIER_TYPES), optional(IDENTIFIER_VALUE)], [keyword('group'), str('an Xauth group')]),
);

const SAINFO_BLOCK: RacoonDirective = {
  name: 'sainfo',
  sections: ['top'],
  opens: 'sainfo',
  forms: [[SAINFO_NAME, SAINFO_FILTER]],
  syntax: 'sainfo (local_id | anonymous) (remote_id | clientaddr | anonymous) [from idtype ["id"]] [group "name"] { … }',
  doc: 'Phase 2 (IPsec SA) settings for traffic between a local and a remote id, each `address|subnet ADDR[/LEN] [PORT] PROTO` (for example `address 10.0.0.0/24 any`) or `anonymous` for any. `from` limits it to peers that authenticated with that phase 1 id, `group` to Xauth users of that group. It must set `encryption_algorithm`, `authentication_algorithm` and `compression_algorithm`.',
};

const SAINFO: readonly RacoonDirective[] = [
  {
    name: 'pfs_group',
    sections: ['sainfo'],
    forms: [[DH_GROUP]],
    syntax: 'pfs_group modp2048;',
    doc: 'Diffie-Hellman group for perfect forward secrecy in phase 2, by name (`modp1024` … `modp8192`) or number (1, 2, 5, 14–18). Leave it out to accept proposals without PFS.',
  },
  {
    name: 'remoteid',
    sections: ['sainfo'],
    forms: [[num('an id')]],
    syntax: 'remoteid 1;',
    doc: 'Use this sainfo only with the remote block whose `ph1id` has the same number. Default 0.',
  },
  {
    name: 'encryption_algorithm',
    sections: ['sainfo'],
    forms: [[commaList(algorithm('ipsec-encryption'))]],
    syntax: 'encryption_algorithm aes 256, aes 128;',
    doc: 'ESP ciphers to offer, separated by commas: `aes`, `3des`, `blowfish`, `cast128`, `twofish`, `camellia`, `null_enc`, `des`, …; variable-key ciphers take an optional key length (`aes 256`). Required.',
  },
  {
    name: 'authentication_algorithm',
    sections: ['sainfo'],
    forms: [[commaList(algorithm('ipsec-authentication'))]],
    syntax: 'authentication_algorithm hmac_sha256, hmac_sha1;',
    doc: 'ESP or AH integrity algorithms to offer, separated by commas: `hmac_sha1`, `hmac_sha256`, `hmac_sha384`, `hmac_sha512`, `hmac_md5` or `non_auth`. Required, even for ESP with a combined cipher.',
  },
  {
    name: 'compression_algorithm',
    sections: ['sainfo'],
    forms: [[commaList(algorithm('ipsec-compression'))]],
    syntax: 'compression_algorithm deflate;',
    doc: 'IPComp algorithm; `deflate` in practice. Required by racoon even when the policies ask for no compression.',
  },
];

export const SAINFO_DIRECTIVES: readonly RacoonDirective[] = [SAINFO_BLOCK, ...SAINFO];
