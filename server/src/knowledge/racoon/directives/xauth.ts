import { MODE_CFG_ADDRESS, MODE_CFG_NETWORK, ON_OFF, commaList, keyword, num, optional, str } from '../slots';
import type { RacoonDirective } from '../types';

const BLOCKS: readonly RacoonDirective[] = [
  {
    name: 'mode_cfg',
    sections: ['top'],
    opens: 'mode_cfg',
    forms: [[]],
    syntax: 'mode_cfg { network4 10.99.0.1; pool_size 100; … }',
    doc: 'What racoon hands to Mode Config clients (address pool, DNS, split networks, banner) and where it checks Xauth logins.',
    requires: 'hybrid',
  },
  {
    name: 'ldapcfg',
    sections: ['top'],
    opens: 'ldapcfg',
    forms: [[]],
    syntax: 'ldapcfg { host "ldap.example.org"; base "dc=example,dc=org"; … }',
    doc: 'How to reach the LDAP server used by `auth_source ldap`, `group_source ldap` or `conf_source ldap`. racoon refuses the block unless built with hybrid and LDAP support.',
    requires: 'ldap',
  },
  {
    name: 'radiuscfg',
    sections: ['top'],
    opens: 'radiuscfg',
    forms: [[]],
    syntax: 'radiuscfg { auth "radius.example.org" "secret"; … }',
    doc: 'RADIUS servers for `auth_source radius`, `conf_source radius` or `accounting radius`. Without servers here the system radius.conf is used. racoon refuses the block unless built with hybrid and RADIUS support.',
    requires: 'radius',
  },
];

const MODE_CFG: readonly RacoonDirective[] = [
  {
    name: 'network4',
    sections: ['mode_cfg'],
    forms: [[MODE_CFG_ADDRESS]],
    syntax: 'network4 10.99.0.1;',
    doc: 'First address of the local pool clients get addresses from (with `conf_source local`).',
  },
  {
    name: 'netmask4',
    sections: ['mode_cfg'],
    forms: [[MODE_CFG_ADDRESS]],
    syntax: 'netmask4 255.255.255.0;',
    doc: 'Netmask handed to clients with their address.',
  },
  {
    name: 'pool_size',
    sections: ['mode_cfg'],
    forms: [[num('a number of addresses')]],
    syntax: 'pool_size 100;',
    doc: 'How many addresses the pool holds, and so how many clients can be connected at once. Default 255.',
  },
  {
    name: 'dns4',
    sections: ['mode_cfg'],
    forms: [[commaList(MODE_CFG_ADDRESS)]],
    syntax: 'dns4 10.0.0.53, 10.0.1.53;',
    doc: 'DNS servers for clients, separated by commas or on several `dns4` lines.',
  },
  {
    name: 'wins4',
    aliases: ['nbns4'],
    sections: ['mode_cfg'],
    forms: [[commaList(MODE_CFG_ADDRESS)]],
    syntax: 'wins4 10.0.0.20;',
    doc: 'WINS servers for clients, separated by commas.',
  },
  {
    name: 'split_network',
    sections: ['mode_cfg'],
    forms: [[keyword('include', 'local_lan'), commaList(MODE_CFG_NETWORK)]],
    syntax: 'split_network include 10.0.0.0/24, 10.0.1.0/24;',
    doc: 'Networks in CIDR form, separated by commas. With `include` only they go through the tunnel; with `local_lan` everything but them does.',
  },
  {
    name: 'split_dns',
    sections: ['mode_cfg'],
    forms: [[commaList(str('a domain'))]],
    syntax: 'split_dns "corp.example.org";',
    doc: 'Quoted domains, separated by commas, that clients resolve through the tunnel DNS servers (Cisco clients only).',
  },
  {
    name: 'default_domain',
    sections: ['mode_cfg'],
    forms: [[str('a domain')]],
    syntax: 'default_domain "corp.example.org";',
    doc: 'DNS search domain for clients.',
  },
  {
    name: 'auth_source',
    sections: ['mode_cfg'],
    forms: [[keyword('system', 'radius', 'pam', 'ldap')]],
    syntax: 'auth_source system;',
    doc: 'Where Xauth passwords are checked: `system` (local users, default), `radius`, `pam` or `ldap`, each needing racoon built with that support.',
  },
  {
    name: 'auth_groups',
    sections: ['mode_cfg'],
    forms: [[commaList(str('a group'))]],
    syntax: 'auth_groups "vpnusers", "admins";',
    doc: 'Quoted groups, separated by commas; an Xauth user must belong to one of them.',
  },
  {
    name: 'group_source',
    sections: ['mode_cfg'],
    forms: [[keyword('system', 'ldap')]],
    syntax: 'group_source system;',
    doc: 'Where group membership for `auth_groups` and sainfo `group` is looked up: `system` (default) or `ldap`.',
  },
  {
    name: 'conf_source',
    sections: ['mode_cfg'],
    forms: [[keyword('local', 'radius', 'ldap')]],
    syntax: 'conf_source local;',
    doc: 'Where client addresses come from: `local` (the `network4` pool, default), `radius` or `ldap`.',
  },
  {
    name: 'accounting',
    sections: ['mode_cfg'],
    forms: [[keyword('none', 'system', 'radius', 'pam')]],
    syntax: 'accounting system;',
    doc: 'Record Xauth logins and logouts: `none` (default), `system` (utmp), `radius` or `pam`.',
  },
  {
    name: 'banner',
    sections: ['mode_cfg'],
    forms: [[str('a file name')]],
    syntax: 'banner "/etc/racoon/motd";',
    doc: 'File whose text clients show on connecting. Default `/etc/motd`.',
  },
  {
    name: 'auth_throttle',
    sections: ['mode_cfg'],
    forms: [[num('a delay in seconds')]],
    syntax: 'auth_throttle 1;',
    doc: 'Seconds to refuse new attempts after a failed Xauth login, against password guessing. Default 1; 0 turns it off.',
  },
  {
    name: 'pfs_group',
    sections: ['mode_cfg'],
    forms: [[num('a DH group number')]],
    syntax: 'pfs_group 2;',
    doc: 'PFS group number handed to Cisco clients for their proposals. Default 0. If set, the sainfo must use the same group.',
  },
  {
    name: 'save_passwd',
    sections: ['mode_cfg'],
    forms: [[ON_OFF]],
    syntax: 'save_passwd off;',
    doc: 'Let Cisco clients store the Xauth password. Default `off`.',
  },
];

const LDAP: readonly RacoonDirective[] = [
  {
    name: 'version',
    sections: ['ldapcfg'],
    forms: [[{ kind: 'number', label: '2 or 3', only: [2, 3] }]],
    syntax: 'version 3;',
    doc: 'LDAP protocol version, 2 or 3 (default).',
  },
  { name: 'host', sections: ['ldapcfg'], forms: [[str('a host name or address')]], syntax: 'host "ldap.example.org";', doc: 'LDAP server, quoted. Default `localhost`.' },
  { name: 'port', sections: ['ldapcfg'], forms: [[num('a port')]], syntax: 'port 389;', doc: 'LDAP server port. Default 389.' },
  { name: 'base', sections: ['ldapcfg'], forms: [[str('a DN')]], syntax: 'base "dc=example,dc=org";', doc: 'Search base DN; no default.' },
  { name: 'subtree', sections: ['ldapcfg'], forms: [[ON_OFF]], syntax: 'subtree on;', doc: 'Search the whole subtree instead of one level. Default `off`.' },
  { name: 'bind_dn', sections: ['ldapcfg'], forms: [[str('a DN')]], syntax: 'bind_dn "cn=racoon,dc=example,dc=org";', doc: 'DN to bind as before searching; binds anonymously without it.' },
  { name: 'bind_pw', sections: ['ldapcfg'], forms: [[str('a password')]], syntax: 'bind_pw "secret";', doc: 'Password for `bind_dn`. Keep the file unreadable to others.' },
  { name: 'attr_user', sections: ['ldapcfg'], forms: [[str('an attribute')]], syntax: 'attr_user "uid";', doc: 'Attribute holding the user name. Default `cn`.' },
  { name: 'attr_addr', sections: ['ldapcfg'], forms: [[str('an attribute')]], syntax: 'attr_addr "racoon-address";', doc: "Attribute holding the user's address, for `conf_source ldap`. Default `racoon-address`." },
  { name: 'attr_mask', sections: ['ldapcfg'], forms: [[str('an attribute')]], syntax: 'attr_mask "racoon-netmask";', doc: "Attribute holding the user's netmask, for `conf_source ldap`. Default `racoon-netmask`." },
  { name: 'attr_group', sections: ['ldapcfg'], forms: [[str('an attribute')]], syntax: 'attr_group "cn";', doc: 'Attribute naming a group. Default `cn`.' },
  { name: 'attr_member', sections: ['ldapcfg'], forms: [[str('an attribute')]], syntax: 'attr_member "member";', doc: 'Attribute listing group members. Default `member`.' },
  { name: 'uri', sections: ['ldapcfg'], forms: [[str('an LDAP URI')]], syntax: 'uri "ldaps://ldap.example.org";', doc: 'LDAP server as a URI (racoon-ipsec-tools fork only).', requires: 'fork' },
  { name: 'timeout', sections: ['ldapcfg'], forms: [[num('seconds')]], syntax: 'timeout 5;', doc: 'LDAP operation timeout in seconds (racoon-ipsec-tools fork only).', requires: 'fork' },
  { name: 'debug', sections: ['ldapcfg'], forms: [[num('a debug level')]], syntax: 'debug 0;', doc: 'LDAP library debug level (racoon-ipsec-tools fork only).', requires: 'fork' },
];

const RADIUS_SERVER = [str('a server'), optional(num('a port')), str('the shared secret')];

const RADIUS: readonly RacoonDirective[] = [
  {
    name: 'auth',
    sections: ['radiuscfg'],
    forms: [RADIUS_SERVER],
    syntax: 'auth "radius.example.org" 1812 "secret";',
    doc: 'A RADIUS authentication server: quoted host, optional port, quoted shared secret. Up to five.',
  },
  {
    name: 'acct',
    sections: ['radiuscfg'],
    forms: [RADIUS_SERVER],
    syntax: 'acct "radius.example.org" 1813 "secret";',
    doc: 'A RADIUS accounting server: quoted host, optional port, quoted shared secret. Up to five.',
  },
  { name: 'timeout', sections: ['radiuscfg'], forms: [[num('seconds')]], syntax: 'timeout 3;', doc: 'Seconds to wait for a RADIUS reply. Default 3.' },
  { name: 'retries', sections: ['radiuscfg'], forms: [[num('a count')]], syntax: 'retries 3;', doc: 'Requests sent to a RADIUS server before giving up on it. Default 3.' },
];

export const XAUTH_DIRECTIVES: readonly RacoonDirective[] = [...BLOCKS, ...MODE_CFG, ...LDAP, ...RADIUS];
